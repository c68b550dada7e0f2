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
 * The whole calendar months within `from`…`to`: from the first of `first` up to (not including) the
 * first of `next`; `first` >= `next` when there are none.
 */
export function wholeMonths(from: string, to: string): { first: string; next: string } {
  const first = from.endsWith('-01') ? from : nextMonth(from);
  const after = iso(new Date(asUtc(to).getTime() + 86_400_000));
  return { first, next: after.endsWith('-01') ? after : `${to.slice(0, 7)}-01` };
}

function nextMonth(day: string): string {
  const date = asUtc(`${day.slice(0, 7)}-01`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return iso(date);
}
