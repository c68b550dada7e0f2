import type { ChannelCostReport, ChannelRow, PeriodRow } from '../domain/channel-cost-report';

/** A table of a report as exported: column keys (CSV header and JSON names) with Danish and English titles. */
export interface ReportTable {
  name: string;
  title: { da: string; en: string };
  columns: { key: string; da: string; en: string }[];
  rows: Record<string, string | number | null>[];
}

const PERIOD_COLUMNS: ReportTable['columns'] = [
  { key: 'period', da: 'Periode', en: 'Period' },
  { key: 'contacts', da: 'Henvendelser', en: 'Contacts' },
  { key: 'cases', da: 'Sager oprettet', en: 'Cases opened' },
  { key: 'resolvedCases', da: 'Sager løst', en: 'Cases resolved' },
  { key: 'digitalSharePercent', da: 'Digital andel %', en: 'Digital share %' },
  { key: 'cost', da: 'Omkostning (øre)', en: 'Cost (minor units)' },
  { key: 'costPerResolvedCase', da: 'Omkostning pr. løst sag (øre)', en: 'Cost per resolved case (minor units)' },
  { key: 'baselineCost', da: 'Omkostning ved basismiks (øre)', en: 'Cost at baseline mix (minor units)' },
  { key: 'savings', da: 'Besparelse (øre)', en: 'Savings (minor units)' },
  { key: 'chasingPercent', da: 'Rykkere %', en: 'Chasing contacts %' },
  { key: 'recontactPercent', da: 'Genhenvendelser inden 7 dage %', en: 'Re-contacts within 7 days %' },
  { key: 'firstContactResolutionPercent', da: 'Løst ved første kontakt %', en: 'First-contact resolution %' },
  { key: 'firstResponseMedianSeconds', da: 'Første svar, median (s)', en: 'First response, median (s)' },
  { key: 'firstResponseP90Seconds', da: 'Første svar, 90 % (s)', en: 'First response, 90th percentile (s)' },
  { key: 'firstResponseInSlaPercent', da: 'Første svar inden for SLA %', en: 'First response within SLA %' },
  { key: 'resolutionMedianSeconds', da: 'Løsning, median (s)', en: 'Resolution, median (s)' },
  { key: 'resolutionP90Seconds', da: 'Løsning, 90 % (s)', en: 'Resolution, 90th percentile (s)' },
  { key: 'satisfactionAverage', da: 'Tilfredshed (1-5)', en: 'Satisfaction (1-5)' },
];

const CHANNEL_COLUMNS: ReportTable['columns'] = [
  { key: 'period', da: 'Periode', en: 'Period' },
  { key: 'channel', da: 'Kanal', en: 'Channel' },
  { key: 'contacts', da: 'Henvendelser', en: 'Contacts' },
  { key: 'outboundContacts', da: 'Udgående', en: 'Outbound' },
  { key: 'cases', da: 'Sager oprettet', en: 'Cases opened' },
  { key: 'resolvedCases', da: 'Sager løst', en: 'Cases resolved' },
  { key: 'sharePercent', da: 'Andel %', en: 'Share %' },
  { key: 'cost', da: 'Omkostning (øre)', en: 'Cost (minor units)' },
  { key: 'costModel', da: 'Omkostningsmodel', en: 'Cost model' },
  { key: 'averageHandlingSeconds', da: 'Gns. behandlingstid (s)', en: 'Average handling time (s)' },
  { key: 'firstContactResolutionPercent', da: 'Løst ved første kontakt %', en: 'First-contact resolution %' },
  { key: 'firstResponseMedianSeconds', da: 'Første svar, median (s)', en: 'First response, median (s)' },
  { key: 'firstResponseP90Seconds', da: 'Første svar, 90 % (s)', en: 'First response, 90th percentile (s)' },
  { key: 'resolutionMedianSeconds', da: 'Løsning, median (s)', en: 'Resolution, median (s)' },
  { key: 'resolutionP90Seconds', da: 'Løsning, 90 % (s)', en: 'Resolution, 90th percentile (s)' },
  { key: 'satisfactionAverage', da: 'Tilfredshed (1-5)', en: 'Satisfaction (1-5)' },
  { key: 'surveyResponses', da: 'Besvarelser', en: 'Survey responses' },
];

const pick = (row: PeriodRow | ChannelRow, columns: ReportTable['columns']) =>
  Object.fromEntries(columns.map((c) => [c.key, (row as unknown as Record<string, string | number | null>)[c.key]]));

export function reportTables(report: ChannelCostReport): { periods: ReportTable; channels: ReportTable } {
  return {
    periods: {
      name: 'periods', title: { da: 'Perioder', en: 'Periods' }, columns: PERIOD_COLUMNS,
      rows: [...report.periods, report.totals].map((r) => pick(r, PERIOD_COLUMNS)),
    },
    channels: { name: 'channels', title: { da: 'Kanaler', en: 'Channels' }, columns: CHANNEL_COLUMNS, rows: report.rows.map((r) => pick(r, CHANNEL_COLUMNS)) },
  };
}
