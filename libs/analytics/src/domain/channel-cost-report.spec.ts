import type { Channel } from '@kontakt/core';
import { buildChannelCostReport } from './channel-cost-report';
import { bucketOf, bucketValue } from './duration-buckets';
import { DailyFigures, FIGURE_KEYS, ReportQuery } from './report-inputs';
import { UnitCostSchedule } from './unit-costs';

const figures = (day: string, channel: Channel, values: Partial<DailyFigures> = {}): DailyFigures =>
  ({ ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])), day, channel, ...values }) as DailyFigures;

const costs = new UnitCostSchedule([
  { channel: 'phone', effectiveFrom: '2000-01-01', unitCostMinor: 14_500, staffCostPerHourMinor: 36_000 },
  { channel: 'webform', effectiveFrom: '2000-01-01', unitCostMinor: 1_000, staffCostPerHourMinor: 36_000 },
  { channel: 'webform', effectiveFrom: '2026-02-01', unitCostMinor: 800, staffCostPerHourMinor: 36_000 },
]);

const query = (q: Partial<ReportQuery> = {}): ReportQuery => ({ from: '2026-01-01', to: '2026-02-28', groupBy: 'month', costModel: 'unit', ...q });

describe('the channel-cost report', () => {
  // January: 8 phone, 2 web form. February: 4 phone, 6 web form (web form now 8 DKK).
  const period = [
    figures('2026-01-15', 'phone', { contactsIn: 8, casesOpened: 8, casesResolved: 4, fcrCases: 2, handlingSeconds: 3600, timedContacts: 8 }),
    figures('2026-01-15', 'webform', { contactsIn: 2, casesOpened: 2, casesResolved: 2, fcrCases: 2 }),
    figures('2026-02-10', 'phone', { contactsIn: 4, casesOpened: 4, chasingContacts: 1, recontacts: 2, directCostMinor: 500, costedContacts: 4 }),
    figures('2026-02-10', 'webform', { contactsIn: 6, casesOpened: 6, casesResolved: 5, firstResponses: 4, firstResponsesInSla: 3, surveyResponses: 2, surveyScoreSum: 9 }),
  ];

  it('costs contacts by the unit cost in force on their day and shows each channel\'s share', () => {
    const report = buildChannelCostReport({ query: query(), currency: 'DKK', figures: period, durations: [], baseline: null, costs });
    expect(report.rows.map((r) => [r.period, r.channel, r.contacts, r.sharePercent, r.cost])).toEqual([
      ['2026-01', 'webform', 2, 20, 2_000],
      ['2026-01', 'phone', 8, 80, 116_000],
      ['2026-02', 'webform', 6, 60, 4_800],
      ['2026-02', 'phone', 4, 40, 58_000],
    ]);
    expect(report.periods.map((p) => [p.period, p.cost, p.digitalSharePercent, p.costPerResolvedCase])).toEqual([
      ['2026-01', 118_000, 20, 19_667], // 118,000 / 6 resolved
      ['2026-02', 62_800, 60, 12_560], // 62,800 / 5 resolved
    ]);
    expect(report.totals).toMatchObject({ contacts: 20, cost: 180_800, digitalSharePercent: 40, chasingPercent: 5, recontactPercent: 10,
      firstContactResolutionPercent: 36.4, firstResponseInSlaPercent: 75, satisfactionAverage: 4.5, baselineCost: null, savings: null });
  });

  it('saves the difference to the baseline mix at each day\'s unit costs', () => {
    // baseline: 9 phone, 1 web form → mix 0.9 / 0.1
    const baseline = [figures('2025-12-01', 'phone', { contactsIn: 9 }), figures('2025-12-01', 'webform', { contactsIn: 1 })];
    const report = buildChannelCostReport({ query: query(), currency: 'DKK', figures: period, durations: [], baseline, costs });
    // January: 10 × (0.9 × 14,500 + 0.1 × 1,000) = 131,500; actual 118,000 → saves 13,500
    // February: 10 × (0.9 × 14,500 + 0.1 × 800) = 131,300; actual 62,800 → saves 68,500
    expect(report.periods.map((p) => [p.baselineCost, p.savings])).toEqual([[131_500, 13_500], [131_300, 68_500]]);
    expect(report.totals).toMatchObject({ baselineCost: 262_800, savings: 82_000 });
    expect(report.baselineMix).toEqual({ phone: 0.9, webform: 0.1 });
  });

  it('uses activity-based cost where a channel recorded handling time or direct cost, and says so', () => {
    const report = buildChannelCostReport({ query: query({ costModel: 'activity' }), currency: 'DKK', figures: period, durations: [], baseline: null, costs });
    // January phone: 3,600 s × 36,000 øre/h = 36,000; February phone: 500 øre direct; web form recorded nothing
    expect(report.rows.map((r) => [r.period, r.channel, r.cost, r.costModel])).toEqual([
      ['2026-01', 'webform', 2_000, 'unit'],
      ['2026-01', 'phone', 36_000, 'activity'],
      ['2026-02', 'webform', 4_800, 'unit'],
      ['2026-02', 'phone', 500, 'activity'],
    ]);
    expect(report.rows[1].averageHandlingSeconds).toBe(450);
  });

  it('merges duration histograms across days and channels for percentiles', () => {
    const durations = [
      { day: '2026-01-15', channel: 'phone' as const, metric: 'resolution' as const, buckets: [bucketOf(600)], cases: [3] },
      { day: '2026-02-10', channel: 'webform' as const, metric: 'resolution' as const, buckets: [bucketOf(36_000)], cases: [1] },
    ];
    const report = buildChannelCostReport({ query: query(), currency: 'DKK', figures: period, durations, baseline: null, costs });
    // four resolutions: 600, 600, 600, 36,000 s → median rank 2 = 600 s; 90th percentile rank 4 = 36,000 s
    expect(report.totals.resolutionMedianSeconds).toBe(bucketValue(bucketOf(600)));
    expect(report.totals.resolutionP90Seconds).toBe(bucketValue(bucketOf(36_000)));
    expect(report.periods[0].resolutionP90Seconds).toBe(bucketValue(bucketOf(600)));
  });
});
