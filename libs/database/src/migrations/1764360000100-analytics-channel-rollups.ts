import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = [
  'contacts_in', 'contacts_out', 'chasing_contacts', 'recontacts', 'direct_cost_minor', 'costed_contacts', 'handling_seconds',
  'timed_contacts', 'cases_opened', 'cases_resolved', 'fcr_cases', 'first_responses', 'first_responses_in_sla', 'survey_responses',
  'survey_score_sum',
];

/**
 * Channel-cost analytics: rollups per day × channel only (summed over topic × queue × segment), for
 * the reports that filter on none of those — the common case. A year of them is ~2,200 figure rows
 * and a third of the histogram rows instead of ~60,000 and ~600,000 at 1 M contacts. The fold keeps
 * them in step with analytics_daily(_durations); existing rollups are summed into them here.
 */
export class AnalyticsChannelRollups1764360000100 implements MigrationInterface {
  name = 'AnalyticsChannelRollups1764360000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics_channel_daily (
        day     date NOT NULL,
        channel text NOT NULL,
        ${MEASURES.map((m) => `${m} bigint NOT NULL`).join(',\n        ')},
        PRIMARY KEY (day, channel)
      );
      INSERT INTO analytics_channel_daily (day, channel, ${MEASURES.join(', ')})
      SELECT day, channel, ${MEASURES.map((m) => `sum(${m})`).join(', ')} FROM analytics_daily GROUP BY day, channel;

      CREATE TABLE analytics_channel_durations (
        day     date NOT NULL,
        channel text NOT NULL,
        metric  text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        bucket  smallint NOT NULL,
        cases   bigint NOT NULL,
        PRIMARY KEY (day, channel, metric, bucket)
      );
      INSERT INTO analytics_channel_durations (day, channel, metric, bucket, cases)
      SELECT day, channel, metric, bucket, sum(cases) FROM analytics_daily_durations GROUP BY day, channel, metric, bucket;
      ANALYZE analytics_daily, analytics_daily_durations, analytics_channel_daily, analytics_channel_durations;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE analytics_channel_durations, analytics_channel_daily');
  }
}
