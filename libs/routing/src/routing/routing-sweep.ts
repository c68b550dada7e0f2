import { Injectable, Logger } from '@nestjs/common';
import { Database } from '@kontakt/database';
import { eligibilityAfter } from '../domain/escalation';
import { QueueSettingsCache } from '../data/queue-settings.cache';
import { OffersRepository } from '../data/offers.repository';
import { RoutingAgentsRepository } from '../data/routing-agents.repository';
import { QueuePosition, RoutingEntriesRepository } from '../data/routing-entries.repository';
import { RoutingStatsRepository } from '../data/routing-stats.repository';
import { ExpireOffer } from '../offers/expire-offer';
import { PresenceService } from '../presence/presence.service';
import { InboxPublisher } from '../realtime/inbox-publisher';
import { CaseAdmission } from './case-admission';
import { CaseRouter } from './case-router';

const BATCH = 500;
/** An expiry job normally ends an offer; the sweep steps in when one is this late. */
const EXPIRY_GRACE_SECONDS = 5;
/** Pages of the waiting queue the sweep routes per run, walking on from where the last run stopped. */
const PAGES_PER_SWEEP = 5;
/** Agents who declined a case may be asked again after this long, even if it never escalates. */
const FORGET_DECLINES_SECONDS = 600;

/**
 * The periodic repair pass (a pg-boss job every ROUTING_SWEEP_SECONDS, one process at a time):
 * admits cases no trigger routed, ends offers whose expiry was missed or whose agent left,
 * escalates cases that waited long enough, raises SLA alerts, and, while any agent has free capacity,
 * routes from the head of the queue and walks on through the next pages of it (so a case deep in a
 * long queue that only an idle agent can take is reached too); then pushes figures to supervisors.
 */
@Injectable()
export class RoutingSweep {
  private readonly logger = new Logger(RoutingSweep.name);
  /** Where the walk through the waiting queue continues; per process, as any process may run the sweep. */
  private walk?: QueuePosition;

  constructor(
    private readonly db: Database,
    private readonly entries: RoutingEntriesRepository,
    private readonly offers: OffersRepository,
    private readonly agents: RoutingAgentsRepository,
    private readonly stats: RoutingStatsRepository,
    private readonly settings: QueueSettingsCache,
    private readonly admission: CaseAdmission,
    private readonly expire: ExpireOffer,
    private readonly presence: PresenceService,
    private readonly router: CaseRouter,
    private readonly publisher: InboxPublisher,
  ) {}

  async run(): Promise<void> {
    const admitted = await this.admitMissed();
    const ended = await this.endStaleOffers();
    const escalated = await this.escalate();
    const forgotten = await this.entries.forgetDeclines(this.db, FORGET_DECLINES_SECONDS);
    const alerts = await this.raiseSlaAlerts();
    const room = (await this.agents.room(undefined, 1)) > 0;
    if (room) {
      if (this.walk) this.router.routeWaiting();
      this.walk = (await this.router.walk(this.walk, PAGES_PER_SWEEP)).next;
    }
    await this.publishStats();
    if (admitted + ended + escalated + alerts + forgotten.length > 0) {
      this.logger.log({ event: 'routing_sweep', admitted, ended, escalated, alerts, forgotten: forgotten.length, agentsWithRoom: room });
    }
  }

  private async admitMissed(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.db.transaction(async (tx) => {
        const found = await this.entries.lockUnadmitted(tx, BATCH);
        const withSettings = await Promise.all(found.map(async (entry) => ({ entry, settings: await this.settings.get(entry.queue_id, tx) })));
        await this.admission.admit(tx, withSettings);
        return found.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }

  private async endStaleOffers(): Promise<number> {
    const stale = await this.offers.stale(EXPIRY_GRACE_SECONDS, BATCH);
    for (const offer of stale) {
      if (offer.agent_available) await this.expire.execute(offer.id);
      else await this.presence.withdrawOffersOf(offer.agent_id, 'agent not available');
    }
    return stale.length;
  }

  private async escalate(): Promise<number> {
    const changed = await this.db.transaction(async (tx) => {
      const candidates = await this.entries.lockEscalationCandidates(tx, BATCH);
      const moves = [];
      for (const entry of candidates) {
        const eligibility = eligibilityAfter(entry.waited_seconds, await this.settings.get(entry.queue_id, tx));
        if (eligibility.stage > entry.stage) moves.push({ entry, eligibility });
      }
      await this.entries.escalate(tx, moves.map((m) => m.entry.case_id), moves.map((m) => m.eligibility));
      return moves;
    });
    for (const { entry, eligibility } of changed) {
      this.publisher.toQueue(entry.queue_id, 'case_escalated', { caseId: entry.case_id, queueId: entry.queue_id, ...eligibility });
      this.logger.log({ event: 'case_escalated', caseId: entry.case_id, stage: eligibility.stage, requiredLevel: eligibility.requiredLevel });
    }
    return changed.length;
  }

  private async raiseSlaAlerts(): Promise<number> {
    const alerts = await this.stats.raiseSlaAlerts(BATCH);
    for (const a of alerts) {
      const payload = { caseId: a.case_id, reference: a.reference, queueId: a.queue_id, dueAt: a.due_at.toISOString() };
      this.publisher.toQueue(a.queue_id, a.kind === 'breached' ? 'sla_breached' : 'sla_near_breach', payload);
      this.logger.warn({ event: `sla_${a.kind}`, caseId: a.case_id, dueAt: payload.dueAt });
    }
    return alerts.length;
  }

  private async publishStats(): Promise<void> {
    for (const q of await this.stats.queues()) {
      this.publisher.toQueue(q.queue_id, 'queue_stats', {
        queueId: q.queue_id, queue: q.queue, waiting: q.waiting, offered: q.offered, assigned: q.assigned,
        oldestWaitSeconds: q.oldest_wait_seconds, availableAgents: q.available_agents,
      });
    }
    const agents = await this.agents.loads();
    this.publisher.toSupervisors('agent_stats', {
      agents: agents.map((a) => ({ agentId: a.id, name: a.name, presence: a.presence, reason: a.presence_reason, held: a.held, capacity: a.capacity })),
    });
  }
}
