import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

export interface QuarantineRow {
  id: string;
  mailbox_id: string;
  uid_validity: string;
  uid: string;
  message_id: string | null;
  reason: string;
  size_bytes: number;
  status: 'quarantined' | 'released';
  attempts: number;
  created_at: Date;
  retried_at: Date | null;
}

/** Message-IDs on cases (for threading and bounces), what the sender was last acknowledged, and quarantined messages. */
@Injectable()
export class EmailMessagesRepository {
  async recordMessageId(tx: Sql, row: { messageId: string; caseId: string; mailboxId?: string; direction: 'inbound' | 'outbound'; outboxId?: string }): Promise<void> {
    await tx.rows(
      `INSERT INTO email_message_ids (message_id, case_id, mailbox_id, direction, outbox_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id) DO NOTHING`,
      [row.messageId, row.caseId, row.mailboxId ?? null, row.direction, row.outboxId ?? null],
    );
  }

  /** Case references of the given Message-IDs, in the order asked (In-Reply-To first). */
  async referencesOf(sql: Sql, messageIds: string[]): Promise<string[]> {
    if (messageIds.length === 0) return [];
    const rows = await sql.rows<{ reference: string }>(
      `SELECT c.reference FROM unnest($1::text[]) WITH ORDINALITY AS wanted(message_id, n)
       JOIN email_message_ids m ON m.message_id = wanted.message_id JOIN cases c ON c.id = m.case_id
       ORDER BY wanted.n`,
      [messageIds],
    );
    return [...new Set(rows.map((r) => r.reference))];
  }

  /** Outbox messages Kontakt sent under any of these Message-IDs (a bounce names the one it returns). */
  outboundOf(sql: Sql, messageIds: string[]): Promise<{ outbox_id: string; case_id: string; message_id: string }[]> {
    return sql.rows(
      `SELECT outbox_id, case_id, message_id FROM email_message_ids
       WHERE message_id = ANY($1::text[]) AND direction = 'outbound' AND outbox_id IS NOT NULL`,
      [messageIds],
    );
  }

  /** The case's email thread for a reply: its Message-IDs oldest first, and the mailbox the citizen last wrote to. */
  async threadOf(sql: Sql, caseId: string): Promise<{ messageIds: string[]; lastInbound?: string; mailboxId?: string }> {
    const rows = await sql.rows<{ message_id: string; direction: string; mailbox_id: string | null }>(
      'SELECT message_id, direction, mailbox_id FROM email_message_ids WHERE case_id = $1 ORDER BY created_at, message_id',
      [caseId],
    );
    const inbound = rows.filter((r) => r.direction === 'inbound').pop();
    return { messageIds: rows.map((r) => r.message_id), lastInbound: inbound?.message_id, mailboxId: (inbound ?? rows[rows.length - 1])?.mailbox_id ?? undefined };
  }

  async caseLanguage(tx: Sql, caseId: string): Promise<'da' | 'en'> {
    const row = await tx.one<{ language: string }>('SELECT language FROM cases WHERE id = $1', [caseId]);
    return row?.language === 'en' ? 'en' : 'da';
  }

  async referenceByStatusTokenHash(sql: Sql, hash: Buffer): Promise<string | undefined> {
    const row = await sql.one<{ reference: string }>(
      'SELECT c.reference FROM case_status_links l JOIN cases c ON c.id = l.case_id WHERE l.token_hash = $1',
      [hash],
    );
    return row?.reference;
  }

  async primaryEmailOf(sql: Sql, citizenId: string): Promise<{ email: string; name: string | null } | undefined> {
    return sql.one(
      `SELECT i.value AS email, c.display_name AS name FROM citizen_identities i JOIN citizens c ON c.id = i.citizen_id
       WHERE i.citizen_id = $1 AND i.kind = 'email' ORDER BY i.verified DESC, i.created_at DESC LIMIT 1`,
      [citizenId],
    );
  }

  attachments(sql: Sql, ids: string[]): Promise<{ id: string; filename: string; content_type: string; content: Buffer }[]> {
    return sql.rows('SELECT id, filename, content_type, content FROM attachments WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Serialises acknowledgements to one sender across mailboxes and processes until the transaction ends. */
  async lockSender(tx: Sql, address: string): Promise<void> {
    await tx.rows(`SELECT pg_advisory_xact_lock(hashtext('kontakt:email-ack:' || $1))`, [address]);
  }

  async quarantine(sql: Sql, row: { mailboxId: string; uidValidity: string; uid: number; messageId?: string; reason: string; size: number; raw?: Buffer }): Promise<void> {
    await sql.rows(
      `INSERT INTO email_quarantine (mailbox_id, uid_validity, uid, message_id, reason, size_bytes, raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT email_quarantine_message
       DO UPDATE SET reason = EXCLUDED.reason, attempts = email_quarantine.attempts + 1, status = 'quarantined', retried_at = now()`,
      [row.mailboxId, row.uidValidity, row.uid, row.messageId ?? null, row.reason, row.size, row.raw ?? null],
    );
  }

  listQuarantine(sql: Sql, status?: string): Promise<QuarantineRow[]> {
    return sql.rows(
      `SELECT id, mailbox_id, uid_validity, uid, message_id, reason, size_bytes, status, attempts, created_at, retried_at
       FROM email_quarantine WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC LIMIT 500`,
      [status ?? null],
    );
  }

  quarantined(sql: Sql, id: string): Promise<(QuarantineRow & { raw: Buffer | null }) | undefined> {
    return sql.one('SELECT * FROM email_quarantine WHERE id = $1', [id]);
  }

  async release(sql: Sql, id: string): Promise<void> {
    await sql.rows(`UPDATE email_quarantine SET status = 'released', retried_at = now() WHERE id = $1`, [id]);
  }

  async recordRetryFailure(sql: Sql, id: string, reason: string): Promise<void> {
    await sql.rows('UPDATE email_quarantine SET reason = $2, attempts = attempts + 1, retried_at = now() WHERE id = $1', [id, reason]);
  }
}
