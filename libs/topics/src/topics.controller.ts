import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@kontakt/identity';
import { CreateTopicDto, UpdateTopicDto } from './topics.dto';
import { TopicsService } from './topics.service';

@ApiTags('topics')
@ApiBearerAuth()
@Controller('api/v1')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get('topics')
  list() {
    return this.topics.all();
  }

  @Post('topics')
  @Roles('admin')
  create(@Body() body: CreateTopicDto) {
    return this.topics.create({ ...body, queueSlug: body.queue });
  }

  @Patch('topics/:slug')
  @Roles('admin')
  update(@Param('slug') slug: string, @Body() body: UpdateTopicDto) {
    return this.topics.update(slug, { ...body, queueSlug: body.queue });
  }

  @Get('queues')
  queues() {
    return this.topics.queues();
  }
}
