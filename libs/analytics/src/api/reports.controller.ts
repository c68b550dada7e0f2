import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '@kontakt/config';
import { Roles } from '@kontakt/identity';
import { ChannelCostReports } from '../channel-cost-reports';
import { RollupsRepository } from '../data/rollups.repository';
import { reportTables } from '../export/report-tables';
import { toCsv, toXlsx } from '../export/table-files';
import { MonthlyReports } from '../monthly/monthly-reports';
import { OpenDataExport } from '../open-data-export';
import { Surveys } from '../survey/surveys';
import { ChannelCostQueryDto, MonthlyReportQueryDto, PeriodQueryDto } from './reports.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') });

function attachment(res: Response, type: string, filename: string, body: string | Buffer): void {
  res.set({ 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"` }).send(body);
}

/** Channel-cost and service reports for managers (and admins), their exports, the monthly report and open data. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1')
export class ReportsController {
  constructor(
    private readonly reports: ChannelCostReports,
    private readonly monthly: MonthlyReports,
    private readonly openData: OpenDataExport,
    private readonly rollups: RollupsRepository,
    private readonly surveys: Surveys,
    private readonly config: AppConfig,
  ) {}

  @Get('reports/channel-costs')
  @Roles('manager', 'admin')
  async channelCosts(@Query() q: ChannelCostQueryDto, @Res({ passthrough: true }) res: Response) {
    const report = await this.reports.build({
      from: q.from, to: q.to, groupBy: q.groupBy, costModel: q.costModel, baselineFrom: q.baselineFrom, baselineTo: q.baselineTo,
      topic: q.topic, queue: q.queue, segment: q.segment,
    });
    if (q.format === 'json') return report;
    const tables = reportTables(report);
    const name = `kontakt-channel-costs-${q.from}-${q.to}`;
    if (q.format === 'csv') return attachment(res, 'text/csv; charset=utf-8', `${name}-${q.table ?? 'periods'}.csv`, toCsv(tables[q.table ?? 'periods']));
    const sheets = q.table ? [tables[q.table]] : [tables.periods, tables.channels];
    return attachment(res, XLSX, `${name}.xlsx`, await toXlsx(sheets));
  }

  @Get('reports/open-data')
  @Roles('manager', 'admin')
  async openDataExport(@Query() q: PeriodQueryDto, @Res({ passthrough: true }) res: Response) {
    const table = await this.openData.table({ from: q.from, to: q.to, topic: q.topic, queue: q.queue, segment: q.segment });
    if (q.format === 'json') return table;
    const name = `kontakt-open-data-${q.from}-${q.to}`;
    if (q.format === 'csv') return attachment(res, 'text/csv; charset=utf-8', `${name}.csv`, toCsv(table));
    return attachment(res, XLSX, `${name}.xlsx`, await toXlsx([table]));
  }

  @Get('reports/monthly.pdf')
  @Roles('manager', 'admin')
  async monthlyPdf(@Query() q: MonthlyReportQueryDto, @Res() res: Response) {
    attachment(res, 'application/pdf', `kontakt-${q.month}.pdf`, await this.monthly.pdf(q.month));
  }

  @Post('reports/monthly/send')
  @Roles('manager', 'admin')
  @HttpCode(202)
  async sendMonthly(@Body() body: MonthlyReportQueryDto) {
    return { month: body.month, recipients: await this.monthly.send(body.month) };
  }

  @Get('reports/rollups')
  @Roles('manager', 'admin')
  async rollupState() {
    return { pendingCases: await this.rollups.pendingCount() };
  }

  @Post('reports/rollups/rebuild')
  @Roles('admin')
  @HttpCode(200)
  rebuild() {
    return this.rollups.rebuild(this.config.timeZone);
  }

  @Post('cases/:id/survey-link')
  @HttpCode(201)
  surveyLink(@Param('id', uuid) id: string) {
    return this.surveys.link(id);
  }
}
