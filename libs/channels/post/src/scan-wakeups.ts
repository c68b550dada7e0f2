import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { SCAN_NOTIFY_CHANNEL } from './post-scans.repository';

/**
 * LISTENs for newly registered scans on its own connection and calls `wake`. Only a shortcut: the
 * worker polls too, so a lost connection delays reading by one poll, never loses a scan.
 */
export class ScanWakeups {
  private readonly logger = new Logger(ScanWakeups.name);
  private client?: Client;
  private stopped = false;

  constructor(private readonly url: string, private readonly wake: () => void) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'kontakt-post-scans-listen' });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ event: 'scan_listen_lost', error: error.message });
      this.client = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.start().catch(() => undefined), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SCAN_NOTIFY_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.logger.warn({ event: 'scan_listen_failed', error: (error as Error).message });
      await client.end().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
