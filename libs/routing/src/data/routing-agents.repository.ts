import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { Database } from '@kontakt/database';

export interface AgentLoadRow {
  id: string;
  name: string;
  role: string;
  presence: string;
  presence_reason: string | null;
  capacity: Record<string, number>;
  held: Record<string, number>;
  idle_since: Date;
}

/** `room` below as a scalar subquery, counting up to the parameter `upTo` names; the router's page lock uses it too. */
export const roomSql = (upTo: string) => `(SELECT coalesce(sum(free), 0)::int FROM (
         SELECT coalesce((u.capacity ->> l.channel)::int, 0) - l.held AS free
         FROM staff_users u JOIN routing_agent_load l ON l.user_id = u.id
         WHERE u.presence = 'available' AND u.disabled_at IS NULL AND l.held < coalesce((u.capacity ->> l.channel)::int, 0)
         LIMIT ${upTo}) r)`;

/** The router's per-agent state: idle time, missed offers in a row, capacity held per channel. */
@Injectable()
export class RoutingAgentsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The agents just got work: they are no longer the longest idle. Given in the order they last got
   * a case, so the one served last counts as busy last (a microsecond apart).
   */
  async markBusy(tx: Sql, agentIds: string[]): Promise<void> {
    await tx.rows(
      `UPDATE routing_agents a SET idle_since = t.base + b.n * interval '1 microsecond'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS b(user_id, n), (SELECT clock_timestamp() AS base) t
       WHERE a.user_id = b.user_id`,
      [agentIds],
    );
  }

  /** Becoming available starts the idle clock and forgets missed offers. */
  async markAvailable(agentId: string): Promise<void> {
    await this.db.rows('UPDATE routing_agents SET idle_since = now(), missed_in_a_row = 0 WHERE user_id = $1', [agentId]);
  }

  async resetMissed(tx: Sql, agentId: string): Promise<void> {
    await tx.rows('UPDATE routing_agents SET missed_in_a_row = 0 WHERE user_id = $1 AND missed_in_a_row <> 0', [agentId]);
  }

  async countMissed(tx: Sql, agentId: string): Promise<number> {
    const row = await tx.one<{ missed_in_a_row: number }>(
      'UPDATE routing_agents SET missed_in_a_row = missed_in_a_row + 1 WHERE user_id = $1 RETURNING missed_in_a_row',
      [agentId],
    );
    return row?.missed_in_a_row ?? 0;
  }

  /**
   * Free capacity of available agents, in cases on any channel, counted up to `upTo`: how much of the
   * queue is worth locking and walking. Counting stops at `upTo` agent-channels with room, so a
   * centre with hundreds of free agents does not sum them all on every page.
   */
  async room(sql: Sql = this.db, upTo = 250): Promise<number> {
    const row = await sql.one<{ room: number }>(`SELECT ${roomSql('$1')} AS room`, [upTo]);
    return row?.room ?? 0;
  }

  isActive(agentId: string): Promise<boolean> {
    return this.db.one<{ ok: boolean }>('SELECT true AS ok FROM staff_users WHERE id = $1 AND disabled_at IS NULL', [agentId]).then((r) => !!r);
  }

  /** Every staff member's presence, capacity and load, for supervisors. */
  loads(): Promise<AgentLoadRow[]> {
    return this.db.rows(
      `SELECT u.id, u.name, u.role, u.presence, u.presence_reason, u.capacity, a.idle_since,
              (SELECT jsonb_object_agg(l.channel, l.held) FROM routing_agent_load l WHERE l.user_id = u.id) AS held
       FROM staff_users u JOIN routing_agents a ON a.user_id = u.id
       WHERE u.disabled_at IS NULL ORDER BY lower(u.name), u.id`,
    );
  }

  async replaceQueueSkills(agentId: string, skills: { queueId: string; level: number }[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.rows('DELETE FROM staff_queue_skills WHERE user_id = $1', [agentId]);
      await tx.rows(
        'INSERT INTO staff_queue_skills (user_id, queue_id, level) SELECT $1, q, l FROM unnest($2::uuid[], $3::int[]) AS s(q, l)',
        [agentId, skills.map((s) => s.queueId), skills.map((s) => s.level)],
      );
    });
  }

  queueSkills(agentId: string): Promise<{ queue: string; level: number }[]> {
    return this.db.rows(
      'SELECT q.slug AS queue, s.level FROM staff_queue_skills s JOIN queues q ON q.id = s.queue_id WHERE s.user_id = $1 ORDER BY q.slug',
      [agentId],
    );
  }
}
