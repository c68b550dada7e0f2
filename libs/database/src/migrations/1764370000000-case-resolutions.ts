import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each resolution of a case with the outcome code staff chose (a reopened case can be resolved again). */
export class CaseResolutions1764370000000 implements MigrationInterface {
  name = 'CaseResolutions1764370000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_resolutions (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id     uuid NOT NULL REFERENCES cases (id),
        outcome     text NOT NULL CHECK (outcome IN ('answered', 'referred', 'no_action', 'duplicate')),
        resolved_by uuid NOT NULL REFERENCES staff_users (id),
        resolved_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_resolutions_case ON case_resolutions (case_id, resolved_at);
      -- the wallboard counts today's resolutions per staff member from the case events
      CREATE INDEX case_events_resolved_today ON case_events (created_at) WHERE type = 'status_changed' AND to_status = 'resolved';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX case_events_resolved_today; DROP TABLE case_resolutions');
  }
}
