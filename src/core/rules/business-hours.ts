import { DateTime, IANAZone } from 'luxon';
import { InvalidInputError, problemOf } from '../errors';
import { msg, type Message } from './messages';

/**
 * Business hours: a weekly calendar in a time zone, and holidays. The SLA clock only runs inside
 * them. Without a calendar it runs 24×7. Time zones and daylight-saving changes are luxon's
 * (the IANA database Node ships), never our own arithmetic: a day that is 23 or 25 hours long is
 * walked in the zone's local time.
 */
export interface OpeningHours {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** Minutes after local midnight; `to` may be 1440 (the end of the day). */
  from: number;
  to: number;
}

export interface BusinessCalendar {
  timeZone: string;
  hours: OpeningHours[];
  /** Local dates (YYYY-MM-DD) on which the clock does not run. */
  holidays: string[];
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Ten years of days: further than any target, so a walk always ends even on a sparse calendar. */
const MAX_DAYS_WALKED = 3660;

/**
 * Reads "Mon-Fri 08:00-16:00 Europe/Copenhagen" (several day ranges separated by commas:
 * "Mon-Thu 08:00-16:00, Fri 08:00-14:00 Europe/Copenhagen"). The zone comes last.
 */
export function parseBusinessHours(text: string, holidays: string[] = []): BusinessCalendar {
  const trimmed = text.trim();
  const zoneMatch = /\s([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC)$/.exec(trimmed);
  if (!zoneMatch) throw invalid(msg('refusals.hours.noZone'));
  const timeZone = zoneMatch[1];
  const hours: OpeningHours[] = [];
  for (const part of trimmed
    .slice(0, zoneMatch.index)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) throw invalid(msg('refusals.hours.notLike', { part }));
    const first = WEEKDAYS.indexOf(match[1].toLowerCase()) + 1;
    const last = match[2] ? WEEKDAYS.indexOf(match[2].toLowerCase()) + 1 : first;
    if (first === 0 || last === 0) throw invalid(msg('refusals.hours.days', { part }));
    const from = Number(match[3]) * 60 + Number(match[4]);
    const to = Number(match[5]) * 60 + Number(match[6]);
    for (let day = first; ; day = (day % 7) + 1) {
      hours.push({ weekday: day, from, to });
      if (day === last) break;
    }
  }
  return checkCalendar({ timeZone, hours, holidays });
}

/** Refuses a calendar the clock could not run on; returns it with hours sorted. */
export function checkCalendar(calendar: BusinessCalendar): BusinessCalendar {
  if (!IANAZone.isValidZone(calendar.timeZone))
    throw invalid(msg('refusals.hours.notAZone', { zone: calendar.timeZone }));
  if (calendar.hours.length === 0) throw invalid(msg('refusals.hours.noDays'));
  for (const h of calendar.hours) {
    if (
      !(h.weekday >= 1 && h.weekday <= 7) ||
      !(h.from >= 0 && h.from < h.to && h.to <= 1440) ||
      h.from % 1 !== 0 ||
      h.to % 1 !== 0
    ) {
      throw invalid(msg('refusals.hours.badRange', { hours: formatHours([h]) }));
    }
  }
  for (const day of calendar.hours.map((h) => h.weekday)) {
    const ranges = calendar.hours.filter((h) => h.weekday === day).sort((a, b) => a.from - b.from);
    for (let i = 1; i < ranges.length; i++) {
      if (ranges[i].from < ranges[i - 1].to)
        throw invalid(msg('refusals.hours.overlap', { day: WEEKDAY_NAMES[day - 1] }));
    }
  }
  for (const holiday of calendar.holidays) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday) || !DateTime.fromISO(holiday).isValid)
      throw invalid(msg('refusals.hours.notADate', { holiday }));
  }
  const hours = [...calendar.hours].sort((a, b) => a.weekday - b.weekday || a.from - b.from);
  return { timeZone: calendar.timeZone, hours, holidays: [...new Set(calendar.holidays)].sort() };
}

/**
 * "Mon 08:00-16:00, Tue 08:00-16:00 …" grouped back into ranges of days with equal hours; in
 * another language given its weekday names (Monday first) and its word for "and".
 */
export function formatHours(hours: OpeningHours[], weekdayNames = WEEKDAY_NAMES, and = 'and'): string {
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const byDay = new Map<number, string>();
  for (const h of hours)
    byDay.set(h.weekday, [byDay.get(h.weekday), `${clock(h.from)}-${clock(h.to)}`].filter(Boolean).join(` ${and} `));
  const parts: string[] = [];
  let day = 1;
  while (day <= 7) {
    const span = byDay.get(day);
    if (!span) {
      day++;
      continue;
    }
    let end = day;
    while (end < 7 && byDay.get(end + 1) === span) end++;
    parts.push(`${weekdayNames[day - 1]}${end > day ? `-${weekdayNames[end - 1]}` : ''} ${span}`);
    day = end + 1;
  }
  return parts.join(', ');
}

export function describeCalendar(calendar: BusinessCalendar | null): string {
  if (!calendar) return 'around the clock (24×7)';
  const holidays = calendar.holidays.length > 0 ? `; not on ${calendar.holidays.join(', ')}` : '';
  return `${formatHours(calendar.hours)} (${calendar.timeZone})${holidays}`;
}

/**
 * The opening intervals of one local day, as instants; none on a holiday. Opening times are
 * wall-clock times, so each is set on the local day (luxon resolves it in the zone: on a
 * daylight-saving night 08:00 stays 08:00, and a time inside a spring-forward gap moves forward
 * as clocks do); never local midnight plus minutes, which would be off by the hour the clocks moved.
 */
function openIntervals(day: DateTime, calendar: BusinessCalendar): Array<[number, number]> {
  if (calendar.holidays.includes(day.toISODate()!)) return [];
  const at = (minutes: number) =>
    (minutes >= 1440
      ? day.plus({ days: 1 }).startOf('day')
      : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
    ).toMillis();
  return calendar.hours.filter((h) => h.weekday === day.weekday).map((h): [number, number] => [at(h.from), at(h.to)]);
}

/** Local midnights from the day of `start` on, in the calendar's zone. */
function* days(start: Date, calendar: BusinessCalendar): Generator<DateTime> {
  let day = DateTime.fromJSDate(start, { zone: calendar.timeZone }).startOf('day');
  for (let i = 0; i < MAX_DAYS_WALKED; i++) {
    yield day;
    day = day.plus({ days: 1 }).startOf('day');
  }
}

/** The instant when `seconds` of business time have passed after `start`. */
export function addBusinessSeconds(start: Date, seconds: number, calendar: BusinessCalendar | null): Date {
  if (seconds <= 0) return start;
  if (!calendar) return new Date(start.getTime() + seconds * 1000);
  let remaining = seconds * 1000;
  const from = start.getTime();
  for (const day of days(start, calendar)) {
    for (const [open, close] of openIntervals(day, calendar)) {
      const begin = Math.max(open, from);
      if (begin >= close) continue;
      if (remaining <= close - begin) return new Date(begin + remaining);
      remaining -= close - begin;
    }
  }
  throw new Error('business calendar has no opening hours within ten years');
}

/** Business seconds between two instants (0 when `end` is not after `start`). */
export function businessSecondsBetween(start: Date, end: Date, calendar: BusinessCalendar | null): number {
  const from = start.getTime();
  const to = end.getTime();
  if (to <= from) return 0;
  if (!calendar) return (to - from) / 1000;
  let total = 0;
  for (const day of days(start, calendar)) {
    if (day.toMillis() >= to) break;
    for (const [open, close] of openIntervals(day, calendar)) {
      total += Math.max(0, Math.min(close, to) - Math.max(open, from));
    }
  }
  return total / 1000;
}

function invalid(message: Message): InvalidInputError {
  return new InvalidInputError([{ field: 'hours', ...problemOf(message) }]);
}
