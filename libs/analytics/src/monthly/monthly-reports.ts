import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { DomainError } from '@kontakt/core';
import { ChannelCostReports } from '../channel-cost-reports';
import { MonthlyReportsRepository } from '../data/monthly-reports.repository';
import { localDay, previousMonth } from '../domain/periods';
import { AnalyticsMailer } from './analytics-mailer';
import { monthlyReportPdf } from './monthly-report-pdf';

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The monthly report: the month's figures by day with the month before as the savings baseline,
 * as a PDF, emailed to every active manager. Sent once per month automatically (the first process
 * to claim the month sends it) and on demand.
 */
@Injectable()
export class MonthlyReports {
  private readonly logger = new Logger(MonthlyReports.name);

  constructor(
    private readonly reports: ChannelCostReports,
    private readonly repository: MonthlyReportsRepository,
    private readonly mailer: AnalyticsMailer,
    private readonly config: AppConfig,
  ) {}

  async pdf(month: string): Promise<Buffer> {
    const { from, to } = monthRange(month);
    const baseline = previousMonth(from);
    const report = await this.reports.build({ from, to, groupBy: 'day', costModel: 'unit', baselineFrom: baseline.from, baselineTo: baseline.to });
    return monthlyReportPdf(report, month);
  }

  /** Emails the month's report to the managers now; returns how many were sent to. */
  async send(month: string): Promise<number> {
    if (!this.mailer.canSend) throw new DomainError('conflict', 'Reports cannot be emailed: set REPORTS_SMTP_URL and REPORTS_MAIL_FROM (or SMTP_URL and MAIL_FROM)');
    const recipients = await this.repository.managerEmails();
    if (recipients.length === 0) throw new DomainError('conflict', 'There is no active manager to send the report to');
    await this.deliver(month, recipients);
    await this.repository.record(month, recipients.length);
    return recipients.length;
  }

  /** Sends last month's report unless some process already did. */
  async sendDue(now = new Date()): Promise<void> {
    if (!this.mailer.canSend) return;
    const { month } = previousMonth(localDay(now, this.config.timeZone));
    const recipients = await this.repository.managerEmails();
    if (recipients.length === 0 || !(await this.repository.claim(month, recipients.length))) return;
    try {
      await this.deliver(month, recipients);
    } catch (error) {
      await this.repository.release(month);
      this.logger.error({ event: 'monthly_report_failed', month, error: (error as Error).message });
    }
  }

  private async deliver(month: string, recipients: string[]): Promise<void> {
    const pdf = await this.pdf(month);
    await this.mailer.send({
      to: recipients,
      subject: `Kontakt: månedsrapport / monthly report ${month}`,
      text: `Månedsrapporten for ${month} er vedhæftet.\n\nThe monthly report for ${month} is attached.\n`,
      attachments: [{ filename: `kontakt-${month}.pdf`, content: pdf, contentType: 'application/pdf' }],
    });
    this.logger.log({ event: 'monthly_report_sent', month, recipients: recipients.length });
  }
}
