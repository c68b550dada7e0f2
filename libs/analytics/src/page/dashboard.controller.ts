import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '@kontakt/config';
import { Roles } from '@kontakt/identity';
import { ChannelCostReports } from '../channel-cost-reports';
import { localDay } from '../domain/periods';
import { COST_MODELS, CostModel } from '../domain/report-inputs';
import { dashboardPage } from './dashboard-page';
import { PAGE_HEADERS, pageLanguage } from './html';

type DashboardQuery = Partial<Record<'from' | 'to' | 'groupBy' | 'costModel' | 'baselineFrom' | 'baselineTo' | 'topic' | 'queue' | 'segment' | 'lang', string>>;

const optional = (value: string | undefined) => (value ? value : undefined);

/**
 * GET /reports/channel-costs: the manager dashboard (session cookie of the staff web app, or a bearer
 * token). Defaults: the last twelve months by month, unit costs. Bad parameters come back as the
 * API's 400 with a message, like the JSON report.
 */
@ApiExcludeController()
@Controller('reports')
export class DashboardController {
  constructor(
    private readonly reports: ChannelCostReports,
    private readonly config: AppConfig,
  ) {}

  @Get('channel-costs')
  @Roles('manager', 'admin')
  async page(@Query() q: DashboardQuery, @Res() res: Response) {
    const today = localDay(new Date(), this.config.timeZone);
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}-01`;
    const groupBy = q.groupBy === 'day' || q.groupBy === 'week' ? q.groupBy : 'month';
    const costModel: CostModel = (COST_MODELS as readonly string[]).includes(q.costModel ?? '') ? (q.costModel as CostModel) : 'unit';
    const report = await this.reports.build({
      from: q.from || yearAgo, to: q.to || today, groupBy, costModel,
      baselineFrom: optional(q.baselineFrom), baselineTo: optional(q.baselineTo),
      topic: optional(q.topic), queue: optional(q.queue), segment: optional(q.segment),
    });
    res.set(PAGE_HEADERS).type('html').send(dashboardPage(report, pageLanguage(q.lang)));
  }
}
