import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

export interface MailboxRow {
  id: string;
  name: string;
  address: string;
  display_name: string | null;
  imap_host: string;
  imap_port: number;
  imap_tls: boolean;
  imap_user: string;
  imap_auth: 'password' | 'oauth2';
  imap_secret: string;
  folder: string;
  processed_folder: string | null;
  smtp_host: string;
  smtp_port: number;
  smtp_tls: boolean;
  smtp_user: string | null;
  smtp_secret: string | null;
  topic_slug: string | null;
  active: boolean;
  seeded_from_env: boolean;
  uid_validity: string | null;
  last_uid: string;
  last_synced_at: Date | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A mailbox's settings with its secrets already encrypted. */
export type MailboxValues = Omit<MailboxRow, 'id' | 'uid_validity' | 'last_uid' | 'last_synced_at' | 'last_error' | 'created_at' | 'updated_at' | 'seeded_from_env'>;

const COLUMNS = ['name', 'address', 'display_name', 'imap_host', 'imap_port', 'imap_tls', 'imap_user', 'imap_auth', 'imap_secret', 'folder',
  'processed_folder', 'smtp_host', 'smtp_port', 'smtp_tls', 'smtp_user', 'smtp_secret', 'topic_slug', 'active'] as const;

/** Mailboxes and their IMAP cursor (uid_validity, last_uid). */
@Injectable()
export class MailboxesRepository {
  list(sql: Sql): Promise<MailboxRow[]> {
    return sql.rows('SELECT * FROM email_mailboxes ORDER BY created_at');
  }

  byId(sql: Sql, id: string): Promise<MailboxRow | undefined> {
    return sql.one('SELECT * FROM email_mailboxes WHERE id = $1', [id]);
  }

  /** The mailbox replies go out from when a case did not arrive by email: the env one, else the oldest active one. */
  defaultForReplies(sql: Sql): Promise<MailboxRow | undefined> {
    return sql.one('SELECT * FROM email_mailboxes WHERE active ORDER BY seeded_from_env DESC, created_at LIMIT 1');
  }

  addresses(sql: Sql): Promise<{ address: string }[]> {
    return sql.rows('SELECT address FROM email_mailboxes');
  }

  async insert(sql: Sql, values: MailboxValues, seededFromEnv = false): Promise<MailboxRow> {
    return (await sql.one<MailboxRow>(
      `INSERT INTO email_mailboxes (${COLUMNS.join(', ')}, seeded_from_env)
       VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, $${COLUMNS.length + 1}) RETURNING *`,
      [...COLUMNS.map((c) => values[c]), seededFromEnv],
    ))!;
  }

  /** Updates settings; a changed server, user or folder starts the cursor again (dedupe on Message-ID keeps that safe). */
  async update(sql: Sql, id: string, values: MailboxValues): Promise<MailboxRow | undefined> {
    return sql.one(
      `UPDATE email_mailboxes SET ${COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')},
         uid_validity = CASE WHEN (imap_host, imap_port, imap_user, folder) IS DISTINCT FROM ($5, $6, $8, $11) THEN NULL ELSE uid_validity END,
         last_uid = CASE WHEN (imap_host, imap_port, imap_user, folder) IS DISTINCT FROM ($5, $6, $8, $11) THEN 0 ELSE last_uid END,
         updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, ...COLUMNS.map((c) => values[c])],
    );
  }

  async envMailbox(sql: Sql): Promise<MailboxRow | undefined> {
    return sql.one('SELECT * FROM email_mailboxes WHERE seeded_from_env');
  }

  async delete(sql: Sql, id: string): Promise<boolean> {
    return (await sql.rows('DELETE FROM email_mailboxes WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  /** Moves the cursor forward only; a slower writer never moves it back. */
  async saveCursor(sql: Sql, id: string, uidValidity: string, lastUid: number): Promise<void> {
    await sql.rows(
      `UPDATE email_mailboxes SET uid_validity = $2,
         last_uid = CASE WHEN uid_validity IS DISTINCT FROM $2::bigint THEN $3 ELSE greatest(last_uid, $3) END,
         last_synced_at = now(), last_error = NULL
       WHERE id = $1`,
      [id, uidValidity, lastUid],
    );
  }

  async recordError(sql: Sql, id: string, error: string | null): Promise<void> {
    await sql.rows('UPDATE email_mailboxes SET last_error = $2 WHERE id = $1', [id, error]);
  }
}
