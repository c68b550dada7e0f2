import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@kontakt/identity';
import { ReplyTemplateDto } from './reply-templates.dto';
import { ReplyTemplatesService } from './reply-templates.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

/** Every member of staff reads the templates; supervisors and admins write them. */
@ApiTags('reply templates')
@ApiBearerAuth()
@Controller('api/v1/reply-templates')
export class ReplyTemplatesController {
  constructor(private readonly templates: ReplyTemplatesService) {}

  @Get()
  list() {
    return this.templates.list();
  }

  @Post()
  @Roles('admin', 'supervisor')
  create(@Body() body: ReplyTemplateDto) {
    return this.templates.create(body);
  }

  @Put(':id')
  @Roles('admin', 'supervisor')
  update(@Param('id', uuid) id: string, @Body() body: ReplyTemplateDto) {
    return this.templates.update(id, body);
  }

  @Delete(':id')
  @Roles('admin', 'supervisor')
  @HttpCode(204)
  async remove(@Param('id', uuid) id: string) {
    await this.templates.remove(id);
  }
}
