import type { Channel } from '@kontakt/core';

/**
 * Agent choice for a page of waiting cases, as a pure function: the router reads the cases (in
 * routing order) and the free agents, matches here, then writes every offer at once.
 *
 * Eligible for a case: speaks its language, has free capacity on its channel, has not declined it,
 * and has a skill at the case's required level on its topic, on its queue (a whole-queue skill, or a
 * topic skill in that queue when the case was transferred to a queue its topic is not in), or, once
 * escalated to overflow, on the overflow queue or one of its topics.
 *
 * Order among the eligible: (1) the agent who last handled this citizen within the queue's sticky
 * days; (2) the highest skill level; (3) the longest idle; (4) the agent id, so the choice is
 * deterministic. Getting a case makes an agent the most recently busy, so equals take turns.
 */
export interface MatchCase {
  caseId: string;
  citizenId: string;
  topicId: string;
  /** the queue the case's topic belongs to */
  topicQueueId: string;
  /** the queue the case waits in */
  queueId: string;
  overflowQueueId: string | null;
  requiredLevel: number;
  channel: Channel;
  language: string;
  declinedBy: readonly string[];
  /** who handled this citizen within the queue's sticky days, if anyone */
  stickyAgentId?: string;
  stickyDays: number;
  /** assigned on the spot (auto-accept), so it makes its agent sticky for the citizen's later cases in the same page */
  assignsAtOnce: boolean;
}

export interface MatchAgent {
  agentId: string;
  languages: readonly string[];
  /** epoch ms; smaller is idle longer */
  idleSince: number;
  /** units of capacity left per channel */
  free: Partial<Record<Channel, number>>;
  topicLevels: ReadonlyMap<string, number>;
  /** whole-queue skills */
  queueLevels: ReadonlyMap<string, number>;
  /** the best topic skill per queue the topics belong to */
  topicQueueLevels: ReadonlyMap<string, number>;
}

export interface Match {
  caseId: string;
  agentId: string;
  level: number;
  sticky: boolean;
}

/** The agent's skill level for the case, or 0 when they have no skill that counts for it. */
export function skillLevelFor(agent: MatchAgent, c: MatchCase): number {
  let level = agent.topicLevels.get(c.topicId) ?? 0;
  level = Math.max(level, agent.queueLevels.get(c.queueId) ?? 0);
  if (c.topicQueueId !== c.queueId) level = Math.max(level, agent.topicQueueLevels.get(c.queueId) ?? 0);
  if (c.overflowQueueId) {
    level = Math.max(level, agent.queueLevels.get(c.overflowQueueId) ?? 0, agent.topicQueueLevels.get(c.overflowQueueId) ?? 0);
  }
  return level;
}

/** The level the agent would take the case at, or undefined when they may not take it now. */
function eligibleLevel(agent: MatchAgent, c: MatchCase): number | undefined {
  if ((agent.free[c.channel] ?? 0) <= 0) return undefined;
  if (!agent.languages.includes(c.language) || c.declinedBy.includes(agent.agentId)) return undefined;
  const level = skillLevelFor(agent, c);
  return level >= c.requiredLevel && level > 0 ? level : undefined;
}

/**
 * Matches cases, best first, each to the best eligible agent with room, and takes that room. Mutates
 * the agents' `free` and `idleSince` as it goes (the caller passes copies it may spend). `busyAt` is
 * the time the matches count as made; later matches count as later.
 */
export function matchCases(cases: readonly MatchCase[], agents: readonly MatchAgent[], busyAt: number): Match[] {
  const matches: Match[] = [];
  const handledBy = new Map<string, string>();
  let tick = 0;
  for (const c of cases) {
    const stickyAgentId = (c.stickyDays > 0 ? handledBy.get(c.citizenId) : undefined) ?? c.stickyAgentId;
    let best: { agent: MatchAgent; level: number; sticky: boolean } | undefined;
    for (const agent of agents) {
      const level = eligibleLevel(agent, c);
      if (level === undefined) continue;
      const candidate = { agent, level, sticky: agent.agentId === stickyAgentId };
      if (!best || ranksBefore(candidate, best)) best = candidate;
    }
    if (!best) continue;
    best.agent.free[c.channel] = (best.agent.free[c.channel] ?? 0) - 1;
    best.agent.idleSince = busyAt + tick++;
    if (c.assignsAtOnce) handledBy.set(c.citizenId, best.agent.agentId);
    matches.push({ caseId: c.caseId, agentId: best.agent.agentId, level: best.level, sticky: best.sticky });
  }
  return matches;
}

type Candidate = { agent: MatchAgent; level: number; sticky: boolean };

function ranksBefore(a: Candidate, b: Candidate): boolean {
  if (a.sticky !== b.sticky) return a.sticky;
  if (a.level !== b.level) return a.level > b.level;
  if (a.agent.idleSince !== b.agent.idleSince) return a.agent.idleSince < b.agent.idleSince;
  return a.agent.agentId < b.agent.agentId;
}
