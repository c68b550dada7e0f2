import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel-cost analytics: each full-key rollup row counts the facts it sums, so the fold can add a
 * changed case's new facts and subtract its old ones (work in proportion to the change) and drop a
 * row when its last fact leaves, instead of summing every fact of the day and key again.
 */
export class AnalyticsDailyFactCounts1764385000000 implements MigrationInterface {
  name = 'AnalyticsDailyFactCounts1764385000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE analytics_daily ADD COLUMN facts integer NOT NULL DEFAULT 0;
      UPDATE analytics_daily d SET facts = f.n
      FROM (SELECT day, channel, topic_id, queue_id, segment, count(*)::int AS n
            FROM analytics_case_facts GROUP BY day, channel, topic_id, queue_id, segment) f
      WHERE (d.day, d.channel, d.topic_id, d.queue_id, d.segment) = (f.day, f.channel, f.topic_id, f.queue_id, f.segment);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE analytics_daily DROP COLUMN facts');
  }
}
