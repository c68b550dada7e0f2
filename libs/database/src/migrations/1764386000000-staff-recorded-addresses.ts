import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An address staff record for a citizen (PUT /api/v1/citizens/:id/address) keeps how it was written,
 * for the envelope (the identity's value is lower-cased for matching), and who recorded it when: a
 * reply by letter goes to it unless a letter registered later shows another address.
 */
export class StaffRecordedAddresses1764386000000 implements MigrationInterface {
  name = 'StaffRecordedAddresses1764386000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE citizen_identities
        ADD COLUMN written_as  text,
        ADD COLUMN recorded_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
        ADD COLUMN recorded_at timestamptz;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE citizen_identities DROP COLUMN written_as, DROP COLUMN recorded_by, DROP COLUMN recorded_at');
  }
}
