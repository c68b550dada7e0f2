import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { CaseEvent, CasesRepository } from '@kontakt/cases';
import type { Match } from '../domain/agent-matching';
import { offerSecondsFor, QueueSettings } from '../domain/queue-settings';
import { OfferRow, OffersRepository } from '../data/offers.repository';
import { RoutingAgentsRepository } from '../data/routing-agents.repository';
import type { WaitingCase } from '../data/routing-entries.repository';
import { OFFER_EXPIRY_JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';

export interface OfferMade {
  offer: OfferRow;
  entry: WaitingCase;
  autoAccepted: boolean;
}

export interface OfferToMake {
  entry: WaitingCase;
  match: Match;
  settings: QueueSettings;
}

/**
 * Offers locked waiting cases to locked agents, all in the caller's transaction and with one
 * statement per kind of row: the offers (each holding one unit of its agent's capacity), the cases'
 * move to offered, their events, the agents' idle clocks, and the expiry jobs. In an auto-accept
 * queue the case is assigned at once instead.
 */
@Injectable()
export class OfferMaker {
  constructor(
    private readonly offers: OffersRepository,
    private readonly cases: CasesRepository,
    private readonly agents: RoutingAgentsRepository,
    private readonly jobs: JobQueue,
  ) {}

  async offerAll(tx: Sql, wanted: OfferToMake[]): Promise<OfferMade[]> {
    if (wanted.length === 0) return [];
    const rows = await this.offers.insertMany(tx, wanted.map(({ entry, match, settings }) => ({
      caseId: entry.case_id, agentId: match.agentId, channel: entry.channel, autoAccepted: settings.autoAccept,
      seconds: offerSecondsFor(settings, entry.channel),
    })));
    const made = wanted.map(({ entry, settings }) => ({ offer: rows.get(entry.case_id)!, entry, autoAccepted: settings.autoAccept }));
    await this.cases.setStatuses(tx, made.map(({ offer, autoAccepted }) =>
      autoAccepted ? { caseId: offer.case_id, status: 'assigned' as const, assigneeId: offer.agent_id } : { caseId: offer.case_id, status: 'offered' as const }));
    await this.cases.insertEvents(tx, wanted.map(({ entry, match }, i) => offeredEvent(entry, match, made[i])));
    await this.agents.markBusy(tx, lastServedOrder(wanted.map((w) => w.match.agentId)));
    await this.jobs.insertInTransaction(tx, OFFER_EXPIRY_JOB, made.filter((m) => !m.autoAccepted).map(({ offer }) => ({
      data: { offerId: offer.id }, startAfter: offer.expires_at, singletonKey: offer.id,
    })));
    return made;
  }
}

function offeredEvent(entry: WaitingCase, match: Match, { offer, autoAccepted }: OfferMade): CaseEvent {
  const data = { offerId: offer.id, agentId: match.agentId, level: match.level, sticky: match.sticky, stage: entry.stage };
  return autoAccepted
    ? { caseId: entry.case_id, type: 'assigned', fromStatus: 'queued', toStatus: 'assigned', actorKind: 'system', data: { ...data, by: 'auto_accept' } }
    : { caseId: entry.case_id, type: 'offered', fromStatus: 'queued', toStatus: 'offered', actorKind: 'system', data: { ...data, expiresAt: offer.expires_at } };
}

/** Each agent once, ordered by when they last got a case in the page. */
function lastServedOrder(agentIds: string[]): string[] {
  const last = new Map<string, number>();
  agentIds.forEach((id, i) => last.set(id, i));
  return [...last.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}
