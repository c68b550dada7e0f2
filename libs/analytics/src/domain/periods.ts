/**
 * Report periods. Rollup days are calendar days in the municipality's time zone, kept as
 * `YYYY-MM-DD`; a week starts on Monday (ISO) and is named by that Monday, a month by `YYYY-MM`.
 */
export const GROUPINGS = ['day', 'week', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

const asUtc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

export function periodOf(day: string, grouping: Grouping): string {
  if (grouping === 'day') return day;
  if (grouping === 'month') return day.slice(0, 7);
  const date = asUtc(day);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return iso(date);
}

export function dayCount(from: string, to: string): number {
  return Math.round((asUtc(to).getTime() - asUtc(from).getTime()) / 86_400_000) + 1;
}

/** The calendar month before the one `day` is in, as its first and last day. */
export function previousMonth(day: string): { from: string; to: string; month: string } {
  const first = asUtc(`${day.slice(0, 7)}-01`);
  const last = new Date(first.getTime() - 86_400_000);
  return { from: `${iso(last).slice(0, 7)}-01`, to: iso(last), month: iso(last).slice(0, 7) };
}

/** Today's date in a time zone, as `YYYY-MM-DD`. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * The whole weeks (Monday to Sunday) or calendar months within `from`…`to`: from `first` up to (not
 * including) `next`, both the first day of a period; `first` >= `next` when there are none.
 */
export function wholePeriods(from: string, to: string, unit: 'week' | 'month'): { first: string; next: string } {
  const start = (day: string) => (unit === 'month' ? `${day.slice(0, 7)}-01` : periodOf(day, 'week'));
  const first = start(from) === from ? from : start(addDays(start(from), unit === 'week' ? 7 : 32));
  const after = addDays(to, 1);
  return { first, next: start(after) === after ? after : start(to) };
}

function addDays(day: string, days: number): string {
  return iso(new Date(asUtc(day).getTime() + days * 86_400_000));
}
