import { Module } from '@nestjs/common';
import { ChannelCostsController } from './api/channel-costs.controller';
import { ReportsController } from './api/reports.controller';
import { ChannelCostReports } from './channel-cost-reports';
import { MonthlyReportsRepository } from './data/monthly-reports.repository';
import { ReportFiguresRepository } from './data/report-figures.repository';
import { RollupsRepository } from './data/rollups.repository';
import { UnitCostsRepository } from './data/unit-costs.repository';
import { AnalyticsWorker } from './jobs/analytics-worker';
import { AnalyticsMailer } from './monthly/analytics-mailer';
import { MonthlyReports } from './monthly/monthly-reports';
import { OpenDataExport } from './open-data-export';
import { DashboardController } from './page/dashboard.controller';
import { SurveyPagesController } from './survey/survey-pages.controller';
import { SurveyRepository } from './survey/survey.repository';
import { Surveys } from './survey/surveys';

/** Channel-cost analytics: rollups kept by a background fold, reports and exports, the dashboard, surveys. */
@Module({
  controllers: [ReportsController, ChannelCostsController, DashboardController, SurveyPagesController],
  providers: [
    RollupsRepository, ReportFiguresRepository, UnitCostsRepository, MonthlyReportsRepository, SurveyRepository,
    ChannelCostReports, OpenDataExport, MonthlyReports, AnalyticsMailer, Surveys, AnalyticsWorker,
  ],
  exports: [ChannelCostReports, RollupsRepository],
})
export class AnalyticsModule {}
