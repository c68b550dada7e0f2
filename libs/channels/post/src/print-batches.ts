import { Injectable, Logger } from '@nestjs/common';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '@kontakt/config';
import { conflict, notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import type { StaffPrincipal } from '@kontakt/identity';
import { blankPage } from './letter-renderer';
import { BatchRow, LetterRow, PrintQueueRepository } from './print-queue.repository';
import { runTool } from './run-tool';
import { withWorkspace } from './scan-workspace';

const UNITE_LIMITS = { timeoutMs: 60_000, maxOutputBytes: 64 * 1024 };

export const letterView = (l: LetterRow) => ({
  id: l.id, contactId: l.contact_id, caseId: l.case_id, reference: l.reference, recipient: l.recipient, pages: l.pages,
  postage: Number(l.postage_minor), status: l.status, batchId: l.batch_id, createdAt: l.created_at, postedAt: l.posted_at,
  pdfUrl: `/api/v1/post/outgoing/${l.id}/pdf`,
});

export const batchView = (b: BatchRow) => ({
  id: b.id, createdAt: b.created_at, createdBy: b.created_by, postedAt: b.posted_at, postedBy: b.posted_by, letters: b.letters, pages: b.pages,
  postage: Number(b.postage_minor), pdfUrl: `/api/v1/post/batches/${b.id}/pdf`,
});

/** The mailroom's side of outgoing letters: what waits to be printed, the day's batch as one PDF, and posting it. */
@Injectable()
export class PrintBatches {
  private readonly logger = new Logger(PrintBatches.name);

  constructor(private readonly db: Database, private readonly queue: PrintQueueRepository, private readonly config: AppConfig) {}

  async waiting() {
    return (await this.queue.letters(this.db, { status: 'queued' })).map(letterView);
  }

  async batchesOn(date: string | undefined) {
    return (await this.queue.batchesOn(this.db, date, this.config.timeZone)).map(batchView);
  }

  async letterPdf(id: string) {
    const letter = await this.queue.pdf(this.db, id);
    if (!letter) throw notFound(`Letter ${id}`);
    return letter;
  }

  /** Takes every letter waiting into a new batch; nothing waiting is a conflict, not an empty batch. */
  async create(staff: StaffPrincipal) {
    const id = await this.db.transaction(async (tx) => {
      const batch = await this.queue.createBatch(tx, staff.userId);
      if (batch.letters === 0) throw conflict('No letters are waiting to be printed');
      return batch.id;
    });
    this.logger.log({ event: 'print_batch_created', batchId: id, by: staff.userId });
    return this.detail(id);
  }

  async detail(id: string) {
    const batch = await this.queue.batch(this.db, id);
    if (!batch) throw notFound(`Batch ${id}`);
    const letters = await this.queue.letters(this.db, { batchId: id });
    return { ...batchView(batch), items: letters.map(letterView) };
  }

  /**
   * The batch's letters as one PDF to print, joined by poppler's pdfunite in letter order. For a
   * printer that prints both sides, a letter with an odd page count is followed by a blank page.
   */
  async pdf(id: string, duplex: boolean): Promise<Buffer> {
    if (!(await this.queue.batch(this.db, id))) throw notFound(`Batch ${id}`);
    const letters = await this.queue.pdfsOfBatch(this.db, id);
    const blank = duplex && letters.some((l) => l.pages % 2 === 1) ? await blankPage() : undefined;
    return withWorkspace(async (dir) => {
      const blankPath = join(dir, 'blank.pdf');
      if (blank) await writeFile(blankPath, blank);
      const paths: string[] = [];
      for (const [i, letter] of letters.entries()) {
        const path = join(dir, `letter-${i + 1}.pdf`);
        await writeFile(path, letter.pdf);
        paths.push(path);
        if (blank && letter.pages % 2 === 1) paths.push(blankPath);
      }
      if (paths.length === 1) return letters[0].pdf;
      const out = join(dir, 'batch.pdf');
      await runTool('pdfunite', [...paths, out], UNITE_LIMITS);
      return readFile(out);
    });
  }

  async posted(id: string, staff: StaffPrincipal) {
    const posted = await this.db.transaction(async (tx) => {
      if (!(await this.queue.batch(tx, id))) throw notFound(`Batch ${id}`);
      return this.queue.markPosted(tx, id, staff.userId);
    });
    if (!posted) throw conflict(`Batch ${id} is already posted`);
    this.logger.log({ event: 'print_batch_posted', batchId: id, by: staff.userId });
    return this.detail(id);
  }
}
