import { DomainError } from '@kontakt/core';

export const CASE_STATUSES = ['new', 'queued', 'offered', 'assigned', 'waiting_on_citizen', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a case still needs work; a contact can thread into these (resolved reopens). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'queued', 'offered', 'assigned', 'waiting_on_citizen'];

/**
 * The case life cycle. `closed` is final: later contacts open a new case. Reopening a resolved
 * case puts it back in the queue (or straight to its assignee when staff reopen it).
 */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['queued'],
  queued: ['offered', 'assigned', 'resolved', 'closed'],
  offered: ['assigned', 'queued'],
  assigned: ['waiting_on_citizen', 'resolved', 'queued'],
  waiting_on_citizen: ['assigned', 'queued', 'resolved'],
  resolved: ['closed', 'queued', 'assigned'],
  closed: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (canTransition(from, to)) return;
  const allowed = TRANSITIONS[from];
  const next = allowed.length > 0 ? `from ${from} it can go to ${allowed.join(', ')}` : `${from} is final`;
  throw new DomainError('conflict', `A case cannot move from ${from} to ${to}: ${next}`, {
    da: `En sag kan ikke gå fra ${from} til ${to}`,
    en: `A case cannot move from ${from} to ${to}`,
  });
}

/** What an inbound contact does to the case it threads into. */
export function statusAfterInbound(current: CaseStatus, hasAssignee: boolean): CaseStatus {
  if (current === 'waiting_on_citizen') return hasAssignee ? 'assigned' : 'queued';
  if (current === 'resolved') return 'queued';
  return current;
}

/**
 * Whether a contact that names a case by its reference (not by status link) opens a new case linked
 * to it instead of joining it: when the case is closed, or was resolved more than the reopen window ago.
 */
export function opensFollowUpCase(referenced: { status: CaseStatus; resolved_at: Date | null }, reopenWindowDays: number, now = Date.now()): boolean {
  if (referenced.status === 'closed') return true;
  const windowMs = reopenWindowDays * 24 * 60 * 60 * 1000;
  return referenced.status === 'resolved' && referenced.resolved_at !== null && now - referenced.resolved_at.getTime() > windowMs;
}
