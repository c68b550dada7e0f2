import { Injectable, Logger } from '@nestjs/common';
import type { Channel, Sql } from '@kontakt/core';
import { CaseChange, CaseRoutingHooks, WithdrawnOffer } from '@kontakt/cases';
import { OffersRepository } from '../data/offers.repository';
import { QueueSettingsCache } from '../data/queue-settings.cache';
import { InboxPublisher } from '../realtime/inbox-publisher';
import { CaseAdmission } from './case-admission';
import { CaseRouter } from './case-router';
import { RoutingAnnouncer } from './routing-announcer';

const HOLDING: readonly string[] = ['assigned', 'waiting_on_citizen'];

/** The router's side of CaseRoutingHooks: what staff actions and intake mean for offers, capacity and inboxes. */
@Injectable()
export class RoutingHooks extends CaseRoutingHooks {
  private readonly logger = new Logger(RoutingHooks.name);

  constructor(
    private readonly offers: OffersRepository,
    private readonly router: CaseRouter,
    private readonly announcer: RoutingAnnouncer,
    private readonly publisher: InboxPublisher,
    private readonly admission: CaseAdmission,
    private readonly settings: QueueSettingsCache,
  ) {
    super();
  }

  async firstResponseDue(queueId: string, channel: Channel, from: Date, sql?: Sql): Promise<Date> {
    return this.admission.firstResponseDue(await this.settings.get(queueId, sql), channel, from);
  }

  async withdrawLiveOffer(tx: Sql, caseId: string, reason: string): Promise<WithdrawnOffer | undefined> {
    const offer = await this.offers.lockLiveOfCase(tx, caseId);
    if (!offer) return undefined;
    await this.offers.end(tx, offer.id, 'withdrawn', reason);
    return { offerId: offer.id, caseId, agentId: offer.agent_id };
  }

  caseChanged(change: CaseChange): void {
    if (change.withdrawn) {
      this.announcer.offerEnded(change.withdrawn, 'withdrawn');
      this.router.routeWaiting();
    }
    if (change.status === 'queued') this.router.routeWaiting();
    const stillHolds = change.assigneeId === change.previousAssigneeId && HOLDING.includes(change.status);
    if (change.previousAssigneeId && !stillHolds) {
      this.publisher.toAgent(change.previousAssigneeId, 'case_updated', { caseId: change.caseId, status: change.status, assigneeId: change.assigneeId });
      this.router.routeWaiting();
    }
    // the previous holder was told above when the case left them; an assignee who keeps it is told once here
    if (change.assigneeId && change.assigneeId !== change.previousAssigneeId) this.publisher.toAgent(change.assigneeId, 'case_assigned', { caseId: change.caseId, by: 'supervisor' });
    else if (change.assigneeId && stillHolds) this.publisher.toAgent(change.assigneeId, 'case_updated', { caseId: change.caseId, status: change.status, assigneeId: change.assigneeId });
  }

  contactRecorded(caseId: string, contactId: string, newCase: boolean): void {
    if (newCase) {
      this.router.routeWaiting();
      return;
    }
    void this.offers
      .caseHolder(caseId)
      .then((row) => {
        if (!row) return;
        if (row.status === 'queued') this.router.routeWaiting();
        const holder = row.assignee_id ?? row.offered_to;
        if (holder) this.publisher.toAgent(holder, 'contact_received', { caseId, contactId });
      })
      .catch((error: Error) => this.logger.error({ event: 'contact_notice_failed', caseId, contactId, error: error.message }));
  }

  readStateChanged(staffId: string, caseId: string, unread: boolean): void {
    this.publisher.toAgent(staffId, 'case_read_state', { caseId, unread });
  }
}
