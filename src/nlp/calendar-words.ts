/**
 * Weekday and month names and deictic day words. They are capitalised like names and tagged as
 * proper nouns, but "hosted his counterpart Wednesday" ends the phrase at "counterpart".
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
  "may", "june", "july", "august", "september", "october", "november", "december", "today", "tonight", "yesterday",
]);
