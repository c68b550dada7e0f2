import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel-cost analytics: effective-dated unit costs, the cases waiting to be folded, each case's
 * facts (what it contributes to which day and channel), the daily rollups the reports read, survey
 * invitations and the monthly reports already sent.
 *
 * Intake never touches a rollup row: statement-level triggers append the ids of changed cases to
 * `analytics_pending` (an insert, no shared row to contend on); one background folder at a time
 * turns them into facts and rollups (libs/analytics).
 */
export class AnalyticsRollups1764360000000 implements MigrationInterface {
  name = 'AnalyticsRollups1764360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- unit cost per contact per channel from a day on (Europe/Copenhagen days), in øre, and the loaded staff
      -- cost per hour for activity-based costing; the row with the latest effective_from <= day applies
      CREATE TABLE channel_unit_costs (
        channel                   text NOT NULL,
        effective_from            date NOT NULL,
        unit_cost_minor           bigint NOT NULL CHECK (unit_cost_minor >= 0),
        staff_cost_per_hour_minor bigint NOT NULL CHECK (staff_cost_per_hour_minor >= 0),
        updated_by                uuid REFERENCES staff_users (id),
        updated_at                timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, effective_from)
      );
      -- Skanderborg model: traditional contacts about 145 DKK, online about 10 DKK
      INSERT INTO channel_unit_costs (channel, effective_from, unit_cost_minor, staff_cost_per_hour_minor)
      VALUES ('phone', '2000-01-01', 14500, 40000), ('post', '2000-01-01', 14500, 40000), ('counter', '2000-01-01', 14500, 40000),
             ('email', '2000-01-01', 1000, 40000), ('webform', '2000-01-01', 1000, 40000), ('sms', '2000-01-01', 1000, 40000);

      -- cases whose facts must be recomputed; appended by triggers, drained by the folder
      CREATE TABLE analytics_pending (
        id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL
      );

      CREATE FUNCTION analytics_contacts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO analytics_pending (case_id) SELECT DISTINCT case_id FROM changed;
        RETURN NULL;
      END $$;
      CREATE TRIGGER analytics_contacts_inserted AFTER INSERT ON contacts
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION analytics_contacts_changed();
      CREATE TRIGGER analytics_contacts_updated AFTER UPDATE ON contacts
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION analytics_contacts_changed();

      CREATE FUNCTION analytics_case_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO analytics_pending (case_id) SELECT DISTINCT case_id FROM changed WHERE to_status IS NOT NULL;
        RETURN NULL;
      END $$;
      CREATE TRIGGER analytics_case_events_inserted AFTER INSERT ON case_events
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_events_inserted();

      -- a transfer or reclassification moves the case's figures to another topic or queue
      CREATE FUNCTION analytics_case_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO analytics_pending (case_id) VALUES (NEW.id);
        RETURN NULL;
      END $$;
      CREATE TRIGGER analytics_case_moved AFTER UPDATE OF topic_id, queue_id ON cases
        FOR EACH ROW WHEN (OLD.topic_id IS DISTINCT FROM NEW.topic_id OR OLD.queue_id IS DISTINCT FROM NEW.queue_id)
        EXECUTE FUNCTION analytics_case_moved();

      CREATE FUNCTION analytics_segment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO analytics_pending (case_id) SELECT id FROM cases WHERE citizen_id = NEW.id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER analytics_segment_changed AFTER UPDATE OF segment ON citizens
        FOR EACH ROW WHEN (OLD.segment IS DISTINCT FROM NEW.segment) EXECUTE FUNCTION analytics_segment_changed();

      -- what one case contributes to one day (Europe/Copenhagen) and channel; see case-facts.sql.ts
      CREATE TABLE analytics_case_facts (
        case_id               uuid NOT NULL,
        day                   date NOT NULL,
        channel               text NOT NULL,
        topic_id              uuid NOT NULL,
        queue_id              uuid NOT NULL,
        segment               text NOT NULL,
        contacts_in           integer NOT NULL,
        contacts_out          integer NOT NULL,
        chasing_contacts      integer NOT NULL,
        recontacts            integer NOT NULL,
        direct_cost_minor     bigint NOT NULL,
        costed_contacts       integer NOT NULL,
        handling_seconds      bigint NOT NULL,
        timed_contacts        integer NOT NULL,
        cases_opened          integer NOT NULL,
        cases_resolved        integer NOT NULL,
        fcr_cases             integer NOT NULL,
        first_responses       integer NOT NULL,
        first_responses_in_sla integer NOT NULL,
        survey_responses      integer NOT NULL,
        survey_score_sum      integer NOT NULL,
        first_response_bucket smallint,
        resolution_bucket     smallint,
        PRIMARY KEY (case_id, day, channel)
      );
      CREATE INDEX analytics_case_facts_key ON analytics_case_facts (day, channel, topic_id, queue_id, segment);

      -- the rollup every report reads: sums of the facts per day × channel × topic × queue × segment
      CREATE TABLE analytics_daily (
        day                    date NOT NULL,
        channel                text NOT NULL,
        topic_id               uuid NOT NULL,
        queue_id               uuid NOT NULL,
        segment                text NOT NULL,
        contacts_in            bigint NOT NULL,
        contacts_out           bigint NOT NULL,
        chasing_contacts       bigint NOT NULL,
        recontacts             bigint NOT NULL,
        direct_cost_minor      bigint NOT NULL,
        costed_contacts        bigint NOT NULL,
        handling_seconds       bigint NOT NULL,
        timed_contacts         bigint NOT NULL,
        cases_opened           bigint NOT NULL,
        cases_resolved         bigint NOT NULL,
        fcr_cases              bigint NOT NULL,
        first_responses        bigint NOT NULL,
        first_responses_in_sla bigint NOT NULL,
        survey_responses       bigint NOT NULL,
        survey_score_sum       bigint NOT NULL,
        PRIMARY KEY (day, channel, topic_id, queue_id, segment)
      );

      -- mergeable duration histograms (libs/analytics/src/domain/duration-buckets.ts) on the same key
      CREATE TABLE analytics_daily_durations (
        day      date NOT NULL,
        channel  text NOT NULL,
        topic_id uuid NOT NULL,
        queue_id uuid NOT NULL,
        segment  text NOT NULL,
        metric   text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        bucket   smallint NOT NULL,
        cases    bigint NOT NULL,
        PRIMARY KEY (day, channel, topic_id, queue_id, segment, metric, bucket)
      );

      -- one-question satisfaction survey per resolved case; only the SHA-256 of its link token is kept
      CREATE TABLE survey_invitations (
        case_id     uuid PRIMARY KEY REFERENCES cases (id),
        token_hash  bytea NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        score       smallint CHECK (score BETWEEN 1 AND 5)
      );

      CREATE TABLE analytics_monthly_reports (
        month      date PRIMARY KEY,
        recipients integer NOT NULL,
        sent_at    timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER analytics_segment_changed ON citizens;
      DROP TRIGGER analytics_case_moved ON cases;
      DROP TRIGGER analytics_case_events_inserted ON case_events;
      DROP TRIGGER analytics_contacts_updated ON contacts;
      DROP TRIGGER analytics_contacts_inserted ON contacts;
      DROP FUNCTION analytics_segment_changed(), analytics_case_moved(), analytics_case_events_inserted(), analytics_contacts_changed();
      DROP TABLE analytics_monthly_reports, survey_invitations, analytics_daily_durations, analytics_daily, analytics_case_facts,
        analytics_pending, channel_unit_costs;
    `);
  }
}
