import { Injectable } from '@nestjs/common';
import { checkPeriod } from './channel-cost-reports';
import { FigureFilter, ReportFiguresRepository } from './data/report-figures.repository';
import type { ReportTable } from './export/report-tables';

/** Counts from 1 to 4 could point at a person; they are published as empty and marked suppressed. */
export const SUPPRESS_BELOW = 5;

/**
 * Aggregates for publication: contacts and cases per month, channel and topic. Any count under 5 is
 * left empty and the row says so; no totals are published, so a suppressed cell cannot be worked
 * back out of the others.
 */
@Injectable()
export class OpenDataExport {
  constructor(private readonly figures: ReportFiguresRepository) {}

  async table(filter: FigureFilter): Promise<ReportTable> {
    checkPeriod(filter.from, filter.to, 'from', 'to');
    const rows = await this.figures.openData(filter);
    const safe = (n: string) => (Number(n) < SUPPRESS_BELOW ? null : Number(n));
    return {
      name: 'open-data', title: { da: 'Åbne data', en: 'Open data' },
      columns: [
        { key: 'month', da: 'Måned', en: 'Month' }, { key: 'channel', da: 'Kanal', en: 'Channel' }, { key: 'topic', da: 'Emne', en: 'Topic' },
        { key: 'contacts', da: 'Henvendelser', en: 'Contacts' }, { key: 'cases', da: 'Sager', en: 'Cases' },
        { key: 'suppressed', da: 'Skjult (under 5)', en: 'Suppressed (under 5)' },
      ],
      rows: rows.map((r) => {
        const contacts = safe(r.contacts);
        const cases = safe(r.cases);
        return { month: r.month, channel: r.channel, topic: r.topic, contacts, cases, suppressed: contacts === null || cases === null ? 'yes' : 'no' };
      }),
    };
  }
}
