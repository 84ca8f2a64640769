/**
 * Character-level normalisation of crawled text. Quote marks become ASCII so that dictionaries and
 * patterns need one spelling; unusual spaces become plain spaces; runs of spaces collapse.
 */

const QUOTE_MAP: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u00AB": '"',
  "\u00BB": '"',
};

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
// No-break, thin, ideographic and other spaces; tabs too.
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Zero-width characters and soft hyphens carry nothing a reader sees.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACE_RUNS = / {2,}/g;

/** Anything the replacements below would change; most lines have none and only need trimming. */
const NEEDS_NORMALISING = /[\u200B-\u200D\u2060\uFEFF\u00AD\u2018\u2019\u201A\u201B\u2032\u201C-\u201F\u2033\u00AB\u00BB\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]| {2}/;

/** Normalise one line (no line breaks inside). */
export function normalizeLine(line: string): string {
  if (!NEEDS_NORMALISING.test(line)) return line.trim();
  return line
    .replace(INVISIBLE, "")
    .replace(QUOTES, (quote) => QUOTE_MAP[quote] ?? quote)
    .replace(ODD_SPACES, " ")
    .replace(SPACE_RUNS, " ")
    .trim();
}

/** Split raw text into lines, accepting \r\n, \r and the Unicode line/paragraph separators. */
export function splitLines(raw: string): string[] {
  return raw.split(/\r\n|[\r\n\u2028\u2029\u0085]/);
}

/**
 * A crawler that drops markup often glues the last sentence of one block onto the first of the
 * next: "makes all the difference.Russian President". A lower-case word, a sentence mark, then a
 * capitalised word with no space is such a seam; abbreviations ("U.S.") and decimals do not match
 * because they have capitals or digits before the mark.
 */
const GLUED_SENTENCES = /([a-z]{2,}[.!?]["')\]]?)([A-Z][a-z])/g;
/**
 * The seam alone, without the word before it. Every match of GLUED_SENTENCES contains one, and
 * looking for it costs one scan for sentence marks, where GLUED_SENTENCES retries every lower-case
 * run at each of its letters: most lines have no seam, and they skip the full search.
 */
const SEAM = /[.!?]["')\]]?[A-Z][a-z]/;

export function splitGluedSentences(line: string): string[] {
  if (!SEAM.test(line)) {
    const whole = line.trim();
    return whole.length > 0 ? [whole] : [];
  }
  const parts: string[] = [];
  let cursor = 0;
  for (const match of line.matchAll(GLUED_SENTENCES)) {
    const seam = (match.index ?? 0) + (match[1]?.length ?? 0);
    // "e.g.Something" style inline abbreviations and web addresses ("example.Com") are not seams.
    const before = line.slice(Math.max(0, seam - 6), seam);
    if (/\b(e\.g|i\.e|etc|www\.[a-z]+)\.$/i.test(before)) continue;
    parts.push(line.slice(cursor, seam).trim());
    cursor = seam;
  }
  parts.push(line.slice(cursor).trim());
  return parts.filter((part) => part.length > 0);
}
