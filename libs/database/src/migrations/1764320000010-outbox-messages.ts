import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox: every outbound message is a row written with the reply, delivered by a worker. */
export class OutboxMessages1764320000010 implements MigrationInterface {
  name = 'OutboxMessages1764320000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_messages (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel         text NOT NULL,
        kind            text NOT NULL CHECK (kind IN ('reply', 'acknowledgement')),
        case_id         uuid REFERENCES cases (id),
        contact_id      uuid REFERENCES contacts (id),
        recipient       text NOT NULL,
        payload         jsonb NOT NULL,
        status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts        integer NOT NULL DEFAULT 0,
        max_attempts    integer NOT NULL CHECK (max_attempts > 0),
        -- when the next attempt is due; while an attempt runs it is pushed out by the lease, so a
        -- worker that dies mid-delivery leaves the row to be picked up again when the lease ends
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text,
        sent_at         timestamptz,
        failed_at       timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at) WHERE status = 'queued';
      CREATE INDEX outbox_messages_case ON outbox_messages (case_id, created_at);
      -- "acknowledged this sender in the last hour"
      CREATE INDEX outbox_messages_recipient ON outbox_messages (recipient, kind, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE outbox_messages');
  }
}
