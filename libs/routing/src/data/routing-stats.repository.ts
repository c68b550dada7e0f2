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

  queues(): Promise<QueueStatsRow[]> {
    return this.db.rows(
      `SELECT q.id AS queue_id, q.slug AS queue,
         (SELECT count(*)::int FROM cases c WHERE c.queue_id = q.id AND c.status = 'queued') AS waiting,
         (SELECT count(*)::int FROM cases c WHERE c.queue_id = q.id AND c.status = 'offered') AS offered,
         (SELECT count(*)::int FROM cases c WHERE c.queue_id = q.id AND c.status = 'assigned') AS assigned,
         coalesce((SELECT extract(epoch FROM now() - min(e.queued_at))::int FROM routing_entries e WHERE e.queue_id = q.id AND e.waiting), 0) AS oldest_wait_seconds,
         (SELECT count(DISTINCT u.id)::int FROM staff_users u
            WHERE u.presence = 'available' AND u.disabled_at IS NULL
              AND (EXISTS (SELECT 1 FROM staff_skills s JOIN topics t ON t.id = s.topic_id WHERE s.user_id = u.id AND t.queue_id = q.id)
                OR EXISTS (SELECT 1 FROM staff_queue_skills s WHERE s.user_id = u.id AND s.queue_id = q.id))) AS available_agents
       FROM queues q ORDER BY q.slug`,
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
