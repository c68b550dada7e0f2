import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@kontakt/identity';
import { MailboxDto, QuarantineQueryDto } from './mailboxes.dto';
import { MailboxesService } from './mailboxes.service';
import { QuarantineService } from './quarantine.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

/** Admins manage mailboxes and look after quarantined messages. */
@ApiTags('email')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/email')
export class EmailAdminController {
  constructor(private readonly mailboxes: MailboxesService, private readonly quarantine: QuarantineService) {}

  @Get('mailboxes')
  list() {
    return this.mailboxes.list();
  }

  @Post('mailboxes')
  create(@Body() body: MailboxDto) {
    return this.mailboxes.create(body);
  }

  @Put('mailboxes/:id')
  update(@Param('id', uuid) id: string, @Body() body: MailboxDto) {
    return this.mailboxes.update(id, body);
  }

  @Delete('mailboxes/:id')
  @HttpCode(204)
  remove(@Param('id', uuid) id: string) {
    return this.mailboxes.remove(id);
  }

  @Get('quarantine')
  quarantined(@Query() query: QuarantineQueryDto) {
    return this.quarantine.list(query.status);
  }

  @Post('quarantine/:id/retry')
  @HttpCode(200)
  retry(@Param('id', uuid) id: string) {
    return this.quarantine.retry(id);
  }
}
