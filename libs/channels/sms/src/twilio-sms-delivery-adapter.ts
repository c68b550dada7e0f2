import { Injectable } from '@nestjs/common';
import twilio from 'twilio';
import { AppConfig } from '@kontakt/config';
import { Database } from '@kontakt/database';
import { DeliveryAdapter, OutboxMessage, PermanentDeliveryError } from '@kontakt/outbox';
import { priceInOre, TwilioAccount } from '@kontakt/channels/phone';
import type { OutboundSmsPayload } from './sms-reply-composer';
import { SmsRepository } from './sms.repository';

/**
 * Sends outbox SMS with the Twilio REST client (Messages API) from the number the reply chose (else the
 * account's number). Twilio's 4xx answers (invalid or unsubscribed number, except 429) are permanent;
 * anything else is retried. What Twilio answers (MessageSid, segments, price when known) and the number
 * it was sent from are written on the reply's contact.
 */
@Injectable()
export class TwilioSmsDeliveryAdapter implements DeliveryAdapter {
  readonly channel = 'sms' as const;

  constructor(private readonly account: TwilioAccount, private readonly sms: SmsRepository, private readonly db: Database, private readonly config: AppConfig) {}

  async deliver(message: OutboxMessage): Promise<void> {
    const payload = message.payload as unknown as OutboundSmsPayload;
    if (await this.sms.isOptedOut(this.db, payload.to)) throw new PermanentDeliveryError('the citizen opted out of text messages (STOP) before it was sent');
    const credentials = await this.account.credentials();
    const from = payload.from ?? credentials?.phoneNumber;
    if (!credentials || !from) throw new Error('no Twilio account with a phone number is set up');
    let sent;
    try {
      sent = await this.account.restClient(credentials).messages.create({ to: payload.to, from, body: payload.body });
    } catch (error) {
      if (error instanceof twilio.RestException && error.status >= 400 && error.status < 500 && error.status !== 429) {
        throw new PermanentDeliveryError(`Twilio refused the message: ${error.message} (code ${error.code})`);
      }
      throw error;
    }
    if (!message.contactId) return;
    const segments = Number(sent.numSegments) || 1;
    const priced = priceInOre(sent.price, sent.priceUnit, this.config.twilioUsdRateOre);
    await this.sms.recordSent(this.db, message.contactId, sent.sid, segments, priced ?? segments * this.config.smsSegmentCostOre, from);
  }
}
