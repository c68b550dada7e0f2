import { Injectable, Logger } from '@nestjs/common';
import { Database } from '@kontakt/database';
import { OutboxRepository } from '@kontakt/outbox';
import { EmailMessagesRepository } from './email-messages.repository';
import type { ParsedEmail } from './inbound-email-parser';

const MESSAGE_ID_HEADER = /^(?:Original-)?Message-ID:\s*(<[^<>\s]+>)/gim;
const DIAGNOSTIC = /^Diagnostic-Code:\s*(?:smtp;\s*)?(.+(?:\r?\n[ \t].+)*)/im;
const STATUS = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im;

/** The Message-IDs a delivery status notification quotes, and why delivery failed, from its raw text. */
export function readBounce(raw: Buffer): { messageIds: string[]; reason: string } {
  const text = raw.toString('latin1');
  const messageIds = [...new Set([...text.matchAll(MESSAGE_ID_HEADER)].map((m) => m[1]))];
  const diagnostic = DIAGNOSTIC.exec(text)?.[1].replace(/\s+/g, ' ').trim();
  const status = STATUS.exec(text)?.[1];
  const reason = diagnostic ? `bounced: ${diagnostic}` : status ? `bounced with status ${status}` : 'bounced by the receiving mail server';
  return { messageIds, reason: reason.slice(0, 500) };
}

/**
 * A bounce is not a citizen's contact: it is matched to the outbound message it returns (by the
 * Message-ID Kontakt gave it), which is marked failed on its case. An unmatched bounce is dropped.
 */
@Injectable()
export class BounceHandler {
  private readonly logger = new Logger(BounceHandler.name);

  constructor(private readonly db: Database, private readonly messages: EmailMessagesRepository, private readonly outbox: OutboxRepository) {}

  async handle(raw: Buffer, email: ParsedEmail): Promise<boolean> {
    const bounce = readBounce(raw);
    const sent = await this.messages.outboundOf(this.db, bounce.messageIds.filter((id) => id !== email.messageId));
    for (const message of sent) {
      const changed = await this.outbox.markFailed(this.db, message.outbox_id, bounce.reason);
      if (changed) this.logger.warn({ event: 'email_bounced', caseId: message.case_id, outboxId: message.outbox_id, reason: bounce.reason });
    }
    if (sent.length === 0) this.logger.log({ event: 'email_bounce_unmatched' });
    return sent.length > 0;
  }
}
