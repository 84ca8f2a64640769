/**
 * Time expressions in one news sentence, resolved against the publication date.
 *
 * chrono-node finds explicit and relative dates; this module then corrects what chrono gets wrong for news:
 *
 * - Weekdays lean to the past. "Wednesday", "on Monday", "Wednesday's talks" name the latest such day on or before
 *   the publication date (the publication day itself when it is that weekday); chrono picks the nearest one, which
 *   can be in the future. "next/this/coming Monday" keep chrono's forward reading; "last/past Monday" is the latest
 *   one strictly before the publication day.
 * - Dates without a year ("in March", "on Jan. 5") lean to the past too: the latest occurrence on or before the
 *   publication date, allowing up to FORWARD_GRACE_DAYS ahead of it, because a story dated 19 January that says
 *   "talks on Jan. 25" or "in February" means the coming ones, while "in March" most likely means last March
 *   (a future March is usually written "next March" or "in March 2022"). "last March" is the latest March before
 *   the publication month, "next March" the first one after it, "this March" the one in the publication year.
 * - Bare years that chrono skips ("In 2018, …", "since 2015") come from bareYears.ts, which leaves out years that
 *   name a thing ("the 2015 nuclear deal").
 * - Expressions with no date in them are dropped: times of day ("at 3 p.m."); durations ("for two days",
 *   "within a week", "over the past two years"); forward offsets with "in" ("in two weeks", "in a day"), which in
 *   news prose more often measure a stretch ("the second attack in two weeks") than point to a date; anaphoric
 *   offsets whose anchor is some other event ("two days later", "the day after the vote"); "now"; "this week" (there is no
 *   week precision); slash dates without a year ("9/11", "24/7"); lower-case month words ("a protest march");
 *   weekday abbreviations ("The Sun reported"); and named days ("Good Friday Agreement", "Super Tuesday",
 *   "Sunday Times").
 *
 * Spans leave out a leading "on" so "on Monday" and "on Jan. 5" both cover just the date.
 *
 * Two things this module cannot settle alone are left to the events stage, which knows the verb:
 *
 * - Announcements point forward ("Xi will visit Moscow on Monday"). A bare weekday and a month without a year or
 *   modifier therefore also carry a `forward` reading: the earliest such day or month on or after the
 *   publication date. The past-leaning `date` stays the default because most news reports what happened.
 * - "the next day", "the following day" and "a day later" are kept, unlike other anaphoric offsets, with
 *   `daysAfterPrevious` set: their date is one day after the article's previous date expression, which only the
 *   events stage (seeing the whole article) can find. Until then `date` is the publication date.
 */
import { createRequire } from "node:module";
import type { Component, ParsedResult } from "chrono-node";
import type { DatePrecision } from "../document/types.js";
import { findBareYears, YEAR_PRECHECK } from "./bareYears.js";
import {
  addDays,
  type CalendarDate,
  compareDates,
  earliestWeekdayOnOrAfter,
  formatIsoDate,
  isRealDate,
  latestWeekdayOnOrBefore,
  toCalendarDate,
} from "./calendar.js";

export { latestWeekdayOnOrBefore, parseIsoDate } from "./calendar.js";

export interface TimeExpression {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD; the first day of the month or year when precision is coarser than a day. */
  date: string;
  precision: DatePrecision;
  /** The reading for a clause about the future, when it differs from `date` (see the module comment). */
  forward?: ForwardReading;
  /** Set for "the next day" and the like: the date is this many days after the article's previous date. */
  daysAfterPrevious?: number;
}

export interface ForwardReading {
  date: string;
  precision: DatePrecision;
}

/** How far past the publication date a year-less date may fall before it is read as last year's. */
export const FORWARD_GRACE_DAYS = 30;

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
  "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const RELATIVE_WORDS = [
  "yesterday", "today", "tonight", "tomorrow", "ago", "day", "days", "week", "weeks", "weekend", "weekends",
  "month", "months", "year", "years", "fortnight", "morning", "afternoon", "evening", "night",
];

/** Any month or weekday word inside a chrono match, to check how it is written. */
const NAME_IN_MATCH = new RegExp(
  `\\b(?:${[...MONTH_NAMES, ...WEEKDAY_NAMES, "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"].join("|")})\\b`,
  "gi",
);
const FULL_WEEKDAY = new RegExp(`^(?:${WEEKDAY_NAMES.join("|")})$`, "i");

/** Named days that are not dates: "Good Friday Agreement", "Super Tuesday", "Bloody Sunday". */
const NAMED_DAY_PREFIX = /\b(?:Good|Black|Bloody|Super|Ash|Palm|Holy|Easter|Cyber|Giving|Fat|Maundy|Shrove)\s+$/;

/** A weekday followed by another capitalised word is a name ("Sunday Times"), unless that word is a month. */
const NAME_AFTER_WEEKDAY = new RegExp(`^ (?!(?:${MONTH_NAMES.join("|")})\\b)\\p{Lu}`, "u");
const LEADING_ON = /^on\s+/i;
const TRAILING_PUNCTUATION = /[\s,;:]+$/;
const ANAPHORIC = /\b(?:after|before|earlier|later)$|^(?:next|following|previous|same)\s+day$/i;
const DURATION = /^(?:for|within|over|in)\b|^(?:last|past|next)\s+(?:\S+\s+)?(?:days|weeks|months|years)$/i;
const DAY_PART_TODAY = /^this\s+(?:morning|afternoon|evening)$/i;
const FORWARD_WEEKDAY = /\b(?:next|this|coming|upcoming)\b/i;
const BACKWARD_WEEKDAY = /\b(?:last|past|previous)\b/i;
/** A modifier written just before a month that chrono leaves out of its match ("last March"). */
const MONTH_MODIFIER_BEFORE = /\b(last|next|this|past)\s+$/i;

/** What this module reads of a chrono result, with `index` counted in the whole sentence. */
interface ChronoMatch {
  index: number;
  text: string;
  start: ParsedResult["start"];
  tags: Set<string>;
}
type YearModifier = "last" | "next" | "this" | null;
type ChronoEnglish = typeof import("chrono-node/en");

let chronoEnglish: ChronoEnglish["casual"] | undefined;

/**
 * chrono's English parser, required on first use: only the English locale (the package root loads
 * every locale, ~100 ms), and not at all in a thread that never reads a date (the main thread of
 * `parley code --jobs N`, which only checks `--date`).
 */
function englishParser(): ChronoEnglish["casual"] {
  chronoEnglish ??= (createRequire(import.meta.url)("chrono-node/en") as ChronoEnglish).casual;
  return chronoEnglish;
}

/**
 * All time expressions in `text` (one sentence), sorted by start and non-overlapping, resolved against
 * `publicationDate` (YYYY-MM-DD, must be a real date).
 */
export function findTimeExpressions(text: string, publicationDate: string): readonly TimeExpression[] {
  return readTimeExpressions(text, publicationDate, "windows");
}

/**
 * The same, with chrono reading the whole sentence instead of the windows around date words: slower, and kept
 * so that tests can check that the windows lose nothing.
 */
export function findTimeExpressionsReadingWholeSentence(text: string, publicationDate: string): readonly TimeExpression[] {
  return readTimeExpressions(text, publicationDate, "whole sentence");
}

function readTimeExpressions(text: string, publicationDate: string, chronoReads: "windows" | "whole sentence"): TimeExpression[] {
  const publication = toCalendarDate(publicationDate);
  const found: TimeExpression[] = [];
  // One scan finds every date word; what kinds were found decides which readings are tried.
  const words = scanDateWords(text);
  const plainWeekday = words.relative ? undefined : plainWeekdayAt(text, publicationDate, words);
  if (plainWeekday) {
    found.push(plainWeekday);
  } else {
    const windows = chronoReads === "windows" ? dateWindows(text, words.matches) : words.matches.length > 0 ? [{ start: 0, text }] : [];
    for (const window of windows) {
      for (const match of chronoMatches(window.text, publicationDate, publication)) {
        const expression = resolveChronoResult(text, { ...match, index: window.start + match.index }, publication);
        if (expression) found.push(expression);
      }
    }
  }
  if (words.day) found.push(...nextDayExpressions(text, publicationDate));
  if (YEAR_PRECHECK.test(text)) {
    for (const mention of findBareYears(text)) {
      found.push({
        start: mention.start,
        end: mention.end,
        text: text.slice(mention.start, mention.end),
        date: formatIsoDate({ year: mention.year, month: 1, day: 1 }),
        precision: "year",
      });
    }
  }
  return withoutOverlaps(found);
}

/** The date words of a sentence, by kind. */
interface DateWords {
  /** Where each date word is, and its length. */
  matches: Array<{ index: number; length: number }>;
  /** A relative-time word or a numeric date: the sentence is no plain weekday. */
  relative: boolean;
  /** The first weekday written as a name ("Monday"), where it is, and how many there are. */
  weekdayName: string;
  weekdayAt: number;
  weekdays: number;
  /** A month name, or a weekday in capitals: also no plain weekday. */
  otherNames: boolean;
  /** The word "day", which "the next day" needs. */
  day: boolean;
}

const WEEKDAY_NAME_SET: ReadonlySet<string> = new Set(WEEKDAY_NAMES);
const RELATIVE_WORD_SET: ReadonlySet<string> = new Set(RELATIVE_WORDS);

function scanDateWords(text: string): DateWords {
  const words: DateWords = { matches: [], relative: false, weekdayName: "", weekdayAt: -1, weekdays: 0, otherNames: false, day: false };
  DATE_WORD.lastIndex = 0;
  for (let match = DATE_WORD.exec(text); match; match = DATE_WORD.exec(text)) {
    const word = match[0];
    words.matches.push({ index: match.index, length: word.length });
    if (WEEKDAY_NAME_SET.has(word)) {
      if (words.weekdays === 0) {
        words.weekdayName = word;
        words.weekdayAt = match.index;
      }
      words.weekdays += 1;
      continue;
    }
    const lower = word.toLowerCase();
    if (RELATIVE_WORD_SET.has(lower) || /^\d/.test(word)) {
      words.relative = true;
      if (lower === "day") words.day = true;
    } else {
      words.otherNames = true;
    }
  }
  return words;
}

/**
 * The one-day anaphoric offsets that reliably point at the previous date written in the article. Longer or
 * vaguer offsets ("two days later", "days later", "the day after the vote") stay dropped: their anchor is
 * too often an event rather than a date.
 */
const NEXT_DAY = /\b(?:(?:the\s+)?(?:next|following)\s+day\b(?!\s+(?:of|after|before)\b)|(?:a|one)\s+day\s+later\b)/gi;

function nextDayExpressions(text: string, publicationDate: string): TimeExpression[] {
  return [...text.matchAll(NEXT_DAY)].map((match) => {
    const start = match.index ?? 0;
    return { start, end: start + match[0].length, text: match[0], date: publicationDate, precision: "day", daysAfterPrevious: 1 };
  });
}

const WEEKDAY_SHIFTERS = /\b(?:next|this|coming|upcoming|last|past|previous|following|every|each)\s+$/i;

/**
 * The commonest date in news, a bare weekday ("hosted his counterpart Wednesday", "on Monday",
 * "Wednesday's talks"), read without chrono: the latest such day on or before publication.
 * Anything less plain (a modifier, a second date word, a named day, a time of day after it)
 * returns undefined and goes to chrono; a test checks that both paths agree.
 */
export function plainWeekdayExpression(text: string, publicationDate: string): TimeExpression | undefined {
  const words = scanDateWords(text);
  return words.relative ? undefined : plainWeekdayAt(text, publicationDate, words);
}

function plainWeekdayAt(text: string, publicationDate: string, words: DateWords): TimeExpression | undefined {
  if (words.weekdays !== 1 || words.otherNames) return undefined;
  const start = words.weekdayAt;
  const name = words.weekdayName;
  const before = text.slice(0, start);
  const after = text.slice(start + name.length);
  if (WEEKDAY_SHIFTERS.test(before) || NAMED_DAY_PREFIX.test(before) || NAME_AFTER_WEEKDAY.test(after) || /^\s+(?:night|morning|afternoon|evening|at|\d)/i.test(after)) return undefined;
  const weekday = (WEEKDAY_NAMES.indexOf(name) + 1) % 7;
  const expression: TimeExpression = { start, end: start + name.length, text: name, date: latestWeekdayOnOrBefore(weekday, publicationDate), precision: "day" };
  const forward = earliestWeekdayOnOrAfter(weekday, publicationDate);
  if (forward !== expression.date) expression.forward = { date: forward, precision: "day" };
  return expression;
}

/** A stretch of the sentence around date words, the only part chrono needs to read. */
interface DateWindow {
  start: number;
  text: string;
}

/** Words that can start or carry a date; each opens a window for chrono. */
const DATE_WORD = new RegExp(
  `\\b(?:${[
    ...[...MONTH_NAMES, ...WEEKDAY_NAMES].flatMap((name) => [name, name.toUpperCase()]),
    ...RELATIVE_WORDS.flatMap((word) => [word, `${word[0]?.toUpperCase()}${word.slice(1)}`, word.toUpperCase()]),
  ].join("|")})\\b|\\d[/-]\\d`,
  "g",
);
/**
 * Words chrono may read as part of a date or time, besides month, weekday and relative words and numbers:
 * modifiers ("last", "early"), linking words ("on", "of", "the", "to"), number and ordinal words, times of day and
 * zones. A window grows over these and stops at the first other word.
 */
const DATE_CONTEXT_WORDS = new Set([
  "on", "in", "at", "of", "the", "a", "an", "this", "that", "last", "next", "past", "coming", "upcoming", "previous",
  "following", "earlier", "later", "early", "late", "mid", "ago", "before", "after", "since", "until", "till", "from",
  "to", "through", "between", "and", "or", "by", "around", "about", "during", "within", "for", "over", "end", "beginning",
  "start", "middle", "noon", "midday", "midnight", "hour", "hours", "minute", "minutes", "o'clock", "am", "pm", "a.m",
  "p.m", "a.m.", "p.m.", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "bst", "et", "pt",
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
  "few", "couple", "several", "half", "quarter", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
  "eighth", "ninth", "tenth", "eleventh", "twelfth", "twentieth", "thirtieth", "once", "every", "each", "same",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  ...MONTH_NAMES.map((name) => name.toLowerCase()),
  ...WEEKDAY_NAMES.map((name) => name.toLowerCase()),
  ...RELATIVE_WORDS,
]);
/** The most words a window grows on each side of a date word. */
const WINDOW_REACH = 6;
const WORD_EDGE_PUNCTUATION = /^[("'\u2018\u201c[]+|[)"'\u2019\u201d\],.;:!?]+$/g;

/** Whether a whitespace-separated word can belong to a date or time ("Monday,", "3rd", "10:30", "(EST)"). */
function isDateContext(word: string): boolean {
  const bare = word.replace(WORD_EDGE_PUNCTUATION, "").toLowerCase();
  if (bare === "") return true; // "-", "–", ","
  const first = bare.charCodeAt(0);
  if (first >= 48 && first <= 57) return true;
  return DATE_CONTEXT_WORDS.has(bare) || DATE_CONTEXT_WORDS.has(bare.replace(/\.$/, ""));
}

/**
 * The stretches of `text` chrono has to read: each date word grown over the date-like words around it ("at
 * 6:38 p.m. on Saturday, May 18", "earlier this month") and one word beyond, overlapping stretches joined. chrono runs ~30 regex
 * parsers over whatever it is given, so reading a few words instead of the whole sentence makes it several times
 * faster, and such stretches ("counterpart on Monday for") recur across the articles of a day, so their results can be
 * remembered. Every window starts and ends at a word boundary, which is all chrono's parsers look at outside their
 * match; a test checks that windows find what whole sentences do.
 */
function dateWindows(text: string, matches: DateWords["matches"]): DateWindow[] {
  const windows: DateWindow[] = [];
  let openStart = -1;
  let openEnd = -1;
  for (const match of matches) {
    const start = growBack(text, wordStart(text, match.index));
    const end = growForward(text, wordEnd(text, match.index + match.length));
    if (openStart >= 0 && start <= openEnd) {
      openEnd = Math.max(openEnd, end);
      continue;
    }
    if (openStart >= 0) windows.push({ start: openStart, text: text.slice(openStart, openEnd) });
    openStart = start;
    openEnd = end;
  }
  if (openStart >= 0) windows.push({ start: openStart, text: text.slice(openStart, openEnd) });
  return windows;
}

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 160;

function wordStart(text: string, at: number): number {
  while (at > 0 && !isSpace(text.charCodeAt(at - 1))) at -= 1;
  return at;
}

function wordEnd(text: string, at: number): number {
  while (at < text.length && !isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

/**
 * Moves a window's start back over the date-like words before it, and one word more: chrono looks at the word
 * next to a month name ("Fort Worth May Dry …" is no month), so the word that ends the date stays in view.
 */
function growBack(text: string, start: number): number {
  for (let words = 0; words <= WINDOW_REACH; words += 1) {
    let end = start;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end === 0) return 0;
    start = wordStart(text, end);
    if (!isDateContext(text.slice(start, end))) return start;
  }
  return start;
}

/** Moves a window's end forward over the date-like words after it, and one word more (see growBack). */
function growForward(text: string, end: number): number {
  for (let words = 0; words <= WINDOW_REACH; words += 1) {
    let start = end;
    while (start < text.length && isSpace(text.charCodeAt(start))) start += 1;
    if (start === text.length) return text.length;
    end = wordEnd(text, start);
    if (!isDateContext(text.slice(start, end))) return end;
  }
  return end;
}

const CHRONO_MEMO_SIZE = 8192;
const recentWindows = new Map<string, readonly ChronoMatch[]>();

/** chrono's results for one window (indices within it), remembered per window and publication date. */
function chronoMatches(window: string, publicationDate: string, publication: CalendarDate): readonly ChronoMatch[] {
  const key = `${publicationDate}\n${window}`;
  const known = recentWindows.get(key);
  if (known) return known;
  const matches = englishParser()
    .parse(window, chronoReference(publication), { forwardDate: false })
    .map((result): ChronoMatch => ({ index: result.index, text: result.text, start: result.start, tags: result.tags() }));
  if (recentWindows.size >= CHRONO_MEMO_SIZE) recentWindows.clear();
  recentWindows.set(key, matches);
  return matches;
}

/**
 * chrono's parsers mix local-time getters on the raw reference instant (e.g. "yesterday") with timezone-adjusted
 * copies of it, so the one reference that reads as the publication day on every path, in every time zone, is
 * local noon of that day. Only chrono's year/month/day components are read back, never an instant.
 */
function chronoReference(date: CalendarDate): Date {
  const reference = new Date(2000, 0, 1, 12);
  reference.setFullYear(date.year, date.month - 1, date.day);
  return reference;
}

/** Earlier expressions win; among those starting together, the longer one. */
function withoutOverlaps(expressions: TimeExpression[]): TimeExpression[] {
  const sorted = [...expressions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TimeExpression[] = [];
  for (const expression of sorted) {
    const last = kept[kept.length - 1];
    if (last && expression.start < last.end) continue;
    kept.push(expression);
  }
  return kept;
}

function resolveChronoResult(text: string, result: ChronoMatch, publication: CalendarDate): TimeExpression | null {
  let start = result.index;
  let matched = result.text;
  const leadingOn = LEADING_ON.exec(matched);
  if (leadingOn) {
    start += leadingOn[0].length;
    matched = matched.slice(leadingOn[0].length);
  }
  matched = matched.replace(TRAILING_PUNCTUATION, ""); // chrono keeps the comma of "On Monday, Iran …"
  if (!isDateLike(text, start, matched, result)) return null;

  const components = result.start;
  const certain = (component: Component): boolean => components.isCertain(component);
  const value = (component: Component, fallback: number): number => components.get(component) ?? fallback;

  const span = (from: number, date: CalendarDate, precision: DatePrecision, forward?: CalendarDate): TimeExpression => {
    const end = start + matched.length;
    const expression: TimeExpression = { start: from, end, text: text.slice(from, end), date: formatIsoDate(date), precision };
    if (forward && compareDates(forward, date) !== 0) expression.forward = { date: formatIsoDate(forward), precision };
    return expression;
  };

  if (certain("weekday") && !certain("day") && !certain("month")) {
    const weekday = value("weekday", 0);
    const weekdayDate = resolveWeekday(text, start, matched, weekday, publication, {
      year: value("year", publication.year),
      month: value("month", publication.month),
      day: value("day", publication.day),
    });
    const unmodified = !FORWARD_WEEKDAY.test(weekdayContext(text, start, matched)) && !BACKWARD_WEEKDAY.test(weekdayContext(text, start, matched));
    const forward = unmodified ? toCalendarDate(earliestWeekdayOnOrAfter(weekday, formatIsoDate(publication))) : undefined;
    return span(start, weekdayDate, "day", forward);
  }

  if (certain("month") && !certain("year")) {
    const modifierMatch = MONTH_MODIFIER_BEFORE.exec(text.slice(0, start));
    const modifier = modifierMatch ? (normaliseModifier(modifierMatch[1] ?? "")) : null;
    const from = modifierMatch ? modifierMatch.index : start;
    const day = certain("day") ? value("day", 1) : null;
    const resolved = resolveYearless(value("month", 1), day, publication, modifier);
    if (!resolved) return null;
    // Only a bare month gets a forward reading: a future "on March 10" written after 10 March is rare
    // enough that the grace window of the past-leaning reading already covers the real cases.
    const forward = day === null && modifier === null ? nextMonthOnOrAfter(value("month", 1), publication) : undefined;
    return span(from, resolved, day === null ? "month" : "day", forward);
  }

  const year = value("year", publication.year);
  if (certain("day") && certain("month")) return span(start, { year, month: value("month", 1), day: value("day", 1) }, "day");
  if (certain("month")) return span(start, { year, month: value("month", 1), day: 1 }, "month");
  if (certain("year")) return span(start, { year, month: 1, day: 1 }, "year");
  // "this morning": chrono knows only a part of the day, which is a part of the publication day.
  if (DAY_PART_TODAY.test(matched)) return span(start, publication, "day");
  return null;
}

/** Filters out chrono matches that are not dates in news prose (see the module comment). */
function isDateLike(text: string, start: number, matched: string, result: ChronoMatch): boolean {
  const tags = result.tags;
  if (tags.has("casualReference/now")) return false;
  if (tags.has("parser/SlashDateFormatParser") && !result.start.isCertain("year")) return false;
  // "two days later", "the next day": the anchor is some earlier event, not the publication date.
  if (ANAPHORIC.test(matched) || DURATION.test(matched)) return false;
  for (const name of matched.matchAll(NAME_IN_MATCH)) {
    const word = name[0];
    if (word[0] === word[0]?.toLowerCase()) return false; // "a protest march"
    const isWeekday = /^(?:mon|tue|wed|thu|fri|sat|sun)/i.test(word);
    if (isWeekday && !FULL_WEEKDAY.test(word)) return false; // "The Sun reported"
    if (!isWeekday) continue;
    const at = start + (name.index ?? 0);
    if (NAMED_DAY_PREFIX.test(text.slice(0, at))) return false;
    if (NAME_AFTER_WEEKDAY.test(text.slice(at + word.length))) return false;
  }
  return true;
}

function normaliseModifier(word: string): YearModifier {
  const lower = word.toLowerCase();
  if (lower === "last" || lower === "past") return "last";
  if (lower === "next") return "next";
  if (lower === "this") return "this";
  return null;
}

function resolveWeekday(
  text: string,
  start: number,
  matched: string,
  weekday: number,
  publication: CalendarDate,
  chronoDate: CalendarDate,
): CalendarDate {
  const context = weekdayContext(text, start, matched);
  if (FORWARD_WEEKDAY.test(context)) return chronoDate;
  const latest = BACKWARD_WEEKDAY.test(context) ? addDays(publication, -1) : publication;
  return toCalendarDate(latestWeekdayOnOrBefore(weekday, formatIsoDate(latest)));
}

/** The weekday's match with the few words before it, where "next" or "last" would be written. */
function weekdayContext(text: string, start: number, matched: string): string {
  return `${text.slice(Math.max(0, start - 16), start)}${matched}`;
}

/** The first day of the earliest `month` on or after the publication month: "will meet in April". */
function nextMonthOnOrAfter(month: number, publication: CalendarDate): CalendarDate {
  return { year: month >= publication.month ? publication.year : publication.year + 1, month, day: 1 };
}

/**
 * The year for a month (and maybe day) written without one. See the module comment for the rule; `day` null means
 * month precision, compared by the first of the month.
 */
function resolveYearless(
  month: number,
  day: number | null,
  publication: CalendarDate,
  modifier: YearModifier,
): CalendarDate | null {
  const candidate = (year: number): CalendarDate | null => {
    const date = { year, month, day: day ?? 1 };
    return isRealDate(date) ? date : null;
  };
  // Compare months by their first day against the first of the publication month.
  const anchor = day === null ? { ...publication, day: 1 } : publication;

  if (modifier === "this") return candidate(publication.year);
  if (modifier === "next") {
    // 29 February may be up to eight years away.
    for (let year = publication.year; year <= publication.year + 8; year++) {
      const date = candidate(year);
      if (date && compareDates(date, anchor) > 0) return date;
    }
    return null;
  }
  const limit = modifier === "last" ? addDays(anchor, -1) : addDays(publication, FORWARD_GRACE_DAYS);
  for (let year = publication.year + 1; year >= publication.year - 8; year--) {
    const date = candidate(year);
    if (date && compareDates(date, limit) <= 0) return date;
  }
  return null;
}
