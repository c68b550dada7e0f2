import type { AppConfig } from '@kontakt/config';
import type { Sql } from '@kontakt/core';
import type { CaseEvent, CaseRoutingHooks, CaseRow, CasesRepository, CaseStatus } from '@kontakt/cases';
import type { CitizensRepository } from '@kontakt/citizens';
import { LetterReferenceThreading } from './letter-reference-threading';
import type { PostScansRepository, ScanCase } from './post-scans.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The case the letter opened, waiting in the queue. */
const letterCase = (changes: Partial<ScanCase> = {}): ScanCase => ({
  case_id: 'letter-case', reference: 'K-2026-000100', topic_id: 'generelt-id', citizen_id: 'sender', citizen_has_address: false, status: 'queued',
  assignee_id: null, opened_by_this_letter: true, topic_chosen: false, sender_first_seen: false, ...changes,
});

/** The case the letter quotes. */
const quotedCase = (status: CaseStatus, changes: Partial<CaseRow> = {}): CaseRow => ({
  id: 'quoted-case', reference: 'K-2026-000042', citizen_id: 'sender', topic_id: 't', queue_id: 'q', channel: 'email', subject: 's', language: 'da', priority: 2,
  status, assignee_id: null, sla_due_at: null, created_at: new Date(), updated_at: new Date(), last_contact_at: new Date(), resolved_at: null, ...changes,
});

function threading(quoted: CaseRow | undefined, untouched = true) {
  const moves: string[] = [];
  const statuses: [string, string][] = [];
  const withdrawn: string[] = [];
  const citizenMoves: string[] = [];
  const scans = {
    giveLetterToCitizen: async (_tx: Sql, contactId: string, caseId: string, citizenId: string) => void citizenMoves.push(`${contactId}+${caseId}→${citizenId}`),
    untouchedByStaff: async () => untouched,
    moveLetter: async (_tx: Sql, contactId: string, caseId: string) => void moves.push(`${contactId}→${caseId}`),
  } as unknown as PostScansRepository;
  const cases = {
    lockOpenByReferences: async () => (quoted && quoted.status !== 'closed' ? quoted : undefined),
    firstByReferences: async () => quoted,
    setStatus: async (_tx: Sql, id: string, status: string) => void statuses.push([id, status]),
    touch: async () => undefined,
  } as unknown as CasesRepository;
  const routing = {
    withdrawLiveOffer: async (_tx: Sql, caseId: string) => {
      withdrawn.push(caseId);
      return { offerId: 'offer-1', caseId, agentId: 'agent-1' };
    },
  } as unknown as CaseRoutingHooks;
  const citizens = { mergeInto: async (_tx: Sql, from: string, into: string) => void citizenMoves.push(`${from}→${into}`) } as unknown as CitizensRepository;
  const service = new LetterReferenceThreading(scans, cases, citizens, routing, { reopenWindowDays: 14 } as AppConfig);
  const events: CaseEvent[] = [];
  const thread = (at: ScanCase = letterCase()) => service.thread({} as Sql, at, 'letter', ['K-2026-000042'], events);
  return { thread, events, moves, statuses, withdrawn, citizenMoves };
}

const typesOn = (events: CaseEvent[], caseId: string) => events.filter((e) => e.caseId === caseId).map((e) => e.type);

describe('threading a letter by the references it quotes once it is read', () => {
  it('moves the letter into the quoted case and closes the case it opened', async () => {
    const { thread, events, moves, statuses } = threading(quotedCase('assigned', { assignee_id: 'agent-2' }));
    await expect(thread()).resolves.toEqual({
      kind: 'moved', caseId: 'quoted-case', placeholder: { caseId: 'letter-case', status: 'closed', assigneeId: null, previousAssigneeId: null, withdrawn: undefined },
    });
    expect(moves).toEqual(['letter→quoted-case']);
    expect(statuses).toEqual([['letter-case', 'closed']]);
    expect(typesOn(events, 'letter-case')).toEqual(['letter_moved', 'status_changed']);
    expect(typesOn(events, 'quoted-case')).toEqual(['contact_received']);
  });

  it('reopens a recently resolved case as intake would, and flags a letter from a known citizen other than its own', async () => {
    const { thread, events, statuses, citizenMoves } = threading(quotedCase('resolved', { citizen_id: 'someone-else', resolved_at: new Date(Date.now() - 3 * DAY_MS) }));
    await thread();
    expect(citizenMoves).toEqual([]);
    expect(statuses).toEqual([['letter-case', 'closed'], ['quoted-case', 'queued']]);
    expect(events.filter((e) => e.caseId === 'quoted-case')).toEqual([
      expect.objectContaining({ type: 'reopened', fromStatus: 'resolved', toStatus: 'queued', actorKind: 'citizen' }),
      expect.objectContaining({ type: 'contact_received' }),
      expect.objectContaining({ type: 'letter_from_other_citizen', data: { contactId: 'letter', citizenId: 'sender', caseCitizenId: 'someone-else' } }),
    ]);
  });

  it("gives a sender first seen on this letter, with the name and address it showed, to the quoted case's citizen", async () => {
    const { thread, events, citizenMoves } = threading(quotedCase('queued', { citizen_id: 'case-citizen' }));
    await thread(letterCase({ sender_first_seen: true }));
    expect(citizenMoves).toEqual(['letter+letter-case→case-citizen', 'sender→case-citizen']);
    expect(typesOn(events, 'quoted-case')).toEqual(['contact_received', 'letter_sender_joined_citizen']);
  });

  it('withdraws the live offer of the case the letter opened before closing it', async () => {
    const { thread, withdrawn } = threading(quotedCase('queued'));
    const outcome = await thread(letterCase({ status: 'offered' }));
    expect(withdrawn).toEqual(['letter-case']);
    expect(outcome).toMatchObject({ placeholder: { withdrawn: { offerId: 'offer-1', agentId: 'agent-1' } } });
  });

  it.each([
    ['closed', quotedCase('closed'), 'closed'],
    ['resolved longer ago than the reopen window', quotedCase('resolved', { resolved_at: new Date(Date.now() - 20 * DAY_MS) }), 'reopen_window_passed'],
  ])('links the case the letter opened to a quoted case that is %s', async (_label, quoted, reason) => {
    const { thread, events, moves } = threading(quoted);
    await expect(thread()).resolves.toEqual({ kind: 'linked', caseId: 'letter-case' });
    expect(moves).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({ caseId: 'letter-case', type: 'linked_case', data: { caseId: 'quoted-case', reference: 'K-2026-000042', reason } }),
      expect.objectContaining({ caseId: 'quoted-case', type: 'follow_up_case' }),
    ]);
  });

  it.each([
    ['the reference names no case', undefined, true, letterCase(), 'unknown_reference'],
    ['staff already work on the case the letter opened', quotedCase('queued'), false, letterCase(), 'letter_case_in_hand'],
    ['the letter joined a case at registration', quotedCase('queued'), true, letterCase({ opened_by_this_letter: false }), 'letter_already_on_a_case'],
  ])('leaves the letter where it is when %s, and says why', async (_label, quoted, untouched, at, reason) => {
    const { thread, events, moves, statuses } = threading(quoted, untouched);
    await expect(thread(at)).resolves.toEqual({ kind: 'left', caseId: 'letter-case' });
    expect(moves).toEqual([]);
    expect(statuses).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ caseId: 'letter-case', type: 'letter_quotes_reference', data: expect.objectContaining({ moved: false, reason }) })]);
  });
});
