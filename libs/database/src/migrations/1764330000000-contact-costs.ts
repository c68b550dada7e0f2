import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a contact cost and how long it took, recorded by the channel that knows: a call's price and
 * duration (Twilio), an SMS's segments and price, a letter's postage, a staff-logged call or counter
 * visit's duration. Channel-cost analytics reads these; a contact without them is costed by the
 * channel's unit cost alone.
 */
export class ContactCosts1764330000000 implements MigrationInterface {
  name = 'ContactCosts1764330000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- the channel's direct cost of this contact (call minutes, SMS segments, postage) in minor units (øre) of the municipality's currency
      ALTER TABLE contacts ADD COLUMN direct_cost_minor bigint CHECK (direct_cost_minor >= 0);
      -- a call's or visit's length; for staff-handled contacts, the handling time the agent logged
      ALTER TABLE contacts ADD COLUMN duration_seconds integer CHECK (duration_seconds >= 0);
      -- how a call or visit ended (completed, busy, no-answer, failed, voicemail, callback-requested, ...)
      ALTER TABLE contacts ADD COLUMN outcome text;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contacts DROP COLUMN outcome, DROP COLUMN duration_seconds, DROP COLUMN direct_cost_minor`);
  }
}
