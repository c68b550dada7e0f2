import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel-cost analytics: the full-key duration histograms (day × channel × topic × queue × segment)
 * also as one row per key and metric with parallel arrays of ascending buckets and counts, for the
 * filtered reports: about a fifth of the size of the row-per-bucket table they are summed from
 * (which the fold keeps as its source). Filled from the existing rollups.
 */
export class AnalyticsDailyHistograms1764360000102 implements MigrationInterface {
  name = 'AnalyticsDailyHistograms1764360000102';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics_daily_histograms (
        day      date NOT NULL,
        channel  text NOT NULL,
        topic_id uuid NOT NULL,
        queue_id uuid NOT NULL,
        segment  text NOT NULL,
        metric   text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        buckets  smallint[] NOT NULL,
        cases    bigint[] NOT NULL,
        PRIMARY KEY (day, channel, topic_id, queue_id, segment, metric)
      );
      INSERT INTO analytics_daily_histograms (day, channel, topic_id, queue_id, segment, metric, buckets, cases)
      SELECT day, channel, topic_id, queue_id, segment, metric, array_agg(bucket ORDER BY bucket), array_agg(cases ORDER BY bucket)
      FROM analytics_daily_durations GROUP BY day, channel, topic_id, queue_id, segment, metric;
      ANALYZE analytics_daily_histograms;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE analytics_daily_histograms');
  }
}
