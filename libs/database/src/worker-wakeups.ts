import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/**
 * Wakes a worker every `pollMs`, and at once for each notification on one PostgreSQL channel, which it
 * LISTENs to on its own connection when given the database URL. The notification is only a shortcut
 * beside polling: a dropped connection delays work by a poll and is re-opened after a second, never
 * loses anything.
 */
export class WorkerWakeups {
  private readonly logger = new Logger(WorkerWakeups.name);
  private client?: Client;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly url: string | undefined, private readonly channel: string, private readonly pollMs: number, private readonly wake: () => void) {}

  async start(): Promise<void> {
    this.timer = setInterval(() => this.wake(), this.pollMs);
    await this.listen();
  }

  private async listen(): Promise<void> {
    if (this.stopped || !this.url) return;
    const client = new Client({ connectionString: this.url, application_name: `kontakt-listen-${this.channel}` });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ event: 'listen_lost', channel: this.channel, error: error.message });
      this.client = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1_000).unref();
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
    clearInterval(this.timer);
    await this.client?.end().catch(() => undefined);
  }
}
