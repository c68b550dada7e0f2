import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.repository';

/**
 * LISTENs for new outbox rows on its own connection and calls `wake`. Notifications are only a
 * shortcut: the worker also polls, so a dropped connection delays delivery by a poll, never loses it.
 */
export class OutboxWakeups {
  private readonly logger = new Logger(OutboxWakeups.name);
  private client?: Client;
  private stopped = false;

  constructor(private readonly url: string, private readonly wake: () => void) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'kontakt-outbox-listen' });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ event: 'outbox_listen_lost', error: error.message });
      this.client = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.start().catch(() => undefined), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.logger.warn({ event: 'outbox_listen_failed', error: (error as Error).message });
      await client.end().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
