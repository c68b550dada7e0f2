import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';

export interface QueueStatsRow {
  queue_id: string;
  queue: string;
  waiting: number;
  offered: number;
  assigned: number;
  oldest_wait_seconds: number;
  available_agents: number;
}

export interface SlaAlertRow {
  case_id: string;
  reference: string;
  queue_id: string;
  due_at: Date;
  kind: 'near_breach' | 'breached';
}

/** Figures for supervisors, and the SLA watch. */
@Injectable()
export class RoutingStatsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Per queue: cases waiting, offered and assigned, the oldest wait, and the available agents with a
   * skill in it. Set-based (one grouped read per figure): a correlated count per queue and agent made
   * the planner's estimate big enough to JIT-compile the statement, which cost half a second a sweep.
   */
  queues(): Promise<QueueStatsRow[]> {
    return this.db.rows(
      `WITH open AS (
         SELECT queue_id, count(*) FILTER (WHERE status = 'queued')::int AS waiting, count(*) FILTER (WHERE status = 'offered')::int AS offered,
                count(*) FILTER (WHERE status = 'assigned')::int AS assigned
         FROM cases WHERE status IN ('queued', 'offered', 'assigned') GROUP BY queue_id
       ),
       oldest AS (
         SELECT queue_id, extract(epoch FROM now() - min(queued_at))::int AS seconds FROM routing_entries WHERE waiting GROUP BY queue_id
       ),
       skilled AS (
         SELECT s.user_id, t.queue_id FROM staff_skills s JOIN topics t ON t.id = s.topic_id
         UNION
         SELECT user_id, queue_id FROM staff_queue_skills
       ),
       available AS (
         SELECT k.queue_id, count(*)::int AS agents FROM skilled k JOIN staff_users u ON u.id = k.user_id
         WHERE u.presence = 'available' AND u.disabled_at IS NULL GROUP BY k.queue_id
       )
       SELECT q.id AS queue_id, q.slug AS queue, coalesce(o.waiting, 0) AS waiting, coalesce(o.offered, 0) AS offered,
              coalesce(o.assigned, 0) AS assigned, coalesce(w.seconds, 0) AS oldest_wait_seconds, coalesce(a.agents, 0) AS available_agents
       FROM queues q LEFT JOIN open o ON o.queue_id = q.id LEFT JOIN oldest w ON w.queue_id = q.id LEFT JOIN available a ON a.queue_id = q.id
       ORDER BY q.slug`,
    );
  }

  /**
   * Open cases without a first response whose SLA is near (within the queue's near_breach_minutes) or
   * past. Each alert is recorded once (primary key), so with many processes only one raises it.
   */
  raiseSlaAlerts(limit: number): Promise<SlaAlertRow[]> {
    return this.db.rows(
      `WITH due AS (
         SELECT c.id AS case_id, c.reference, c.queue_id, c.sla_due_at AS due_at,
                CASE WHEN c.sla_due_at <= now() THEN 'breached' ELSE 'near_breach' END AS kind
         FROM cases c JOIN routing_queue_settings s ON s.queue_id = c.queue_id
         WHERE c.status IN ('queued', 'offered', 'assigned')
           AND c.sla_due_at <= now() + make_interval(mins => s.near_breach_minutes)
           AND NOT EXISTS (SELECT 1 FROM routing_sla_alerts a WHERE a.case_id = c.id
                           AND a.kind = CASE WHEN c.sla_due_at <= now() THEN 'breached' ELSE 'near_breach' END)
           AND NOT EXISTS (SELECT 1 FROM contacts o WHERE o.case_id = c.id AND o.direction = 'outbound')
         ORDER BY c.sla_due_at LIMIT $1
       ),
       raised AS (
         INSERT INTO routing_sla_alerts (case_id, kind, due_at) SELECT case_id, kind, due_at FROM due
         ON CONFLICT DO NOTHING RETURNING case_id, kind
       ),
       logged AS (
         INSERT INTO case_events (case_id, type, actor_kind, data)
         SELECT r.case_id, 'sla_' || r.kind, 'system', jsonb_build_object('dueAt', d.due_at)
         FROM raised r JOIN due d USING (case_id, kind)
       )
       SELECT d.* FROM due d JOIN raised r USING (case_id, kind)`,
      [limit],
    );
  }
}
