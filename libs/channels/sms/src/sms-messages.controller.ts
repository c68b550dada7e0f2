import { BadRequestException, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Database } from '@kontakt/database';
import { SmsRepository } from './sms.repository';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('caseId must be a UUID') });

/** The texts of a case with Twilio's ids and the segments each was charged as, beside the case's contacts. */
@ApiTags('sms')
@ApiBearerAuth()
@Controller('api/v1/sms')
export class SmsMessagesController {
  constructor(private readonly db: Database, private readonly sms: SmsRepository) {}

  @Get('cases/:caseId/messages')
  async ofCase(@Param('caseId', uuid) caseId: string) {
    return (await this.sms.messagesOfCase(this.db, caseId)).map((m) => ({
      contactId: m.contact_id, direction: m.direction, messageSid: m.message_sid, segments: m.segments, twilioNumber: m.twilio_number,
      costMinor: m.direct_cost_minor === null ? null : Number(m.direct_cost_minor), occurredAt: m.occurred_at,
    }));
  }
}
