import { Injectable, Logger } from '@nestjs/common';
import { CasesRepository } from '@kontakt/cases';
import { Database } from '@kontakt/database';
import type { StaffPrincipal } from '@kontakt/identity';
import { OffersRepository } from '../data/offers.repository';
import { RoutingAgentsRepository } from '../data/routing-agents.repository';
import { InboxPublisher } from '../realtime/inbox-publisher';
import { ExpireOffer } from './expire-offer';
import { offerNotFound, offerNotOpen } from './offer-texts';

/** An agent accepts an offer made to them: the case is assigned to them. A late accept finds the offer expired (409). */
@Injectable()
export class AcceptOffer {
  private readonly logger = new Logger(AcceptOffer.name);

  constructor(
    private readonly db: Database,
    private readonly offers: OffersRepository,
    private readonly cases: CasesRepository,
    private readonly agents: RoutingAgentsRepository,
    private readonly expire: ExpireOffer,
    private readonly publisher: InboxPublisher,
  ) {}

  async execute(offerId: string, staff: StaffPrincipal) {
    const found = await this.offers.find(offerId);
    if (!found || found.agent_id !== staff.userId) throw offerNotFound(offerId);
    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.cases.lock(tx, found.case_id);
      const offer = await this.offers.lock(tx, offerId);
      if (!current || !offer) throw offerNotFound(offerId);
      if (offer.status !== 'pending') throw offerNotOpen(offer.status);
      if (offer.expires_at.getTime() <= Date.now()) return { expired: await this.expire.inTransaction(tx, offer) };
      await this.offers.end(tx, offer.id, 'accepted', 'accepted');
      await this.cases.setStatus(tx, offer.case_id, 'assigned', offer.agent_id, [{
        caseId: offer.case_id, type: 'assigned', fromStatus: 'offered', toStatus: 'assigned', actorKind: 'staff', actorId: staff.userId,
        data: { offerId: offer.id, by: 'offer' },
      }]);
      await this.agents.resetMissed(tx, offer.agent_id);
      return { assigned: { caseId: offer.case_id, reference: current.reference, channel: current.channel } };
    });
    if (outcome.expired) {
      this.expire.afterCommit(outcome.expired);
      throw offerNotOpen('expired');
    }
    const { caseId, reference, channel } = outcome.assigned!;
    this.publisher.toAgent(staff.userId, 'case_assigned', { caseId, reference, channel, offerId, by: 'offer' });
    this.logger.log({ event: 'offer_accepted', caseId, offerId, agentId: staff.userId });
    return { offerId, caseId, reference, status: 'assigned' as const, assigneeId: staff.userId };
  }
}
