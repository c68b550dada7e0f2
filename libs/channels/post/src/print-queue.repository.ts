import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

export interface NewLetter {
  id: string;
  contactId: string;
  caseId: string;
  recipient: string;
  pdf: Buffer;
  pages: number;
  postageMinor: number;
}

export interface LetterRow {
  id: string;
  contact_id: string;
  case_id: string;
  reference: string;
  recipient: string;
  pages: number;
  postage_minor: string;
  status: 'queued' | 'batched' | 'posted';
  batch_id: string | null;
  created_at: Date;
  posted_at: Date | null;
}

export interface BatchRow {
  id: string;
  created_at: Date;
  created_by: string;
  posted_at: Date | null;
  posted_by: string | null;
  letters: number;
  pages: number;
  postage_minor: string;
}

const LETTER_COLUMNS = 'l.id, l.contact_id, l.case_id, c.reference, l.recipient, l.pages, l.postage_minor, l.status, l.batch_id, l.created_at, l.posted_at';
const BATCH_COLUMNS = `b.id, b.created_at, b.created_by, b.posted_at, b.posted_by,
  (SELECT count(*)::int FROM post_letters l WHERE l.batch_id = b.id) AS letters,
  (SELECT coalesce(sum(l.pages), 0)::int FROM post_letters l WHERE l.batch_id = b.id) AS pages,
  (SELECT coalesce(sum(l.postage_minor), 0) FROM post_letters l WHERE l.batch_id = b.id) AS postage_minor`;

/** Outgoing letters waiting to be printed, the batches the mailroom prints, and posting them. */
@Injectable()
export class PrintQueueRepository {
  /** Idempotent on the outbox message id: a delivery retried after a lost commit adds no second letter. */
  async insert(sql: Sql, letter: NewLetter): Promise<void> {
    await sql.rows(
      `INSERT INTO post_letters (id, contact_id, case_id, recipient, pdf, pages, postage_minor) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING`,
      [letter.id, letter.contactId, letter.caseId, letter.recipient, letter.pdf, letter.pages, letter.postageMinor],
    );
  }

  letters(sql: Sql, filter: { status?: LetterRow['status']; batchId?: string }): Promise<LetterRow[]> {
    return sql.rows(
      `SELECT ${LETTER_COLUMNS} FROM post_letters l JOIN cases c ON c.id = l.case_id
       WHERE ($1::text IS NULL OR l.status = $1) AND ($2::uuid IS NULL OR l.batch_id = $2) ORDER BY l.created_at, l.id LIMIT 1000`,
      [filter.status ?? null, filter.batchId ?? null],
    );
  }

  pdf(sql: Sql, id: string): Promise<{ pdf: Buffer; reference: string } | undefined> {
    return sql.one('SELECT l.pdf, c.reference FROM post_letters l JOIN cases c ON c.id = l.case_id WHERE l.id = $1', [id]);
  }

  /** The batch's letters in print order. */
  pdfsOfBatch(sql: Sql, batchId: string): Promise<{ pdf: Buffer; pages: number }[]> {
    return sql.rows('SELECT pdf, pages FROM post_letters WHERE batch_id = $1 ORDER BY created_at, id', [batchId]);
  }

  /**
   * Takes every letter waiting to be printed into a new batch. Letters are locked as they are taken
   * (SKIP LOCKED), so two clerks pressing at once get two batches, never one letter twice.
   */
  async createBatch(tx: Sql, staffId: string): Promise<{ id: string; letters: number }> {
    const batch = (await tx.one<{ id: string }>('INSERT INTO post_batches (created_by) VALUES ($1) RETURNING id', [staffId]))!;
    const taken = await tx.rows<{ id: string }>(
      `UPDATE post_letters SET status = 'batched', batch_id = $1
       WHERE id IN (SELECT id FROM post_letters WHERE status = 'queued' FOR UPDATE SKIP LOCKED) RETURNING id`,
      [batch.id],
    );
    return { id: batch.id, letters: taken.length };
  }

  batch(sql: Sql, id: string): Promise<BatchRow | undefined> {
    return sql.one(`SELECT ${BATCH_COLUMNS} FROM post_batches b WHERE b.id = $1`, [id]);
  }

  /** Batches made on a calendar day in the municipality's time zone (today when no date is given). */
  batchesOn(sql: Sql, date: string | undefined, timeZone: string): Promise<BatchRow[]> {
    return sql.rows(
      `SELECT ${BATCH_COLUMNS} FROM post_batches b
       WHERE (b.created_at AT TIME ZONE $2)::date = coalesce($1::date, (now() AT TIME ZONE $2)::date) ORDER BY b.created_at`,
      [date ?? null, timeZone],
    );
  }

  /**
   * Marks a printed batch posted: its letters become posted, each letter's postage becomes its
   * contact's direct cost, and each case records the posting. False when the batch was already posted.
   */
  async markPosted(tx: Sql, batchId: string, staffId: string): Promise<boolean> {
    const rows = await tx.rows<{ id: string }>(
      `WITH batch AS (
         UPDATE post_batches SET posted_at = now(), posted_by = $2 WHERE id = $1 AND posted_at IS NULL RETURNING id),
       letters AS (
         UPDATE post_letters l SET status = 'posted', posted_at = now() FROM batch WHERE l.batch_id = batch.id
         RETURNING l.id, l.contact_id, l.case_id, l.postage_minor),
       costed AS (
         UPDATE contacts c SET direct_cost_minor = letters.postage_minor FROM letters WHERE c.id = letters.contact_id RETURNING c.id),
       logged AS (
         INSERT INTO case_events (case_id, type, actor_kind, actor_id, data)
         SELECT case_id, 'letter_posted', 'staff', $2, jsonb_build_object('letterId', id, 'contactId', contact_id, 'batchId', $1::uuid, 'postageMinor', postage_minor)
         FROM letters)
       SELECT id FROM batch`,
      [batchId, staffId],
    );
    return rows.length > 0;
  }
}
