import { Injectable } from '@nestjs/common';
import { DomainError, Sql } from '@kontakt/core';
import type { NewOutboxMessage, ReplyComposer, ReplyDraft } from '@kontakt/outbox';
import { EmailMessagesRepository } from './email-messages.repository';
import { MailboxesRepository } from './mailboxes.repository';
import { newOutboundIds, OutboundEmailPayload, replySubject } from './outbound-email';

/** At most this many Message-IDs in References; the first and the latest matter to mail clients. */
const MAX_REFERENCES = 20;

/**
 * Turns a staff reply into an email in the reply's transaction: from the mailbox the citizen last
 * wrote to, In-Reply-To their last message, References the case's thread, the reference in the subject.
 */
@Injectable()
export class EmailReplyComposer implements ReplyComposer {
  readonly channel = 'email' as const;

  constructor(private readonly messages: EmailMessagesRepository, private readonly mailboxes: MailboxesRepository) {}

  async compose(tx: Sql, draft: ReplyDraft): Promise<NewOutboxMessage> {
    const recipient = await this.messages.primaryEmailOf(tx, draft.citizenId);
    if (!recipient) throw new DomainError('invalid', 'The citizen has no email address; reply on another channel');
    const thread = await this.messages.threadOf(tx, draft.caseId);
    const mailbox = (thread.mailboxId && (await this.mailboxes.byId(tx, thread.mailboxId))) || (await this.mailboxes.defaultForReplies(tx));
    if (!mailbox) throw new DomainError('invalid', 'Replies by email cannot be delivered yet: no mailbox is set up (IMAP_URL/SMTP_URL/MAIL_FROM or POST /api/v1/email/mailboxes)');
    const { outboxId, messageId } = newOutboundIds(mailbox.address);
    const references = thread.messageIds.length > MAX_REFERENCES ? [thread.messageIds[0], ...thread.messageIds.slice(-(MAX_REFERENCES - 1))] : thread.messageIds;
    const payload: OutboundEmailPayload = {
      mailboxId: mailbox.id,
      to: { name: recipient.name ?? undefined, address: recipient.email },
      subject: replySubject(draft.caseSubject, draft.reference),
      text: draft.body,
      messageId,
      inReplyTo: thread.lastInbound,
      references: references.length ? references : undefined,
      attachmentIds: draft.attachments.length ? draft.attachments.map((a) => a.id) : undefined,
    };
    await this.messages.recordMessageId(tx, { messageId, caseId: draft.caseId, mailboxId: mailbox.id, direction: 'outbound', outboxId });
    return { id: outboxId, channel: 'email', kind: 'reply', caseId: draft.caseId, contactId: draft.contactId, recipient: recipient.email, payload };
  }
}
