import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { Database } from '@kontakt/database';
import { DeliveryAdapter, OutboxMessage, PermanentDeliveryError } from '@kontakt/outbox';
import { renderLetter } from './letter-renderer';
import type { LetterPayload } from './post-reply-composer';
import { PrintQueueRepository } from './print-queue.repository';

/**
 * Delivers a letter by rendering its PDF into the print queue; from there the mailroom prints and
 * posts it. Postage is fixed now (POST_POSTAGE_MINOR) and charged to the contact when it is posted.
 */
@Injectable()
export class PrintQueueDelivery implements DeliveryAdapter {
  readonly channel = 'post' as const;

  constructor(private readonly db: Database, private readonly queue: PrintQueueRepository, private readonly config: AppConfig) {}

  async deliver(message: OutboxMessage): Promise<void> {
    const letter = message.payload as unknown as LetterPayload;
    if (!message.caseId || !message.contactId || !Array.isArray(letter.recipientLines)) throw new PermanentDeliveryError('The letter has no case, contact or address');
    const rendered = await renderLetter({
      letterhead: this.config.postLetterhead, senderAddress: this.config.postSenderAddress, senderContact: this.config.postSenderContact,
      recipientName: letter.recipientName, recipientLines: letter.recipientLines, date: new Date(letter.writtenAt), timeZone: this.config.timeZone,
      reference: letter.reference, subject: letter.subject, body: letter.body, staffName: letter.staffName, language: letter.language,
    });
    await this.queue.insert(this.db, {
      id: message.id, contactId: message.contactId, caseId: message.caseId, recipient: message.recipient, pdf: rendered.pdf, pages: rendered.pages,
      postageMinor: this.config.postPostageMinor,
    });
  }
}
