import { DomainError } from '@kontakt/core';
import { assertTransition, canTransition, CASE_STATUSES, opensFollowUpCase, statusAfterInbound } from './case-status';

describe('case status machine', () => {
  it('walks the happy path new → queued → offered → assigned → waiting → resolved → closed', () => {
    const path = ['new', 'queued', 'offered', 'assigned', 'waiting_on_citizen', 'resolved', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('keeps closed final', () => {
    for (const to of CASE_STATUSES) expect(canTransition('closed', to)).toBe(false);
  });

  it('explains an illegal move as a conflict naming the allowed next steps', () => {
    expect(() => assertTransition('new', 'resolved')).toThrow(DomainError);
    expect(() => assertTransition('new', 'resolved')).toThrow('A case cannot move from new to resolved: from new it can go to queued');
    expect(() => assertTransition('closed', 'queued')).toThrow('closed is final');
  });

  it('puts a case waiting on the citizen back with its assignee when the citizen answers', () => {
    expect(statusAfterInbound('waiting_on_citizen', true)).toBe('assigned');
    expect(statusAfterInbound('waiting_on_citizen', false)).toBe('queued');
  });

  it('reopens a resolved case into the queue and leaves working cases alone', () => {
    expect(statusAfterInbound('resolved', true)).toBe('queued');
    expect(statusAfterInbound('assigned', true)).toBe('assigned');
    expect(statusAfterInbound('queued', false)).toBe('queued');
  });

  it('every status the inbound rule produces is a legal move', () => {
    for (const from of CASE_STATUSES.filter((s) => s !== 'closed')) {
      for (const assignee of [true, false]) {
        const to = statusAfterInbound(from, assignee);
        if (to !== from) expect(canTransition(from, to)).toBe(true);
      }
    }
  });

  it('opens a linked follow-up case for a reference to a closed case or one resolved longer ago than the reopen window', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    const resolvedDaysAgo = (days: number) => new Date(now - days * 24 * 60 * 60 * 1000);
    expect(opensFollowUpCase({ status: 'closed', resolved_at: null }, 14, now)).toBe(true);
    expect(opensFollowUpCase({ status: 'resolved', resolved_at: resolvedDaysAgo(15) }, 14, now)).toBe(true);
    expect(opensFollowUpCase({ status: 'resolved', resolved_at: resolvedDaysAgo(13) }, 14, now)).toBe(false);
    expect(opensFollowUpCase({ status: 'waiting_on_citizen', resolved_at: null }, 14, now)).toBe(false);
  });
});
