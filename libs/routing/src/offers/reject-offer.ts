import { Injectable } from '@nestjs/common';
import { CasesRepository } from '@kontakt/cases';
import { Database } from '@kontakt/database';
import type { StaffPrincipal } from '@kontakt/identity';
import { OffersRepository } from '../data/offers.repository';
import { CaseRouter } from '../routing/case-router';
import { RoutingAnnouncer } from '../routing/routing-announcer';
import { OfferEnding } from './offer-ending';
import { offerNotFound, offerNotOpen } from './offer-texts';

/** An agent rejects an offer: the case goes back to the queue and on to the next agent. */
@Injectable()
export class RejectOffer {
  constructor(
    private readonly db: Database,
    private readonly offers: OffersRepository,
    private readonly cases: CasesRepository,
    private readonly ending: OfferEnding,
    private readonly router: CaseRouter,
    private readonly announcer: RoutingAnnouncer,
  ) {}

  async execute(offerId: string, staff: StaffPrincipal, reason?: string) {
    const found = await this.offers.find(offerId);
    if (!found || found.agent_id !== staff.userId) throw offerNotFound(offerId);
    const ended = await this.db.transaction(async (tx) => {
      const current = await this.cases.lock(tx, found.case_id);
      const offer = await this.offers.lock(tx, offerId);
      if (!current || !offer) throw offerNotFound(offerId);
      if (offer.status !== 'pending') throw offerNotOpen(offer.status);
      return this.ending.requeue(tx, offer, 'rejected', reason ?? 'rejected', staff.userId);
    });
    this.announcer.offerEnded(ended, 'rejected');
    this.router.routeWaiting();
    return { offerId, caseId: ended.caseId, status: 'rejected' as const };
  }
}
