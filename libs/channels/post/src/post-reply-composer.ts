import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, Sql } from '@kontakt/core';
import type { NewOutboxMessage, ReplyComposer, ReplyDraft } from '@kontakt/outbox';
import { formatPostalAddress, parsePostalAddress } from '@kontakt/citizens';

/** What the print-queue adapter needs to render the letter; the date is the day the reply was written. */
export interface LetterPayload {
  recipientName?: string;
  recipientLines: string[];
  reference: string;
  subject: string;
  body: string;
  language: 'da' | 'en';
  staffName: string;
  writtenAt: string;
}

/** Identities are stored lower-cased for matching; an envelope wants the words capitalised again. */
const capitalised = (line: string) => line.replace(/(^|[\s-])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());

/**
 * Turns a staff reply into a letter in the reply's transaction, addressed as the citizen's latest
 * letter gave the address (else their recorded address); refuses when the citizen has none.
 */
@Injectable()
export class PostReplyComposer implements ReplyComposer {
  readonly channel = 'post' as const;

  async compose(tx: Sql, draft: ReplyDraft): Promise<NewOutboxMessage> {
    const row = await tx.one<{ name: string | null; shown: string | null; identity: string | null }>(
      `SELECT z.display_name AS name,
         (SELECT sender->>'address' FROM contacts WHERE citizen_id = z.id AND direction = 'inbound' AND sender ? 'address' ORDER BY occurred_at DESC LIMIT 1) AS shown,
         (SELECT value FROM citizen_identities WHERE citizen_id = z.id AND kind = 'address' ORDER BY created_at DESC LIMIT 1) AS identity
       FROM citizens z WHERE z.id = $1`,
      [draft.citizenId],
    );
    const address = (row?.shown && parsePostalAddress(row.shown)) || (row?.identity && parsePostalAddress(capitalised(row.identity))) || undefined;
    if (!address) throw new DomainError('invalid', 'The citizen has no postal address; reply on another channel');
    const recipientLines = formatPostalAddress(address).split('\n');
    const payload: LetterPayload = {
      recipientName: row?.name ?? undefined, recipientLines, reference: draft.reference, subject: draft.caseSubject, body: draft.body,
      language: draft.language, staffName: draft.staffName, writtenAt: new Date().toISOString(),
    };
    return {
      id: randomUUID(), channel: 'post', kind: 'reply', caseId: draft.caseId, contactId: draft.contactId,
      recipient: [row?.name, ...recipientLines].filter(Boolean).join(', '), payload: payload as unknown as Record<string, unknown>,
    };
  }
}
