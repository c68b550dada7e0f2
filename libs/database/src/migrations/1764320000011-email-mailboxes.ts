import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Email mailboxes with their IMAP cursor, the Message-IDs Kontakt saw and sent, and quarantined messages. */
export class EmailMailboxes1764320000011 implements MigrationInterface {
  name = 'EmailMailboxes1764320000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- an email's quoted history, kept apart from what the citizen wrote now
      ALTER TABLE contacts ADD COLUMN quoted_text text;

      CREATE TABLE email_mailboxes (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name             text NOT NULL UNIQUE,
        address          text NOT NULL,
        display_name     text,
        imap_host        text NOT NULL,
        imap_port        integer NOT NULL CHECK (imap_port BETWEEN 1 AND 65535),
        imap_tls         boolean NOT NULL,
        imap_user        text NOT NULL,
        imap_auth        text NOT NULL CHECK (imap_auth IN ('password', 'oauth2')),
        -- AES-256-GCM (libs/crypto); never the password itself
        imap_secret      text NOT NULL,
        folder           text NOT NULL DEFAULT 'INBOX',
        processed_folder text,
        smtp_host        text NOT NULL,
        smtp_port        integer NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
        smtp_tls         boolean NOT NULL,
        smtp_user        text,
        smtp_secret      text,
        topic_slug       text,
        active           boolean NOT NULL DEFAULT true,
        seeded_from_env  boolean NOT NULL DEFAULT false,
        -- the IMAP cursor: messages up to last_uid of this uid_validity are recorded
        uid_validity     bigint,
        last_uid         bigint NOT NULL DEFAULT 0,
        last_synced_at   timestamptz,
        last_error       text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX email_mailboxes_env ON email_mailboxes (seeded_from_env) WHERE seeded_from_env;

      -- Message-IDs of mail on a case, inbound and outbound, so In-Reply-To/References thread and bounces match
      CREATE TABLE email_message_ids (
        message_id  text PRIMARY KEY,
        case_id     uuid NOT NULL REFERENCES cases (id),
        mailbox_id  uuid REFERENCES email_mailboxes (id) ON DELETE SET NULL,
        direction   text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        -- the outbox row that sends it; written in the same transaction just before that row
        outbox_id   uuid,
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX email_message_ids_case ON email_message_ids (case_id, created_at);

      CREATE TABLE email_quarantine (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mailbox_id   uuid NOT NULL REFERENCES email_mailboxes (id) ON DELETE CASCADE,
        uid_validity bigint NOT NULL,
        uid          bigint NOT NULL,
        message_id   text,
        reason       text NOT NULL,
        size_bytes   integer NOT NULL,
        -- the message as fetched; NULL when it was over the size limit and left on the server
        raw          bytea,
        status       text NOT NULL DEFAULT 'quarantined' CHECK (status IN ('quarantined', 'released')),
        attempts     integer NOT NULL DEFAULT 1,
        created_at   timestamptz NOT NULL DEFAULT now(),
        retried_at   timestamptz,
        CONSTRAINT email_quarantine_message UNIQUE (mailbox_id, uid_validity, uid)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE email_quarantine, email_message_ids, email_mailboxes; ALTER TABLE contacts DROP COLUMN quoted_text');
  }
}
