import { Injectable } from '@nestjs/common';
import type { Channel } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { Grouping, wholePeriods } from '../domain/periods';
import type { DailyFigures, DurationHistogram, DurationMetric } from '../domain/report-inputs';
import { MEASURES, periodTables } from './case-facts.sql';

export interface FigureFilter {
  from: string;
  to: string;
  topic?: string;
  queue?: string;
  segment?: string;
}

/**
 * Where a report's rows come from and how they are selected; `$1` and `$2` are always the first and
 * last day. Per-channel and per-dimension sources also keep their histograms per week and month
 * (`periodic`), selected by `match` alone.
 */
interface Source {
  daily: string;
  histograms: string;
  periodic?: keyof ReturnType<typeof periodTables>;
  match: string;
  where: string;
  params: (string | null)[];
}

const DAYS = 'd.day BETWEEN $1::date AND $2::date';

/**
 * Filters by slugs and segment; an unknown slug matches nothing (the report is then empty, not an
 * error). Without a filter the per-channel rollups are read (only the day range applies), with one
 * of topic, queue or segment the per-dimension rollups (a primary-key range of that value), and
 * with several the full-key rollups.
 */
function source(f: FigureFilter): Source {
  const given = (['topic', 'queue', 'segment'] as const).filter((dimension) => f[dimension] !== undefined);
  if (given.length === 0) {
    return {
      daily: 'analytics_channel_daily', histograms: 'analytics_channel_histograms', periodic: 'channel',
      match: 'true', where: DAYS, params: [f.from, f.to],
    };
  }
  if (given.length === 1) {
    const dimension = given[0];
    const value = dimension === 'segment' ? '$3' : `(SELECT id::text FROM ${dimension === 'topic' ? 'topics' : 'queues'} WHERE slug = $3)`;
    const match = `d.dimension = '${dimension}' AND d.value = ${value}`;
    return {
      daily: 'analytics_dimension_daily', histograms: 'analytics_dimension_histograms', periodic: 'dimension',
      match, where: `${match} AND ${DAYS}`, params: [f.from, f.to, f[dimension]!],
    };
  }
  return fullKey(f);
}

const fullKey = (f: FigureFilter): Source => ({
  daily: 'analytics_daily', histograms: 'analytics_daily_histograms', match: 'true',
  where: `${DAYS}
    AND ($3::text IS NULL OR d.topic_id = (SELECT id FROM topics WHERE slug = $3))
    AND ($4::text IS NULL OR d.queue_id = (SELECT id FROM queues WHERE slug = $4))
    AND ($5::text IS NULL OR d.segment = $5)`,
  params: [f.from, f.to, f.topic ?? null, f.queue ?? null, f.segment ?? null],
});

interface HistogramRow {
  day: string;
  channel: Channel;
  metric: DurationMetric;
  buckets: string;
  cases: string;
}

/** Parses comma-separated non-negative integers ('' is none) without the intermediate strings of split. */
function numbers(list: string): number[] {
  const out: number[] = [];
  let value = 0;
  for (let i = 0; i < list.length; i++) {
    const code = list.charCodeAt(i);
    if (code === 44) {
      out.push(value);
      value = 0;
    } else {
      value = value * 10 + (code - 48);
    }
  }
  if (list.length > 0) out.push(value);
  return out;
}

const FIELDS = MEASURES.map((m) => [m, m.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())] as const);

/** Reads the rollups (never raw contacts): figures per day and channel, duration histograms per bucket. */
@Injectable()
export class ReportFiguresRepository {
  constructor(private readonly db: Database) {}

  async daily(filter: FigureFilter): Promise<DailyFigures[]> {
    const from = source(filter);
    const rows = await this.db.rows<Record<string, string>>(
      `SELECT d.day::text AS day, d.channel, ${MEASURES.map((m) => `sum(d.${m})::text AS ${m}`).join(', ')}
       FROM ${from.daily} d WHERE ${from.where} GROUP BY d.day, d.channel ORDER BY d.day, d.channel`,
      from.params);
    return rows.map((row) => {
      const figures: Record<string, unknown> = { day: row.day, channel: row.channel as Channel };
      for (const [column, field] of FIELDS) figures[field] = Number(row[column]);
      return figures as unknown as DailyFigures;
    });
  }

  /**
   * Histogram counts as one row per day (or week or month), channel and metric with its buckets and
   * counts, read as stored; the report merges them per period. By week or month, the weekly or
   * monthly histograms of the whole periods in the range and the daily ones of the part-periods at
   * its ends (each `day` then the first of its period); with several filters, the full-key daily
   * ones. The arrays travel as comma-separated text, parsed in one pass instead of by the driver's
   * array parser.
   */
  async durations(filter: FigureFilter, grouping: Grouping): Promise<DurationHistogram[]> {
    const from = source(filter);
    const columns = `d.channel, d.metric, array_to_string(d.buckets, ',') AS buckets, array_to_string(d.cases, ',') AS cases`;
    let rows: HistogramRow[];
    if (from.periodic && grouping !== 'day') {
      const { first, next } = wholePeriods(filter.from, filter.to, grouping);
      const [firstParam, nextParam] = [`$${from.params.length + 1}::date`, `$${from.params.length + 2}::date`];
      rows = await this.db.rows<HistogramRow>(
        `SELECT d.${grouping}::text AS day, ${columns} FROM ${periodTables(grouping)[from.periodic]} d
         WHERE ${from.match} AND d.${grouping} >= ${firstParam} AND d.${grouping} < ${nextParam}
         UNION ALL
         SELECT d.day::text AS day, ${columns} FROM ${from.histograms} d WHERE ${from.where} AND (d.day < ${firstParam} OR d.day >= ${nextParam})`,
        [...from.params, first, next]);
    } else {
      rows = await this.db.rows<HistogramRow>(`SELECT d.day::text AS day, ${columns} FROM ${from.histograms} d WHERE ${from.where}`, from.params);
    }
    return rows.map((r) => ({ day: r.day, channel: r.channel, metric: r.metric, buckets: numbers(r.buckets), cases: numbers(r.cases) }));
  }

  /**
   * Open data: contacts and cases per month, channel and topic over the whole range; read from the
   * per-topic rollups unless the filter is on queue or segment.
   */
  openData(filter: FigureFilter): Promise<{ month: string; channel: Channel; topic: string; contacts: string; cases: string }[]> {
    const byTopic = filter.queue === undefined && filter.segment === undefined;
    const from = !byTopic ? fullKey(filter) : filter.topic === undefined
      ? { daily: 'analytics_dimension_daily', where: `d.dimension = 'topic' AND ${DAYS}`, params: [filter.from, filter.to] }
      : source(filter);
    // summed per month, channel and topic id first: the join and the sort by slug then see ~800 rows, not ~22,000
    return this.db.rows(
      `SELECT to_char(m.month, 'YYYY-MM') AS month, m.channel, t.slug AS topic, m.contacts::text AS contacts, m.cases::text AS cases
       FROM (SELECT date_trunc('month', d.day::timestamp) AS month, d.channel, ${byTopic ? 'd.value' : 'd.topic_id::text'} AS topic_id,
                    sum(d.contacts_in) AS contacts, sum(d.cases_opened) AS cases
             FROM ${from.daily} d WHERE ${from.where} GROUP BY 1, 2, 3) m
       JOIN topics t ON t.id::text = m.topic_id
       ORDER BY m.month, m.channel, t.slug`,
      from.params);
  }
}
