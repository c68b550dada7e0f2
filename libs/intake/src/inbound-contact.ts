import type { Channel, Language } from '@kontakt/core';

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
  attachments?: InboundAttachment[];
  /** the topic the citizen or clerk chose, by slug */
  topicSlug?: string;
  language?: Language;
  occurredAt?: Date;
  thread?: {
    /** the private status-link token the citizen followed */
    statusToken?: string;
    /** case references the adapter trusts for threading, e.g. from an email subject */
    references?: string[];
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
}
