import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kontakt/config';
import type { Sql } from '@kontakt/core';
import { CaseChange, CaseEvent, CaseRoutingHooks, CaseRow, CasesRepository, opensFollowUpCase, statusAfterInbound } from '@kontakt/cases';
import { CitizensRepository } from '@kontakt/citizens';
import { PostScansRepository, ScanCase } from './post-scans.repository';

/** Where a letter read after intake ended up because of the case references it quotes. */
export type ReferenceOutcome =
  /** the letter joined the referenced case; the case it had opened is closed (`placeholder` for the router) */
  | { kind: 'moved'; caseId: string; placeholder: CaseChange }
  /** the letter's own case stays, linked as a follow-up of a closed case or one resolved too long ago */
  | { kind: 'linked'; caseId: string }
  /** the letter stays where it is; `letter_quotes_reference` on its case says why */
  | { kind: 'left'; caseId: string };

/** Why a quoted reference did not move the letter, as the `letter_quotes_reference` event records it. */
type NotMovedReason = 'unknown_reference' | 'letter_already_on_a_case' | 'letter_case_in_hand';

/**
 * Threads a letter by the case references its text quotes once it is read (OCR, or typed by a person),
 * as intake threads a letter whose PDF has its own text at registration. The referenced case is the
 * first quoted one that is not closed (else the first quoted at all), and intake's rules apply to it:
 * - closed, or resolved longer than REOPEN_WINDOW_DAYS ago: the case the letter opened stays, linked to it;
 * - otherwise, when the case the letter opened is still untouched (PostScansRepository.untouchedByStaff),
 *   the letter moves into the referenced case, which takes it as an inbound contact (a resolved or
 *   waiting case goes back to work as statusAfterInbound says), and the letter's case is closed with
 *   a `letter_moved` event naming where the letter went; a live offer on it is withdrawn;
 * - when staff already work on the letter's case, nothing moves: an agent decides.
 * The referenced case keeps its citizen (and status link). A sender first seen on this letter (a
 * citizen created for it, with no other contact or case) is taken to be that citizen, who quoted their
 * own reference: the letter, its closed case and the name and address it showed go to them
 * (`letter_sender_joined_citizen`). A sender known otherwise keeps the letter as their contact, with
 * their own record, and the case is flagged `letter_from_other_citizen`: someone quoting another's
 * reference is for an agent to check.
 * Runs inside the reading's transaction with the letter's case locked; the referenced case is locked here.
 */
@Injectable()
export class LetterReferenceThreading {
  constructor(
    private readonly scans: PostScansRepository,
    private readonly cases: CasesRepository,
    private readonly citizens: CitizensRepository,
    private readonly routing: CaseRoutingHooks,
    private readonly config: AppConfig,
  ) {}

  async thread(tx: Sql, at: ScanCase, contactId: string, references: string[], events: CaseEvent[]): Promise<ReferenceOutcome> {
    const referenced = (await this.cases.lockOpenByReferences(tx, references)) ?? (await this.cases.firstByReferences(tx, references));
    if (!referenced) return this.leave(at, contactId, references, 'unknown_reference', events);
    if (!at.opened_by_this_letter) return this.leave(at, contactId, references, 'letter_already_on_a_case', events, referenced);
    if (opensFollowUpCase(referenced, this.config.reopenWindowDays)) {
      events.push(
        { caseId: at.case_id, type: 'linked_case', actorKind: 'system', data: { caseId: referenced.id, reference: referenced.reference, reason: referenced.status === 'closed' ? 'closed' : 'reopen_window_passed' } },
        { caseId: referenced.id, type: 'follow_up_case', actorKind: 'system', data: { caseId: at.case_id, reference: at.reference } },
      );
      return { kind: 'linked', caseId: at.case_id };
    }
    if (!(await this.scans.untouchedByStaff(tx, at.case_id, contactId))) return this.leave(at, contactId, references, 'letter_case_in_hand', events, referenced);
    return this.move(tx, at, contactId, referenced, events);
  }

  private async move(tx: Sql, at: ScanCase, contactId: string, referenced: CaseRow, events: CaseEvent[]): Promise<ReferenceOutcome> {
    const withdrawn = at.status === 'offered' ? await this.routing.withdrawLiveOffer(tx, at.case_id, `letter moved to ${referenced.reference}`) : undefined;
    await this.scans.moveLetter(tx, contactId, referenced.id);
    await this.cases.setStatus(tx, at.case_id, 'closed');
    events.push(
      { caseId: at.case_id, type: 'letter_moved', actorKind: 'system', data: { contactId, caseId: referenced.id, reference: referenced.reference } },
      { caseId: at.case_id, type: 'status_changed', fromStatus: at.status, toStatus: 'closed', actorKind: 'system', data: { reason: 'letter_moved' } },
    );
    const next = statusAfterInbound(referenced.status, referenced.assignee_id !== null);
    if (next !== referenced.status) {
      await this.cases.setStatus(tx, referenced.id, next);
      events.push({ caseId: referenced.id, type: referenced.status === 'resolved' ? 'reopened' : 'status_changed', fromStatus: referenced.status, toStatus: next, actorKind: 'citizen' });
    }
    events.push({ caseId: referenced.id, type: 'contact_received', actorKind: 'citizen', data: { contactId, channel: 'post', movedFrom: { caseId: at.case_id, reference: at.reference } } });
    if (at.citizen_id !== referenced.citizen_id) await this.settleSender(tx, at, contactId, referenced, events);
    await this.cases.touch(tx, referenced.id);
    return { kind: 'moved', caseId: referenced.id, placeholder: { caseId: at.case_id, status: 'closed', assigneeId: null, previousAssigneeId: null, withdrawn } };
  }

  private async settleSender(tx: Sql, at: ScanCase, contactId: string, referenced: CaseRow, events: CaseEvent[]): Promise<void> {
    if (!at.sender_first_seen) {
      events.push({ caseId: referenced.id, type: 'letter_from_other_citizen', actorKind: 'system', data: { contactId, citizenId: at.citizen_id, caseCitizenId: referenced.citizen_id } });
      return;
    }
    await this.scans.giveLetterToCitizen(tx, contactId, at.case_id, referenced.citizen_id);
    await this.citizens.mergeInto(tx, at.citizen_id, referenced.citizen_id);
    events.push({ caseId: referenced.id, type: 'letter_sender_joined_citizen', actorKind: 'system', data: { contactId, mergedCitizenId: at.citizen_id, citizenId: referenced.citizen_id } });
  }

  private leave(at: ScanCase, contactId: string, references: string[], reason: NotMovedReason, events: CaseEvent[], referenced?: CaseRow): ReferenceOutcome {
    events.push({
      caseId: at.case_id, type: 'letter_quotes_reference', actorKind: 'system',
      data: { contactId, references, moved: false, reason, ...(referenced && { caseId: referenced.id, reference: referenced.reference }) },
    });
    return { kind: 'left', caseId: at.case_id };
  }
}
