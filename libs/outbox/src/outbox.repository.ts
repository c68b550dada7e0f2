import { Injectable } from '@nestjs/common';
import type { Channel, Sql } from '@kontakt/core';
import type { NewOutboxMessage, OutboxKind, OutboxMessage, OutboxStatus } from './outbox-message';

/** The channel PostgreSQL NOTIFYs on commit of a new outbox row, so idle workers wake at once. */
export const OUTBOX_NOTIFY_CHANNEL = 'kontakt_outbox';

export interface DeliveryRow {
  id: string;
  channel: Channel;
  kind: OutboxKind;
  contact_id: string | null;
  recipient: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
}

interface ClaimedRow {
  id: string;
  channel: Channel;
  kind: OutboxKind;
  case_id: string | null;
  contact_id: string | null;
  recipient: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Outbox rows: written in the caller's transaction, claimed and settled by the OutboxWorker. */
@Injectable()
export class OutboxRepository {
  /** Inserts the message; NOTIFY is delivered only if and when the caller's transaction commits. */
  async enqueue(tx: Sql, message: NewOutboxMessage, maxAttempts: number): Promise<void> {
    await tx.rows(
      `INSERT INTO outbox_messages (id, channel, kind, case_id, contact_id, recipient, payload, max_attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [message.id, message.channel, message.kind, message.caseId ?? null, message.contactId ?? null, message.recipient,
        JSON.stringify(message.payload), maxAttempts],
    );
    await tx.rows(`SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', $1)`, [message.channel]);
  }

  /**
   * Claims up to `limit` due messages for one attempt. FOR UPDATE SKIP LOCKED lets any number of
   * workers claim concurrently without taking the same row; the claim pushes next_attempt_at out by
   * the lease, so the row stays invisible while it is delivered and comes back if the worker dies.
   */
  async claimDue(sql: Sql, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
    const rows = await sql.rows<ClaimedRow>(
      `UPDATE outbox_messages o SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::float8 / 1000), updated_at = now()
       WHERE o.id IN (
         SELECT id FROM outbox_messages WHERE status = 'queued' AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING o.id, o.channel, o.kind, o.case_id, o.contact_id, o.recipient, o.payload, o.attempts, o.max_attempts`,
      [limit, leaseMs],
    );
    return rows.map((r) => ({
      id: r.id, channel: r.channel, kind: r.kind, caseId: r.case_id ?? undefined, contactId: r.contact_id ?? undefined,
      recipient: r.recipient, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts,
    }));
  }

  async markSent(sql: Sql, id: string): Promise<void> {
    await sql.rows(
      `WITH sent AS (
         UPDATE outbox_messages SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now()
         WHERE id = $1 AND status = 'queued' RETURNING id, case_id, contact_id, kind, channel)
       INSERT INTO case_events (case_id, type, actor_kind, data)
       SELECT case_id, 'delivery_sent', 'system', jsonb_build_object('outboxId', id, 'contactId', contact_id, 'kind', kind, 'channel', channel)
       FROM sent WHERE case_id IS NOT NULL`,
      [id],
    );
  }

  async scheduleRetry(sql: Sql, id: string, delayMs: number, error: string): Promise<void> {
    await sql.rows(
      `UPDATE outbox_messages SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000), last_error = $3, updated_at = now()
       WHERE id = $1 AND status = 'queued'`,
      [id, delayMs, error],
    );
  }

  /** Marks a message failed (attempts used up, a permanent refusal, or a bounce after it was sent) and says so on its case. */
  async markFailed(sql: Sql, id: string, reason: string): Promise<boolean> {
    const rows = await sql.rows<{ id: string }>(
      `WITH failed AS (
         UPDATE outbox_messages SET status = 'failed', failed_at = now(), last_error = $2, updated_at = now()
         WHERE id = $1 AND status <> 'failed' RETURNING id, case_id, contact_id, kind, channel),
       logged AS (
         INSERT INTO case_events (case_id, type, actor_kind, data)
         SELECT case_id, 'delivery_failed', 'system', jsonb_build_object('outboxId', id, 'contactId', contact_id, 'kind', kind, 'channel', channel, 'reason', $2::text)
         FROM failed WHERE case_id IS NOT NULL)
       SELECT id FROM failed`,
      [id, reason],
    );
    return rows.length > 0;
  }

  /** Whether a message of this kind went (or is going) to the recipient within the last `minutes`. */
  async sentRecently(tx: Sql, recipient: string, kind: OutboxKind, minutes: number): Promise<boolean> {
    const row = await tx.one<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM outbox_messages WHERE recipient = $1 AND kind = $2 AND status <> 'failed'
         AND created_at > now() - make_interval(mins => $3)) AS found`,
      [recipient, kind, minutes],
    );
    return row!.found;
  }
}
