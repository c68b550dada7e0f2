import { Injectable } from '@nestjs/common';
import type { Channel, Language, Sql } from '@kontakt/core';
import type { Eligibility } from '../domain/escalation';

/** A waiting case as the router sees it: its routing entry joined with the case and the citizen's segment. */
export interface WaitingCase {
  case_id: string;
  reference: string;
  subject: string;
  queue_id: string;
  topic_id: string;
  citizen_id: string;
  segment: string;
  channel: Channel;
  language: Language;
  priority: number;
  queued_at: Date;
  routing_key: Date | null;
  stage: number;
  required_level: number;
  overflow_queue_id: string | null;
  declined_by: string[];
}

/** Waiting cases read per page when looking for one an agent may take, and how deep to look. */
const PAGE = 200;
const MAX_PAGES = 50;

const WAITING_CASE = `
  e.case_id, c.reference, c.subject, e.queue_id, c.topic_id, c.citizen_id, z.segment, c.channel, c.language, c.priority,
  e.queued_at, e.routing_key, e.stage, e.required_level, e.overflow_queue_id, e.declined_by`;

export interface Admission {
  caseId: string;
  routingKey: Date;
  eligibility: Eligibility;
  slaDueAt: Date;
}

/** The routing entries of waiting cases: which case goes next, and to whom it may go. */
@Injectable()
export class RoutingEntriesRepository {
  /**
   * Lock "case to route": the case row and its entry, FOR UPDATE SKIP LOCKED. Whoever holds it is the
   * only one offering this case; another router (process) skips it instead of waiting, and staff
   * actions on the case wait for the router's short transaction.
   */
  lockWaiting(tx: Sql, caseId: string): Promise<WaitingCase | undefined> {
    return tx.one(
      `SELECT ${WAITING_CASE}
       FROM routing_entries e JOIN cases c ON c.id = e.case_id JOIN citizens z ON z.id = c.citizen_id
       WHERE e.case_id = $1 AND e.waiting AND c.status = 'queued'
       FOR UPDATE OF e, c SKIP LOCKED`,
      [caseId],
    );
  }

  /**
   * The first admitted waiting case (in routing-key order) that this agent, if available, may take: a free channel,
   * a language they speak, a skill at the entry's required level on its topic, its queue or its
   * overflow queue (the same rule as AgentSelectionRepository), and not declined by them. Reads the
   * order index a page at a time without locks, then takes the "case to route" lock on the first
   * eligible case it can (SKIP LOCKED), so a deep queue costs one page, not a sort of the whole queue.
   */
  async lockNextFor(tx: Sql, agentId: string): Promise<WaitingCase | undefined> {
    let after: { key: Date; caseId: string } | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const rows = await this.eligiblePage(tx, agentId, after);
      for (const row of rows.filter((r) => r.eligible)) {
        const locked = await this.lockWaiting(tx, row.case_id);
        if (locked) return locked;
      }
      if (rows.length < PAGE) return undefined;
      after = { key: rows[rows.length - 1].routing_key, caseId: rows[rows.length - 1].case_id };
    }
    return undefined;
  }

  private eligiblePage(tx: Sql, agentId: string, after?: { key: Date; caseId: string }) {
    return tx.rows<{ case_id: string; routing_key: Date; eligible: boolean }>(
      `WITH me AS (SELECT languages, capacity FROM staff_users WHERE id = $1 AND presence = 'available' AND disabled_at IS NULL),
       skills AS (
         SELECT s.topic_id, t.queue_id, s.level FROM staff_skills s JOIN topics t ON t.id = s.topic_id WHERE s.user_id = $1
         UNION ALL
         SELECT NULL, q.queue_id, q.level FROM staff_queue_skills q WHERE q.user_id = $1
       ),
       free AS (
         SELECT l.channel FROM routing_agent_load l, me WHERE l.user_id = $1 AND l.held < coalesce((me.capacity ->> l.channel)::int, 0)
       ),
       page AS (
         SELECT case_id, routing_key FROM routing_entries
         WHERE waiting AND routing_key IS NOT NULL AND ($2::timestamptz IS NULL OR (routing_key, case_id) > ($2::timestamptz, $3::uuid))
         ORDER BY routing_key, case_id LIMIT ${PAGE}
       )
       SELECT p.case_id, p.routing_key,
         (c.status = 'queued' AND c.channel IN (SELECT channel FROM free)
          AND c.language = ANY ((SELECT languages FROM me)::text[])
          AND NOT ($1 = ANY (e.declined_by))
          AND EXISTS (
            SELECT 1 FROM skills s WHERE s.level >= e.required_level
              AND (s.topic_id = c.topic_id OR (s.queue_id = e.queue_id AND (s.topic_id IS NULL OR ct.queue_id <> e.queue_id))
                   OR s.queue_id = e.overflow_queue_id))) AS eligible
       FROM page p JOIN routing_entries e ON e.case_id = p.case_id JOIN cases c ON c.id = p.case_id JOIN topics ct ON ct.id = c.topic_id
       ORDER BY p.routing_key, p.case_id`,
      [agentId, after?.key ?? null, after?.caseId ?? null],
    );
  }

  /** Entries the router has not admitted yet (missed by a trigger, or written by SQL outside Kontakt), under the "case to route" lock. */
  lockUnadmitted(tx: Sql, limit: number): Promise<WaitingCase[]> {
    return tx.rows(
      `SELECT ${WAITING_CASE}
       FROM routing_entries e JOIN cases c ON c.id = e.case_id JOIN citizens z ON z.id = c.citizen_id
       WHERE e.routing_key IS NULL
         AND e.case_id IN (SELECT case_id FROM routing_entries WHERE routing_key IS NULL ORDER BY queued_at LIMIT $1)
       FOR UPDATE OF e, c SKIP LOCKED`,
      [limit],
    );
  }

  /** Sets order key, eligibility and SLA due time of locked entries in one statement each. */
  async admit(tx: Sql, admissions: Admission[]): Promise<void> {
    if (admissions.length === 0) return;
    const ids = admissions.map((a) => a.caseId);
    await tx.rows(
      `UPDATE routing_entries e SET routing_key = a.routing_key, stage = a.stage, required_level = a.required_level, overflow_queue_id = a.overflow_queue_id
       FROM unnest($1::uuid[], $2::timestamptz[], $3::smallint[], $4::smallint[], $5::uuid[]) AS a(case_id, routing_key, stage, required_level, overflow_queue_id)
       WHERE e.case_id = a.case_id`,
      [ids, admissions.map((a) => a.routingKey), admissions.map((a) => a.eligibility.stage),
        admissions.map((a) => a.eligibility.requiredLevel), admissions.map((a) => a.eligibility.overflowQueueId)],
    );
    await tx.rows(
      `UPDATE cases c SET sla_due_at = a.due FROM unnest($1::uuid[], $2::timestamptz[]) AS a(case_id, due) WHERE c.id = a.case_id`,
      [ids, admissions.map((a) => a.slaDueAt)],
    );
  }

  /**
   * Waiting admitted entries whose queue's next escalation wait has passed, under the "case to route"
   * lock: stage 0 after the shorter of the two waits, stage 1 after the overflow wait when there is an
   * overflow queue.
   */
  lockEscalationCandidates(tx: Sql, limit: number): Promise<(WaitingCase & { waited_seconds: number })[]> {
    return tx.rows(
      `SELECT ${WAITING_CASE}, extract(epoch FROM now() - e.queued_at)::float8 AS waited_seconds
       FROM routing_entries e JOIN cases c ON c.id = e.case_id JOIN citizens z ON z.id = c.citizen_id
       WHERE e.waiting AND e.case_id IN (
         SELECT d.case_id FROM routing_entries d JOIN routing_queue_settings s ON s.queue_id = d.queue_id
         WHERE d.waiting AND d.routing_key IS NOT NULL AND (d.stage = 0 OR (d.stage = 1 AND s.overflow_queue_id IS NOT NULL))
           AND d.queued_at <= now() - make_interval(secs => CASE WHEN d.stage = 0
                 THEN least(s.escalate_level_after_seconds, CASE WHEN s.overflow_queue_id IS NOT NULL THEN s.escalate_overflow_after_seconds END)
                 ELSE s.escalate_overflow_after_seconds END)
         ORDER BY d.queued_at LIMIT $1)
       FOR UPDATE OF e, c SKIP LOCKED`,
      [limit],
    );
  }

  /** Moves locked entries to a new escalation stage; the agents who declined may be asked again. */
  async escalate(tx: Sql, caseIds: string[], eligibility: Eligibility[]): Promise<void> {
    await tx.rows(
      `UPDATE routing_entries e SET stage = a.stage, required_level = a.required_level, overflow_queue_id = a.overflow_queue_id, declined_by = '{}'
       FROM unnest($1::uuid[], $2::smallint[], $3::smallint[], $4::uuid[]) AS a(case_id, stage, required_level, overflow_queue_id)
       WHERE e.case_id = a.case_id`,
      [caseIds, eligibility.map((e) => e.stage), eligibility.map((e) => e.requiredLevel), eligibility.map((e) => e.overflowQueueId)],
    );
  }

  /** Admitted waiting cases in routing order after `after`, without locks: the sweep walks the whole queue this way. */
  waitingAfter(sql: Sql, after: { key: Date; caseId: string } | undefined, limit: number): Promise<{ case_id: string; routing_key: Date }[]> {
    return sql.rows(
      `SELECT case_id, routing_key FROM routing_entries
       WHERE waiting AND routing_key IS NOT NULL AND ($1::timestamptz IS NULL OR (routing_key, case_id) > ($1::timestamptz, $2::uuid))
       ORDER BY routing_key, case_id LIMIT $3`,
      [after?.key ?? null, after?.caseId ?? null, limit],
    );
  }

  /** Moves a locked case to another queue; the trigger resets its entry for admission there. */
  async moveToQueue(tx: Sql, caseId: string, queueId: string): Promise<void> {
    await tx.rows('UPDATE cases SET queue_id = $2, updated_at = now() WHERE id = $1', [caseId, queueId]);
  }

  async decline(tx: Sql, caseId: string, agentId: string): Promise<void> {
    await tx.rows(
      `UPDATE routing_entries SET declined_by = array_append(array_remove(declined_by, $2::uuid), $2::uuid), declined_at = now() WHERE case_id = $1`,
      [caseId, agentId],
    );
  }

  /** Lets agents who declined a case be asked again once `seconds` have passed; returns the cases. */
  forgetDeclines(sql: Sql, seconds: number): Promise<{ case_id: string }[]> {
    return sql.rows(
      `UPDATE routing_entries SET declined_by = '{}', declined_at = NULL
       WHERE declined_at < now() - make_interval(secs => $1) AND cardinality(declined_by) > 0 RETURNING case_id`,
      [seconds],
    );
  }
}
