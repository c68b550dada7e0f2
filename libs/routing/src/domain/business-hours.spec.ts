import { addBusinessMinutes, isOpen } from './business-hours';
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
