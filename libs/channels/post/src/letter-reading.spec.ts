import type { AppConfig } from '@kontakt/config';
import type { Sql } from '@kontakt/core';
import type { Database } from '@kontakt/database';
import type { CaseChange, CaseEvent, CaseRoutingHooks, CasesRepository } from '@kontakt/cases';
import type { CitizensRepository } from '@kontakt/citizens';
import type { Topic, TopicsService } from '@kontakt/topics';
import { LetterReading } from './letter-reading';
import type { LetterReferenceThreading, ReferenceOutcome } from './letter-reference-threading';
import type { PostScansRepository, ScanCase } from './post-scans.repository';

const topic = (slug: string, keywords: string[], isDefault = false): Topic => ({
  id: `${slug}-id`, slug, nameDa: slug, nameEn: slug, queueId: `${slug}-queue`, queueSlug: `${slug}-queue`, keywords, priority: 2, isDefault, active: true, position: 0,
});
const TOPICS = [topic('generelt', [], true), topic('affald', ['storskrald'])];
const WASTE_LETTER = 'Vores storskrald er ikke hentet';

/** The letter's case as scanCase reports it: opened by the letter, in the default topic, waiting. */
const waitingCase = (changes: Partial<ScanCase> = {}): ScanCase => ({
  case_id: 'case-1', reference: 'K-2026-000001', topic_id: 'generelt-id', citizen_id: 'citizen-1', citizen_has_address: true, status: 'queued',
  assignee_id: null, opened_by_this_letter: true, topic_chosen: false, sender_first_seen: false, ...changes,
});

/** The letter moved into the referenced case `case-9`; its own case is closed. */
const MOVED: ReferenceOutcome = { kind: 'moved', caseId: 'case-9', placeholder: { caseId: 'case-1', status: 'closed', assigneeId: null, previousAssigneeId: null } };

function reading(at: ScanCase, outcome?: ReferenceOutcome) {
  const events: CaseEvent[] = [];
  const quoted: string[][] = [];
  const recorded: string[] = [];
  const reclassified: unknown[] = [];
  const statuses: string[] = [];
  const changes: CaseChange[] = [];
  const names: string[] = [];
  const tx = {} as Sql;
  const scans: Partial<PostScansRepository> = {
    lockUnread: async () => ({ case_id: at.case_id, status: 'pending' }),
    setContactText: async () => undefined,
    markDone: async () => undefined,
    scanCase: async () => at,
    describeCase: async () => undefined,
    setContactSenderAddress: async () => undefined,
    setSenderNameIfUnknown: async (_tx: Sql, _contactId: string, _citizenId: string, name: string) => void names.push(name),
    reclassifyQueuedCase: async (_tx: Sql, _caseId: string, change: unknown) => void reclassified.push(change),
  };
  const routing: Partial<CaseRoutingHooks> = {
    withdrawLiveOffer: async (_tx, caseId) => ({ offerId: 'offer-1', caseId, agentId: 'agent-1' }),
    caseChanged: (change) => void changes.push(change),
    contactRecorded: (caseId) => void recorded.push(caseId),
  };
  const threading = {
    thread: async (_tx: Sql, letterCase: ScanCase, _contactId: string, references: string[]) => {
      quoted.push(references);
      return outcome ?? { kind: 'left', caseId: letterCase.case_id };
    },
  } as unknown as LetterReferenceThreading;
  const service = new LetterReading(
    { transaction: (work: (sql: Sql) => Promise<unknown>) => work(tx) } as unknown as Database,
    scans as PostScansRepository,
    {
      insertEvents: async (_tx: Sql, list: CaseEvent[]) => void events.push(...list),
      setStatus: async (_tx: Sql, _id: string, status: string) => void statuses.push(status),
    } as unknown as CasesRepository,
    { addIdentity: async () => true } as unknown as CitizensRepository,
    { active: async () => TOPICS } as unknown as TopicsService,
    routing as CaseRoutingHooks,
    { postSenderAddress: ['Rådhuset', '8660 Skanderborg'] } as AppConfig,
    threading,
  );
  return { service, events, reclassified, statuses, changes, names, quoted, recorded };
}

describe('recording the text of a letter read after intake', () => {
  it('classifies the queued case the letter opened on its text', async () => {
    const { service, events, reclassified, changes } = reading(waitingCase());
    await expect(service.record('contact-1', WASTE_LETTER, 'ocr')).resolves.toEqual({ caseId: 'case-1', reclassified: true });
    expect(reclassified).toEqual([{ topicId: 'affald-id', queueId: 'affald-queue', priority: 2 }]);
    expect(events.map((e) => e.type)).toEqual(['letter_read', 'reclassified']);
    expect(changes).toEqual([expect.objectContaining({ caseId: 'case-1', status: 'queued', withdrawn: undefined })]);
  });

  it('withdraws the offer of a case only offered so far, and queues it again in its new topic', async () => {
    const { service, events, statuses, changes } = reading(waitingCase({ status: 'offered' }));
    await service.record('contact-1', WASTE_LETTER, 'ocr');
    expect(statuses).toEqual(['queued']);
    expect(events.map((e) => e.type)).toEqual(['letter_read', 'status_changed', 'reclassified']);
    expect(changes).toEqual([expect.objectContaining({ status: 'queued', withdrawn: { offerId: 'offer-1', caseId: 'case-1', agentId: 'agent-1' } })]);
  });

  it.each([
    ['an agent holds it', { status: 'assigned', assignee_id: 'agent-1' }],
    ['the clerk chose the topic', { topic_chosen: true }],
    ['the letter joined an existing case', { opened_by_this_letter: false }],
    ['the text gives the topic it already has', { topic_id: 'affald-id' }],
  ])('leaves the topic alone when %s', async (_label, changes) => {
    const { service, events, reclassified, statuses } = reading(waitingCase(changes as Partial<ScanCase>));
    await service.record('contact-1', WASTE_LETTER, 'ocr');
    expect(reclassified).toEqual([]);
    expect(statuses).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['letter_read']);
  });

  it("learns the sender's address and name and hands quoted references to threading, by a person's reading too", async () => {
    const { service, events, names, quoted } = reading(waitingCase({ citizen_has_address: false, topic_chosen: true }));
    await service.record('contact-1', 'Ole Hansen\nBakkevej 12\n8660 Skanderborg\n\nSag K-2026-000042 (jeres brev om K-2026-000001)', 'manual', 'staff-1');
    expect(events).toEqual([
      expect.objectContaining({ type: 'letter_read', actorKind: 'staff', actorId: 'staff-1', data: { contactId: 'contact-1', method: 'manual' } }),
      expect.objectContaining({ caseId: 'case-1', type: 'citizen_address_read' }),
    ]);
    expect(names).toEqual(['Ole Hansen']);
    // the letter's own case reference is not a reference to thread by
    expect(quoted).toEqual([['K-2026-000042']]);
  });

  it('does not classify a case the letter left for the referenced case, and tells the router about both cases', async () => {
    const { service, events, reclassified, changes, recorded } = reading(waitingCase({ citizen_has_address: false }), MOVED);
    await expect(service.record('contact-1', `Bakkevej 12\n8660 Skanderborg\n\nSag K-2026-000042\n${WASTE_LETTER}`, 'ocr')).resolves.toEqual({ caseId: 'case-9', reclassified: false });
    expect(reclassified).toEqual([]);
    expect(events.map((e) => [e.type, e.caseId])).toEqual([['letter_read', 'case-1'], ['citizen_address_read', 'case-9']]);
    expect(changes).toEqual([MOVED.kind === 'moved' && MOVED.placeholder]);
    expect(recorded).toEqual(['case-9']);
  });
});
