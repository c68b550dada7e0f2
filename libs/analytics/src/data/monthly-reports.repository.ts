import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';

/** Who gets the monthly report, and which months were sent (one claim per month across processes). */
@Injectable()
export class MonthlyReportsRepository {
  constructor(private readonly db: Database) {}

  async managerEmails(): Promise<string[]> {
    const rows = await this.db.rows<{ email: string }>(
      `SELECT email FROM staff_users WHERE role = 'manager' AND disabled_at IS NULL ORDER BY email`);
    return rows.map((r) => r.email);
  }

  /** True when this call claimed the month (nobody sent it before). */
  async claim(month: string, recipients: number): Promise<boolean> {
    const row = await this.db.one(
      `INSERT INTO analytics_monthly_reports (month, recipients) VALUES ($1::date, $2) ON CONFLICT (month) DO NOTHING RETURNING month`,
      [`${month}-01`, recipients]);
    return row !== undefined;
  }

  async release(month: string): Promise<void> {
    await this.db.rows('DELETE FROM analytics_monthly_reports WHERE month = $1::date', [`${month}-01`]);
  }

  async record(month: string, recipients: number): Promise<void> {
    await this.db.rows(
      `INSERT INTO analytics_monthly_reports (month, recipients) VALUES ($1::date, $2)
       ON CONFLICT (month) DO UPDATE SET recipients = EXCLUDED.recipients, sent_at = now()`,
      [`${month}-01`, recipients]);
  }
}
