/**
 * The API labels periods "2024", "2024-03", "2024-W09" (ISO week) and "2024-03-05". These helpers turn a
 * label into its first and last day (to ask for its events) and fill the gaps between labels (so the time
 * axis is even: a month without events is an empty bar, not a missing one).
 */
import type { Period } from "./api.js";

const DAY_MS = 86_400_000;

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function utc(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** Monday of ISO week 1: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const january4 = utc(year, 1, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7; // Monday = 0
  return january4 - weekday * DAY_MS;
}

function isoWeekLabel(time: number): string {
  const date = new Date(time);
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = time + (3 - weekday) * DAY_MS; // the week belongs to the year of its Thursday
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - isoWeekOneMonday(year)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export interface DateRange {
  from: string;
  to: string;
}

/** The first and last day of a period label, or null when the label has none of the API's shapes. */
export function periodRange(label: string): DateRange | null {
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (match) return { from: label, to: label };
  match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (match) {
    const monday = isoWeekOneMonday(Number(match[1])) + (Number(match[2]) - 1) * 7 * DAY_MS;
    return { from: isoDate(monday), to: isoDate(monday + 6 * DAY_MS) };
  }
  match = /^(\d{4})-(\d{2})$/.exec(label);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return { from: isoDate(utc(year, month, 1)), to: isoDate(utc(year, month + 1, 1) - DAY_MS) };
  }
  match = /^(\d{4})$/.exec(label);
  if (match) return { from: `${label}-01-01`, to: `${label}-12-31` };
  return null;
}

function nextLabel(label: string, by: Period): string | null {
  const range = periodRange(label);
  if (!range) return null;
  const dayAfter = Date.parse(`${range.to}T00:00:00Z`) + DAY_MS;
  switch (by) {
    case "day":
      return isoDate(dayAfter);
    case "week":
      return isoWeekLabel(dayAfter);
    case "month":
      return isoDate(dayAfter).slice(0, 7);
    case "year":
      return isoDate(dayAfter).slice(0, 4);
  }
}

/** No axis longer than this is filled (ten years of days); longer ones keep only labelled periods. */
const MAX_FILLED = 3700;

/** Every period label from the first to the last of `labels` (sorted), gaps included. */
export function fillPeriods(labels: readonly string[], by: Period): string[] {
  const sorted = [...labels].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return [];
  const filled: string[] = [];
  for (let label: string | null = first; label !== null && label <= last; label = nextLabel(label, by)) {
    filled.push(label);
    if (filled.length > MAX_FILLED) return sorted;
  }
  return filled;
}
