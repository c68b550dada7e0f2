import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@kontakt/config';
import { DomainError, Sql } from '@kontakt/core';
import type { NewOutboxMessage, ReplyComposer, ReplyDraft } from '@kontakt/outbox';
import { DirectLines, TwilioAccount } from '@kontakt/channels/phone';
import { smsSegments } from './sms-segments';
import { SmsRepository } from './sms.repository';
import { SMS_TEXTS } from './sms-texts';

export interface OutboundSmsPayload {
  to: string;
  /** our number to send from; absent in messages queued before numbers were listed (the account's number is used) */
  from?: string;
  body: string;
}

/**
 * Turns a staff reply into an SMS in the reply's transaction: to the number the citizen texted from
 * (else their latest number), refused while that number has opted out; from the number the citizen
 * last texted on the case while it is listed for texts, else the account's number. Its segments are
 * counted and costed now; the delivery adapter replaces them with Twilio's own figures when it sends.
 */
@Injectable()
export class SmsReplyComposer implements ReplyComposer {
  readonly channel = 'sms' as const;

  constructor(private readonly sms: SmsRepository, private readonly account: TwilioAccount, private readonly lines: DirectLines, private readonly config: AppConfig) {}

  async compose(tx: Sql, draft: ReplyDraft): Promise<NewOutboxMessage> {
    const credentials = await this.account.credentials();
    const from = credentials && ((await this.lines.smsSender(await this.sms.lastNumberTexted(tx, draft.caseId))) ?? credentials.phoneNumber);
    if (!from) throw new DomainError('invalid', SMS_TEXTS.notSetUp.en, SMS_TEXTS.notSetUp);
    const to = await this.sms.replyNumber(tx, draft.caseId, draft.citizenId);
    if (!to) throw new DomainError('invalid', SMS_TEXTS.noNumber.en, SMS_TEXTS.noNumber);
    if (await this.sms.isOptedOut(tx, to)) throw new DomainError('invalid', SMS_TEXTS.recipientOptedOut.en, SMS_TEXTS.recipientOptedOut);
    const segments = smsSegments(draft.body);
    await this.sms.recordSegments(tx, draft.contactId, 'outbound', null, segments, segments * this.config.smsSegmentCostOre, from);
    const payload: OutboundSmsPayload = { to, from, body: draft.body };
    return { id: randomUUID(), channel: 'sms', kind: 'reply', caseId: draft.caseId, contactId: draft.contactId, recipient: to, payload: { ...payload } };
  }
}
