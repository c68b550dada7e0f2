import { CHANNELS, Channel } from '@kontakt/core';
import { Histogram, percentile } from './duration-buckets';
import { periodOf } from './periods';
import { CostModel, DailyFigures, DurationHistogram, FIGURE_KEYS, ReportQuery } from './report-inputs';
import { ONLINE_CHANNELS, UnitCostSchedule } from './unit-costs';

/**
 * The channel-cost report computed from rollup figures: cost per channel under the chosen model,
 * channel mix, digital take-up, savings against a baseline mix, avoidable contact, first-contact
 * resolution, response and resolution times, handling time and satisfaction. Pure: every figure
 * here is tested against hand-computed expectations (channel-cost-report.spec.ts).
 *
 * Savings from channel shift, for each day d of the period with N_d inbound contacts in all channels:
 *   baseline cost_d = N_d × Σ_c m_c × u_c,d   (m_c = channel c's share of the baseline period's contacts)
 *   actual cost_d   = Σ_c n_c,d × u_c,d       (u_c,d = c's unit cost on d)
 *   savings = Σ_d (baseline cost_d − actual cost_d)
 * Both use the unit costs in force on each day, so the savings come from the mix alone.
 */
export interface ChannelRow {
  period: string;
  channel: Channel;
  contacts: number;
  outboundContacts: number;
  cases: number;
  resolvedCases: number;
  sharePercent: number;
  cost: number;
  costModel: CostModel;
  averageHandlingSeconds: number | null;
  firstContactResolutionPercent: number | null;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  resolutionMedianSeconds: number | null;
  resolutionP90Seconds: number | null;
  satisfactionAverage: number | null;
  surveyResponses: number;
}

export interface PeriodRow {
  period: string;
  contacts: number;
  cases: number;
  resolvedCases: number;
  digitalSharePercent: number | null;
  cost: number;
  costPerResolvedCase: number | null;
  baselineCost: number | null;
  savings: number | null;
  chasingPercent: number | null;
  recontactPercent: number | null;
  firstContactResolutionPercent: number | null;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  firstResponseInSlaPercent: number | null;
  resolutionMedianSeconds: number | null;
  resolutionP90Seconds: number | null;
  satisfactionAverage: number | null;
}

export interface ChannelCostReport {
  query: ReportQuery;
  currency: string;
  baselineMix: Partial<Record<Channel, number>> | null;
  rows: ChannelRow[];
  periods: PeriodRow[];
  totals: PeriodRow;
}

type Sums = Record<(typeof FIGURE_KEYS)[number], number> & { unitCost: number; activityCost: number; baselineCost: number };

function emptySums(): Sums {
  const sums = { unitCost: 0, activityCost: 0, baselineCost: 0 } as Sums;
  for (const key of FIGURE_KEYS) sums[key] = 0;
  return sums;
}
const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const ratio = (part: number, whole: number, digits = 0) => (whole === 0 ? null : Math.round((part / whole) * 10 ** digits) / 10 ** digits);
const orNull = (value: number | undefined) => value ?? null;

/** Each channel's share (0…1) of the inbound contacts in the baseline figures; null when it had none. */
export function baselineMix(baseline: DailyFigures[]): Partial<Record<Channel, number>> | null {
  const byChannel = new Map<Channel, number>();
  for (const f of baseline) byChannel.set(f.channel, (byChannel.get(f.channel) ?? 0) + f.contactsIn);
  const total = [...byChannel.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  return Object.fromEntries([...byChannel].map(([c, n]) => [c, n / total]));
}

class Accumulator {
  readonly sums = emptySums();
  readonly durations = { first_response: new Histogram(), resolution: new Histogram() };

  /** Adds a day's figures with their cost under each model (computed once for the three accumulators a day feeds). */
  add(f: DailyFigures, unitCost: number, activityCost: number): void {
    for (const key of FIGURE_KEYS) this.sums[key] += f[key];
    this.sums.unitCost += unitCost;
    this.sums.activityCost += activityCost;
  }

  hasActivityData(): boolean {
    return this.sums.timedContacts + this.sums.costedContacts > 0;
  }

  cost(model: CostModel): { cost: number; model: CostModel } {
    if (model === 'activity' && this.hasActivityData()) return { cost: Math.round(this.sums.activityCost), model: 'activity' };
    return { cost: Math.round(this.sums.unitCost), model: 'unit' };
  }

  service() {
    const s = this.sums;
    return {
      firstContactResolutionPercent: pct(s.fcrCases, s.casesResolved),
      firstResponseMedianSeconds: orNull(percentile(this.durations.first_response, 0.5)),
      firstResponseP90Seconds: orNull(percentile(this.durations.first_response, 0.9)),
      resolutionMedianSeconds: orNull(percentile(this.durations.resolution, 0.5)),
      resolutionP90Seconds: orNull(percentile(this.durations.resolution, 0.9)),
      satisfactionAverage: ratio(s.surveyScoreSum, s.surveyResponses, 2),
    };
  }
}

export function buildChannelCostReport(input: {
  query: ReportQuery;
  currency: string;
  figures: DailyFigures[];
  durations: DurationHistogram[];
  baseline: DailyFigures[] | null;
  costs: UnitCostSchedule;
}): ChannelCostReport {
  const { query, costs } = input;
  const mix = input.baseline ? baselineMix(input.baseline) : null;
  const cells = new Map<string, Accumulator>();
  const periods = new Map<string, Accumulator>();
  const totals = new Accumulator();
  const cellsByPeriod = new Map<string, Accumulator[]>();
  const cell = (period: string, channel: string) => {
    const key = `${period}|${channel}`;
    if (!cells.has(key)) {
      cells.set(key, new Accumulator());
      if (!cellsByPeriod.has(period)) cellsByPeriod.set(period, []);
      cellsByPeriod.get(period)!.push(cells.get(key)!);
    }
    return cells.get(key)!;
  };
  const periodAcc = (period: string) => {
    if (!periods.has(period)) periods.set(period, new Accumulator());
    return periods.get(period)!;
  };

  const periodNames = new Map<string, string>();
  const periodOfDay = (day: string) => {
    let period = periodNames.get(day);
    if (period === undefined) periodNames.set(day, (period = periodOf(day, query.groupBy)));
    return period;
  };

  const perDay = new Map<string, DailyFigures[]>();
  for (const f of input.figures) {
    const period = periodOfDay(f.day);
    const unitCost = f.contactsIn * costs.unitCost(f.channel, f.day);
    const activityCost = (f.handlingSeconds * costs.staffCostPerHour(f.channel, f.day)) / 3600 + f.directCostMinor;
    for (const acc of [cell(period, f.channel), periodAcc(period), totals]) acc.add(f, unitCost, activityCost);
    if (!perDay.has(f.day)) perDay.set(f.day, []);
    perDay.get(f.day)!.push(f);
  }
  if (mix) {
    for (const [day, figures] of perDay) {
      const contacts = figures.reduce((n, f) => n + f.contactsIn, 0);
      const baselineUnit = Object.entries(mix).reduce((sum, [c, share]) => sum + share! * costs.unitCost(c, day), 0);
      for (const acc of [periodAcc(periodOfDay(day)), totals]) acc.sums.baselineCost += contacts * baselineUnit;
    }
  }
  for (const d of input.durations) {
    const period = periodOfDay(d.day);
    for (const acc of [cell(period, d.channel), periodAcc(period), totals]) {
      acc.durations[d.metric].addAll(d.buckets, d.cases);
    }
  }

  const rows: ChannelRow[] = [];
  for (const period of [...periods.keys()].sort()) {
    const periodContacts = periods.get(period)!.sums.contactsIn;
    for (const channel of CHANNELS) {
      const acc = cells.get(`${period}|${channel}`);
      if (!acc) continue;
      const s = acc.sums;
      const { cost, model } = acc.cost(query.costModel);
      rows.push({
        period, channel, contacts: s.contactsIn, outboundContacts: s.contactsOut, cases: s.casesOpened, resolvedCases: s.casesResolved,
        sharePercent: pct(s.contactsIn, periodContacts) ?? 0, cost, costModel: model,
        averageHandlingSeconds: ratio(s.handlingSeconds, s.timedContacts), ...acc.service(), surveyResponses: s.surveyResponses,
      });
    }
  }
  const periodRow = (period: string, acc: Accumulator, periodCells: Accumulator[], online: number): PeriodRow => {
    const s = acc.sums;
    const cost = periodCells.reduce((sum, c) => sum + c.cost(query.costModel).cost, 0);
    const baselineCost = mix ? Math.round(s.baselineCost) : null;
    return {
      period, contacts: s.contactsIn, cases: s.casesOpened, resolvedCases: s.casesResolved,
      digitalSharePercent: pct(online, s.contactsIn), cost, costPerResolvedCase: ratio(cost, s.casesResolved),
      baselineCost, savings: baselineCost === null ? null : baselineCost - Math.round(s.unitCost),
      chasingPercent: pct(s.chasingContacts, s.contactsIn), recontactPercent: pct(s.recontacts, s.contactsIn),
      firstResponseInSlaPercent: pct(s.firstResponsesInSla, s.firstResponses), ...acc.service(),
    };
  };
  // indexed by period: a year by day has 366 periods and over 2,000 cells
  const online = new Map<string, number>();
  for (const r of rows) if (ONLINE_CHANNELS.includes(r.channel)) online.set(r.period, (online.get(r.period) ?? 0) + r.contacts);
  const onlineContacts = (period: string | null) =>
    period === null ? [...online.values()].reduce((n, c) => n + c, 0) : online.get(period) ?? 0;
  const cellsOf = (period: string | null) => (period === null ? [...cells.values()] : cellsByPeriod.get(period) ?? []);

  const periodRows = [...periods.keys()].sort().map((period) => periodRow(period, periods.get(period)!, cellsOf(period), onlineContacts(period)));
  return {
    query, currency: input.currency, baselineMix: mix, rows, periods: periodRows,
    totals: periodRow('total', totals, cellsOf(null), onlineContacts(null)),
  };
}
