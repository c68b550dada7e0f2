import type { WeeklyHours } from './queue-settings';

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MINUTE = 60_000;

/** The UTC offset of `timeZone` at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time in `timeZone` (the later offset wins in the autumn's repeated hour). */
function instantOf(date: LocalDate, hhmm: string, timeZone: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const wall = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

function localDateOf(instant: number, timeZone: string): LocalDate {
  const shifted = new Date(instant + offsetAt(instant, timeZone));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function nextDay(date: LocalDate): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoWeekday(date: LocalDate): keyof WeeklyHours {
  return String(new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7) as keyof WeeklyHours;
}

/** Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm). */
function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

function plusDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Days after Easter Sunday on which Danish public offices close; Store Bededag (+26) was abolished from 2024. */
const EASTER_OFFSETS: Record<string, number> = {
  'Skærtorsdag': -3, 'Langfredag': -2, 'Påskedag': 0, '2. påskedag': 1, 'Kristi himmelfartsdag': 39, 'Pinsedag': 49, '2. pinsedag': 50,
};

/**
 * The days a Danish municipality's contact centre is closed in `year`, as "YYYY-MM-DD" → name: the
 * public holidays (Easter-based ones computed), plus Grundlovsdag (5 June), Christmas Eve and New
 * Year's Eve, on which municipal offices close by custom.
 */
export function danishClosingDays(year: number): Map<string, string> {
  const key = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const easter = easterSunday(year);
  const days = new Map<string, string>([[key({ year, month: 1, day: 1 }), 'Nytårsdag']]);
  for (const [name, offset] of Object.entries(EASTER_OFFSETS)) days.set(key(plusDays(easter, offset)), name);
  if (year < 2024) days.set(key(plusDays(easter, 26)), 'Store bededag');
  days.set(key({ year, month: 6, day: 5 }), 'Grundlovsdag');
  days.set(key({ year, month: 12, day: 24 }), 'Juleaftensdag');
  days.set(key({ year, month: 12, day: 25 }), '1. juledag');
  days.set(key({ year, month: 12, day: 26 }), '2. juledag');
  days.set(key({ year, month: 12, day: 31 }), 'Nytårsaftensdag');
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}

const closingDaysByYear = new Map<number, Map<string, string>>();

function isClosingDay(date: LocalDate): boolean {
  let days = closingDaysByYear.get(date.year);
  if (!days) closingDaysByYear.set(date.year, (days = danishClosingDays(date.year)));
  return days.has(`${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`);
}

/** A queue's opening ranges on one local date: none on a Danish closing day. */
function rangesOn(date: LocalDate, hours: WeeklyHours): [string, string][] {
  if (isClosingDay(date)) return [];
  return [...(hours[isoWeekday(date)] ?? [])].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The moment `minutes` of opening time have passed after `start`, counting only the queue's weekly
 * hours in `timeZone` and skipping Danish closing days. Without hours (or with a week that has none)
 * every minute counts.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: WeeklyHours | null, timeZone: string): Date {
  const hasHours = hours && Object.values(hours).some((ranges) => ranges && ranges.length > 0);
  if (!hasHours) return new Date(start.getTime() + minutes * MINUTE);
  let remaining = minutes * MINUTE;
  let date = localDateOf(start.getTime(), timeZone);
  for (let days = 0; days < 3700; days++) {
    for (const [from, to] of rangesOn(date, hours)) {
      const end = instantOf(date, to, timeZone);
      const begin = Math.max(instantOf(date, from, timeZone), start.getTime());
      if (end <= begin) continue;
      if (end - begin >= remaining) return new Date(begin + remaining);
      remaining -= end - begin;
    }
    date = nextDay(date);
  }
  return new Date(start.getTime() + minutes * MINUTE);
}

/** Whether `instant` falls inside the weekly hours on a day that is not a Danish closing day; no hours means always open. */
export function isOpen(instant: Date, hours: WeeklyHours | null, timeZone: string): boolean {
  if (!hours) return true;
  const date = localDateOf(instant.getTime(), timeZone);
  return rangesOn(date, hours).some(([from, to]) => instantOf(date, from, timeZone) <= instant.getTime() && instant.getTime() < instantOf(date, to, timeZone));
}

/**
 * The opening period that contains `instant`, or else the next one (closing days skipped), within a
 * year; undefined without hours (always open) or when none falls within the year.
 */
export function openingPeriodFrom(instant: Date, hours: WeeklyHours | null, timeZone: string): { opensAt: Date; closesAt: Date } | undefined {
  if (!hours) return undefined;
  let date = localDateOf(instant.getTime(), timeZone);
  for (let days = 0; days < 370; days++) {
    for (const [from, to] of rangesOn(date, hours)) {
      const closesAt = instantOf(date, to, timeZone);
      if (closesAt > instant.getTime()) return { opensAt: new Date(instantOf(date, from, timeZone)), closesAt: new Date(closesAt) };
    }
    date = nextDay(date);
  }
  return undefined;
}
