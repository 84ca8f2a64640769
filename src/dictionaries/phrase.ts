/** Phrases, plurals and dates as the PETRARCH and TABARI dictionaries write them. */
import type { ImportedPhrase, PhraseWord } from "./types.js";

/** Thrown by a line parser to reject the line; the reader turns it into a problem. */
export class LineError extends Error {}

/**
 * Reads a phrase such as `PRESIDENT_GEORGE_W._BUSH`, `SECURITY SERVICE` or `IN_`. Words are split
 * at blanks and underscores; `_` between two words glues them. With `stems` (TABARI), a word not
 * closed by `_` is a stem. Text is upper-cased.
 */
export function parsePhrase(source: string, stems: boolean): ImportedPhrase {
  const upper = source.toUpperCase();
  const words: PhraseWord[] = [];
  let underscore = false;
  let blank = false;
  let i = 0;
  while (i < upper.length) {
    const c = upper.charCodeAt(i);
    if (c === 95 /* _ */) {
      underscore = true;
      i++;
    } else if (c === 32 || c === 9) {
      blank = true;
      i++;
    } else {
      let j = i + 1;
      while (j < upper.length) {
        const d = upper.charCodeAt(j);
        if (d === 95 || d === 32 || d === 9) break;
        j++;
      }
      // `A_B` glues; `A_ B` (TABARI "exact word, then a gap") and `A _B` do not.
      const glued = words.length > 0 && underscore && !blank;
      const closedByUnderscore = upper.charCodeAt(j) === 95;
      words.push({ text: upper.slice(i, j), glued, stem: stems && !closedByUnderscore });
      underscore = false;
      blank = false;
      i = j;
    }
  }
  if (words.length === 0) throw new LineError(`empty phrase "${source.trim()}"`);
  return { text: words.map((w) => w.text).join(" "), words };
}

/** The phrase with every word glued to the one before: for lists matched as plain strings. */
export function consecutive(phrase: ImportedPhrase): ImportedPhrase {
  return { text: phrase.text, words: phrase.words.map((w, i) => ({ ...w, glued: i > 0 })) };
}

/** A phrase of whole words (no stems), each separated by a blank. */
export function phraseOf(text: string): ImportedPhrase {
  return parsePhrase(text, false);
}

/**
 * Regular English plural of an upper-case noun. PETRARCH's own rule (Y→IES, S→+ES, else +S) turns
 * ATTORNEY into ATTORNIES; this one keeps vowel+Y words regular (ATTORNEYS) and adds ES after
 * S, X, Z, CH and SH.
 */
export function regularPlural(word: string): string {
  if (/[^AEIOU]Y$/.test(word)) return word.slice(0, -1) + "IES";
  if (/(?:S|X|Z|CH|SH)$/.test(word)) return word + "ES";
  return word + "S";
}

/** The phrase with its last word made plural. */
export function pluralPhrase(phrase: ImportedPhrase): ImportedPhrase {
  const words = phrase.words.slice();
  const last = words[words.length - 1]!;
  words[words.length - 1] = { ...last, text: regularPlural(last.text) };
  return { text: words.map((w) => w.text).join(" "), words };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads a dictionary date, YYMMDD or YYYYMMDD, into YYYY-MM-DD. Two-digit years follow KEDS,
 * TABARI and PETRARCH: 00–30 are 20YY, 31–99 are 19YY (so `320101` is 1932, which is what the
 * Phoenix files mean; they write earlier years, e.g. 19270101, in full).
 */
export function parseDictionaryDate(text: string): string {
  let year: number;
  let rest: string;
  if (text.length === 6 && /^\d{6}$/.test(text)) {
    const yy = Number(text.slice(0, 2));
    year = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = text.slice(2);
  } else if (/^\d{8}$/.test(text)) {
    year = Number(text.slice(0, 4));
    rest = text.slice(4);
  } else {
    throw new LineError(`date "${text}" is not YYMMDD or YYYYMMDD`);
  }
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays) throw new LineError(`date "${text}" is not a real day`);
  return `${String(year).padStart(4, "0")}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

export interface Bracketed {
  /** Text before the first `[`. */
  before: string;
  /** Contents of each `[...]`, trimmed. */
  groups: string[];
  /** Text between and after the groups (usually blank). */
  between: string;
}

/** Splits `PHRASE [A] [B <990101]` into the phrase and its bracket groups. */
export function splitBrackets(line: string): Bracketed {
  const open = line.indexOf("[");
  if (open < 0) {
    if (line.includes("]")) throw new LineError(`"]" without "["`);
    return { before: line, groups: [], between: "" };
  }
  const groups: string[] = [];
  let between = "";
  let i = open;
  while (i < line.length) {
    const start = line.indexOf("[", i);
    if (start < 0) {
      between += line.slice(i);
      break;
    }
    between += line.slice(i, start);
    const end = line.indexOf("]", start + 1);
    if (end < 0) throw new LineError(`"[" without "]"`);
    const inner = line.slice(start + 1, end);
    if (inner.includes("[")) throw new LineError(`"[" inside "[...]"`);
    groups.push(inner.trim());
    i = end + 1;
  }
  const before = line.slice(0, open);
  if (between.includes("]") || before.includes("]")) throw new LineError(`"]" without "["`);
  return { before, groups, between };
}
