import { addBusinessMinutes, danishClosingDays, isOpen, openingPeriodFrom } from './business-hours';
import type { WeeklyHours } from './queue-settings';

const TZ = 'Europe/Copenhagen';
const weekdays: WeeklyHours = { 1: [['08:00', '16:00']], 2: [['08:00', '16:00']], 3: [['08:00', '16:00']], 4: [['08:00', '16:00']], 5: [['08:00', '14:00']] };

describe('business hours', () => {
  it('counts every minute when a queue has no hours', () => {
    expect(addBusinessMinutes(new Date('2026-03-02T10:00:00Z'), 90, null, TZ)).toEqual(new Date('2026-03-02T11:30:00Z'));
  });

  it('counts only minutes inside the opening hours in Copenhagen time (CET, UTC+1)', () => {
    // Monday 15:30 local: 30 minutes left today, 30 more from Tuesday 08:00 local (07:00 UTC)
    expect(addBusinessMinutes(new Date('2026-03-02T14:30:00Z'), 60, weekdays, TZ)).toEqual(new Date('2026-03-03T07:30:00Z'));
  });

  it('skips the weekend: a Friday afternoon case is due on Monday', () => {
    expect(addBusinessMinutes(new Date('2026-03-06T12:00:00Z'), 120, weekdays, TZ)).toEqual(new Date('2026-03-09T08:00:00Z'));
  });

  it('starts counting at opening time for a case that arrives at night', () => {
    expect(addBusinessMinutes(new Date('2026-03-03T02:00:00Z'), 10, weekdays, TZ)).toEqual(new Date('2026-03-03T07:10:00Z'));
  });

  it('follows summer time (CEST, UTC+2)', () => {
    expect(addBusinessMinutes(new Date('2026-06-01T05:00:00Z'), 60, weekdays, TZ)).toEqual(new Date('2026-06-01T07:00:00Z'));
  });

  it('tells whether an instant is inside the hours', () => {
    expect(isOpen(new Date('2026-03-02T08:00:00Z'), weekdays, TZ)).toBe(true);
    expect(isOpen(new Date('2026-03-07T10:00:00Z'), weekdays, TZ)).toBe(false);
    expect(isOpen(new Date('2026-03-07T10:00:00Z'), null, TZ)).toBe(true);
  });
});

describe('Danish closing days', () => {
  it('computes the Easter-based holidays (Easter Sunday 2026 is 5 April)', () => {
    const days = danishClosingDays(2026);
    expect(days.get('2026-04-02')).toBe('Skærtorsdag');
    expect(days.get('2026-04-03')).toBe('Langfredag');
    expect(days.get('2026-04-06')).toBe('2. påskedag');
    expect(days.get('2026-05-14')).toBe('Kristi himmelfartsdag');
    expect(days.get('2026-05-25')).toBe('2. pinsedag');
    expect(days.get('2026-06-05')).toBe('Grundlovsdag');
    expect(days.get('2026-12-24')).toBe('Juleaftensdag');
    expect(days.get('2026-01-01')).toBe('Nytårsdag');
  });

  it('keeps Store Bededag before 2024 and drops it from 2024', () => {
    expect(danishClosingDays(2023).get('2023-05-05')).toBe('Store bededag');
    expect([...danishClosingDays(2024).values()]).not.toContain('Store bededag');
  });

  it('finds Easter in other years (2025: 20 April, 2027: 28 March)', () => {
    expect(danishClosingDays(2025).get('2025-04-20')).toBe('Påskedag');
    expect(danishClosingDays(2027).get('2027-03-28')).toBe('Påskedag');
  });

  it('is closed on a holiday that falls on an opening weekday', () => {
    // Monday 6 April 2026, 2. påskedag, 10:00 local
    expect(isOpen(new Date('2026-04-06T08:00:00Z'), weekdays, TZ)).toBe(false);
    expect(isOpen(new Date('2026-04-07T08:00:00Z'), weekdays, TZ)).toBe(true);
  });

  it('counts no minutes on Easter: a Wednesday-afternoon case before Easter is due on the Tuesday after', () => {
    // Wednesday 1 April 2026 15:00 local (13:00 UTC); Thursday to Monday are closed; Tuesday opens 08:00 local (06:00 UTC)
    expect(addBusinessMinutes(new Date('2026-04-01T13:00:00Z'), 120, weekdays, TZ)).toEqual(new Date('2026-04-07T07:00:00Z'));
  });

  it('gives the opening period an instant falls in, or the next one after a weekend and a holiday', () => {
    expect(openingPeriodFrom(new Date('2026-03-02T09:00:00Z'), weekdays, TZ)).toEqual({ opensAt: new Date('2026-03-02T07:00:00Z'), closesAt: new Date('2026-03-02T15:00:00Z') });
    // Friday 22 May 2026 after closing: Saturday, Sunday and 2. pinsedag (Monday 25 May) are closed
    expect(openingPeriodFrom(new Date('2026-05-22T14:00:00Z'), weekdays, TZ)).toEqual({ opensAt: new Date('2026-05-26T06:00:00Z'), closesAt: new Date('2026-05-26T14:00:00Z') });
    expect(openingPeriodFrom(new Date('2026-05-22T14:00:00Z'), null, TZ)).toBeUndefined();
  });
});
