import { Logger } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import type { EmailIngestor, IngestOutcome } from './email-ingestor';
import { QuarantineReason } from './email-ingestor';
import type { MailboxConnection } from './mailboxes.service';
import { MailboxCursor } from './mailbox-cursor';

/** Messages fetched and recorded per round; their flags and the cursor are written after each round. */
const BATCH = 250;
/** Messages recorded at once within a round; one sender's messages always in order. */
const PARALLEL_SENDERS = 16;
const MAX_BACKOFF_MS = 30_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

interface Fetched {
  uid: number;
  size: number;
  source?: Buffer;
  from?: string;
  /** when the mailbox received it (IMAP INTERNALDATE): the contact's time, also when caught up after downtime */
  receivedAt?: Date;
}

/**
 * Watches one IMAP folder while this process holds its mailbox lock: catches up from the last
 * recorded UID (from 0 again when UIDVALIDITY changed), then waits for IDLE's EXISTS push or the
 * poll timer (MAIL_POLL_SECONDS; the only trigger where the server has no IDLE). A message is
 * flagged \Seen (or moved) only after its contact is committed; a crash before that means it is
 * fetched again and intake's Message-ID dedupe drops the copy. Connection loss reconnects with
 * exponential backoff.
 */
export class ImapMailboxWatcher {
  private readonly logger = new Logger(ImapMailboxWatcher.name);
  private readonly stopping = new AbortController();
  private kick?: () => void;

  constructor(
    private readonly mailbox: MailboxConnection,
    private readonly ingestor: EmailIngestor,
    private readonly cursor: MailboxCursor,
    private readonly pollSeconds: number,
    private readonly ownAddresses: () => Set<string>,
  ) {}

  stop(): void {
    this.stopping.abort();
    this.kick?.();
  }

  /** Runs until stop() or until `lost` resolves (the mailbox lock went away). */
  async run(lost: Promise<void>): Promise<void> {
    let lockLost = false;
    void lost.then(() => {
      lockLost = true;
      this.stop();
    });
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      const client = this.client();
      try {
        await client.connect();
        failures = 0;
        await this.watch(client);
      } catch (error) {
        failures++;
        const delay = Math.min(1_000 * 2 ** (failures - 1), MAX_BACKOFF_MS);
        const message = (error as Error).message;
        this.logger.warn({ event: 'mailbox_connection_failed', mailboxId: this.mailbox.id, error: message, retryInMs: delay });
        await this.cursor.recordError(this.mailbox.id, message).catch(() => undefined);
        await sleep(delay, this.stopping.signal);
      } finally {
        await client.logout().catch(() => client.close());
      }
    }
    if (lockLost) this.logger.warn({ event: 'mailbox_lock_lost', mailboxId: this.mailbox.id });
  }

  private client(): ImapFlow {
    const { imap } = this.mailbox;
    const client = new ImapFlow({
      host: imap.host, port: imap.port, secure: imap.tls, logger: false,
      auth: imap.auth === 'oauth2' ? { user: imap.user, accessToken: imap.password } : { user: imap.user, pass: imap.password },
      // where the server has no IDLE, imapflow polls with NOOP at this interval so EXISTS still arrives
      missingIdleCommand: 'NOOP', maxIdleTime: this.pollSeconds * 1000,
      // imapflow waits 15 s after the last command before it IDLEs; mail arriving in that gap would wait for it
      autoIdleDelay: 50,
    });
    client.on('error', (error: Error) => this.logger.warn({ event: 'imap_error', mailboxId: this.mailbox.id, error: error.message }));
    return client;
  }

  private async watch(client: ImapFlow): Promise<void> {
    let pending = true;
    let polled = false;
    client.on('exists', () => {
      pending = true;
      this.kick?.();
    });
    await client.mailboxOpen(this.mailbox.imap.folder);
    this.logger.log({ event: 'mailbox_watching', mailboxId: this.mailbox.id, folder: this.mailbox.imap.folder, idle: client.capabilities.has('IDLE') });
    while (!this.stopping.signal.aborted && client.usable) {
      if (pending) {
        const reselect = polled;
        pending = polled = false;
        await this.catchUp(client, reselect);
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending = polled = true;
          wake();
        }, this.pollSeconds * 1000);
        const wake = () => {
          clearTimeout(timer);
          client.removeListener('close', wake);
          this.kick = undefined;
          resolve();
        };
        client.once('close', wake);
        this.kick = wake;
      });
    }
    if (!this.stopping.signal.aborted) throw new Error('the IMAP connection closed');
  }

  /** Records every message after the cursor, a round of BATCH at a time. */
  private async catchUp(client: ImapFlow, reselect: boolean): Promise<void> {
    if (reselect) {
      // A folder deleted and recreated under an open session stays invisible to that session (even to STATUS);
      // selecting it afresh on every poll is what notices the new UIDVALIDITY.
      await client.mailboxClose();
      await client.mailboxOpen(this.mailbox.imap.folder);
    }
    const uidValidity = String(client.mailbox && client.mailbox.uidValidity);
    let last = await this.cursor.lastUid(this.mailbox.id, uidValidity);
    for (;;) {
      if (this.stopping.signal.aborted) return;
      const found = (await client.search({ uid: `${last + 1}:*` }, { uid: true })) || [];
      const uids = found.filter((uid) => uid > last).sort((a, b) => a - b).slice(0, BATCH);
      if (uids.length === 0) {
        await this.cursor.save(this.mailbox.id, uidValidity, last);
        return;
      }
      const started = Date.now();
      const fetched = await this.fetch(client, uids);
      const done = await this.record(fetched, uidValidity);
      if (done.length > 0) {
        if (this.mailbox.processedFolder) await client.messageMove(done.join(','), this.mailbox.processedFolder, { uid: true });
        else await client.messageFlagsAdd(done.join(','), ['\\Seen'], { uid: true });
      }
      // the cursor only passes messages that are all recorded; a failed one stops the round
      const firstFailed = uids.find((uid) => !done.includes(uid));
      last = firstFailed === undefined ? uids[uids.length - 1] : firstFailed - 1;
      await this.cursor.save(this.mailbox.id, uidValidity, last);
      this.logger.log({ event: 'mailbox_round', mailboxId: this.mailbox.id, messages: done.length, ms: Date.now() - started });
      if (firstFailed !== undefined) throw new Error(`message UID ${firstFailed} could not be recorded yet`);
    }
  }

  /** Sizes first, then the sources of messages within the size limit; an oversize one is never downloaded. */
  private async fetch(client: ImapFlow, uids: number[]): Promise<Fetched[]> {
    const fetched = new Map<number, Fetched>();
    for await (const m of client.fetch(uids.join(','), { uid: true, size: true, envelope: true, internalDate: true }, { uid: true })) {
      const receivedAt = m.internalDate ? new Date(m.internalDate) : undefined;
      fetched.set(m.uid, { uid: m.uid, size: m.size ?? 0, from: m.envelope?.from?.[0]?.address?.toLowerCase(), receivedAt });
    }
    const small = [...fetched.values()].filter((m) => m.size <= this.ingestor.maxMessageBytes).map((m) => m.uid);
    if (small.length > 0) {
      for await (const m of client.fetch(small.join(','), { uid: true, source: true }, { uid: true })) {
        const entry = fetched.get(m.uid);
        if (entry && m.source) entry.source = m.source;
      }
    }
    return uids.map((uid) => fetched.get(uid)).filter((m): m is Fetched => !!m);
  }

  /** Records the round, senders in parallel and each sender's mail in UID order; returns the UIDs now safe to flag. */
  private async record(messages: Fetched[], uidValidity: string): Promise<number[]> {
    const bySender = new Map<string, Fetched[]>();
    for (const m of messages) bySender.set(m.from ?? '', [...(bySender.get(m.from ?? '') ?? []), m]);
    const queues = [...bySender.values()];
    const done: number[] = [];
    const own = this.ownAddresses();
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const m of queue) {
          if (!(await this.recordOne(m, uidValidity, own))) break;
          done.push(m.uid);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDERS, queues.length) }, worker));
    return done.sort((a, b) => a - b);
  }

  private async recordOne(m: Fetched, uidValidity: string, own: Set<string>): Promise<boolean> {
    const log = { mailboxId: this.mailbox.id, uid: m.uid };
    try {
      if (!m.source) throw new QuarantineReason(`the message is ${m.size} bytes, over MAIL_MAX_MESSAGE_BYTES (${this.ingestor.maxMessageBytes})`);
      const outcome: IngestOutcome = await this.ingestor.ingest(this.mailbox, m.source, own, m.receivedAt);
      if (outcome !== 'recorded') this.logger.log({ event: 'email_not_recorded', ...log, outcome });
      return true;
    } catch (error) {
      if (error instanceof QuarantineReason) {
        await this.cursor.quarantine({ mailboxId: this.mailbox.id, uidValidity, uid: m.uid, reason: error.message, size: m.size, raw: m.source });
        this.logger.warn({ event: 'email_quarantined', ...log, reason: error.message });
        return true;
      }
      this.logger.warn({ event: 'email_record_failed', ...log, error: (error as Error).message });
      return false;
    }
  }
}
