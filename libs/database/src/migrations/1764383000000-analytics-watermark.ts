import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analytics finds new contacts and status events by the transaction that inserted them instead of
 * a trigger appending their case ids to `analytics_pending`: intake writes no row for analytics.
 *
 * Each contact and case event records its top-level transaction id (`pg_current_xact_id()`, as a
 * bigint so a BRIN index can cover it; rows are appended in roughly that order, so the index stays
 * a few pages). The folder keeps a watermark: every change whose transaction id lies between the
 * watermark and the oldest transaction still running is committed or gone, so it folds those cases
 * and moves the watermark up to that point (libs/analytics, data/changed-cases.ts). Updates of
 * contacts, moved cases, segment changes and survey answers are rare and still go through
 * `analytics_pending`.
 *
 * Rows written before this migration have no transaction id; the triggers dropped here had already
 * queued their cases. The watermark starts at this transaction's horizon, below every later writer.
 */
export class AnalyticsWatermark1764383000000 implements MigrationInterface {
  name = 'AnalyticsWatermark1764383000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER analytics_contacts_inserted ON contacts;
      DROP TRIGGER analytics_case_events_inserted ON case_events;
      DROP FUNCTION analytics_case_events_inserted();

      -- added without a default first, so existing rows stay NULL and the tables are not rewritten
      ALTER TABLE contacts ADD COLUMN insert_xact bigint;
      ALTER TABLE contacts ALTER COLUMN insert_xact SET DEFAULT pg_current_xact_id()::text::bigint;
      ALTER TABLE case_events ADD COLUMN insert_xact bigint;
      ALTER TABLE case_events ALTER COLUMN insert_xact SET DEFAULT pg_current_xact_id()::text::bigint;
      CREATE INDEX contacts_insert_xact ON contacts USING brin (insert_xact) WITH (autosummarize = on);
      CREATE INDEX case_events_insert_xact ON case_events USING brin (insert_xact) WITH (autosummarize = on);

      CREATE TABLE analytics_fold_watermark (
        single    boolean PRIMARY KEY DEFAULT true CHECK (single),
        watermark bigint NOT NULL
      );
      INSERT INTO analytics_fold_watermark (watermark) VALUES (pg_snapshot_xmin(pg_current_snapshot())::text::bigint);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE analytics_fold_watermark;
      ALTER TABLE case_events DROP COLUMN insert_xact;
      ALTER TABLE contacts DROP COLUMN insert_xact;
      CREATE FUNCTION analytics_case_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO analytics_pending (case_id) SELECT DISTINCT case_id FROM changed WHERE to_status IS NOT NULL;
        RETURN NULL;
      END $$;
      CREATE TRIGGER analytics_case_events_inserted AFTER INSERT ON case_events
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_events_inserted();
      CREATE TRIGGER analytics_contacts_inserted AFTER INSERT ON contacts
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION analytics_contacts_changed();
    `);
  }
}
