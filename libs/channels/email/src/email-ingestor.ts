import { Injectable, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppConfig } from '@kontakt/config';
import { DomainError, Sql } from '@kontakt/core';
import { InboundContact, IntakeResult, IntakeService } from '@kontakt/intake';
import { OutboxRepository } from '@kontakt/outbox';
import { AcknowledgementTemplate } from './acknowledgement-template';
import { BounceHandler } from './bounce-handler';
import { classifyEmail, EmailNoise } from './email-noise';
import { EmailMessagesRepository } from './email-messages.repository';
import { EmailThreadResolver } from './email-thread-resolver';
import { parseInboundEmail, ParsedEmail, UnreadableEmail } from './inbound-email-parser';
import type { MailboxConnection } from './mailboxes.service';
import { newOutboundIds, OutboundEmailPayload } from './outbound-email';
import { singleLine } from './safe-headers';

export type IngestOutcome = 'recorded' | 'duplicate' | 'auto_reply' | 'bounce' | 'ignored' | 'quarantined';

/** A message that must not become a contact, with the reason an admin reads in the quarantine. */
export class QuarantineReason extends Error {
  override name = 'QuarantineReason';
}

const ACK_ONCE_PER_MINUTES = 60;

/**
 * One fetched email → one outcome. Parses it, keeps Kontakt's own mail out (loops), matches bounces
 * to what was sent, records out-of-office replies without reopening, and hands everything else to
 * intake, writing the Message-ID and any acknowledgement in intake's transaction. Throws only for
 * transient trouble (database down): the watcher then tries the same message again later.
 */
@Injectable()
export class EmailIngestor {
  private readonly logger = new Logger(EmailIngestor.name);
  private readonly acknowledgement: AcknowledgementTemplate;

  constructor(
    private readonly intake: IntakeService,
    private readonly messages: EmailMessagesRepository,
    private readonly threads: EmailThreadResolver,
    private readonly bounces: BounceHandler,
    private readonly outbox: OutboxRepository,
    private readonly config: AppConfig,
  ) {
    this.acknowledgement = new AcknowledgementTemplate(config.mailAckTemplateDir);
  }

  get maxMessageBytes(): number {
    return this.config.mailMaxMessageBytes;
  }

  /** Parses and records; a message that cannot be recorded for good reason throws QuarantineReason. */
  async ingest(mailbox: MailboxConnection, raw: Buffer, ownAddresses: Set<string>, receivedAt?: Date): Promise<IngestOutcome> {
    if (raw.length > this.config.mailMaxMessageBytes) throw new QuarantineReason(`the message is ${raw.length} bytes, over MAIL_MAX_MESSAGE_BYTES (${this.config.mailMaxMessageBytes})`);
    let email: ParsedEmail;
    try {
      email = await parseInboundEmail(raw, { maxAttachmentBytes: this.config.mailMaxAttachmentBytes });
    } catch (error) {
      if (error instanceof UnreadableEmail) throw new QuarantineReason(error.message);
      throw error;
    }
    if (email.from && ownAddresses.has(email.from.address)) return 'ignored';
    const noise = classifyEmail(email);
    if (noise.kind === 'bounce') return (await this.bounces.handle(raw, email)) ? 'bounce' : 'ignored';
    const references = await this.threads.references(email);
    if (noise.kind === 'auto_reply' && references.length === 0) return 'ignored';
    try {
      const result = await this.intake.receive({ ...this.inboundContact(mailbox, email, raw, references, noise), occurredAt: receivedAt }, {
        inTransaction: (tx, recorded) => this.afterRecord(tx, mailbox, email, noise, recorded),
      });
      if (result.duplicate) return 'duplicate';
      return noise.kind === 'auto_reply' ? 'auto_reply' : 'recorded';
    } catch (error) {
      // bad data (a value PostgreSQL refuses, a domain rule) would fail every time; connection trouble would not
      const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code ?? '';
      if (error instanceof DomainError || /^2[23]/.test(code)) throw new QuarantineReason(`intake refused the message: ${(error as Error).message}`);
      throw error;
    }
  }

  private inboundContact(mailbox: MailboxConnection, email: ParsedEmail, raw: Buffer, references: string[], noise: EmailNoise): InboundContact {
    const omitted = email.omitted.length ? `\n\n[${email.omitted.length} vedhæftning(er) over størrelsesgrænsen er ikke gemt / attachment(s) over the size limit not stored: ${email.omitted.join(', ')}]` : '';
    return {
      channel: 'email',
      externalId: email.externalId,
      sender: { name: email.from?.name, email: email.from?.address },
      subject: email.subject || undefined,
      bodyText: (email.text || (email.html ? '' : '(tom e-mail)')) + omitted,
      bodyHtml: email.html,
      quotedText: email.quoted,
      attachments: [
        ...email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        { filename: 'message.eml', contentType: 'message/rfc822', content: raw },
      ],
      topicSlug: mailbox.topicSlug,
      thread: references.length ? { references, automatic: noise.kind === 'auto_reply' } : undefined,
    };
  }

  private async afterRecord(tx: Sql, mailbox: MailboxConnection, email: ParsedEmail, noise: EmailNoise, result: IntakeResult): Promise<void> {
    if (email.messageId) await this.messages.recordMessageId(tx, { messageId: email.messageId, caseId: result.caseId, mailboxId: mailbox.id, direction: 'inbound' });
    if (!result.newCase || !result.statusToken || noise.noAcknowledgement || !email.from) {
      if (result.newCase && noise.noAcknowledgement) this.logger.log({ event: 'acknowledgement_suppressed', caseId: result.caseId, contactId: result.contactId, reason: noise.noAcknowledgement });
      return;
    }
    await this.messages.lockSender(tx, email.from.address);
    if (await this.outbox.sentRecently(tx, email.from.address, 'acknowledgement', ACK_ONCE_PER_MINUTES)) {
      this.logger.log({ event: 'acknowledgement_suppressed', caseId: result.caseId, contactId: result.contactId, reason: 'acknowledged within the hour' });
      return;
    }
    const language = await this.messages.caseLanguage(tx, result.caseId);
    const ack = this.acknowledgement.render(language, {
      reference: result.reference, name: email.from.name, subject: email.subject ? singleLine(email.subject, 150) : undefined,
      statusUrl: `${this.config.publicBaseUrl}/status/${result.statusToken}`,
    });
    const { outboxId, messageId } = newOutboundIds(mailbox.from.address);
    const payload: OutboundEmailPayload = {
      mailboxId: mailbox.id, to: email.from, subject: ack.subject, text: ack.text, messageId,
      inReplyTo: email.messageId, references: email.messageId ? [email.messageId] : undefined, autoSubmitted: 'auto-replied',
    };
    await this.messages.recordMessageId(tx, { messageId, caseId: result.caseId, mailboxId: mailbox.id, direction: 'outbound', outboxId });
    await this.outbox.enqueue(tx, { id: outboxId, channel: 'email', kind: 'acknowledgement', caseId: result.caseId, recipient: email.from.address, payload }, this.config.outboxMaxAttempts);
  }
}
