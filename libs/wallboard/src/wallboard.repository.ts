import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';

/** The wallboard's figures that the router's own stats do not carry. */
@Injectable()
export class WallboardRepository {
  constructor(private readonly db: Database) {}

  /** Cases each staff member resolved since midnight in the municipality's time zone. */
  resolvedToday(timeZone: string): Promise<{ actor_id: string; resolved: number }[]> {
    return this.db.rows(
      `SELECT actor_id, count(*)::int AS resolved FROM case_events
       WHERE type = 'status_changed' AND to_status = 'resolved' AND actor_id IS NOT NULL
         AND created_at >= (date_trunc('day', now() AT TIME ZONE $1) AT TIME ZONE $1)
       GROUP BY actor_id`,
      [timeZone],
    );
  }

  /** Open cases still without a first response whose SLA is due within the queue's warning window, or past. */
  slaAtRisk(): Promise<{ queue: string; at_risk: number }[]> {
    return this.db.rows(
      `SELECT q.slug AS queue, count(*)::int AS at_risk
       FROM cases c JOIN queues q ON q.id = c.queue_id JOIN routing_queue_settings s ON s.queue_id = c.queue_id
       WHERE c.status IN ('queued', 'offered', 'assigned')
         AND c.sla_due_at <= now() + make_interval(mins => s.near_breach_minutes)
         AND NOT EXISTS (SELECT 1 FROM contacts o WHERE o.case_id = c.id AND o.direction = 'outbound')
       GROUP BY q.slug`,
    );
  }
}
