import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { invalid } from '@kontakt/core';
import { buildChannelCostReport, ChannelCostReport } from './domain/channel-cost-report';
import { dayCount } from './domain/periods';
import type { ReportQuery } from './domain/report-inputs';
import { UnitCostSchedule } from './domain/unit-costs';
import { ReportFiguresRepository } from './data/report-figures.repository';
import { UnitCostsRepository } from './data/unit-costs.repository';

/** A report covers at most this many days (over ten years of daily rollups stays fast, but nobody needs more). */
const MAX_DAYS = 3700;

/** Builds the channel-cost report for a period (and optional baseline) from the rollups. */
@Injectable()
export class ChannelCostReports {
  constructor(
    private readonly figures: ReportFiguresRepository,
    private readonly costs: UnitCostsRepository,
    private readonly config: AppConfig,
  ) {}

  async build(query: ReportQuery): Promise<ChannelCostReport> {
    checkPeriod(query.from, query.to, 'from', 'to');
    if ((query.baselineFrom === undefined) !== (query.baselineTo === undefined)) throw invalid('baselineFrom and baselineTo must be given together');
    if (query.baselineFrom) checkPeriod(query.baselineFrom, query.baselineTo!, 'baselineFrom', 'baselineTo');
    const filter = { topic: query.topic, queue: query.queue, segment: query.segment };
    const [figures, durations, baseline, costs] = await Promise.all([
      this.figures.daily({ ...filter, from: query.from, to: query.to }),
      this.figures.durations({ ...filter, from: query.from, to: query.to }, query.groupBy),
      query.baselineFrom ? this.figures.daily({ ...filter, from: query.baselineFrom, to: query.baselineTo! }) : Promise.resolve(null),
      this.costs.all(),
    ]);
    return buildChannelCostReport({ query, currency: this.config.analyticsCurrency, figures, durations, baseline, costs: new UnitCostSchedule(costs) });
  }
}

export function checkPeriod(from: string, to: string, fromName: string, toName: string): void {
  for (const [name, value] of [[fromName, from], [toName, to]]) {
    if (Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      throw invalid(`${name} is not a calendar date (${value})`);
    }
  }
  if (to < from) throw invalid(`${toName} must not be before ${fromName}`);
  if (dayCount(from, to) > MAX_DAYS) throw invalid(`A report covers at most ${MAX_DAYS} days`);
}
