import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { CasesRepository } from '@kontakt/cases';
import type { OfferRow, OfferStatus } from '../data/offers.repository';
import { OffersRepository } from '../data/offers.repository';
import { RoutingAgentsRepository } from '../data/routing-agents.repository';
import { RoutingEntriesRepository } from '../data/routing-entries.repository';

export interface EndedOffer {
  offerId: string;
  caseId: string;
  agentId: string;
  /** offers let expire in a row by the agent, when this one expired */
  missedInARow?: number;
}

/**
 * Ends a live offer without an assignment (rejected, expired, withdrawn) and puts its case back in
 * the queue, keeping its place (queued_at) and escalation stage. A rejecting or missing agent is not
 * asked again for this case until it escalates or the declines are forgotten. The caller holds the
 * case's lock and the offer's lock (order: case → offer → agent capacity).
 */
@Injectable()
export class OfferEnding {
  constructor(
    private readonly offers: OffersRepository,
    private readonly cases: CasesRepository,
    private readonly entries: RoutingEntriesRepository,
    private readonly agents: RoutingAgentsRepository,
  ) {}

  async requeue(tx: Sql, offer: OfferRow, status: Exclude<OfferStatus, 'pending' | 'accepted'>, reason: string, actorId?: string): Promise<EndedOffer> {
    await this.offers.end(tx, offer.id, status, reason);
    await this.cases.setStatus(tx, offer.case_id, 'queued');
    if (status !== 'withdrawn') await this.entries.decline(tx, offer.case_id, offer.agent_id);
    await this.cases.insertEvents(tx, [{
      caseId: offer.case_id, type: `offer_${status}`, fromStatus: 'offered', toStatus: 'queued',
      actorKind: actorId ? 'staff' : 'system', actorId, data: { offerId: offer.id, agentId: offer.agent_id, reason },
    }]);
    const ended: EndedOffer = { offerId: offer.id, caseId: offer.case_id, agentId: offer.agent_id };
    if (status === 'expired') ended.missedInARow = await this.agents.countMissed(tx, offer.agent_id);
    if (status === 'rejected') await this.agents.resetMissed(tx, offer.agent_id);
    return ended;
  }
}
