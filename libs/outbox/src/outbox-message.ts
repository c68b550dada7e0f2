import type { Channel, Sql } from '@kontakt/core';

export type OutboxKind = 'reply' | 'acknowledgement';
export type OutboxStatus = 'queued' | 'sent' | 'failed';

/** An outbound message to write in the caller's transaction; the id may be chosen up front (e.g. for a Message-ID). */
export interface NewOutboxMessage {
  id: string;
  channel: Channel;
  kind: OutboxKind;
  caseId?: string;
  contactId?: string;
  /** the address, number or postal address it goes to */
  recipient: string;
  /** what the channel's delivery adapter needs, as JSON; never secrets */
  payload: Record<string, unknown>;
}

/** A claimed message, handed to its channel's delivery adapter. */
export interface OutboxMessage extends NewOutboxMessage {
  attempts: number;
  maxAttempts: number;
}

/** Delivers one channel's messages. Throw PermanentDeliveryError for a refusal retrying cannot fix. */
export interface DeliveryAdapter {
  readonly channel: Channel;
  deliver(message: OutboxMessage): Promise<void>;
}

/** The receiving side refused the message for good (e.g. SMTP 5xx for the recipient); no retry. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

export interface ReplyAttachment {
  id: string;
  filename: string;
  contentType: string;
}

/** A staff reply that has just been recorded as an outbound contact, to be turned into an outbox message. */
export interface ReplyDraft {
  caseId: string;
  reference: string;
  citizenId: string;
  caseSubject: string;
  language: 'da' | 'en';
  contactId: string;
  body: string;
  attachments: ReplyAttachment[];
  staffName: string;
}

/**
 * Turns a staff reply into an outbox message for one channel, inside the reply's transaction (so it may
 * write its own bookkeeping rows, e.g. the Message-ID). Throws a DomainError when the reply cannot go
 * out on this channel (the citizen has no address for it).
 */
export interface ReplyComposer {
  readonly channel: Channel;
  compose(tx: Sql, draft: ReplyDraft): Promise<NewOutboxMessage>;
}
