import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';

/**
 * Intake and the case actions stamp cases, events, notes and replies with now(); only the contacts
 * carry the demo's 90 days of history. This moves every demo case's timeline back to its contacts,
 * so lists, SLA clocks and the event log read like three months of work rather than one second.
 * Staff are taken to have acted two hours after the citizen's last contact, or between 09:00 and
 * 13:00 on the next working day when that falls outside office hours (08–15 in the municipality's
 * zone); to have resolved a day after acting and closed three days after; never later than now.
 */
@Injectable()
export class DemoHistoryRepository {
  constructor(private readonly db: Database) {}

  async backdateToContacts(externalIdPrefix: string, timeZone: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.rows(`CREATE TEMPORARY TABLE demo_case_times (
        case_id uuid PRIMARY KEY, first_at timestamptz, last_at timestamptz, handled_at timestamptz, resolved_at timestamptz, closed_at timestamptz
      ) ON COMMIT DROP`);
      await tx.rows(
        `INSERT INTO demo_case_times
         SELECT s.case_id, s.first_at, s.last_at, h.at, least(now(), h.at + interval '1 day'), least(now(), h.at + interval '3 days')
         FROM (SELECT case_id, min(occurred_at) AS first_at, max(occurred_at) AS last_at
               FROM contacts WHERE direction = 'inbound' AND external_id LIKE $1::text || '%' GROUP BY case_id) s
         CROSS JOIN LATERAL (SELECT (s.last_at + interval '2 hours') AT TIME ZONE $2 AS due) d
         CROSS JOIN LATERAL (SELECT date_trunc('day', d.due) + CASE WHEN extract(hour FROM d.due) >= 15 THEN interval '1 day' ELSE interval '0 days' END AS day) n
         CROSS JOIN LATERAL (SELECT n.day + CASE extract(isodow FROM n.day) WHEN 6 THEN interval '2 days' WHEN 7 THEN interval '1 day' ELSE interval '0 days' END AS day) w
         CROSS JOIN LATERAL (SELECT least(now(), (CASE WHEN w.day = date_trunc('day', d.due) AND extract(hour FROM d.due) >= 8 THEN d.due
                                                       ELSE w.day + interval '9 hours' + make_interval(mins => abs(hashtext(s.case_id::text)) % 240) END) AT TIME ZONE $2) AS at) h`,
        [externalIdPrefix, timeZone],
      );
      await tx.rows(
        `UPDATE cases c SET created_at = t.first_at, last_contact_at = t.last_at,
           sla_due_at = t.first_at + make_interval(mins => q.sla_minutes),
           resolved_at = CASE WHEN c.resolved_at IS NOT NULL THEN t.resolved_at END,
           updated_at = CASE c.status WHEN 'queued' THEN t.last_at WHEN 'resolved' THEN t.resolved_at WHEN 'closed' THEN t.closed_at ELSE t.handled_at END
         FROM demo_case_times t, queues q WHERE c.id = t.case_id AND q.id = c.queue_id`,
      );
      await tx.rows(
        `UPDATE contacts ct SET occurred_at = CASE WHEN ct.direction = 'outbound' THEN t.handled_at ELSE ct.occurred_at END,
           created_at = CASE WHEN ct.direction = 'outbound' THEN t.handled_at ELSE ct.occurred_at END
         FROM demo_case_times t WHERE ct.case_id = t.case_id`,
      );
      await tx.rows('UPDATE case_notes n SET created_at = t.handled_at FROM demo_case_times t WHERE n.case_id = t.case_id');
      await tx.rows(
        `UPDATE case_events e SET created_at = CASE
           WHEN e.actor_kind = 'staff' AND e.to_status = 'closed' THEN t.closed_at
           WHEN e.actor_kind = 'staff' AND e.to_status = 'resolved' THEN t.resolved_at
           WHEN e.actor_kind = 'staff' THEN t.handled_at
           WHEN e.type = 'contact_received' THEN (SELECT ct.occurred_at FROM contacts ct WHERE ct.id = (e.data->>'contactId')::uuid)
           ELSE t.first_at END
         FROM demo_case_times t WHERE e.case_id = t.case_id`,
      );
    });
  }
}
