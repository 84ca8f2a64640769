/**
 * Weekday and month names and deictic day words. They are capitalised like names and tagged as
 * proper nouns, but "hosted his counterpart Wednesday" ends the phrase at "counterpart".
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
  "may", "june", "july", "august", "september", "october", "november", "december", "today", "tonight", "yesterday",
]);

/** Nouns of time that "next", "last" or "this" turn into a date: "next month", "last week". */
export const TIME_UNITS: ReadonlySet<string> = new Set([
  "day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "decade", "quarter", "morning", "afternoon", "evening", "night",
]);
const RELATIVE_TIME_WORDS: ReadonlySet<string> = new Set(["next", "last", "this", "past", "coming", "previous", "earlier", "later"]);

/**
 * Does a time adverbial start at this word ("next month", "last Tuesday", "Wednesday")? Such a
 * phrase ends the noun phrase before it: "will visit China next month" has the object "China".
 */
export function opensTimePhrase(word: string, nextWord: string | undefined): boolean {
  if (CALENDAR_WORDS.has(word)) return true;
  return RELATIVE_TIME_WORDS.has(word) && nextWord !== undefined && (TIME_UNITS.has(nextWord) || CALENDAR_WORDS.has(nextWord));
}
