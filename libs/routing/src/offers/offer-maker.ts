import { Injectable } from '@nestjs/common';
import type { Sql } from '@kontakt/core';
import { CasesRepository } from '@kontakt/cases';
import { offerSecondsFor, QueueSettings } from '../domain/queue-settings';
import type { ChosenAgent } from '../data/agent-selection.repository';
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

/**
 * Offers a locked waiting case to a locked agent: the offer (holding one unit of the agent's
 * capacity), the case's move to offered, its event, and the expiry job, all in the caller's
 * transaction. In an auto-accept queue the case is assigned at once instead.
 */
@Injectable()
export class OfferMaker {
  constructor(
    private readonly offers: OffersRepository,
    private readonly cases: CasesRepository,
    private readonly agents: RoutingAgentsRepository,
    private readonly jobs: JobQueue,
  ) {}

  async offer(tx: Sql, entry: WaitingCase, agent: ChosenAgent, settings: QueueSettings): Promise<OfferMade> {
    const autoAccepted = settings.autoAccept;
    const offer = await this.offers.insert(tx, { caseId: entry.case_id, agentId: agent.agent_id, channel: entry.channel, autoAccepted, seconds: offerSecondsFor(settings, entry.channel) });
    const data = { offerId: offer.id, agentId: agent.agent_id, level: agent.level, sticky: agent.sticky, stage: entry.stage };
    if (autoAccepted) {
      await this.cases.setStatus(tx, entry.case_id, 'assigned', agent.agent_id);
      await this.cases.insertEvents(tx, [{ caseId: entry.case_id, type: 'assigned', fromStatus: 'queued', toStatus: 'assigned', actorKind: 'system', data: { ...data, by: 'auto_accept' } }]);
    } else {
      await this.cases.setStatus(tx, entry.case_id, 'offered');
      await this.cases.insertEvents(tx, [{ caseId: entry.case_id, type: 'offered', fromStatus: 'queued', toStatus: 'offered', actorKind: 'system', data: { ...data, expiresAt: offer.expires_at } }]);
      await this.jobs.sendInTransaction(tx, OFFER_EXPIRY_JOB, { offerId: offer.id }, { startAfter: offer.expires_at, singletonKey: offer.id });
    }
    await this.agents.markBusy(tx, agent.agent_id);
    return { offer, entry, autoAccepted };
  }
}
