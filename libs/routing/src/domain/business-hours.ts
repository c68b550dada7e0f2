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

/**
 * The moment `minutes` of opening time have passed after `start`, counting only the queue's weekly
 * hours in `timeZone`. Without hours (or with a week that has none) every minute counts.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: WeeklyHours | null, timeZone: string): Date {
  const hasHours = hours && Object.values(hours).some((ranges) => ranges && ranges.length > 0);
  if (!hasHours) return new Date(start.getTime() + minutes * MINUTE);
  let remaining = minutes * MINUTE;
  let date = localDateOf(start.getTime(), timeZone);
  for (let days = 0; days < 3700; days++) {
    const ranges = [...(hours[isoWeekday(date)] ?? [])].sort(([a], [b]) => a.localeCompare(b));
    for (const [from, to] of ranges) {
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

/** Whether `instant` falls inside the weekly hours; no hours means always open. */
export function isOpen(instant: Date, hours: WeeklyHours | null, timeZone: string): boolean {
  if (!hours) return true;
  const date = localDateOf(instant.getTime(), timeZone);
  return (hours[isoWeekday(date)] ?? []).some(([from, to]) => instantOf(date, from, timeZone) <= instant.getTime() && instant.getTime() < instantOf(date, to, timeZone));
}
