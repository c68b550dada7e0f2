import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import type { Sql } from '@kontakt/core';
import { CasesRepository } from '@kontakt/cases';
import { Database } from '@kontakt/database';
import { StaffUsersService } from '@kontakt/identity';
import { MISSED_OFFERS_REASON, shouldSetAway } from '../domain/missed-offers';
import { OfferRow, OffersRepository } from '../data/offers.repository';
import { CaseRouter } from '../routing/case-router';
import { RoutingAnnouncer } from '../routing/routing-announcer';
import { EndedOffer, OfferEnding } from './offer-ending';

/**
 * An offer's time ran out (its pg-boss job, or the sweep for a missed one): the case goes on to the
 * next agent, and an agent who has now let ROUTING_MAX_MISSED_OFFERS offers expire in a row is set away.
 */
@Injectable()
export class ExpireOffer {
  private readonly logger = new Logger(ExpireOffer.name);

  constructor(
    private readonly db: Database,
    private readonly offers: OffersRepository,
    private readonly cases: CasesRepository,
    private readonly ending: OfferEnding,
    private readonly router: CaseRouter,
    private readonly announcer: RoutingAnnouncer,
    private readonly users: StaffUsersService,
    private readonly config: AppConfig,
  ) {}

  async execute(offerId: string): Promise<void> {
    const found = await this.offers.find(offerId);
    if (!found || found.status !== 'pending') return;
    const ended = await this.db.transaction(async (tx) => {
      await this.cases.lock(tx, found.case_id);
      const offer = await this.offers.lock(tx, offerId);
      if (!offer || offer.status !== 'pending' || offer.expires_at.getTime() > Date.now()) return undefined;
      return this.inTransaction(tx, offer);
    });
    if (ended) this.afterCommit(ended);
  }

  /** The caller holds the case's and the offer's locks. */
  inTransaction(tx: Sql, offer: OfferRow): Promise<EndedOffer> {
    return this.ending.requeue(tx, offer, 'expired', 'no answer in time');
  }

  afterCommit(ended: EndedOffer): void {
    this.announcer.offerEnded(ended, 'expired');
    this.router.routeWaiting();
    if (ended.missedInARow !== undefined && shouldSetAway(ended.missedInARow, this.config.routingMaxMissedOffers)) {
      this.logger.warn({ event: 'agent_set_away', agentId: ended.agentId, missedInARow: ended.missedInARow });
      this.users.setPresence(ended.agentId, 'away', MISSED_OFFERS_REASON).catch((error: Error) =>
        this.logger.error({ event: 'set_away_failed', agentId: ended.agentId, error: error.message }));
    }
  }
}
