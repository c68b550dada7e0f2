import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { MatchAgent, MatchCase, matchCases } from '../domain/agent-matching';
import type { QueueSettings } from '../domain/queue-settings';
import { AgentSelectionRepository, AgentSkillRow, FreeAgentRow, FreeAgents } from '../data/agent-selection.repository';
import { AgentSkillsCache } from '../data/agent-skills.cache';
import { QueueSettingsCache } from '../data/queue-settings.cache';
import { QueuePosition, RoutingEntriesRepository, WaitingCase } from '../data/routing-entries.repository';
import { OfferMade, OfferMaker } from '../offers/offer-maker';
import { CaseAdmission } from './case-admission';

/** At most this many waiting cases are locked and matched per transaction, and new cases admitted at its start. */
const PAGE = 500;
/** A page locks twice as many cases as the agents have room for (at least this many), doubling as a pass walks deeper. */
const MIN_PAGE = 10;
/** Rounds of "lock the agents the match chose, match again if the locks showed them changed"; offers go only to agents locked by then. */
const LOCK_ROUNDS = 3;

export interface PageRouted {
  made: OfferMade[];
  /** the last case of the page, where the next page starts */
  last?: QueuePosition;
  /** the page was full, so more cases may wait after it */
  full: boolean;
  /** some agent still has room on the page's channels: the cases after this page are worth a look */
  roomLeft: boolean;
  /** an agent chosen was locked by another router (or just left): the page deserves another try soon */
  busy: boolean;
}

/**
 * Routes one page of the waiting queue in the caller's transaction: admits cases no router has seen
 * yet, and when some agent has room locks the page ("case to route"), reads the free agents, matches in memory by the documented
 * rules (domain/agent-matching.ts), locks the agents chosen ("agent capacity", re-reading their
 * newest load), and writes every offer of the page at once, each only where the fairest free agent is
 * one it holds (a case whose fairest agent another router holds waits for the next pass). Locks are only ever skipped, never
 * waited for, so any number of processes can route at once.
 */
@Injectable()
export class PageRouter {
  constructor(
    private readonly entries: RoutingEntriesRepository,
    private readonly selection: AgentSelectionRepository,
    private readonly settings: QueueSettingsCache,
    private readonly admission: CaseAdmission,
    private readonly maker: OfferMaker,
    private readonly skills: AgentSkillsCache,
  ) {}

  /** `depth`: pages of this pass before this one (the first admits new cases). */
  async route(tx: Sql, after: QueuePosition | undefined, depth: number): Promise<PageRouted> {
    if (depth === 0) await this.admitNew(tx);
    const { cases: page, size } = await this.entries.lockPage(tx, after, { roomUpTo: PAGE / 2, min: MIN_PAGE, max: PAGE, factor: 2 ** Math.min(depth, 5) });
    const tail = page[page.length - 1];
    const routed: PageRouted = { made: [], full: page.length > 0 && page.length === size, roomLeft: false, busy: false, last: tail && { key: tail.routing_key!, caseId: tail.case_id } };
    if (page.length === 0) return routed;
    const settings = new Map<string, QueueSettings>();
    for (const queueId of new Set(page.map((e) => e.queue_id))) settings.set(queueId, await this.settings.get(queueId, tx));
    const channels = [...new Set(page.map((e) => e.channel))];
    const languages = [...new Set(page.map((e) => e.language))];
    const free = await this.selection.free(tx, channels, languages);
    if (free.agents.length === 0) return routed;

    const cases = await this.matchCasesOf(tx, page, settings);
    const pool = await this.agentsOf(tx, free);
    const locked = new Set<string>();
    // match against every agent still free, locked or not, and keep only the matches to locked agents: a case
    // whose fairest agent we could not lock waits for the next pass instead of going to a busier agent we did lock.
    // A match is redone only when locking showed the pool other than read, so a quiet page matches once.
    const match = () => {
      const spent = copies(pool.values());
      return { spent, matches: matchCases(cases, spent, busyAfter(pool.values())) };
    };
    let current = match();
    for (let round = 0; round < LOCK_ROUNDS; round++) {
      const chosen = [...new Set(current.matches.map((m) => m.agentId))].filter((id) => !locked.has(id));
      if (chosen.length === 0) break;
      const fresh = new Map<string, { channel: string; free: number; idle_ms: number }[]>();
      for (const row of await this.selection.lockChosen(tx, chosen, channels)) fresh.set(row.user_id, [...(fresh.get(row.user_id) ?? []), row]);
      let stale = false;
      let changed = false;
      for (const id of chosen) {
        const rows = fresh.get(id);
        const agent = pool.get(id)!;
        if (!rows) {
          pool.delete(id);
          routed.busy = true;
          changed = true;
          continue;
        }
        locked.add(id);
        const free = Object.fromEntries(rows.map((r) => [r.channel, r.free]));
        stale ||= rows[0].idle_ms !== agent.idleSince;
        changed ||= rows[0].idle_ms !== agent.idleSince || !sameRoom(agent.free, free);
        agent.free = free;
        agent.idleSince = rows[0].idle_ms;
      }
      // another router served agents after our read: the unlocked rest of the read is as stale, so read it again
      if (stale) refresh(pool, locked, (await this.selection.free(tx, channels, languages)).agents);
      if (changed) current = match();
    }
    const matches = current.matches.filter((m) => locked.has(m.agentId));
    if (matches.length < current.matches.length) routed.busy = true;
    routed.roomLeft = current.spent.some((a) => Object.values(a.free).some((n) => (n ?? 0) > 0));
    const byCase = new Map(page.map((e) => [e.case_id, e]));
    routed.made = await this.maker.offerAll(tx, matches.map((match) => {
      const entry = byCase.get(match.caseId)!;
      return { entry, match, settings: settings.get(entry.queue_id)! };
    }));
    return routed;
  }

  private async admitNew(tx: Sql): Promise<void> {
    const found = await this.entries.lockUnadmitted(tx, PAGE);
    if (found.length === 0) return;
    const withSettings = [];
    for (const entry of found) withSettings.push({ entry, settings: await this.settings.get(entry.queue_id, tx) });
    await this.admission.admit(tx, withSettings);
  }

  private async matchCasesOf(tx: Sql, page: WaitingCase[], settings: Map<string, QueueSettings>): Promise<MatchCase[]> {
    const days = (e: WaitingCase) => settings.get(e.queue_id)!.stickyDays;
    const sticky = new Map((await this.selection.sticky(tx, page.map((e) => ({ caseId: e.case_id, citizenId: e.citizen_id, days: days(e) }))))
      .map((s) => [s.case_id, s.agent_id]));
    return page.map((e) => ({
      caseId: e.case_id, citizenId: e.citizen_id, topicId: e.topic_id, topicQueueId: e.topic_queue_id, queueId: e.queue_id,
      overflowQueueId: e.overflow_queue_id, requiredLevel: e.required_level, channel: e.channel, language: e.language,
      declinedBy: e.declined_by, stickyAgentId: sticky.get(e.case_id), stickyDays: days(e), assignsAtOnce: settings.get(e.queue_id)!.autoAccept,
    }));
  }

  private async agentsOf(tx: Sql, free: FreeAgents): Promise<Map<string, MatchAgent>> {
    const skills = await this.skills.at(free.skillsVersion, tx);
    return new Map<string, MatchAgent>(free.agents.map((a) => {
      const agent: MatchAgent = {
        agentId: a.id, languages: a.languages, idleSince: a.idle_ms, free: a.free,
        topicLevels: new Map(), queueLevels: new Map(), topicQueueLevels: new Map(),
      };
      for (const skill of skills.get(a.id) ?? []) addSkill(agent, skill);
      return [a.id, agent];
    }));
  }
}

function addSkill(agent: MatchAgent, skill: AgentSkillRow): void {
  const raise = (levels: ReadonlyMap<string, number>, key: string) =>
    (levels as Map<string, number>).set(key, Math.max(levels.get(key) ?? 0, skill.level));
  if (skill.topic_id === null) {
    raise(agent.queueLevels, skill.queue_id);
    return;
  }
  raise(agent.topicLevels, skill.topic_id);
  raise(agent.topicQueueLevels, skill.queue_id);
}

/** Brings the unlocked agents of the pool up to a newer read: who got work since, or left, is seen as such. */
function refresh(pool: Map<string, MatchAgent>, locked: ReadonlySet<string>, newer: FreeAgentRow[]): void {
  const byId = new Map(newer.map((a) => [a.id, a]));
  for (const [id, agent] of pool) {
    if (locked.has(id)) continue;
    const row = byId.get(id);
    if (!row) {
      pool.delete(id);
      continue;
    }
    agent.idleSince = row.idle_ms;
    agent.free = row.free;
  }
}

/** Whether two reads of an agent's free capacity agree on every channel (a missing channel has none). */
function sameRoom(a: MatchAgent['free'], b: MatchAgent['free']): boolean {
  const channels = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof MatchAgent['free']>;
  return [...channels].every((c) => Math.max(0, a[c] ?? 0) === Math.max(0, b[c] ?? 0));
}

/** Matching spends capacity; each match works on copies. */
function copies(agents: Iterable<MatchAgent>): MatchAgent[] {
  return [...agents].map((a) => ({ ...a, free: { ...a.free } }));
}

/** Agents who get a case count as busy after every agent in the pool. */
function busyAfter(agents: Iterable<MatchAgent>): number {
  let latest = Date.now();
  for (const a of agents) latest = Math.max(latest, a.idleSince + 1);
  return latest;
}
