import { isOpen, openingPeriodFrom, WeeklyHours } from '@kontakt/routing';

/** A call-back needs at least this much of an opening period left to be promised within it. */
const MIN_MINUTES_LEFT = 30;
/** A queue open around the clock promises a call-back within this many hours. */
const ALWAYS_OPEN_HOURS = 2;

export { isOpen, openingPeriodFrom };

/**
 * When a requested call-back is due: by the close of the opening period the caller is in (or the next
 * one, closing days skipped), unless less than half an hour of it is left, then by the close of the one after.
 */
export function callbackDueAt(now: Date, hours: WeeklyHours | null, timeZone: string): Date {
  const period = openingPeriodFrom(now, hours, timeZone);
  if (!period) return new Date(now.getTime() + ALWAYS_OPEN_HOURS * 3_600_000);
  const left = period.closesAt.getTime() - Math.max(now.getTime(), period.opensAt.getTime());
  if (left >= MIN_MINUTES_LEFT * 60_000) return period.closesAt;
  return openingPeriodFrom(period.closesAt, hours, timeZone)?.closesAt ?? period.closesAt;
}
