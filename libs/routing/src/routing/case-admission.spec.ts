import type { AppConfig } from '@kontakt/config';
import type { Admission, RoutingEntriesRepository, WaitingCase } from '../data/routing-entries.repository';
import type { QueueSettings } from '../domain/queue-settings';
import { CaseAdmission } from './case-admission';

const settings = {
  queueId: 'q', queueSlug: 'borgerservice', minLevel: 1, escalatedMinLevel: 1, escalateLevelAfterSeconds: 600, overflowQueueId: null,
  escalateOverflowAfterSeconds: 1200, autoAccept: false, offerSeconds: {}, firstResponseMinutes: { webform: 30 }, businessHours: null,
  agingMinutesPerPriority: 30, segmentPriority: {}, nearBreachMinutes: 60, stickyDays: 0, slaMinutes: 480,
} as QueueSettings;

const queuedAt = new Date('2026-12-02T10:00:00.000Z');
const due = new Date('2026-12-02T10:30:00.000Z');

function waiting(slaDueAt: Date | null, id = 'case-1'): WaitingCase {
  return {
    case_id: id, reference: 'K-2026-000001', subject: 'Storskrald', queue_id: 'q', topic_id: 't', topic_queue_id: 'q', citizen_id: 'c',
    segment: 'citizen', vulnerable: false, channel: 'webform', language: 'da', priority: 2, queued_at: queuedAt, sla_due_at: slaDueAt,
    routing_key: null, stage: 0, required_level: 1, overflow_queue_id: null, declined_by: [],
  };
}

async function admitted(entries: WaitingCase[]) {
  const calls: { admissions: Admission[]; slaMoved: Admission[] }[] = [];
  const repository = { admit: async (_tx: unknown, admissions: Admission[], slaMoved: Admission[]) => void calls.push({ admissions, slaMoved }) };
  const admission = new CaseAdmission(repository as unknown as RoutingEntriesRepository, { timeZone: 'Europe/Copenhagen' } as AppConfig);
  await admission.admit({} as never, entries.map((entry) => ({ entry, settings })));
  return calls[0];
}

describe('CaseAdmission: the first-response due time', () => {
  it('is the same whether intake or admission computes it', () => {
    const admission = new CaseAdmission({} as RoutingEntriesRepository, { timeZone: 'Europe/Copenhagen' } as AppConfig);
    expect(admission.firstResponseDue(settings, 'webform', queuedAt)).toEqual(due);
    expect(admission.plan(waiting(null), settings, queuedAt).slaDueAt).toEqual(due);
  });

  it('is written again only for cases whose due time is missing or a second or more off', async () => {
    const { admissions, slaMoved } = await admitted([
      waiting(new Date(due.getTime() - 3), 'set-by-intake'),
      waiting(new Date(due.getTime() + 60_000), 'moved-queue'),
      waiting(null, 'written-outside-kontakt'),
    ]);
    expect(admissions.map((a) => a.caseId)).toEqual(['set-by-intake', 'moved-queue', 'written-outside-kontakt']);
    expect(slaMoved.map((a) => [a.caseId, a.slaDueAt])).toEqual([['moved-queue', due], ['written-outside-kontakt', due]]);
  });
});
