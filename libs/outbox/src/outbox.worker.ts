import { Injectable, Logger, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@kontakt/config';
import { Database, WorkerWakeups } from '@kontakt/database';
import { OutboxChannels } from './outbox-channels';
import { OutboxMessage, PermanentDeliveryError } from './outbox-message';
import { OUTBOX_NOTIFY_CHANNEL, OutboxRepository } from './outbox.repository';
import { retryDelayMs } from './retry-backoff';

const BATCH = 20;
const POLL_MS = 1_000;
/** Longer than an SMTP conversation can take (the adapter's own timeouts are shorter). */
const LEASE_MS = 3 * 60 * 1000;

/**
 * Delivers outbox messages: claims due rows (see OutboxRepository.claimDue), hands each to its
 * channel's adapter, then marks it sent, schedules a retry with exponential backoff, or marks it
 * failed after the last attempt or a permanent refusal. Woken by NOTIFY, polls every second for
 * retries that fall due. Any number of server processes may run it.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private wakeups?: WorkerWakeups;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly outbox: OutboxRepository,
    private readonly channels: OutboxChannels,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.wakeups = new WorkerWakeups((this.dataSource.options as { url?: string }).url, OUTBOX_NOTIFY_CHANNEL, POLL_MS, () => this.wake());
    await this.wakeups.start();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.wakeups?.stop();
    await this.running;
  }

  /** Runs a drain now, or once more after the one in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.logger.error({ event: 'outbox_drain_failed', error: (error as Error).message }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const due = await this.outbox.claimDue(this.db, BATCH, LEASE_MS);
      if (due.length === 0) return;
      await Promise.all(due.map((message) => this.deliver(message)));
    }
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const log = { outboxId: message.id, caseId: message.caseId, contactId: message.contactId, channel: message.channel, kind: message.kind, attempt: message.attempts };
    const adapter = this.channels.adapter(message.channel);
    try {
      if (!adapter) throw new Error(`no delivery adapter for ${message.channel} in this server`);
      await adapter.deliver(message);
      await this.outbox.markSent(this.db, message.id);
      this.logger.log({ event: 'outbox_sent', ...log });
    } catch (error) {
      const reason = (error as Error).message.slice(0, 1000);
      if (error instanceof PermanentDeliveryError || message.attempts >= message.maxAttempts) {
        await this.outbox.markFailed(this.db, message.id, reason);
        this.logger.warn({ event: 'outbox_failed', ...log, reason });
        return;
      }
      const delayMs = retryDelayMs(message.attempts, this.config.outboxRetryBaseMs);
      await this.outbox.scheduleRetry(this.db, message.id, delayMs, reason);
      this.logger.warn({ event: 'outbox_retry', ...log, delayMs, reason });
    }
  }
}
