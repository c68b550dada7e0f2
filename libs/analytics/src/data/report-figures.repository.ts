import { Injectable } from '@nestjs/common';
import type { Channel } from '@kontakt/core';
import { Database } from '@kontakt/database';
import type { Grouping } from '../domain/periods';
import type { DailyFigures, DurationHistogram } from '../domain/report-inputs';
import { MEASURES } from './case-facts.sql';

export interface FigureFilter {
  from: string;
  to: string;
  topic?: string;
  queue?: string;
  segment?: string;
}

/**
 * Filters by slugs and segment; an unknown slug matches nothing (the report is then empty, not an
 * error). Without a filter the per-channel rollups (no topic, queue or segment columns) are read,
 * so only the day range applies.
 */
const where = (filter: FigureFilter) => unfiltered(filter) ? 'd.day BETWEEN $1::date AND $2::date' : `d.day BETWEEN $1::date AND $2::date
  AND ($3::text IS NULL OR d.topic_id = (SELECT id FROM topics WHERE slug = $3))
  AND ($4::text IS NULL OR d.queue_id = (SELECT id FROM queues WHERE slug = $4))
  AND ($5::text IS NULL OR d.segment = $5)`;

const unfiltered = (f: FigureFilter) => f.topic === undefined && f.queue === undefined && f.segment === undefined;

/** The rollups summed over topic × queue × segment hold the same totals in a fraction of the rows. */
const dailySource = (f: FigureFilter) => (unfiltered(f) ? 'analytics_channel_daily' : 'analytics_daily');


const FIELDS = MEASURES.map((m) => [m, m.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())] as const);

/** Reads the rollups (never raw contacts): figures per day and channel, duration histograms per bucket. */
@Injectable()
export class ReportFiguresRepository {
  constructor(private readonly db: Database) {}

  private params(f: FigureFilter) {
    return unfiltered(f) ? [f.from, f.to] : [f.from, f.to, f.topic ?? null, f.queue ?? null, f.segment ?? null];
  }

  async daily(filter: FigureFilter): Promise<DailyFigures[]> {
    const rows = await this.db.rows<Record<string, string>>(
      `SELECT d.day::text AS day, d.channel, ${MEASURES.map((m) => `sum(d.${m})::text AS ${m}`).join(', ')}
       FROM ${dailySource(filter)} d WHERE ${where(filter)} GROUP BY d.day, d.channel ORDER BY d.day, d.channel`,
      this.params(filter));
    return rows.map((row) => {
      const figures: Record<string, unknown> = { day: row.day, channel: row.channel as Channel };
      for (const [column, field] of FIELDS) figures[field] = Number(row[column]);
      return figures as unknown as DailyFigures;
    });
  }

  /**
   * Histogram counts as one row per day (or, filtered, per report period), channel and metric with
   * its buckets and counts as two arrays: a year by day is ~4,400 rows, not ~190,000. Without a
   * filter they are read as stored per day (the report merges them per period); with one they are
   * summed per period in PostgreSQL from the full-key histogram arrays, each `day` the first of its period.
   */
  durations(filter: FigureFilter, grouping: Grouping): Promise<DurationHistogram[]> {
    return unfiltered(filter)
      ? this.db.rows<DurationHistogram>(
        `SELECT d.day::text AS day, d.channel, d.metric, d.buckets, d.cases::integer[] AS cases FROM analytics_channel_histograms d WHERE ${where(filter)}`,
        this.params(filter))
      : this.db.rows<DurationHistogram>(
        `SELECT h.day::text AS day, h.channel, h.metric, array_agg(h.bucket) AS buckets, array_agg(h.cases) AS cases
         FROM (SELECT p.day, d.channel, d.metric, b.bucket, sum(b.cases)::integer AS cases
               FROM analytics_daily_histograms d CROSS JOIN LATERAL unnest(d.buckets, d.cases) AS b (bucket, cases)
               CROSS JOIN LATERAL (SELECT CASE $6 WHEN 'day' THEN d.day ELSE date_trunc($6, d.day::timestamp)::date END AS day) p
               WHERE ${where(filter)} GROUP BY p.day, d.channel, d.metric, b.bucket) h
         GROUP BY h.day, h.channel, h.metric`,
        [...this.params(filter), grouping]);
  }

  /** Open data: contacts and cases per month, channel and topic over the whole range. */
  openData(filter: FigureFilter): Promise<{ month: string; channel: Channel; topic: string; contacts: string; cases: string }[]> {
    return this.db.rows(
      `SELECT to_char(d.day, 'YYYY-MM') AS month, d.channel, t.slug AS topic, sum(d.contacts_in)::text AS contacts,
              sum(d.cases_opened)::text AS cases
       FROM analytics_daily d JOIN topics t ON t.id = d.topic_id WHERE ${where(filter)}
       GROUP BY 1, d.channel, t.slug ORDER BY 1, d.channel, t.slug`,
      this.params(filter));
  }
}
