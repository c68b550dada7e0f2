import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { ExpireOffer } from '../offers/expire-offer';
import { PresenceService } from '../presence/presence.service';
import { RoutingSweep } from '../routing/routing-sweep';
import { OFFER_EXPIRY_JOB, PRESENCE_GRACE_JOB, SWEEP_JOB } from './job-names';
import { JobQueue } from './job-queue';

/**
 * The router's timers on pg-boss: each offer's expiry, each lost connection's grace period, and the
 * sweep, which re-sends itself every ROUTING_SWEEP_SECONDS (a 'stately' queue keeps one waiting) with
 * a once-a-minute schedule that restarts the chain if a process died mid-sweep.
 */
@Injectable()
export class RoutingJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(RoutingJobs.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly expire: ExpireOffer,
    private readonly presence: PresenceService,
    private readonly sweep: RoutingSweep,
    private readonly config: AppConfig,
  ) {}

  /** Starts in the background: installing pg-boss's schema on a new database must not hold up GET /health. */
  onApplicationBootstrap(): void {
    this.start().catch((error: Error) => this.logger.error({ event: 'routing_jobs_failed_to_start', error: error.message }));
  }

  private async start(): Promise<void> {
    await this.jobs.work<{ offerId: string }>(OFFER_EXPIRY_JOB, 0.5, ({ offerId }) => this.expire.execute(offerId));
    await this.jobs.work<{ userId: string }>(PRESENCE_GRACE_JOB, 1, ({ userId }) => this.presence.graceEnded(userId));
    await this.jobs.work(SWEEP_JOB, 1, () => this.runSweep());
    await this.jobs.schedule(SWEEP_JOB, '* * * * *');
    await this.jobs.send(SWEEP_JOB, {});
  }

  private async runSweep(): Promise<void> {
    try {
      await this.sweep.run();
    } catch (error) {
      this.logger.error({ event: 'routing_sweep_failed', error: (error as Error).message });
    }
    await this.jobs.send(SWEEP_JOB, {}, { startAfter: this.config.routingSweepSeconds });
  }
}
