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
 * Turns a staff reply into a letter in the reply's transaction. It is addressed as the citizen's
 * latest letter gave the address, unless staff recorded an address after that letter was registered
 * (then as staff wrote it), else to their recorded address; refuses when the citizen has none.
 */
@Injectable()
export class PostReplyComposer implements ReplyComposer {
  readonly channel = 'post' as const;

  async compose(tx: Sql, draft: ReplyDraft): Promise<NewOutboxMessage> {
    const row = await tx.one<{ name: string | null; recorded: string | null; shown: string | null; written: string | null; identity: string | null }>(
      `SELECT z.display_name AS name, shown.address AS shown, i.written_as AS written, i.value AS identity,
         CASE WHEN i.recorded_at IS NOT NULL AND (shown.created_at IS NULL OR i.recorded_at > shown.created_at) THEN i.written_as END AS recorded
       FROM citizens z
       LEFT JOIN LATERAL (
         SELECT sender->>'address' AS address, created_at FROM contacts
         WHERE citizen_id = z.id AND direction = 'inbound' AND sender ? 'address' ORDER BY occurred_at DESC LIMIT 1) shown ON true
       LEFT JOIN LATERAL (
         SELECT value, written_as, recorded_at FROM citizen_identities
         WHERE citizen_id = z.id AND kind = 'address' ORDER BY coalesce(recorded_at, created_at) DESC LIMIT 1) i ON true
       WHERE z.id = $1`,
      [draft.citizenId],
    );
    const candidates = [row?.recorded, row?.shown, row?.written, row?.identity && capitalised(row.identity)];
    const address = candidates.map((written) => (written ? parsePostalAddress(written) : undefined)).find(Boolean);
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
