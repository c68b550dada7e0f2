import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import type { CaseStatus } from '@kontakt/cases';
import type { ScanType } from './scan-inspector';

/** The channel PostgreSQL NOTIFYs on commit of a scan waiting for OCR, so an idle worker starts at once. */
export const SCAN_NOTIFY_CHANNEL = 'kontakt_post_scans';

export type ScanStatus = 'pending' | 'done' | 'manual_reading';
export type ReadMethod = 'embedded' | 'ocr' | 'manual';

export interface NewScan {
  contactId: string;
  caseId: string;
  contentType: ScanType;
  pages: number;
  topicChosen: boolean;
  status: ScanStatus;
  method?: ReadMethod;
  receivedAt: Date;
  maxAttempts: number;
}

export interface ClaimedScan {
  contact_id: string;
  case_id: string;
  content_type: ScanType;
  pages: number;
  attempts: number;
  max_attempts: number;
  content: Buffer;
}

export interface ScanRow {
  contact_id: string;
  case_id: string;
  reference: string;
  filename: string;
  attachment_id: string;
  content_type: string;
  pages: number;
  status: ScanStatus;
  method: ReadMethod | null;
  reason: string | null;
  attempts: number;
  received_at: Date;
  completed_at: Date | null;
  created_at: Date;
}

/** Where the case a letter arrived on stands, to decide whether its topic may still change. */
export interface ScanCase {
  case_id: string;
  reference: string;
  topic_id: string;
  citizen_id: string;
  citizen_has_address: boolean;
  status: CaseStatus;
  assignee_id: string | null;
  opened_by_this_letter: boolean;
  topic_chosen: boolean;
  /** the letter's citizen was first seen on this letter: no other contact, no case but the one it opened */
  sender_first_seen: boolean;
}

const SCAN_COLUMNS = `s.contact_id, s.case_id, c.reference, a.filename, s.attachment_id, s.content_type, s.pages, s.status, s.method, s.reason,
  s.attempts, s.received_at, s.completed_at, s.created_at`;

/** Registered scans: their reading state, and the queue the OCR worker claims from. */
@Injectable()
export class PostScansRepository {
  /** Records the scan beside its contact (the contact's one attachment is the scan); NOTIFY fires on commit. */
  async insert(tx: Sql, scan: NewScan): Promise<void> {
    await tx.rows(
      `INSERT INTO post_scans (contact_id, case_id, attachment_id, content_type, pages, topic_chosen, status, method, received_at, max_attempts, completed_at)
       SELECT $1, $2, a.id, $3, $4, $9, $5, $6, $7, $8, CASE WHEN $5 = 'done' THEN now() END
       FROM attachments a WHERE a.contact_id = $1`,
      [scan.contactId, scan.caseId, scan.contentType, scan.pages, scan.status, scan.method ?? null, scan.receivedAt, scan.maxAttempts, scan.topicChosen],
    );
    if (scan.status === 'pending') await tx.rows(`SELECT pg_notify('${SCAN_NOTIFY_CHANNEL}', $1)`, [scan.contactId]);
  }

  /**
   * Claims up to `limit` scans for one reading attempt. FOR UPDATE SKIP LOCKED lets every server's
   * worker claim at once without taking the same scan; the lease (longer than reading every page can
   * take) hides the scan while it is read and brings it back if the worker dies.
   */
  claimDue(sql: Sql, limit: number, pageLeaseSeconds: number): Promise<ClaimedScan[]> {
    return sql.rows(
      `WITH claimed AS (
         UPDATE post_scans s SET attempts = s.attempts + 1, updated_at = now(),
           next_attempt_at = now() + make_interval(secs => s.pages * $2::float8 + 60)
         WHERE s.contact_id IN (
           SELECT contact_id FROM post_scans WHERE status = 'pending' AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING s.contact_id, s.case_id, s.attachment_id, s.content_type, s.pages, s.attempts, s.max_attempts)
       SELECT c.contact_id, c.case_id, c.content_type, c.pages, c.attempts, c.max_attempts, a.content
       FROM claimed c JOIN attachments a ON a.id = c.attachment_id`,
      [limit, pageLeaseSeconds],
    );
  }

  /** Locks a scan that is not yet done, for a reading to be recorded on it. */
  lockUnread(tx: Sql, contactId: string): Promise<{ case_id: string; status: ScanStatus } | undefined> {
    return tx.one(`SELECT case_id, status FROM post_scans WHERE contact_id = $1 AND status <> 'done' FOR UPDATE`, [contactId]);
  }

  async markDone(tx: Sql, contactId: string, method: ReadMethod): Promise<void> {
    await tx.rows(`UPDATE post_scans SET status = 'done', method = $2, reason = NULL, completed_at = now(), updated_at = now() WHERE contact_id = $1`, [contactId, method]);
  }

  async markManualReading(sql: Sql, contactId: string, reason: string): Promise<void> {
    await sql.rows(
      `WITH flagged AS (
         UPDATE post_scans SET status = 'manual_reading', reason = $2, updated_at = now() WHERE contact_id = $1 AND status = 'pending'
         RETURNING case_id, contact_id)
       INSERT INTO case_events (case_id, type, actor_kind, data)
       SELECT case_id, 'letter_needs_manual_reading', 'system', jsonb_build_object('contactId', contact_id, 'reason', $2::text) FROM flagged`,
      [contactId, reason],
    );
  }

  async scheduleRetry(sql: Sql, contactId: string, delayMs: number, reason: string): Promise<void> {
    await sql.rows(
      `UPDATE post_scans SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000), reason = $3, updated_at = now()
       WHERE contact_id = $1 AND status = 'pending'`,
      [contactId, delayMs, reason],
    );
  }

  /** The letter's text replaces the contact's; the generated search column follows it on the same UPDATE. */
  async setContactText(tx: Sql, contactId: string, text: string): Promise<void> {
    await tx.rows('UPDATE contacts SET body_text = $2 WHERE id = $1', [contactId, text]);
  }

  /** The address read from the letter, kept on the contact as the sender wrote it (replies by post are addressed from it). */
  async setContactSenderAddress(tx: Sql, contactId: string, address: string): Promise<void> {
    await tx.rows(`UPDATE contacts SET sender = sender || jsonb_build_object('address', $2::text) WHERE id = $1`, [contactId, address]);
  }

  /** The name a letter shows, for a sender registered without one: on the letter's contact, and on the citizen when they have no name. */
  async setSenderNameIfUnknown(tx: Sql, contactId: string, citizenId: string, name: string): Promise<void> {
    await tx.rows(`UPDATE contacts SET sender = sender || jsonb_build_object('name', $2::text) WHERE id = $1 AND NOT sender ? 'name'`, [contactId, name]);
    await tx.rows('UPDATE citizens SET display_name = $2, updated_at = now() WHERE id = $1 AND display_name IS NULL', [citizenId, name]);
  }

  scanCase(tx: Sql, contactId: string): Promise<ScanCase | undefined> {
    return tx.one(
      `SELECT k.id AS case_id, k.reference, k.topic_id, k.status, k.assignee_id, s.topic_chosen, c.citizen_id,
         EXISTS (SELECT 1 FROM citizen_identities i WHERE i.citizen_id = c.citizen_id AND i.kind = 'address') AS citizen_has_address,
         NOT EXISTS (SELECT 1 FROM contacts o WHERE o.case_id = k.id AND o.id <> $1 AND o.created_at <= c.created_at) AS opened_by_this_letter,
         NOT EXISTS (SELECT 1 FROM contacts o WHERE o.citizen_id = c.citizen_id AND o.id <> $1)
           AND NOT EXISTS (SELECT 1 FROM cases o WHERE o.citizen_id = c.citizen_id AND o.id <> k.id) AS sender_first_seen
       FROM contacts c JOIN cases k ON k.id = c.case_id JOIN post_scans s ON s.contact_id = c.id WHERE c.id = $1 FOR UPDATE OF k`,
      [contactId],
    );
  }

  /**
   * Whether the case a letter opened is still only that letter's: waiting (queued, or offered but not
   * accepted) with no assignee, no other contact, no note, and nothing done by staff apart from
   * declining an offer. Run with the case locked (scanCase), so no staff action can slip in before a move.
   */
  async untouchedByStaff(tx: Sql, caseId: string, contactId: string): Promise<boolean> {
    const row = await tx.one<{ untouched: boolean }>(
      `SELECT k.status IN ('queued', 'offered') AND k.assignee_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM contacts o WHERE o.case_id = k.id AND o.id <> $2)
         AND NOT EXISTS (SELECT 1 FROM case_notes n WHERE n.case_id = k.id)
         AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = k.id AND e.actor_kind = 'staff' AND e.type <> 'offer_rejected') AS untouched
       FROM cases k WHERE k.id = $1`,
      [caseId, contactId],
    );
    return row?.untouched ?? false;
  }

  /** Gives a letter and the case it opened to another citizen (the one its sender turned out to be). */
  async giveLetterToCitizen(tx: Sql, contactId: string, caseId: string, citizenId: string): Promise<void> {
    await tx.rows(
      `WITH letter_case AS (UPDATE cases SET citizen_id = $3 WHERE id = $2) UPDATE contacts SET citizen_id = $3 WHERE id = $1`,
      [contactId, caseId, citizenId],
    );
  }

  /** Moves a letter (its contact, and the scan's row that staff list by case) to another case. */
  async moveLetter(tx: Sql, contactId: string, toCaseId: string): Promise<void> {
    await tx.rows(
      `WITH scan AS (UPDATE post_scans SET case_id = $2, updated_at = now() WHERE contact_id = $1) UPDATE contacts SET case_id = $2 WHERE id = $1`,
      [contactId, toCaseId],
    );
  }

  /**
   * A case back in the queue takes the topic, queue and priority its letter's text gives it;
   * changing the queue sends it through routing admission again (the routing trigger on cases).
   */
  async reclassifyQueuedCase(tx: Sql, caseId: string, change: { topicId: string; queueId: string; priority: number }): Promise<void> {
    await tx.rows(
      `UPDATE cases SET topic_id = $2, queue_id = $3, priority = $4, updated_at = now() WHERE id = $1 AND status = 'queued' AND assignee_id IS NULL`,
      [caseId, change.topicId, change.queueId, change.priority],
    );
  }

  /** A case opened by a letter with no text yet is named after the letter's first line once it is read, in the letter's language. */
  async describeCase(tx: Sql, caseId: string, subject: string, language: string): Promise<void> {
    await tx.rows(`UPDATE cases SET subject = $2, language = $3, updated_at = now() WHERE id = $1 AND subject = '—'`, [caseId, subject, language]);
  }

  list(sql: Sql, status: ScanStatus | undefined, limit: number): Promise<ScanRow[]> {
    return sql.rows(
      `SELECT ${SCAN_COLUMNS} FROM post_scans s JOIN cases c ON c.id = s.case_id JOIN attachments a ON a.id = s.attachment_id
       WHERE $1::text IS NULL OR s.status = $1 ORDER BY s.created_at DESC LIMIT $2`,
      [status ?? null, limit],
    );
  }

  byContact(sql: Sql, contactId: string): Promise<ScanRow | undefined> {
    return sql.one(
      `SELECT ${SCAN_COLUMNS} FROM post_scans s JOIN cases c ON c.id = s.case_id JOIN attachments a ON a.id = s.attachment_id WHERE s.contact_id = $1`,
      [contactId],
    );
  }
}
