import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@kontakt/config';
import { Database } from '@kontakt/database';
import { EmailIngestor } from './email-ingestor';
import { ImapMailboxWatcher } from './imap-mailbox-watcher';
import { MailboxCursor } from './mailbox-cursor';
import { MailboxLock, tryLockMailbox } from './mailbox-lock';
import { MailboxesRepository } from './mailboxes.repository';
import { MailboxesService } from './mailboxes.service';

/** How often a server looks for mailboxes it should watch (a new one, or one whose watcher elsewhere died). */
const RECONCILE_MS = 10_000;

interface Running {
  watcher: ImapMailboxWatcher;
  lock: MailboxLock;
  done: Promise<void>;
  settingsKey: string;
}

/**
 * Runs one ImapMailboxWatcher for every active mailbox whose advisory lock this server wins (see
 * mailbox-lock.ts), restarts it when its settings change, and stops them all cleanly on shutdown:
 * the message being recorded commits, then the IMAP session logs out and the lock is released.
 */
@Injectable()
export class MailboxWatchers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailboxWatchers.name);
  private readonly running = new Map<string, Running>();
  private ownAddresses = new Set<string>();
  private timer?: NodeJS.Timeout;
  private reconciling?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly repository: MailboxesRepository,
    private readonly mailboxes: MailboxesService,
    private readonly ingestor: EmailIngestor,
    private readonly cursor: MailboxCursor,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.mailboxes.onChange(() => this.reconcileSoon());
    this.timer = setInterval(() => this.reconcileSoon(), RECONCILE_MS);
    this.reconcileSoon();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.reconciling;
    await Promise.all([...this.running.keys()].map((id) => this.stopWatcher(id)));
  }

  private reconcileSoon(): void {
    if (this.stopped || this.reconciling) return;
    this.reconciling = this.reconcile()
      .catch((error) => this.logger.warn({ event: 'mailbox_reconcile_failed', error: (error as Error).message }))
      .finally(() => (this.reconciling = undefined));
  }

  private async reconcile(): Promise<void> {
    const rows = await this.repository.list(this.db);
    this.ownAddresses = new Set(rows.map((r) => r.address));
    const wanted = new Map(rows.filter((r) => r.active).map((r) => [r.id, r]));
    for (const [id, running] of this.running) {
      const row = wanted.get(id);
      if (!row || settingsKey(row) !== running.settingsKey) await this.stopWatcher(id);
    }
    for (const [id, row] of wanted) {
      if (this.stopped || this.running.has(id)) continue;
      const lock = await tryLockMailbox(this.databaseUrl(), id);
      if (!lock) continue;
      let connection;
      try {
        connection = this.mailboxes.connectionOf(row);
      } catch (error) {
        await lock.release();
        this.logger.error({ event: 'mailbox_secret_unreadable', mailboxId: id, error: (error as Error).message });
        continue;
      }
      const watcher = new ImapMailboxWatcher(connection, this.ingestor, this.cursor, this.config.mailPollSeconds, () => this.ownAddresses);
      const done = watcher.run(lock.lost).finally(async () => {
        await lock.release();
        if (this.running.get(id)?.watcher === watcher) this.running.delete(id);
      });
      this.running.set(id, { watcher, lock, done, settingsKey: settingsKey(row) });
      this.logger.log({ event: 'mailbox_watcher_started', mailboxId: id, name: row.name });
    }
  }

  private async stopWatcher(id: string): Promise<void> {
    const running = this.running.get(id);
    if (!running) return;
    running.watcher.stop();
    await running.done;
    this.running.delete(id);
    this.logger.log({ event: 'mailbox_watcher_stopped', mailboxId: id });
  }

  private databaseUrl(): string {
    return (this.dataSource.options as { url: string }).url;
  }
}

function settingsKey(row: { imap_host: string; imap_port: number; imap_tls: boolean; imap_user: string; imap_secret: string; folder: string; processed_folder: string | null; address: string; topic_slug: string | null }): string {
  return JSON.stringify([row.imap_host, row.imap_port, row.imap_tls, row.imap_user, row.imap_secret, row.folder, row.processed_folder, row.address, row.topic_slug]);
}
