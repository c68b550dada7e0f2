import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unread markers per staff member: when each of them last opened each case. A case is unread for a
 * staff member until they open it, and again once a citizen's contact arrives after that.
 */
export class CaseReadMarkers1764381000000 implements MigrationInterface {
  name = 'CaseReadMarkers1764381000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_read_markers (
        staff_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
        case_id  uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        seen_at  timestamptz NOT NULL,
        PRIMARY KEY (staff_id, case_id)
      );
      -- the inbox asks, per row of a page, whether a citizen's contact was recorded after seen_at
      CREATE INDEX contacts_case_inbound_recorded ON contacts (case_id, created_at) WHERE direction = 'inbound';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX contacts_case_inbound_recorded; DROP TABLE case_read_markers');
  }
}
