import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel-cost analytics: the per-channel and per-dimension duration histograms also summed per ISO
 * week (named by its Monday), like the monthly ones: a report grouped by week reads one histogram
 * per week, channel and metric for every whole week in its range (636 rows a year instead of 4,392).
 * Filled from the existing daily histograms.
 */
export class AnalyticsWeeklyHistograms1764382000200 implements MigrationInterface {
  name = 'AnalyticsWeeklyHistograms1764382000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics_channel_weekly_histograms (
        week    date NOT NULL,
        channel text NOT NULL,
        metric  text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        buckets smallint[] NOT NULL,
        cases   bigint[] NOT NULL,
        PRIMARY KEY (week, channel, metric)
      );
      INSERT INTO analytics_channel_weekly_histograms (week, channel, metric, buckets, cases)
      SELECT b.week, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
      FROM (SELECT date_trunc('week', h.day::timestamp)::date AS week, h.channel, h.metric, x.bucket, sum(x.cases)::bigint AS cases
            FROM analytics_channel_histograms h CROSS JOIN LATERAL unnest(h.buckets, h.cases) AS x (bucket, cases)
            GROUP BY 1, 2, 3, 4) b
      GROUP BY b.week, b.channel, b.metric;

      CREATE TABLE analytics_dimension_weekly_histograms (
        dimension text NOT NULL CHECK (dimension IN ('topic', 'queue', 'segment')),
        value     text NOT NULL,
        week      date NOT NULL,
        channel   text NOT NULL,
        metric    text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        buckets   smallint[] NOT NULL,
        cases     bigint[] NOT NULL,
        PRIMARY KEY (dimension, value, week, channel, metric)
      );
      INSERT INTO analytics_dimension_weekly_histograms (dimension, value, week, channel, metric, buckets, cases)
      SELECT b.dimension, b.value, b.week, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
      FROM (SELECT h.dimension, h.value, date_trunc('week', h.day::timestamp)::date AS week, h.channel, h.metric, x.bucket, sum(x.cases)::bigint AS cases
            FROM analytics_dimension_histograms h CROSS JOIN LATERAL unnest(h.buckets, h.cases) AS x (bucket, cases)
            GROUP BY 1, 2, 3, 4, 5, 6) b
      GROUP BY b.dimension, b.value, b.week, b.channel, b.metric;
      ANALYZE analytics_channel_weekly_histograms, analytics_dimension_weekly_histograms;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE analytics_dimension_weekly_histograms, analytics_channel_weekly_histograms');
  }
}
