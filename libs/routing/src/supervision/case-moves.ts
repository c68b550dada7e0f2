import { Injectable, Logger } from '@nestjs/common';
import { DomainError, notFound } from '@kontakt/core';
import { CaseRoutingHooks, CasesRepository, OPEN_STATUSES } from '@kontakt/cases';
import { Database } from '@kontakt/database';
import type { StaffPrincipal } from '@kontakt/identity';
import { TopicsRepository } from '@kontakt/topics';
import { RoutingEntriesRepository } from '../data/routing-entries.repository';

/**
 * Supervisor moves of a case back into routing: transfer to another queue (it keeps its place by
 * age), or pull it back from the agent holding or being offered it. The previous agent is not
 * offered a pulled-back case again until it escalates or the declines are forgotten.
 */
@Injectable()
export class CaseMoves {
  private readonly logger = new Logger(CaseMoves.name);

  constructor(
    private readonly db: Database,
    private readonly cases: CasesRepository,
    private readonly entries: RoutingEntriesRepository,
    private readonly topics: TopicsRepository,
    private readonly hooks: CaseRoutingHooks,
  ) {}

  async transfer(caseId: string, queueSlug: string, staff: StaffPrincipal) {
    const queue = await this.topics.queueBySlug(queueSlug);
    if (!queue) throw new DomainError('invalid', `queue ${queueSlug} does not exist`);
    return this.requeue(caseId, staff, 'transferred', queue.id);
  }

  pullBack(caseId: string, staff: StaffPrincipal) {
    return this.requeue(caseId, staff, 'pulled_back');
  }

  private async requeue(caseId: string, staff: StaffPrincipal, type: 'transferred' | 'pulled_back', queueId?: string) {
    const change = await this.db.transaction(async (tx) => {
      const current = await this.cases.lock(tx, caseId);
      if (!current) throw notFound(`Case ${caseId}`);
      if (!OPEN_STATUSES.includes(current.status) || current.status === 'new') {
        throw new DomainError('conflict', `A ${current.status} case cannot be ${type.replace('_', ' ')}; only open cases can`);
      }
      if (type === 'pulled_back' && current.status === 'queued') throw new DomainError('conflict', 'The case is already in the queue');
      const withdrawn = current.status === 'offered' ? await this.hooks.withdrawLiveOffer(tx, caseId, type) : undefined;
      if (queueId && queueId !== current.queue_id) await this.entries.moveToQueue(tx, caseId, queueId);
      if (current.status !== 'queued') await this.cases.setStatus(tx, caseId, 'queued');
      const holder = withdrawn?.agentId ?? current.assignee_id;
      if (type === 'pulled_back' && holder) await this.entries.decline(tx, caseId, holder);
      await this.cases.insertEvents(tx, [{
        caseId, type, fromStatus: current.status, toStatus: 'queued', actorKind: 'staff', actorId: staff.userId,
        data: { fromQueue: current.queue_id, toQueue: queueId ?? current.queue_id, from: holder },
      }]);
      return { caseId, status: 'queued' as const, assigneeId: null, previousAssigneeId: current.assignee_id, withdrawn };
    });
    this.hooks.caseChanged(change);
    this.logger.log({ event: `case_${type}`, caseId, by: staff.userId, queueId });
    return { caseId, status: 'queued' };
  }
}
