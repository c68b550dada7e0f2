import type { Channel, Language, Sql } from '@kontakt/core';

export interface InboundAttachment {
  filename: string;
  /** detected from the content by the channel adapter, never taken from the sender's claim */
  contentType: string;
  content: Buffer;
}

/**
 * The one shape every channel adapter turns its raw input into. Nothing channel-specific passes
 * this point: intake dedupes, finds the citizen, threads, classifies and enqueues from it alone.
 */
export interface InboundContact {
  channel: Channel;
  /** the channel's own id for idempotency (Message-ID, CallSid, a form submission id) */
  externalId?: string;
  sender: {
    name?: string;
    /** normalised by the adapter */
    email?: string;
    /** E.164 */
    phone?: string;
    address?: string;
  };
  subject?: string;
  bodyText: string;
  /** sanitised HTML for display */
  bodyHtml?: string;
  /** history the sender quoted below bodyText (an email's earlier messages), shown folded */
  quotedText?: string;
  attachments?: InboundAttachment[];
  /** the topic the citizen or clerk chose, by slug */
  topicSlug?: string;
  language?: Language;
  occurredAt?: Date;
  thread?: {
    /** the private status-link token the citizen followed */
    statusToken?: string;
    /**
     * case references the adapter trusts for threading: from an email subject, or the cases of the
     * Message-IDs an email's In-Reply-To/References name. A resolved case reopens within
     * REOPEN_WINDOW_DAYS; after that, or when it is closed, a new case opens linked to it.
     */
    references?: string[];
    /** an automatic reply (out-of-office): recorded on the case it threads into without reopening or re-queuing it */
    automatic?: boolean;
  };
}

export interface IntakeResult {
  caseId: string;
  reference: string;
  contactId: string;
  /** true when the contact had been recorded before; nothing was written */
  duplicate: boolean;
  /** true when the contact opened a new case */
  newCase: boolean;
  /** the status-link token, returned only when a new case was opened */
  statusToken?: string;
  /** the earlier case a new case was linked to (a reply after the reopen window, or to a closed case) */
  linkedCaseId?: string;
}

/** Options for IntakeService.receive. */
export interface ReceiveOptions {
  /**
   * Runs inside the intake transaction after the contact is recorded (not for a duplicate), so an
   * adapter's own rows (Message-IDs, an acknowledgement in the outbox) commit or roll back with it.
   */
  inTransaction?: (tx: Sql, result: IntakeResult) => Promise<void>;
}
