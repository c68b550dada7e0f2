import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@kontakt/config';
import { Database, WorkerWakeups } from '@kontakt/database';
import { retryDelayMs } from '@kontakt/outbox';
import { LetterReading } from './letter-reading';
import { ClaimedScan, PostScansRepository, SCAN_NOTIFY_CHANNEL } from './post-scans.repository';
import { ToolFailed } from './run-tool';
import { letterCount, MIN_READ_LETTERS, ocrText } from './text-extraction';

const POLL_MS = 2_000;
const RETRY_BASE_MS = 5_000;

export const UNREADABLE_REASON = 'OCR found no readable text';

/**
 * Reads registered scans by OCR off the request path: claims pending scans (see
 * PostScansRepository.claimDue) up to POST_OCR_CONCURRENCY at a time in this process, and records
 * the text. A scan OCR cannot read (too little text, or a page over the time limit) is flagged for
 * manual reading at once; a tool that fails otherwise is retried with backoff, then flagged too.
 * Woken by NOTIFY, polling every two seconds; any number of server processes may run it.
 */
@Injectable()
export class ScanReadingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ScanReadingWorker.name);
  private readonly reading = new Set<Promise<void>>();
  private wakeups?: WorkerWakeups;
  private claiming = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly scans: PostScansRepository,
    private readonly letters: LetterReading,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.wakeups = new WorkerWakeups((this.dataSource.options as { url?: string }).url, SCAN_NOTIFY_CHANNEL, POLL_MS, () => this.wake());
    await this.wakeups.start();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.wakeups?.stop();
    await Promise.all(this.reading);
  }

  /** Claims scans for every free reading slot; a wake during a claim claims again after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    void this.claim()
      .catch((error) => this.logger.error({ event: 'scan_claim_failed', error: (error as Error).message }))
      .finally(() => {
        this.claiming = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async claim(): Promise<void> {
    const free = this.config.postOcrConcurrency - this.reading.size;
    if (free <= 0 || this.stopped) return;
    const claimed = await this.scans.claimDue(this.db, free, this.config.postOcrPageTimeoutSeconds * 2);
    for (const scan of claimed) {
      const work: Promise<void> = this.read(scan).finally(() => {
        this.reading.delete(work);
        this.wake();
      });
      this.reading.add(work);
    }
  }

  private async read(scan: ClaimedScan): Promise<void> {
    const log = { contactId: scan.contact_id, caseId: scan.case_id, pages: scan.pages, attempt: scan.attempts };
    const started = Date.now();
    try {
      const text = await ocrText(scan.content, scan.content_type, scan.pages, this.config.postOcrPageTimeoutSeconds * 1000);
      if (letterCount(text) < MIN_READ_LETTERS) {
        await this.scans.markManualReading(this.db, scan.contact_id, UNREADABLE_REASON);
        this.logger.warn({ event: 'scan_unreadable', ...log });
        return;
      }
      await this.letters.record(scan.contact_id, text, 'ocr');
      this.logger.log({ event: 'scan_read', ...log, ms: Date.now() - started });
    } catch (error) {
      const reason = (error as Error).message.slice(0, 500);
      if ((error instanceof ToolFailed && error.timedOut) || scan.attempts >= scan.max_attempts) {
        await this.scans.markManualReading(this.db, scan.contact_id, reason);
        this.logger.warn({ event: 'scan_unreadable', ...log, reason });
        return;
      }
      const delayMs = retryDelayMs(scan.attempts, RETRY_BASE_MS);
      await this.scans.scheduleRetry(this.db, scan.contact_id, delayMs, reason);
      this.logger.warn({ event: 'scan_retry', ...log, delayMs, reason });
    }
  }
}
