import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import { CasesRepository } from '@kontakt/cases';
import { Database } from '@kontakt/database';
import { PresenceChange, PresenceListeners, StaffUsersService } from '@kontakt/identity';
import { DISCONNECTED_REASON } from '../domain/missed-offers';
import { OffersRepository } from '../data/offers.repository';
import { RoutingAgentsRepository } from '../data/routing-agents.repository';
import { PRESENCE_GRACE_JOB } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { OfferEnding } from '../offers/offer-ending';
import { InboxPublisher } from '../realtime/inbox-publisher';
import { CaseRouter } from '../routing/case-router';
import { RoutingAnnouncer } from '../routing/routing-announcer';

/**
 * What presence means to the router. Becoming available starts the idle clock and routes waiting
 * cases to the agent; away or offline withdraws their live offers (the cases go to others; their
 * assigned cases stay theirs). Losing every socket for ROUTING_PRESENCE_GRACE_SECONDS sets offline.
 */
@Injectable()
export class PresenceService implements OnModuleInit {
  private readonly logger = new Logger(PresenceService.name);

  constructor(
    private readonly db: Database,
    private readonly listeners: PresenceListeners,
    private readonly users: StaffUsersService,
    private readonly agents: RoutingAgentsRepository,
    private readonly offers: OffersRepository,
    private readonly cases: CasesRepository,
    private readonly ending: OfferEnding,
    private readonly router: CaseRouter,
    private readonly announcer: RoutingAnnouncer,
    private readonly publisher: InboxPublisher,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.listeners.add((change) => this.changed(change));
  }

  private async changed({ userId, presence, reason }: PresenceChange): Promise<void> {
    this.publisher.toAgent(userId, 'presence', { status: presence, reason });
    this.logger.log({ event: 'presence_changed', agentId: userId, presence, reason });
    if (presence === 'available') {
      await this.agents.markAvailable(userId);
      this.router.routeWaiting();
      return;
    }
    await this.withdrawOffersOf(userId, `agent ${presence}`);
  }

  /** Withdraws each live offer of the agent, one case at a time under the usual lock order (case → offer). */
  async withdrawOffersOf(agentId: string, reason: string): Promise<void> {
    for (const live of await this.offers.liveOfAgent(agentId)) {
      const ended = await this.db.transaction(async (tx) => {
        await this.cases.lock(tx, live.case_id);
        const offer = await this.offers.lock(tx, live.id);
        if (!offer || offer.status !== 'pending') return undefined;
        return this.ending.requeue(tx, offer, 'withdrawn', reason);
      });
      if (!ended) continue;
      this.announcer.offerEnded(ended, reason);
      this.router.routeWaiting();
    }
  }

  /** This process holds no socket of the staff member any more; check again after the grace period. */
  async lostLocalSockets(userId: string): Promise<void> {
    await this.jobs.send(PRESENCE_GRACE_JOB, { userId }, { startAfter: this.config.routingPresenceGraceSeconds });
  }

  /** The grace period has passed: offline unless a socket is back on some process. */
  async graceEnded(userId: string): Promise<void> {
    if (await this.publisher.isConnected(userId)) return;
    const user = await this.users.get(userId).catch(() => undefined);
    if (!user || user.presence === 'offline') return;
    await this.users.setPresence(userId, 'offline', DISCONNECTED_REASON);
  }
}
