import { Injectable } from '@nestjs/common';
import type { Channel, Language, Sql } from '@kontakt/core';
import type { Eligibility } from '../domain/escalation';
import { roomSql } from './routing-agents.repository';

/** A waiting case as the router sees it: its routing entry joined with the case and the citizen's segment. */
export interface WaitingCase {
  case_id: string;
  reference: string;
  subject: string;
  queue_id: string;
  topic_id: string;
  /** the queue the case's topic belongs to (a transferred case may wait in another) */
  topic_queue_id: string;
  citizen_id: string;
  segment: string;
  /** the citizen has a vulnerability flag */
  vulnerable: boolean;
  channel: Channel;
  language: Language;
  priority: number;
  queued_at: Date;
  /** the case's first-response due time as it stands */
  sla_due_at: Date | null;
  routing_key: Date | null;
  stage: number;
  required_level: number;
  overflow_queue_id: string | null;
  declined_by: string[];
}

const WAITING_CASE = `
  e.case_id, c.reference, c.subject, e.queue_id, c.topic_id, ct.queue_id AS topic_queue_id, c.citizen_id, z.segment, cardinality(z.vulnerability_flags) > 0 AS vulnerable, c.channel, c.language,
  c.priority, e.queued_at, c.sla_due_at, e.routing_key, e.stage, e.required_level, e.overflow_queue_id, e.declined_by`;
const WAITING_CASE_FROM = `
  routing_entries e JOIN cases c ON c.id = e.case_id JOIN citizens z ON z.id = c.citizen_id JOIN topics ct ON ct.id = c.topic_id`;

/** How many cases a page locks: none when no agent has room, else twice the room (counted up to `roomUpTo`), at least `min`, times `factor`, at most `max`. */
export interface PageSizing {
  roomUpTo: number;
  min: number;
  max: number;
  factor: number;
}

/** A place in the routing order: the key and case id of the last case seen. */
export interface QueuePosition {
  key: Date;
  caseId: string;
}

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
   * Lock "case to route" on a page of admitted waiting cases in routing order after `after`: the case
   * rows and their entries, FOR UPDATE SKIP LOCKED. Whoever holds a case is the only one offering it;
   * another router (process) skips it instead of waiting, and staff actions on the case wait for the
   * router's short transaction.
   */
  async lockPage(tx: Sql, after: QueuePosition | undefined, sizing: PageSizing): Promise<{ cases: WaitingCase[]; size: number }> {
    // the agents' room sizes the page in the same statement; the page is cut from the order index
    // alone first: joined, the planner may sort the whole queue
    const rows = await tx.rows<WaitingCase & { page_size: number }>(
      `WITH sized AS MATERIALIZED (
         SELECT least($4::int, greatest($5::int, 2 * room) * $6::int) AS size FROM (SELECT ${roomSql('$3')} AS room) r WHERE room > 0
       ), page AS MATERIALIZED (
         SELECT case_id FROM routing_entries
         WHERE waiting AND routing_key IS NOT NULL AND ($1::timestamptz IS NULL OR (routing_key, case_id) > ($1::timestamptz, $2::uuid))
         ORDER BY routing_key, case_id LIMIT (SELECT coalesce(max(size), 0) FROM sized)
         FOR UPDATE SKIP LOCKED
       )
       SELECT ${WAITING_CASE}, (SELECT size FROM sized) AS page_size
       FROM ${WAITING_CASE_FROM}
       WHERE e.case_id IN (SELECT case_id FROM page) AND c.status = 'queued'
       ORDER BY e.routing_key, e.case_id
       FOR UPDATE OF c SKIP LOCKED`,
      [after?.key ?? null, after?.caseId ?? null, sizing.roomUpTo, sizing.max, sizing.min, sizing.factor],
    );
    return { cases: rows, size: rows[0]?.page_size ?? 0 };
  }

  /** Entries the router has not admitted yet (missed by a trigger, or written by SQL outside Kontakt), under the "case to route" lock. */
  lockUnadmitted(tx: Sql, limit: number): Promise<WaitingCase[]> {
    return tx.rows(
      `SELECT ${WAITING_CASE}
       FROM ${WAITING_CASE_FROM}
       WHERE e.routing_key IS NULL
         AND e.case_id IN (SELECT case_id FROM routing_entries WHERE routing_key IS NULL ORDER BY queued_at LIMIT $1)
       FOR UPDATE OF e, c SKIP LOCKED`,
      [limit],
    );
  }

  /** Sets order key and eligibility of locked entries, and the SLA due time of those in `slaMoved`, in one statement each. */
  async admit(tx: Sql, admissions: Admission[], slaMoved: Admission[]): Promise<void> {
    if (admissions.length === 0) return;
    const ids = admissions.map((a) => a.caseId);
    await tx.rows(
      `UPDATE routing_entries e SET routing_key = a.routing_key, stage = a.stage, required_level = a.required_level, overflow_queue_id = a.overflow_queue_id
       FROM unnest($1::uuid[], $2::timestamptz[], $3::smallint[], $4::smallint[], $5::uuid[]) AS a(case_id, routing_key, stage, required_level, overflow_queue_id)
       WHERE e.case_id = a.case_id`,
      [ids, admissions.map((a) => a.routingKey), admissions.map((a) => a.eligibility.stage),
        admissions.map((a) => a.eligibility.requiredLevel), admissions.map((a) => a.eligibility.overflowQueueId)],
    );
    if (slaMoved.length === 0) return;
    await tx.rows(
      `UPDATE cases c SET sla_due_at = a.due FROM unnest($1::uuid[], $2::timestamptz[]) AS a(case_id, due) WHERE c.id = a.case_id`,
      [slaMoved.map((a) => a.caseId), slaMoved.map((a) => a.slaDueAt)],
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
       FROM ${WAITING_CASE_FROM}
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

  /** Moves a locked case to another queue; the trigger resets its entry for admission there. */
  async moveToQueue(tx: Sql, caseId: string, queueId: string): Promise<void> {
    await tx.rows('UPDATE cases SET queue_id = $2, updated_at = now() WHERE id = $1', [caseId, queueId]);
  }

  /**
   * Sends the citizen's waiting cases back to admission (their order key is worked out again, e.g.
   * after a change of vulnerability flags); returns how many. Their wait and escalation stand: both
   * follow from when they were queued.
   */
  async readmitCitizen(tx: Sql, citizenId: string): Promise<number> {
    const rows = await tx.rows(
      `UPDATE routing_entries e SET routing_key = NULL FROM cases c
       WHERE c.id = e.case_id AND c.citizen_id = $1 AND e.waiting AND e.routing_key IS NOT NULL RETURNING e.case_id`,
      [citizenId],
    );
    return rows.length;
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
