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

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic: years are counted from March so
 * that the leap day falls at the end of a counting year, and 400-year eras repeat exactly. No `Date` objects,
 * so no time zone and no allocation; the events stage asks for this for every dated sentence.
 */
function dayNumber(date: CalendarDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const monthFromMarch = date.month > 2 ? date.month - 3 : date.month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (the inverse of `dayNumber`). */
function fromDayNumber(days: number): CalendarDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when year/month/day name a real calendar day (no 30 February). */
export function isRealDate(date: CalendarDate): boolean {
  if (!Number.isInteger(date.year) || !Number.isInteger(date.month) || !Number.isInteger(date.day)) return false;
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  const length = date.month === 2 && isLeapYear(date.year) ? 29 : (DAYS_IN_MONTH[date.month - 1] as number);
  return date.day <= length;
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
  // The same publication date is asked about for every sentence of an article: check it once.
  if (iso !== lastChecked) {
    if (parseIsoDate(iso) === null) throw new Error(`Not a valid YYYY-MM-DD date: ${JSON.stringify(iso)}`);
    lastChecked = iso;
  }
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

let lastChecked: string | undefined;

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as in `Date.getDay` and chrono's `weekday` component. */
export function weekdayOf(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
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
  return weekOf(date).latest[weekday] as string;
}

/** The days each weekday name points to from one date, looking back and looking ahead. */
interface WeekAround {
  latest: readonly string[];
  earliest: readonly string[];
}

/**
 * Weekday readings per publication date, remembered: every sentence of an article asks about the same date,
 * and date arithmetic through `Date` objects costs more than the rest of reading a plain weekday. Bounded.
 */
const weeksAround = new Map<string, WeekAround>();

function weekOf(date: string): WeekAround {
  let week = weeksAround.get(date);
  if (week) return week;
  const day = toCalendarDate(date);
  const today = weekdayOf(day);
  const latest: string[] = [];
  const earliest: string[] = [];
  for (let weekday = 0; weekday < 7; weekday += 1) {
    latest.push(formatIsoDate(addDays(day, -((today - weekday + 7) % 7))));
    earliest.push(formatIsoDate(addDays(day, (weekday - today + 7) % 7)));
  }
  week = { latest, earliest };
  if (weeksAround.size >= 4096) weeksAround.clear();
  weeksAround.set(date, week);
  return week;
}

/**
 * The earliest day that falls on `weekday` (0 = Sunday … 6 = Saturday) on or after `date` (YYYY-MM-DD);
 * `date` itself when it is that weekday. An announcement ("will visit Moscow on Monday") means the coming one.
 */
export function earliestWeekdayOnOrAfter(weekday: number, date: string): string {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) throw new Error(`Weekday must be 0..6, got ${weekday}`);
  return weekOf(date).earliest[weekday] as string;
}
