import type { WeeklyHours } from '@kontakt/routing';
import { callbackDueAt } from './callback-due';

const TZ = 'Europe/Copenhagen';
const weekdays: WeeklyHours = { 1: [['08:00', '16:00']], 2: [['08:00', '16:00']], 3: [['08:00', '16:00']], 4: [['08:00', '16:00']], 5: [['08:00', '14:00']] };

describe('callbackDueAt', () => {
  it('is due by closing time the same day when the caller rings during opening hours', () => {
    // Tuesday 3 March 2026 10:00 local → 16:00 local (15:00 UTC)
    expect(callbackDueAt(new Date('2026-03-03T09:00:00Z'), weekdays, TZ)).toEqual(new Date('2026-03-03T15:00:00Z'));
  });

  it('moves to the next day when less than half an hour is left', () => {
    expect(callbackDueAt(new Date('2026-03-03T14:45:00Z'), weekdays, TZ)).toEqual(new Date('2026-03-04T15:00:00Z'));
  });

  it('crosses the weekend: a Friday-evening caller is called back by Monday closing time', () => {
    expect(callbackDueAt(new Date('2026-03-06T18:00:00Z'), weekdays, TZ)).toEqual(new Date('2026-03-09T15:00:00Z'));
  });

  it('skips a holiday: after Friday 22 May 2026, Whit Monday is closed, so Tuesday closing time', () => {
    expect(callbackDueAt(new Date('2026-05-22T13:00:00Z'), weekdays, TZ)).toEqual(new Date('2026-05-26T14:00:00Z'));
  });

  it('promises two hours in a queue open around the clock', () => {
    expect(callbackDueAt(new Date('2026-03-07T22:00:00Z'), null, TZ)).toEqual(new Date('2026-03-08T00:00:00Z'));
  });
});
