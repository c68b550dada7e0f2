import { Injectable } from '@nestjs/common';
import { Database } from '@kontakt/database';
import { AgentSelectionRepository } from '../data/agent-selection.repository';
import { QueueSettingsCache } from '../data/queue-settings.cache';
import { RoutingEntriesRepository } from '../data/routing-entries.repository';
import { OfferMade, OfferMaker } from '../offers/offer-maker';
import { CaseAdmission } from './case-admission';
import { RoutingAnnouncer } from './routing-announcer';
import { RoutingWork } from './routing-work';

/** How many cases one pass for an agent routes before yielding to other work (it is resubmitted). */
const CASES_PER_AGENT_PASS = 25;
/** Passes in a row that found a case for the agent but every eligible agent locked, before leaving it to the sweep. */
const MAX_BUSY_RETRIES = 3;

/**
 * The router. `routeCase` offers one waiting case to the best eligible agent (a new or requeued
 * case); `routeAgent` offers waiting cases an agent may take, best case first, each to the best agent
 * for it (an agent became available or released capacity). Each offer is one short transaction under
 * the "case to route" and "agent capacity" locks, so any number of processes can route at once.
 */
@Injectable()
export class CaseRouter {
  private readonly busyStreak = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly entries: RoutingEntriesRepository,
    private readonly selection: AgentSelectionRepository,
    private readonly settings: QueueSettingsCache,
    private readonly admission: CaseAdmission,
    private readonly maker: OfferMaker,
    private readonly announcer: RoutingAnnouncer,
    private readonly work: RoutingWork,
  ) {}

  /** Routes a case after the caller's commit, without waiting. */
  caseWaiting(caseId: string): void {
    this.work.submit(`case:${caseId}`, async () => void (await this.routeCase(caseId)));
  }

  /** Routes for an agent after the caller's commit, without waiting. */
  agentFree(agentId: string): void {
    this.work.submit(`agent:${agentId}`, () => this.routeAgent(agentId));
  }

  async routeCase(caseId: string): Promise<boolean> {
    const made = await this.db.transaction(async (tx): Promise<OfferMade | undefined> => {
      const found = await this.entries.lockWaiting(tx, caseId);
      if (!found) return undefined;
      const settings = await this.settings.get(found.queue_id, tx);
      const entry = found.routing_key ? found : (await this.admission.admit(tx, [{ entry: found, settings }]))[0];
      const agent = await this.selection.lockBestAgent(tx, entry, settings.stickyDays);
      return agent && this.maker.offer(tx, entry, agent, settings);
    });
    if (made) this.announcer.offerMade(made);
    return made !== undefined;
  }

  async routeAgent(agentId: string): Promise<void> {
    for (let routed = 0; routed < CASES_PER_AGENT_PASS; routed++) {
      const made = await this.db.transaction(async (tx): Promise<OfferMade | 'no case' | 'agents busy'> => {
        const entry = await this.entries.lockNextFor(tx, agentId);
        if (!entry) return 'no case';
        const settings = await this.settings.get(entry.queue_id, tx);
        const agent = await this.selection.lockBestAgent(tx, entry, settings.stickyDays);
        return agent ? this.maker.offer(tx, entry, agent, settings) : 'agents busy';
      });
      if (made === 'no case') {
        this.busyStreak.delete(agentId);
        return;
      }
      if (made === 'agents busy') {
        // every free agent was locked by another router for a moment: try again a few times, then leave it to the sweep
        const streak = (this.busyStreak.get(agentId) ?? 0) + 1;
        this.busyStreak.set(agentId, streak);
        if (streak > MAX_BUSY_RETRIES) {
          this.busyStreak.delete(agentId);
          return;
        }
        break;
      }
      this.busyStreak.delete(agentId);
      this.announcer.offerMade(made);
    }
    this.agentFree(agentId);
  }
}
