import { Injectable } from '@nestjs/common';
import type { Channel } from '@kontakt/core';
import { Database } from '@kontakt/database';
import type { Grouping } from '../domain/periods';
import type { DailyFigures, DurationCount, DurationMetric } from '../domain/report-inputs';
import { MEASURES } from './case-facts.sql';

export interface FigureFilter {
  from: string;
  to: string;
  topic?: string;
  queue?: string;
  segment?: string;
}

/** Filters by slugs and segment; an unknown slug matches nothing (the report is then empty, not an error). */
const WHERE = `d.day BETWEEN $1::date AND $2::date
  AND ($3::text IS NULL OR d.topic_id = (SELECT id FROM topics WHERE slug = $3))
  AND ($4::text IS NULL OR d.queue_id = (SELECT id FROM queues WHERE slug = $4))
  AND ($5::text IS NULL OR d.segment = $5)`;

const camel = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** Reads the rollups (never raw contacts): figures per day and channel, duration histograms per bucket. */
@Injectable()
export class ReportFiguresRepository {
  constructor(private readonly db: Database) {}

  private params(f: FigureFilter) {
    return [f.from, f.to, f.topic ?? null, f.queue ?? null, f.segment ?? null];
  }

  async daily(filter: FigureFilter): Promise<DailyFigures[]> {
    const rows = await this.db.rows<Record<string, string>>(
      `SELECT d.day::text AS day, d.channel, ${MEASURES.map((m) => `sum(d.${m})::text AS ${m}`).join(', ')}
       FROM analytics_daily d WHERE ${WHERE} GROUP BY d.day, d.channel ORDER BY d.day, d.channel`,
      this.params(filter));
    return rows.map((row) => {
      const figures: Record<string, unknown> = { day: row.day, channel: row.channel as Channel };
      for (const m of MEASURES) figures[camel(m)] = Number(row[m]);
      return figures as unknown as DailyFigures;
    });
  }

  /**
   * Histogram counts merged per report period in PostgreSQL (a year by month is a few thousand rows
   * instead of one per day and bucket); each row's `day` is the first day of its period.
   */
  async durations(filter: FigureFilter, grouping: Grouping): Promise<DurationCount[]> {
    const rows = await this.db.rows<{ day: string; channel: Channel; metric: DurationMetric; bucket: number; cases: string }>(
      `SELECT p.day::text AS day, d.channel, d.metric, d.bucket, sum(d.cases)::text AS cases
       FROM analytics_daily_durations d
       CROSS JOIN LATERAL (SELECT CASE $6 WHEN 'day' THEN d.day ELSE date_trunc($6, d.day::timestamp)::date END AS day) p
       WHERE ${WHERE} GROUP BY p.day, d.channel, d.metric, d.bucket`,
      [...this.params(filter), grouping]);
    return rows.map((r) => ({ ...r, cases: Number(r.cases) }));
  }

  /** Open data: contacts and cases per month, channel and topic over the whole range. */
  openData(filter: FigureFilter): Promise<{ month: string; channel: Channel; topic: string; contacts: string; cases: string }[]> {
    return this.db.rows(
      `SELECT to_char(d.day, 'YYYY-MM') AS month, d.channel, t.slug AS topic, sum(d.contacts_in)::text AS contacts,
              sum(d.cases_opened)::text AS cases
       FROM analytics_daily d JOIN topics t ON t.id = d.topic_id WHERE ${WHERE}
       GROUP BY 1, d.channel, t.slug ORDER BY 1, d.channel, t.slug`,
      this.params(filter));
  }
}
