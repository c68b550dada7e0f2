import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import twilio from 'twilio';
import { AppConfig } from '@kontakt/config';
import { Database } from '@kontakt/database';
import { normalisePhone } from '@kontakt/citizens';
import { IntakeService } from '@kontakt/intake';
import { countOf, DirectLines, sidOf, textOf, WebhookParams } from '@kontakt/channels/phone';
import { smsSegments } from './sms-segments';
import { SmsRepository } from './sms.repository';
import { optKeyword, SMS_TEXTS } from './sms-texts';

const BODY_MAX = 5_000;

/**
 * An inbound text: STOP/START change the number's opt-out and are answered by TwiML; any other text
 * becomes a contact (external id = MessageSid, so Twilio's retries are dropped) on the sender's open
 * case, found by their phone number, with its segments and their cost. A text to a queue's direct line
 * joins the sender's open case in that queue or opens one there. The number it was sent to is kept,
 * for the reply to leave from.
 */
@Injectable()
export class InboundSms {
  private readonly logger = new Logger(InboundSms.name);

  constructor(
    private readonly db: Database,
    private readonly intake: IntakeService,
    private readonly sms: SmsRepository,
    private readonly lines: DirectLines,
    private readonly config: AppConfig,
  ) {}

  async receive(params: WebhookParams): Promise<string> {
    const messageSid = sidOf(params, 'MessageSid');
    const from = normalisePhone(textOf(params, 'From', 40) ?? '');
    if (!from) throw new BadRequestException('From is missing or is not a phone number');
    const body = typeof params.Body === 'string' ? params.Body.slice(0, BODY_MAX) : '';
    const response = new twilio.twiml.MessagingResponse();
    const keyword = optKeyword(body);
    if (keyword) {
      if (keyword === 'stop') await this.sms.optOut(this.db, from);
      else await this.sms.optIn(this.db, from);
      this.logger.log({ event: keyword === 'stop' ? 'sms_opted_out' : 'sms_opted_in', messageSid });
      response.message(keyword === 'stop' ? SMS_TEXTS.optedOut : SMS_TEXTS.optedIn);
      return response.toString();
    }
    if (!body.trim()) return response.toString();
    const segments = countOf(params, 'NumSegments') || smsSegments(body);
    const to = normalisePhone(textOf(params, 'To', 40) ?? '');
    const direct = await this.lines.topicFor(to, 'sms', body);
    const reference = await this.sms.openCaseOfPhone(this.db, from, direct?.queueId);
    await this.intake.receive(
      {
        channel: 'sms', externalId: messageSid, sender: { phone: from }, bodyText: body, topicSlug: direct?.slug,
        thread: reference ? { references: [reference] } : undefined,
      },
      { inTransaction: (tx, result) => this.sms.recordSegments(tx, result.contactId, 'inbound', messageSid, segments, segments * this.config.smsSegmentCostOre, to) },
    );
    return response.toString();
  }
}
