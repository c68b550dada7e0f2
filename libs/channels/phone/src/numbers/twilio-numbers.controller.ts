import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@kontakt/identity';
import { TwilioNumberDto } from './twilio-numbers.dto';
import { TwilioNumbersAdmin } from './twilio-numbers-admin.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

/** Admins manage the municipality's Twilio numbers: a label, calls and/or texts, and optionally the queue it is the direct line of. */
@ApiTags('phone')
@ApiBearerAuth()
@Controller('api/v1/phone/numbers')
export class TwilioNumbersController {
  constructor(private readonly numbers: TwilioNumbersAdmin) {}

  @Get()
  @Roles('admin', 'supervisor')
  list() {
    return this.numbers.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() body: TwilioNumberDto) {
    return this.numbers.create(body);
  }

  @Put(':id')
  @Roles('admin')
  update(@Param('id', uuid) id: string, @Body() body: TwilioNumberDto) {
    return this.numbers.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('id', uuid) id: string) {
    await this.numbers.remove(id);
  }
}
