import type { Sql } from '@kontakt/core';

/**
 * Which cases the folder must recompute: the cases of contacts and status events inserted since the
 * watermark (found by their `insert_xact`, see migration 1764383000000), plus the rarer changes
 * queued in `analytics_pending` (contact updates, moved cases, segment changes, survey answers).
 *
 * The horizon is the oldest transaction that may still write to this database: every transaction
 * below it has committed or rolled back, so its rows are all visible now and none can appear later.
 * Rows of transactions at or above it are left for a later fold, whatever order they commit in.
 * A long-running writing transaction therefore delays folding, but never loses a change.
 *
 * It is the statement snapshot's oldest running transaction (`pg_snapshot_xip`, else `xmax`),
 * skipping those pg_stat_activity shows working in another database of the same server (a rebuild
 * there must not stall this one); a transaction not shown there (it just ended, or its session is
 * hidden from this role) counts as possibly ours. Transaction ids in pg_stat_activity are 32-bit,
 * so the snapshot's 64-bit ones are compared modulo 2^32.
 */
const HORIZON = `(
  SELECT coalesce(
    (SELECT min(x.id::text::bigint) FROM pg_snapshot_xip(s.snapshot) AS x(id)
     WHERE x.id::text::bigint % 4294967296 NOT IN (
       SELECT backend_xid::text::bigint FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())),
    pg_snapshot_xmax(s.snapshot)::text::bigint)
  FROM (SELECT pg_current_snapshot() AS snapshot) s)`;

/**
 * Contacts and status events written by transactions from `low` on (and below `high` when given),
 * scalar SQL expressions, so the BRIN indexes apply.
 */
const changesSql = (low: string, high?: string) => {
  const below = (column: string) => (high ? ` AND ${column} < ${high}` : '');
  return `
  SELECT ct.insert_xact AS xact, ct.case_id FROM contacts ct WHERE ct.insert_xact >= ${low}${below('ct.insert_xact')}
  UNION ALL
  SELECT e.insert_xact, e.case_id FROM case_events e WHERE e.insert_xact >= ${low}${below('e.insert_xact')} AND e.to_status IS NOT NULL`;
};

export interface ChangedCases {
  caseIds: string[];
  /** More changes are waiting than `limit` allowed in this batch. */
  more: boolean;
}

/**
 * Takes the changed cases of one batch in the caller's (fold) transaction and moves the watermark
 * past them: at most `limit` pending entries, and changes up to the transaction of the `limit`-th
 * one (all of that transaction's rows, so a batch never splits a transaction).
 */
export async function takeChangedCases(tx: Sql, limit: number): Promise<ChangedCases> {
  const queued = await tx.rows<{ case_id: string }>(
    `DELETE FROM analytics_pending WHERE id IN (SELECT id FROM analytics_pending ORDER BY id LIMIT $1) RETURNING case_id`, [limit]);
  const inserted = (await tx.one<{ case_ids: string[]; more: boolean }>(
    `WITH range AS (SELECT watermark AS low, ${HORIZON} AS horizon FROM analytics_fold_watermark),
     changes AS (${changesSql('(SELECT low FROM range)', '(SELECT horizon FROM range)')}),
     bound AS (
       SELECT coalesce((SELECT xact + 1 FROM changes ORDER BY xact OFFSET $1 - 1 LIMIT 1), r.horizon) AS high, r.horizon FROM range r
     ),
     moved AS (UPDATE analytics_fold_watermark SET watermark = (SELECT high FROM bound))
     SELECT coalesce(array_agg(DISTINCT c.case_id) FILTER (WHERE c.case_id IS NOT NULL), '{}') AS case_ids, b.high < b.horizon AS more
     FROM bound b LEFT JOIN changes c ON c.xact < b.high
     GROUP BY b.high, b.horizon`,
    [limit],
  ))!;
  return {
    caseIds: [...new Set([...queued.map((q) => q.case_id), ...inserted.case_ids])],
    more: queued.length === limit || inserted.more,
  };
}

/** Marks everything written so far as folded (a rebuild recomputes it all); call it before the rebuild reads. */
export async function foldedEverything(tx: Sql): Promise<void> {
  await tx.rows('DELETE FROM analytics_pending');
  await tx.rows(`UPDATE analytics_fold_watermark SET watermark = ${HORIZON}`);
}

/** How many cases wait to be folded, including changes of transactions still running or just committed. */
export async function countChangedCases(sql: Sql): Promise<number> {
  return (await sql.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT case_id FROM analytics_pending
       UNION
       SELECT case_id FROM (${changesSql('(SELECT watermark FROM analytics_fold_watermark)')}) c
     ) pending`,
  ))!.n;
}
