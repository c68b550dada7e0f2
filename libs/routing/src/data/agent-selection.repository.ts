import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';

/** An available agent with room on at least one of the wanted channels. */
export interface FreeAgentRow {
  id: string;
  languages: string[];
  /** idle_since in epoch ms with its microseconds kept: agents marked busy in one page are a microsecond apart, and a Date would make them tie */
  idle_ms: number;
  /** units of capacity left per wanted channel that has any */
  free: Record<string, number>;
}

export interface AgentSkillRow {
  user_id: string;
  /** null for a whole-queue skill */
  topic_id: string | null;
  queue_id: string;
  level: number;
}

/** The free agents of a page, with the skills counter as of the same read (AgentSkillsCache). */
export interface FreeAgents {
  agents: FreeAgentRow[];
  skillsVersion: number;
}

/** At most this many free agents are read per page; more than any municipality's contact centre. */
const MAX_AGENTS = 5_000;
/** An agent's idle clock in epoch ms, microseconds kept as the fraction (well within a double's precision). */
const IDLE_MS = '(extract(epoch FROM a.idle_since) * 1000)::float8 AS idle_ms';

/**
 * What the router needs to know about agents to match a page of cases (domain/agent-matching.ts):
 * the free ones, their skills, sticky agents, and lock "agent capacity" on the ones it chose.
 */
@Injectable()
export class AgentSelectionRepository {
  /**
   * Available agents with free capacity on one of `channels` who speak one of `languages`, read without locks.
   * One row per agent and channel, gathered per agent here: grouping them in SQL (jsonb_object_agg)
   * cost more than twice the read itself with 500 agents.
   */
  async free(tx: Sql, channels: string[], languages: string[]): Promise<FreeAgents> {
    const rows = await tx.rows<{ id: string; languages: string[]; idle_ms: number; channel: string; free: number; skills_version: string }>(
      `SELECT u.id, u.languages, ${IDLE_MS}, l.channel, coalesce((u.capacity ->> l.channel)::int, 0) - l.held AS free,
              (SELECT version FROM routing_skills_version) AS skills_version
       FROM staff_users u JOIN routing_agents a ON a.user_id = u.id JOIN routing_agent_load l ON l.user_id = u.id
       WHERE u.presence = 'available' AND u.disabled_at IS NULL AND u.languages && $2::text[]
         AND l.channel = ANY ($1::text[]) AND l.held < coalesce((u.capacity ->> l.channel)::int, 0)
       LIMIT ${MAX_AGENTS} * cardinality($1::text[])`,
      [channels, languages],
    );
    const agents = new Map<string, FreeAgentRow>();
    for (const row of rows) {
      const agent = agents.get(row.id) ?? { id: row.id, languages: row.languages, idle_ms: row.idle_ms, free: {} };
      agent.free[row.channel] = row.free;
      agents.set(row.id, agent);
    }
    return { agents: [...agents.values()], skillsVersion: rows.length > 0 ? Number(rows[0].skills_version) : 0 };
  }

  /** Every agent's topic and whole-queue skills, with the skills counter they are as new as (one snapshot). */
  async allSkills(sql: Sql): Promise<{ version: number; skills: AgentSkillRow[] }> {
    const rows = await sql.rows<AgentSkillRow & { version: string; user_id: string | null }>(
      `SELECT v.version, k.user_id, k.topic_id, k.queue_id, k.level
       FROM routing_skills_version v LEFT JOIN (
         SELECT s.user_id, s.topic_id, t.queue_id, s.level FROM staff_skills s JOIN topics t ON t.id = s.topic_id
         UNION ALL
         SELECT user_id, NULL, queue_id, level FROM staff_queue_skills
       ) k ON true`,
    );
    return { version: Number(rows[0].version), skills: rows.filter((r) => r.user_id !== null) };
  }

  /** For each case, the agent who last handled another case of its citizen within `days` (sticky routing). */
  sticky(tx: Sql, cases: { caseId: string; citizenId: string; days: number }[]): Promise<{ case_id: string; agent_id: string }[]> {
    return tx.rows(
      `SELECT w.case_id, h.assignee_id AS agent_id
       FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS w(case_id, citizen_id, days)
       CROSS JOIN LATERAL (
         SELECT assignee_id FROM cases
         WHERE citizen_id = w.citizen_id AND id <> w.case_id AND assignee_id IS NOT NULL AND updated_at > now() - make_interval(days => w.days)
         ORDER BY updated_at DESC LIMIT 1
       ) h
       WHERE w.days > 0`,
      [cases.map((c) => c.caseId), cases.map((c) => c.citizenId), cases.map((c) => c.days)],
    );
  }

  /**
   * Lock "agent capacity" on chosen agents: their load rows for `channels` and their routing_agents
   * row, FOR UPDATE SKIP LOCKED, with a share lock on the staff row; returns the newest state of those
   * still available. So two routers can never both fill an agent's last slot; a presence change waits
   * for the share lock and then withdraws the offers made here. Locked agents are skipped, never waited for.
   * The read starts from the chosen ids, so the plan does not hang on how many agents the statistics think are available.
   */
  lockChosen(tx: Sql, agentIds: string[], channels: string[]): Promise<{ user_id: string; channel: string; free: number; idle_ms: number }[]> {
    return tx.rows(
      `SELECT l.user_id, l.channel, coalesce((u.capacity ->> l.channel)::int, 0) - l.held AS free, ${IDLE_MS}
       FROM unnest($1::uuid[]) AS c(id) JOIN routing_agent_load l ON l.user_id = c.id JOIN routing_agents a ON a.user_id = c.id
         JOIN staff_users u ON u.id = c.id
       WHERE l.channel = ANY ($2::text[]) AND u.presence = 'available' AND u.disabled_at IS NULL
       FOR UPDATE OF l, a SKIP LOCKED
       FOR SHARE OF u SKIP LOCKED`,
      [agentIds, channels],
    );
  }
}
