import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The post channel: each registered scan's text extraction (state and work queue in one row), and
 * outgoing letters as rendered PDFs in a print queue, taken into batches the mailroom prints and posts.
 */
export class PostLetters1764350000000 implements MigrationInterface {
  name = 'PostLetters1764350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- one row per registered letter: 'pending' waits for the OCR worker, 'done' has its text on the
      -- contact, 'manual_reading' could not be read by machine and waits for a person
      CREATE TABLE post_scans (
        contact_id      uuid PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
        case_id         uuid NOT NULL REFERENCES cases (id),
        attachment_id   uuid NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
        content_type    text NOT NULL,
        pages           integer NOT NULL CHECK (pages > 0),
        -- the clerk chose the topic at registration; the letter's text must not change it
        topic_chosen    boolean NOT NULL,
        status          text NOT NULL CHECK (status IN ('pending', 'done', 'manual_reading')),
        method          text CHECK (method IN ('embedded', 'ocr', 'manual')),
        reason          text,
        attempts        integer NOT NULL DEFAULT 0,
        max_attempts    integer NOT NULL CHECK (max_attempts > 0),
        -- while the worker reads a scan this is pushed out by a lease, so a crashed worker's scan comes back
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        received_at     timestamptz NOT NULL,
        completed_at    timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX post_scans_due ON post_scans (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX post_scans_manual ON post_scans (created_at) WHERE status = 'manual_reading';

      -- a day's letters printed together; posted_at is when the mailroom handed them to the post
      CREATE TABLE post_batches (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_by uuid NOT NULL REFERENCES staff_users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        posted_by  uuid REFERENCES staff_users (id),
        posted_at  timestamptz
      );

      -- an outgoing letter, rendered once by the delivery worker (id = its outbox message id)
      CREATE TABLE post_letters (
        id            uuid PRIMARY KEY,
        contact_id    uuid NOT NULL UNIQUE REFERENCES contacts (id),
        case_id       uuid NOT NULL REFERENCES cases (id),
        recipient     text NOT NULL,
        pdf           bytea NOT NULL,
        pages         integer NOT NULL CHECK (pages > 0),
        postage_minor bigint NOT NULL CHECK (postage_minor >= 0),
        status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'batched', 'posted')),
        batch_id      uuid REFERENCES post_batches (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        posted_at     timestamptz,
        CHECK ((status = 'queued') = (batch_id IS NULL))
      );
      CREATE INDEX post_letters_waiting ON post_letters (created_at) WHERE status = 'queued';
      CREATE INDEX post_letters_batch ON post_letters (batch_id, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE post_letters, post_batches, post_scans');
  }
}
