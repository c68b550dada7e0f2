import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel-cost analytics: the per-channel and per-dimension duration histograms also summed per
 * calendar month (bucket and count arrays, ascending buckets), so a report grouped by month reads
 * one histogram per month, channel and metric for every whole month in its range (144 rows a year
 * instead of 4,392) and the daily ones only for the part-months at its ends. Filled from the
 * existing daily histograms.
 */
export class AnalyticsMonthlyHistograms1764382000100 implements MigrationInterface {
  name = 'AnalyticsMonthlyHistograms1764382000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics_channel_monthly_histograms (
        month   date NOT NULL,
        channel text NOT NULL,
        metric  text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        buckets smallint[] NOT NULL,
        cases   bigint[] NOT NULL,
        PRIMARY KEY (month, channel, metric)
      );
      INSERT INTO analytics_channel_monthly_histograms (month, channel, metric, buckets, cases)
      SELECT b.month, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
      FROM (SELECT date_trunc('month', h.day)::date AS month, h.channel, h.metric, x.bucket, sum(x.cases)::bigint AS cases
            FROM analytics_channel_histograms h CROSS JOIN LATERAL unnest(h.buckets, h.cases) AS x (bucket, cases)
            GROUP BY 1, 2, 3, 4) b
      GROUP BY b.month, b.channel, b.metric;

      CREATE TABLE analytics_dimension_monthly_histograms (
        dimension text NOT NULL CHECK (dimension IN ('topic', 'queue', 'segment')),
        value     text NOT NULL,
        month     date NOT NULL,
        channel   text NOT NULL,
        metric    text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        buckets   smallint[] NOT NULL,
        cases     bigint[] NOT NULL,
        PRIMARY KEY (dimension, value, month, channel, metric)
      );
      INSERT INTO analytics_dimension_monthly_histograms (dimension, value, month, channel, metric, buckets, cases)
      SELECT b.dimension, b.value, b.month, b.channel, b.metric, array_agg(b.bucket ORDER BY b.bucket), array_agg(b.cases ORDER BY b.bucket)
      FROM (SELECT h.dimension, h.value, date_trunc('month', h.day)::date AS month, h.channel, h.metric, x.bucket, sum(x.cases)::bigint AS cases
            FROM analytics_dimension_histograms h CROSS JOIN LATERAL unnest(h.buckets, h.cases) AS x (bucket, cases)
            GROUP BY 1, 2, 3, 4, 5, 6) b
      GROUP BY b.dimension, b.value, b.month, b.channel, b.metric;
      ANALYZE analytics_channel_monthly_histograms, analytics_dimension_monthly_histograms;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE analytics_dimension_monthly_histograms, analytics_channel_monthly_histograms');
  }
}
