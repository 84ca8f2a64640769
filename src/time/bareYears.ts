/**
 * Bare years ("In 2018, …", "since 2015", "2018's elections") that chrono does not report on its own.
 *
 * News uses a year in two ways: as the time of the event ("struck a deal in 2015") and as part of the name of
 * a thing ("the 2015 nuclear deal", "Iran's tattered 2015 nuclear deal"). Only the first dates an event, so a
 * year counts only when its context says "time": a temporal preposition before it, or punctuation or a
 * function word after it. A year followed by a content word ("2015 nuclear", "2018 people") is a modifier or
 * a count and is skipped, as is anything that looks like part of a larger number, a price, a percentage or a
 * hyphenated compound ("2015-brokered", "2020-21").
 */

export interface YearMention {
  start: number;
  end: number;
  year: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Cheap test run before anything else: is there a four-digit number that could be a year at all? */
export const YEAR_PRECHECK = /\b(?:19\d\d|20\d\d|2100)\b/;
const YEAR_PATTERN = /\b(?:19\d\d|20\d\d|2100)\b/g;

/** Words that, directly before a year, make it the time of something: "in 2018", "since 2015", "mid-2020". */
const TEMPORAL_BEFORE = new Set([
  "in", "since", "by", "until", "till", "during", "from", "before", "after", "through", "throughout", "of",
  "early", "late", "mid", "around", "circa", "year", "years", "between", "spring", "summer", "autumn", "fall", "winter",
]);

/** Words that may follow a year without making it a noun modifier: "in 2018 the company", "2018 was". */
const FUNCTION_AFTER = new Set([
  "the", "a", "an", "and", "or", "but", "nor", "when", "while", "after", "before", "as", "amid", "with", "without",
  "to", "for", "at", "on", "in", "by", "of", "from", "into", "since", "until", "till", "that", "which", "who",
  "it", "he", "she", "they", "we", "i", "you", "this", "these", "those", "there", "his", "her", "their", "its",
  "our", "alone", "only", "so", "then", "because", "although", "though", "despite", "under", "over", "against",
  "following", "was", "were", "is", "are", "had", "has", "have", "did", "saw", "according", "onwards", "onward",
  "through", "up", "if", "where", "not",
]);

/** Words before a year that make it the start of a noun phrase ("the 2015 deal"), never a time. */
const DETERMINERS = new Set(["'s", "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "your", "my"]);

const LETTER = /\p{L}/u;

interface Neighbour {
  /** Lower-cased word, or null when the neighbour is punctuation, a digit or the edge of the sentence. */
  word: string | null;
  /** The word as written, to tell "In 2018 Russia …" (capital after a time) from "2018 people". */
  raw: string | null;
}

function wordBefore(text: string, index: number): Neighbour {
  let end = index;
  while (end > 0 && text[end - 1] === " ") end--;
  let start = end;
  while (start > 0 && LETTER.test(text[start - 1] ?? "")) start--;
  if (start === end) return { word: null, raw: null };
  const raw = text.slice(start, end);
  // "Iran's 2015 deal": the word before is a possessive, which behaves like a determiner.
  const apostrophe = text[start - 1];
  if (raw.toLowerCase() === "s" && (apostrophe === "'" || apostrophe === "’")) return { word: "'s", raw: "'s" };
  return { word: raw.toLowerCase(), raw };
}

function wordAfter(text: string, index: number): Neighbour {
  let start = index;
  while (start < text.length && text[start] === " ") start++;
  let end = start;
  while (end < text.length && LETTER.test(text[end] ?? "")) end++;
  if (start === end) return { word: null, raw: null };
  const raw = text.slice(start, end);
  return { word: raw.toLowerCase(), raw };
}

function looksLikeNumberOrCompound(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? "";
  const after = text[end] ?? "";
  const afterNext = text[end + 1] ?? "";
  if ("$£€#".includes(before) && before !== "") return true;
  if ((before === "," || before === ".") && /\d/.test(text[start - 2] ?? "")) return true;
  if (before === "/" || after === "/" || after === "%") return true;
  if (after === "-" || after === "–") return true;
  if ((after === "," || after === ".") && /\d/.test(afterNext)) return true;
  return false;
}

/** "2018's" and "2018’s". */
function isPossessive(text: string, end: number): boolean {
  const next = text.slice(end, end + 2);
  return (next === "'s" || next === "’s") && !LETTER.test(text[end + 2] ?? "");
}

/** Bare years in one sentence that name the time of something, in text order. */
export function findBareYears(text: string): YearMention[] {
  const mentions: YearMention[] = [];
  for (const match of text.matchAll(YEAR_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    const year = Number(match[0]);
    if (year < MIN_YEAR || year > MAX_YEAR) continue;
    if (isYearOfTime(text, start, end)) mentions.push({ start, end, year });
  }
  return mentions;
}

function isYearOfTime(text: string, start: number, end: number): boolean {
  // "mid-2020": the hyphen belongs to "mid", not to a number range.
  const hyphenatedMid = text[start - 1] === "-" && /mid$/i.test(text.slice(0, start - 1));
  if (!hyphenatedMid && text[start - 1] === "-") return false;
  if (looksLikeNumberOrCompound(text, start, end)) return false;
  if (isPossessive(text, end)) return true;

  const before = hyphenatedMid ? { word: "mid", raw: "mid" } : wordBefore(text, start);
  const after = wordAfter(text, end);
  const temporal = before.word !== null && TEMPORAL_BEFORE.has(before.word);

  if (after.word !== null && !FUNCTION_AFTER.has(after.word)) {
    // A content word follows: "2015 nuclear deal". Only a capitalised word after a time preposition reads
    // as a new clause with its comma missing ("In 2018 Russia struck a deal").
    const capitalised = after.raw !== null && after.raw[0] !== after.raw[0]?.toLowerCase();
    return temporal && capitalised;
  }
  if (temporal) return true;
  if (before.word !== null && DETERMINERS.has(before.word)) return false;
  // Without a time preposition, accept only a year that ends a clause ("…, signed 2015.") or opens the
  // sentence as its subject ("2018 was a turning point").
  const atSentenceStart = text.slice(0, start).trim() === "";
  return after.word === null || atSentenceStart;
}
