/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD). Everything works on UTC noon so that the result is the same
 * calendar date whatever the machine's time zone is and however daylight-saving time shifts the clock.
 */

/** A calendar date as numbers; month is 1..12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** UTC noon of a calendar date. `Date.UTC` maps years 0..99 to 19xx, so the year is set separately. */
function utcNoon(date: CalendarDate): Date {
  const value = new Date(Date.UTC(2000, 0, 1, 12));
  value.setUTCFullYear(date.year, date.month - 1, date.day);
  return value;
}

function fromUtc(value: Date): CalendarDate {
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

/** True when year/month/day name a real calendar day (no 30 February). */
export function isRealDate(date: CalendarDate): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return false;
  const back = fromUtc(utcNoon(date));
  return back.year === date.year && back.month === date.month && back.day === date.day;
}

/**
 * Validates a YYYY-MM-DD string that names a real calendar date and returns it unchanged, or null
 * ("2022-02-30", "2022-1-5", "hello" are all null).
 */
export function parseIsoDate(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? value : null;
}

/** Splits a date already known to be valid; throws on anything else, since that is a caller bug. */
export function toCalendarDate(iso: string): CalendarDate {
  if (parseIsoDate(iso) === null) throw new Error(`Not a valid YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(new Date(utcNoon(date).getTime() + days * MS_PER_DAY));
}

/** 0 = Sunday … 6 = Saturday, as in `Date.getDay` and chrono's `weekday` component. */
export function weekdayOf(date: CalendarDate): number {
  return utcNoon(date).getUTCDay();
}

/** Negative when a is earlier than b, zero when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The latest day that falls on `weekday` (0 = Sunday … 6 = Saturday) on or before `date` (YYYY-MM-DD);
 * `date` itself when it is that weekday. News reports "Wednesday" to mean the Wednesday just past.
 */
export function latestWeekdayOnOrBefore(weekday: number, date: string): string {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) throw new Error(`Weekday must be 0..6, got ${weekday}`);
  const day = toCalendarDate(date);
  const back = (weekdayOf(day) - weekday + 7) % 7;
  return formatIsoDate(addDays(day, -back));
}

/**
 * The earliest day that falls on `weekday` (0 = Sunday … 6 = Saturday) on or after `date` (YYYY-MM-DD);
 * `date` itself when it is that weekday. An announcement ("will visit Moscow on Monday") means the coming one.
 */
export function earliestWeekdayOnOrAfter(weekday: number, date: string): string {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) throw new Error(`Weekday must be 0..6, got ${weekday}`);
  const day = toCalendarDate(date);
  const ahead = (weekday - weekdayOf(day) + 7) % 7;
  return formatIsoDate(addDays(day, ahead));
}
