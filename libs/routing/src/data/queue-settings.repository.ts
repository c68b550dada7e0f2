import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';
import type { QueueSettings, WeeklyHours } from '../domain/queue-settings';

interface SettingsRow {
  queue_id: string;
  queue_slug: string;
  sla_minutes: number;
  min_level: number;
  escalated_min_level: number;
  escalate_level_after_seconds: number;
  overflow_queue_id: string | null;
  escalate_overflow_after_seconds: number;
  auto_accept: boolean;
  offer_seconds: QueueSettings['offerSeconds'];
  first_response_minutes: QueueSettings['firstResponseMinutes'];
  business_hours: WeeklyHours | null;
  aging_minutes_per_priority: number;
  segment_priority: Record<string, number>;
  near_breach_minutes: number;
  sticky_days: number;
}

const toSettings = (r: SettingsRow): QueueSettings => ({
  queueId: r.queue_id,
  queueSlug: r.queue_slug,
  slaMinutes: r.sla_minutes,
  minLevel: r.min_level,
  escalatedMinLevel: r.escalated_min_level,
  escalateLevelAfterSeconds: r.escalate_level_after_seconds,
  overflowQueueId: r.overflow_queue_id,
  escalateOverflowAfterSeconds: r.escalate_overflow_after_seconds,
  autoAccept: r.auto_accept,
  offerSeconds: r.offer_seconds,
  firstResponseMinutes: r.first_response_minutes,
  businessHours: r.business_hours,
  agingMinutesPerPriority: r.aging_minutes_per_priority,
  segmentPriority: r.segment_priority,
  nearBreachMinutes: r.near_breach_minutes,
  stickyDays: r.sticky_days,
});

/** Changes an administrator makes to a queue's routing; undefined leaves a setting as it is. */
export type QueueSettingsChanges = Partial<Omit<QueueSettings, 'queueId' | 'queueSlug' | 'slaMinutes'>>;

@Injectable()
export class QueueSettingsRepository {
  constructor(private readonly db: Database) {}

  async all(sql: Sql = this.db): Promise<QueueSettings[]> {
    const rows = await sql.rows<SettingsRow>(
      `SELECT s.*, q.slug AS queue_slug, q.sla_minutes FROM routing_queue_settings s JOIN queues q ON q.id = s.queue_id ORDER BY q.slug`,
    );
    return rows.map(toSettings);
  }

  async update(queueId: string, c: QueueSettingsChanges): Promise<void> {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    await this.db.rows(
      `UPDATE routing_queue_settings SET
         min_level = coalesce($2, min_level),
         escalated_min_level = coalesce($3, escalated_min_level),
         escalate_level_after_seconds = coalesce($4, escalate_level_after_seconds),
         overflow_queue_id = CASE WHEN $5::boolean THEN $6::uuid ELSE overflow_queue_id END,
         escalate_overflow_after_seconds = coalesce($7, escalate_overflow_after_seconds),
         auto_accept = coalesce($8, auto_accept),
         offer_seconds = coalesce($9::jsonb, offer_seconds),
         first_response_minutes = coalesce($10::jsonb, first_response_minutes),
         business_hours = CASE WHEN $11::boolean THEN $12::jsonb ELSE business_hours END,
         aging_minutes_per_priority = coalesce($13, aging_minutes_per_priority),
         segment_priority = coalesce($14::jsonb, segment_priority),
         near_breach_minutes = coalesce($15, near_breach_minutes),
         sticky_days = coalesce($16, sticky_days),
         updated_at = now()
       WHERE queue_id = $1`,
      [queueId, c.minLevel ?? null, c.escalatedMinLevel ?? null, c.escalateLevelAfterSeconds ?? null,
        c.overflowQueueId !== undefined, c.overflowQueueId ?? null, c.escalateOverflowAfterSeconds ?? null, c.autoAccept ?? null,
        json(c.offerSeconds), json(c.firstResponseMinutes), c.businessHours !== undefined, json(c.businessHours),
        c.agingMinutesPerPriority ?? null, json(c.segmentPriority), c.nearBreachMinutes ?? null, c.stickyDays ?? null],
    );
  }
}
