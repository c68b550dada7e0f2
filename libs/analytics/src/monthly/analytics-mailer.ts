import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '@kontakt/config';

export interface AnalyticsMail {
  to: string[];
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * Sends analytics mail (monthly reports to managers, survey links to citizens) through
 * REPORTS_SMTP_URL, which defaults to the env mailbox's SMTP_URL. Without one, nothing is sent and
 * `canSend` says so.
 */
@Injectable()
export class AnalyticsMailer implements OnModuleDestroy {
  private readonly logger = new Logger(AnalyticsMailer.name);
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get canSend(): boolean {
    return Boolean(this.config.reportsSmtpUrl && this.config.reportsMailFrom);
  }

  async send(mail: AnalyticsMail): Promise<void> {
    if (!this.canSend) throw new Error('No REPORTS_SMTP_URL (or SMTP_URL) and REPORTS_MAIL_FROM (or MAIL_FROM) are set');
    this.transport ??= nodemailer.createTransport(this.config.reportsSmtpUrl!, { connectionTimeout: 15_000, socketTimeout: 60_000 } as object);
    const from = this.config.reportsMailFrom!;
    await this.transport.sendMail({ from: from.name ? { name: from.name, address: from.address } : from.address, ...mail });
    this.logger.log({ event: 'analytics_mail_sent', recipients: mail.to.length, subject: mail.subject });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
