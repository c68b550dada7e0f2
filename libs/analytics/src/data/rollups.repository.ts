import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { countChangedCases, foldedEverything, takeChangedCases } from './changed-cases';
import {
  caseFactsSql, channelRollupsFromRollupsSql, DIMENSION_KEYS, dimensionRollupsFromRollupsSql, durationsFromFactsSql, emptyRollupsSqls, FACT_COLUMNS,
  histogramsFromDurationsSql, PERIOD_UNITS, periodHistogramsSql, periodKeys, periodTables, rollupDeltaSqls, rollupFromFactsSql,
} from './case-facts.sql';

/**
 * Advisory lock "analytics fold" (class 0x4b41 = "KA", Kontakt analytics — mailboxes hold class "KM";
 * key 0x414e = "AN"): one process at a time folds pending cases into the rollups or rebuilds them, so
 * rollup rows are only ever written by that one transaction and intake never waits on them.
 */
const FOLD_LOCK_KEY = '19265, 16718';
const FOLD_LOCK = `SELECT pg_try_advisory_xact_lock(${FOLD_LOCK_KEY}) AS locked`;

interface RollupKey {
  day: string;
  channel: string;
  topic_id: string;
  queue_id: string;
  segment: string;
}

const FULL_KEYS = `SELECT DISTINCT * FROM unnest($1::date[], $2::text[], $3::uuid[], $4::uuid[], $5::text[]) AS k (day, channel, topic_id, queue_id, segment)`;
const KEYS_JOIN = `JOIN (${FULL_KEYS}) k USING (day, channel, topic_id, queue_id, segment)`;

const CHANNEL_KEYS = `SELECT DISTINCT * FROM unnest($1::date[], $2::text[]) AS k (day, channel)`;

/** Facts and rollups of channel-cost analytics: the incremental fold and the full rebuild. */
@Injectable()
export class RollupsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Folds one batch of changed cases (changed-cases.ts), with the citizen's other cases that have an inbound contact
   * within 7 days after one of their resolutions (whether that contact is a re-contact depends on
   * them): their old facts are subtracted from the full-key rollups, replaced, and the new ones added (work in
   * proportion to the change, not to the day's volume); the per-channel, per-dimension and period
   * rows of the keys they touch are summed again from those rollups. One transaction; returns
   * whether more changes wait than the batch of `limit` took, or null when another process holds the fold lock.
   */
  foldPending(limit: number, timeZone: string): Promise<{ more: boolean } | null> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.one<{ locked: boolean }>(FOLD_LOCK))!.locked) return null;
      const changed = await takeChangedCases(tx, limit);
      if (changed.caseIds.length === 0) return { more: changed.more };
      const cases = await tx.rows<{ id: string }>(
        `SELECT id FROM unnest($1::uuid[]) AS id
         UNION
         SELECT o.case_id FROM case_events e JOIN cases c ON c.id = e.case_id
           JOIN contacts o ON o.citizen_id = c.citizen_id AND o.occurred_at > e.created_at AND o.occurred_at <= e.created_at + interval '7 days'
         WHERE e.case_id = ANY($1::uuid[]) AND e.to_status = 'resolved' AND o.direction = 'inbound'`,
        [changed.caseIds]);
      await this.refold(tx, cases.map((c) => c.id), timeZone);
      return { more: changed.more };
    });
  }

  private async refold(tx: Sql, caseIds: string[], timeZone: string): Promise<void> {
    for (const sql of rollupDeltaSqls(-1)) await tx.rows(sql, [caseIds]);
    const old = await tx.rows<RollupKey>(
      `DELETE FROM analytics_case_facts WHERE case_id = ANY($1::uuid[]) RETURNING day::text, channel, topic_id, queue_id, segment`, [caseIds]);
    const fresh = await tx.rows<RollupKey>(
      `INSERT INTO analytics_case_facts (${FACT_COLUMNS}) ${caseFactsSql('cs.id = ANY($1::uuid[])')}
       RETURNING day::text, channel, topic_id, queue_id, segment`, [caseIds, timeZone]);
    for (const sql of rollupDeltaSqls(1)) await tx.rows(sql, [caseIds]);
    const keys = [...old, ...fresh];
    if (keys.length === 0) return;
    const params = [keys.map((k) => k.day), keys.map((k) => k.channel), keys.map((k) => k.topic_id), keys.map((k) => k.queue_id), keys.map((k) => k.segment)];
    for (const sql of emptyRollupsSqls(FULL_KEYS)) await tx.rows(sql, params);
    await tx.rows(`DELETE FROM analytics_daily_histograms t USING (${FULL_KEYS}) k
                   WHERE (t.day, t.channel, t.topic_id, t.queue_id, t.segment) = (k.day, k.channel, k.topic_id, k.queue_id, k.segment)`, params);
    await tx.rows(histogramsFromDurationsSql(KEYS_JOIN), params);
    const channelParams = params.slice(0, 2);
    for (const table of ['analytics_channel_daily', 'analytics_channel_histograms']) {
      await tx.rows(`DELETE FROM ${table} t USING (${CHANNEL_KEYS}) k WHERE (t.day, t.channel) = (k.day, k.channel)`, channelParams);
    }
    for (const sql of channelRollupsFromRollupsSql(`JOIN (${CHANNEL_KEYS}) k USING (day, channel)`)) await tx.rows(sql, channelParams);
    for (const table of ['analytics_dimension_daily', 'analytics_dimension_histograms']) {
      await tx.rows(`DELETE FROM ${table} t USING (${DIMENSION_KEYS}) k
                     WHERE (t.dimension, t.value, t.day, t.channel) = (k.dimension, k.value, k.day, k.channel)`, params);
    }
    const dimensionJoin = `JOIN (${DIMENSION_KEYS}) k ON (k.dimension, k.value, k.day, k.channel) = (x.dimension, x.value, d.day, d.channel)`;
    for (const sql of dimensionRollupsFromRollupsSql(dimensionJoin)) await tx.rows(sql, params);
    for (const unit of PERIOD_UNITS) {
      const keys = periodKeys(unit);
      const tables = periodTables(unit);
      await tx.rows(`DELETE FROM ${tables.channel} t USING (${keys.channel}) k WHERE (t.${unit}, t.channel) = (k.${unit}, k.channel)`, channelParams);
      await tx.rows(`DELETE FROM ${tables.dimension} t USING (${keys.dimension}) k
                     WHERE (t.dimension, t.value, t.${unit}, t.channel) = (k.dimension, k.value, k.${unit}, k.channel)`, params);
      const within = `h.day >= k.${unit} AND h.day < k.${unit} + interval '1 ${unit}'`;
      const [channelPeriods, dimensionPeriods] = periodHistogramsSql(unit,
        `JOIN (${keys.channel}) k ON k.channel = h.channel AND ${within}`,
        `JOIN (${keys.dimension}) k ON (k.dimension, k.value, k.channel) = (h.dimension, h.value, h.channel) AND ${within}`);
      await tx.rows(channelPeriods, channelParams);
      await tx.rows(dimensionPeriods, params);
    }
  }

  /**
   * Recomputes every fact and rollup from the raw tables in one transaction, waiting for the fold
   * lock. Changes written before it starts are covered by it; later ones are folded as usual.
   */
  rebuild(timeZone: string): Promise<{ facts: number; rollupRows: number }> {
    return this.db.transaction(async (tx) => {
      await tx.rows(`SELECT pg_advisory_xact_lock(${FOLD_LOCK_KEY})`);
      // a year of 10 M contacts sorts and hashes millions of rows per step: in memory, not spilled to disk in 4 MB pieces
      await tx.rows(`SET LOCAL work_mem = '256MB'`);
      await foldedEverything(tx);
      await tx.rows(`TRUNCATE analytics_case_facts, analytics_daily, analytics_daily_durations, analytics_daily_histograms, analytics_channel_daily,
        analytics_channel_histograms, analytics_dimension_daily, analytics_dimension_histograms,
        ${PERIOD_UNITS.flatMap((unit) => Object.values(periodTables(unit))).join(', ')}`);
      const facts = await tx.rows<{ n: number }>(
        `WITH inserted AS (INSERT INTO analytics_case_facts (${FACT_COLUMNS}) ${caseFactsSql('$1::uuid[] IS NULL')} RETURNING 1)
         SELECT count(*)::int AS n FROM inserted`, [null, timeZone]);
      await tx.rows(rollupFromFactsSql(''));
      await tx.rows(durationsFromFactsSql(''));
      await tx.rows(histogramsFromDurationsSql(''));
      for (const sql of channelRollupsFromRollupsSql('')) await tx.rows(sql);
      for (const sql of dimensionRollupsFromRollupsSql('')) await tx.rows(sql);
      for (const unit of PERIOD_UNITS) for (const sql of periodHistogramsSql(unit, '', '')) await tx.rows(sql);
      // the planner needs fresh statistics to aggregate a year of rollups by hash instead of a sort spilled to disk
      await tx.rows(`ANALYZE analytics_daily, analytics_daily_durations, analytics_daily_histograms, analytics_channel_daily, analytics_channel_histograms,
        analytics_dimension_daily, analytics_dimension_histograms, ${PERIOD_UNITS.flatMap((unit) => Object.values(periodTables(unit))).join(', ')}`);
      const rows = await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM analytics_daily');
      return { facts: facts[0].n, rollupRows: rows!.n };
    });
  }

  pendingCount(): Promise<number> {
    return countChangedCases(this.db);
  }

  /** Marks a case for folding (a survey answer changes its facts). */
  async markPending(sql: Sql, caseId: string): Promise<void> {
    await sql.rows('INSERT INTO analytics_pending (case_id) VALUES ($1)', [caseId]);
  }
}
