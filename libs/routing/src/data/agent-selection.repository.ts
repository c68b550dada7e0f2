import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import type { WaitingCase } from './routing-entries.repository';

export interface ChosenAgent {
  agent_id: string;
  level: number;
  sticky: boolean;
}

/**
 * Agent choice for one case: a ranking read in SQL, then a lock that re-checks what the ranking relied on.
 *
 * Eligible: available, not disabled, speaks the case's language, has free capacity on the case's
 * channel (held < capacity), a skill at the entry's required level on the case's topic, on its queue,
 * or (once escalated to overflow) on the overflow queue or one of its topics, and has not declined it.
 * A case transferred to a queue its topic does not belong to may go to anyone skilled in that queue.
 *
 * Order: (1) the agent who last handled this citizen's other cases within the queue's sticky days;
 * (2) the highest skill level; (3) the longest idle (idle_since: last offer or becoming available);
 * (4) the agent id, so the choice is deterministic.
 */
const CANDIDATES = 5;

@Injectable()
export class AgentSelectionRepository {
  /**
   * Ranks the eligible agents (without locks), then takes lock "agent capacity" on the best one it can:
   * the agent's load row for the channel and their routing_agents row, FOR UPDATE SKIP LOCKED, with a
   * share lock on the staff row, re-checking on the newest rows that they are still available with
   * held < capacity and that idle_since is still the value ranked by. So two routers can never both
   * fill an agent's last slot, nor both pick the same agent as the longest idle; a presence change
   * waits for the share lock and then withdraws the offer made here. Locked agents are skipped, never
   * waited for.
   */
  async lockBestAgent(tx: Sql, entry: WaitingCase, stickyDays: number): Promise<ChosenAgent | undefined> {
    const ranked = await this.rank(tx, entry, stickyDays);
    for (const candidate of ranked) {
      const locked = await tx.one(
        `SELECT l.user_id FROM routing_agent_load l JOIN routing_agents a ON a.user_id = l.user_id JOIN staff_users u ON u.id = l.user_id
         WHERE l.user_id = $1 AND l.channel = $2 AND a.idle_since = $3::timestamptz
           AND u.presence = 'available' AND u.disabled_at IS NULL AND l.held < coalesce((u.capacity ->> $2)::int, 0)
         FOR UPDATE OF l, a SKIP LOCKED
         FOR SHARE OF u SKIP LOCKED`,
        [candidate.agent_id, entry.channel, candidate.idle_since],
      );
      if (locked) return { agent_id: candidate.agent_id, level: candidate.level, sticky: candidate.sticky };
    }
    return undefined;
  }

  private rank(tx: Sql, entry: WaitingCase, stickyDays: number): Promise<(ChosenAgent & { idle_since: string })[]> {
    return tx.rows(
      `WITH sticky AS (
         SELECT assignee_id FROM cases
         WHERE citizen_id = $1 AND id <> $2 AND assignee_id IS NOT NULL AND updated_at > now() - make_interval(days => $9)
         ORDER BY updated_at DESC LIMIT 1
       ),
       skilled AS (
         SELECT user_id, max(level) AS level FROM (
           SELECT user_id, level FROM staff_skills WHERE topic_id = $3
           UNION ALL SELECT user_id, level FROM staff_queue_skills WHERE queue_id = $4
           UNION ALL SELECT s.user_id, s.level FROM staff_skills s JOIN topics t ON t.id = s.topic_id
             WHERE t.queue_id = $4 AND NOT EXISTS (SELECT 1 FROM topics ct WHERE ct.id = $3 AND ct.queue_id = $4)
           UNION ALL SELECT s.user_id, s.level FROM staff_skills s JOIN topics t ON t.id = s.topic_id WHERE t.queue_id = $5
           UNION ALL SELECT user_id, level FROM staff_queue_skills WHERE queue_id = $5
         ) levels
         GROUP BY user_id HAVING max(level) >= $6
       )
       SELECT u.id AS agent_id, k.level, coalesce(u.id = (SELECT assignee_id FROM sticky), false) AS sticky, a.idle_since::text AS idle_since
       FROM skilled k
       JOIN staff_users u ON u.id = k.user_id
       JOIN routing_agent_load l ON l.user_id = u.id AND l.channel = $7
       JOIN routing_agents a ON a.user_id = u.id
       WHERE u.presence = 'available' AND u.disabled_at IS NULL AND $8 = ANY (u.languages)
         AND l.held < coalesce((u.capacity ->> $7)::int, 0)
         AND u.id <> ALL ($10::uuid[])
       ORDER BY sticky DESC, k.level DESC, a.idle_since, u.id
       LIMIT ${CANDIDATES}`,
      [entry.citizen_id, entry.case_id, entry.topic_id, entry.queue_id, entry.overflow_queue_id, entry.required_level,
        entry.channel, entry.language, stickyDays, entry.declined_by],
    );
  }
}
