import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { RollupsRepository } from '../data/rollups.repository';
import { MonthlyReports } from '../monthly/monthly-reports';
import { Surveys } from '../survey/surveys';

const BATCH = 2000;
const HOUR = 3_600_000;

/**
 * The analytics background work in every server process, on a timer: fold changed cases into the
 * rollups (only the process holding the fold lock does; the others find it taken and wait for the
 * next tick), invite citizens of resolved cases to the survey, and once an hour send last month's
 * report if nobody has.
 */
@Injectable()
export class AnalyticsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnalyticsWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private lastHourly = 0;

  constructor(
    private readonly rollups: RollupsRepository,
    private readonly surveys: Surveys,
    private readonly monthly: MonthlyReports,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.config.analyticsFoldSeconds * 1000));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      let folded: { more: boolean } | null;
      do {
        folded = await this.rollups.foldPending(BATCH, this.config.timeZone);
      } while (!this.stopped && folded?.more);
      await this.surveys.inviteResolved();
      if (Date.now() - this.lastHourly > HOUR) {
        this.lastHourly = Date.now();
        await this.monthly.sendDue();
      }
    } catch (error) {
      if (!this.stopped) this.logger.error({ event: 'analytics_worker_failed', error: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
