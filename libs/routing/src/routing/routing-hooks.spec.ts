import type { CaseChange } from '@kontakt/cases';
import type { OffersRepository } from '../data/offers.repository';
import type { QueueSettingsCache } from '../data/queue-settings.cache';
import type { InboxPublisher } from '../realtime/inbox-publisher';
import type { CaseAdmission } from './case-admission';
import type { CaseRouter } from './case-router';
import type { RoutingAnnouncer } from './routing-announcer';
import { RoutingHooks } from './routing-hooks';

function hooksWithPublisher() {
  const sent: { agentId: string; event: string; status?: string }[] = [];
  const publisher = { toAgent: (agentId: string, event: string, payload: { status?: string }) => sent.push({ agentId, event, status: payload.status }) };
  const router = { routeWaiting: () => undefined };
  const hooks = new RoutingHooks({} as OffersRepository, router as unknown as CaseRouter, {} as RoutingAnnouncer, publisher as unknown as InboxPublisher, {} as CaseAdmission, {} as QueueSettingsCache);
  return { hooks, sent };
}

const change = (c: Partial<CaseChange>): CaseChange => ({ caseId: 'case-1', status: 'assigned', assigneeId: null, previousAssigneeId: null, ...c });

describe('RoutingHooks.caseChanged: who hears of a case change', () => {
  it('tells the agent who resolves their own case once', () => {
    const { hooks, sent } = hooksWithPublisher();
    hooks.caseChanged(change({ status: 'resolved', assigneeId: 'a', previousAssigneeId: 'a' }));
    expect(sent).toEqual([{ agentId: 'a', event: 'case_updated', status: 'resolved' }]);
  });

  it('tells an agent who keeps the case (waiting on the citizen) once', () => {
    const { hooks, sent } = hooksWithPublisher();
    hooks.caseChanged(change({ status: 'waiting_on_citizen', assigneeId: 'a', previousAssigneeId: 'a' }));
    expect(sent).toEqual([{ agentId: 'a', event: 'case_updated', status: 'waiting_on_citizen' }]);
  });

  it('tells the previous holder it left them and the new assignee it is theirs', () => {
    const { hooks, sent } = hooksWithPublisher();
    hooks.caseChanged(change({ status: 'assigned', assigneeId: 'b', previousAssigneeId: 'a' }));
    expect(sent).toEqual([
      { agentId: 'a', event: 'case_updated', status: 'assigned' },
      { agentId: 'b', event: 'case_assigned', status: undefined },
    ]);
  });

  it('tells the previous holder when the case goes back to the queue', () => {
    const { hooks, sent } = hooksWithPublisher();
    hooks.caseChanged(change({ status: 'queued', assigneeId: null, previousAssigneeId: 'a' }));
    expect(sent).toEqual([{ agentId: 'a', event: 'case_updated', status: 'queued' }]);
  });
});
