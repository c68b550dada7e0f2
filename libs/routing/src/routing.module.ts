import { Global, Module } from '@nestjs/common';
import { CaseRoutingHooks, CasesModule } from '@kontakt/cases';
import { CitizensModule } from '@kontakt/citizens';
import { IdentityModule } from '@kontakt/identity';
import { TopicsModule } from '@kontakt/topics';
import { CitizenVulnerabilityController } from './api/citizen-vulnerability.controller';
import { OffersController } from './api/offers.controller';
import { QueueSettingsService } from './api/queue-settings.service';
import { RoutingAdminController } from './api/routing-admin.controller';
import { AgentSelectionRepository } from './data/agent-selection.repository';
import { AgentSkillsCache } from './data/agent-skills.cache';
import { OffersRepository } from './data/offers.repository';
import { QueueSettingsCache } from './data/queue-settings.cache';
import { QueueSettingsRepository } from './data/queue-settings.repository';
import { RoutingAgentsRepository } from './data/routing-agents.repository';
import { RoutingConnections } from './data/routing-connections';
import { RoutingEntriesRepository } from './data/routing-entries.repository';
import { RoutingStatsRepository } from './data/routing-stats.repository';
import { JobQueue } from './jobs/job-queue';
import { RoutingJobs } from './jobs/routing-jobs';
import { AcceptOffer } from './offers/accept-offer';
import { ExpireOffer } from './offers/expire-offer';
import { OfferEnding } from './offers/offer-ending';
import { OfferMaker } from './offers/offer-maker';
import { RejectOffer } from './offers/reject-offer';
import { PresenceService } from './presence/presence.service';
import { InboxGateway } from './realtime/inbox.gateway';
import { InboxPublisher } from './realtime/inbox-publisher';
import { CaseAdmission } from './routing/case-admission';
import { CaseRouter } from './routing/case-router';
import { PageRouter } from './routing/page-router';
import { RoutingAnnouncer } from './routing/routing-announcer';
import { RoutingHooks } from './routing/routing-hooks';
import { RoutingSweep } from './routing/routing-sweep';
import { CaseMoves } from './supervision/case-moves';
import { RoutingWork } from './routing/routing-work';

/**
 * The router and the real-time inbox: skills, capacity, presence, offers, escalation, SLA alerts,
 * the pg-boss timers, and the socket.io gateway. Global, because case code reports to it through
 * CaseRoutingHooks (declared in @kontakt/cases, provided here).
 */
@Global()
@Module({
  imports: [CasesModule, CitizensModule, IdentityModule, TopicsModule],
  controllers: [OffersController, RoutingAdminController, CitizenVulnerabilityController],
  providers: [
    QueueSettingsRepository, QueueSettingsCache, RoutingEntriesRepository, AgentSelectionRepository, AgentSkillsCache, OffersRepository,
    RoutingAgentsRepository, RoutingStatsRepository, RoutingConnections,
    JobQueue, RoutingJobs, RoutingWork, CaseAdmission, PageRouter, CaseRouter, RoutingAnnouncer, RoutingSweep, OfferMaker, OfferEnding,
    AcceptOffer, RejectOffer, ExpireOffer, PresenceService, InboxPublisher, InboxGateway, QueueSettingsService, CaseMoves,
    RoutingHooks,
    { provide: CaseRoutingHooks, useExisting: RoutingHooks },
  ],
  exports: [CaseRoutingHooks],
})
export class RoutingModule {}
