import { Injectable, Logger } from '@nestjs/common';
import type { OfferMade } from '../offers/offer-maker';
import { InboxPublisher } from '../realtime/inbox-publisher';

/** Tells agents and the log what the router committed. */
@Injectable()
export class RoutingAnnouncer {
  private readonly logger = new Logger('Router');

  constructor(private readonly publisher: InboxPublisher) {}

  offerMade({ offer, entry, autoAccepted }: OfferMade): void {
    if (autoAccepted) {
      this.publisher.toAgent(offer.agent_id, 'case_assigned', { caseId: entry.case_id, reference: entry.reference, channel: entry.channel, offerId: offer.id, by: 'auto_accept' });
      this.logger.log({ event: 'case_assigned', caseId: entry.case_id, agentId: offer.agent_id, by: 'auto_accept', stage: entry.stage });
      return;
    }
    this.publisher.toAgent(offer.agent_id, 'offer', {
      offerId: offer.id, caseId: entry.case_id, channel: entry.channel, expiresAt: offer.expires_at.toISOString(),
      reference: entry.reference, subject: entry.subject, queueId: entry.queue_id,
    });
    this.logger.log({ event: 'case_offered', caseId: entry.case_id, offerId: offer.id, agentId: offer.agent_id, stage: entry.stage });
  }

  offerEnded(offer: { offerId: string; caseId: string; agentId: string }, reason: string): void {
    this.publisher.toAgent(offer.agentId, 'offer_withdrawn', { offerId: offer.offerId, caseId: offer.caseId, reason });
    this.logger.log({ event: 'offer_ended', caseId: offer.caseId, offerId: offer.offerId, agentId: offer.agentId, reason });
  }
}
