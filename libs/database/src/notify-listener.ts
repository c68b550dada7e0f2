import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/**
 * LISTENs on one PostgreSQL notification channel on its own connection and calls `wake` for each
 * notification. Workers use it only as a shortcut beside polling: a dropped connection delays work by
 * a poll and is re-opened after a second, never loses anything.
 */
export class NotifyListener {
  private readonly logger = new Logger(NotifyListener.name);
  private client?: Client;
  private stopped = false;

  constructor(private readonly url: string, private readonly channel: string, private readonly wake: () => void) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: `kontakt-listen-${this.channel}` });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ event: 'listen_lost', channel: this.channel, error: error.message });
      this.client = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.start().catch(() => undefined), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      this.client = client;
    } catch (error) {
      this.logger.warn({ event: 'listen_failed', channel: this.channel, error: (error as Error).message });
      await client.end().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
