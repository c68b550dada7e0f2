import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipality's Twilio numbers: each with a label, whether it takes calls, texts or both, and
 * optionally a queue it is the direct line of. sms_messages records which of our numbers a text was
 * sent to or from, so a reply leaves from the number the citizen wrote to.
 */
export class TwilioNumbers1764386000100 implements MigrationInterface {
  name = 'TwilioNumbers1764386000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE twilio_numbers (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number     text NOT NULL CHECK (number ~ '^\\+[1-9][0-9]{6,14}$'),
        label      text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        queue_id   uuid REFERENCES queues (id) ON DELETE SET NULL,
        voice      boolean NOT NULL,
        sms        boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT twilio_numbers_number UNIQUE (number),
        CHECK (voice OR sms)
      );

      ALTER TABLE sms_messages ADD COLUMN twilio_number text;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE sms_messages DROP COLUMN twilio_number; DROP TABLE twilio_numbers');
  }
}
