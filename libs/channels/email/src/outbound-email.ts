import { randomUUID } from 'node:crypto';

/** The outbox payload of an email; built when the outbox row is written, so retries send the identical message. */
export interface OutboundEmailPayload {
  [key: string]: unknown;
  mailboxId: string;
  to: { name?: string; address: string };
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  attachmentIds?: string[];
  /** RFC 3834: set on acknowledgements so well-behaved responders do not answer them */
  autoSubmitted?: 'auto-replied';
}

/** A fresh outbox id and the Message-ID it will be sent under, in the mailbox's own domain. */
export function newOutboundIds(mailboxAddress: string): { outboxId: string; messageId: string } {
  const outboxId = randomUUID();
  return { outboxId, messageId: `<kontakt.${outboxId}@${mailboxAddress.split('@')[1]}>` };
}

/** `Re: <subject> [K-…]`, with the reference once, so the citizen's answer threads by subject too. */
export function replySubject(caseSubject: string, reference: string): string {
  const base = caseSubject.replace(/^((re|sv|aw|vs|fw|fwd)\s*:\s*)+/i, '').trim();
  return base.includes(reference) ? `Re: ${base}` : `Re: ${base} [${reference}]`;
}
