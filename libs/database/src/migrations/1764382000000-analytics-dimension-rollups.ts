import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = [
  'contacts_in', 'contacts_out', 'chasing_contacts', 'recontacts', 'direct_cost_minor', 'costed_contacts', 'handling_seconds',
  'timed_contacts', 'cases_opened', 'cases_resolved', 'fcr_cases', 'first_responses', 'first_responses_in_sla', 'survey_responses',
  'survey_score_sum',
];

/**
 * Channel-cost analytics: rollups per filter dimension × value × day × channel, for reports filtered
 * on one of topic, queue or segment (`value` is the topic or queue id as text, or the segment). A
 * year of one topic is then ~2,200 figure rows and ~4,400 histogram rows read by primary key instead
 * of a scan of every full-key row of the year. Filled from the existing full-key rollups.
 */
export class AnalyticsDimensionRollups1764382000000 implements MigrationInterface {
  name = 'AnalyticsDimensionRollups1764382000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics_dimension_daily (
        dimension text NOT NULL CHECK (dimension IN ('topic', 'queue', 'segment')),
        value     text NOT NULL,
        day       date NOT NULL,
        channel   text NOT NULL,
        ${MEASURES.map((m) => `${m} bigint NOT NULL`).join(',\n        ')},
        PRIMARY KEY (dimension, value, day, channel)
      );
      INSERT INTO analytics_dimension_daily (dimension, value, day, channel, ${MEASURES.join(', ')})
      SELECT x.dimension, x.value, d.day, d.channel, ${MEASURES.map((m) => `sum(d.${m})`).join(', ')}
      FROM analytics_daily d
        CROSS JOIN LATERAL (VALUES ('topic', d.topic_id::text), ('queue', d.queue_id::text), ('segment', d.segment)) AS x (dimension, value)
      GROUP BY x.dimension, x.value, d.day, d.channel;

      CREATE TABLE analytics_dimension_histograms (
        dimension text NOT NULL CHECK (dimension IN ('topic', 'queue', 'segment')),
        value     text NOT NULL,
        day       date NOT NULL,
        channel   text NOT NULL,
        metric    text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        buckets   smallint[] NOT NULL,
        cases     bigint[] NOT NULL,
        PRIMARY KEY (dimension, value, day, channel, metric)
      );
      INSERT INTO analytics_dimension_histograms (dimension, value, day, channel, metric, buckets, cases)
      SELECT b.dimension, b.value, b.day, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
      FROM (SELECT x.dimension, x.value, d.day, d.channel, d.metric, d.bucket, sum(d.cases)::bigint AS cases
            FROM analytics_daily_durations d
              CROSS JOIN LATERAL (VALUES ('topic', d.topic_id::text), ('queue', d.queue_id::text), ('segment', d.segment)) AS x (dimension, value)
            GROUP BY x.dimension, x.value, d.day, d.channel, d.metric, d.bucket) b
      GROUP BY b.dimension, b.value, b.day, b.channel, b.metric;
      ANALYZE analytics_dimension_daily, analytics_dimension_histograms;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE analytics_dimension_histograms, analytics_dimension_daily');
  }
}
