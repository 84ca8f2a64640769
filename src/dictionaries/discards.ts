/**
 * Reads PETRARCH discard lists: one phrase a line; a sentence containing it is not coded, or the
 * whole story when the line starts with `+`. PETRARCH-1 matches the phrase at a word start and
 * treats its end as a stem unless it ends with `_`; PETRARCH-2 matches whole words.
 */
import type { DictionaryProblem, ImportedDiscard } from "./types.js";
import { meaningfulLines } from "./text.js";
import { consecutive, LineError, parsePhrase } from "./phrase.js";

export interface DiscardFileResult {
  discards: ImportedDiscard[];
  problems: DictionaryProblem[];
}

export function parseDiscardFile(text: string, file: string): DiscardFileResult {
  const discards: ImportedDiscard[] = [];
  const problems: DictionaryProblem[] = [];
  for (const { line, text: raw } of meaningfulLines(text)) {
    const t = raw.trim();
    try {
      const story = t.startsWith("+");
      const body = (story ? t.slice(1) : t).trim();
      if (body.includes("[") || body.includes("]")) throw new LineError(`discard "${body}" has a [code]; discards take none`);
      // Both PETRARCHs match the words as one string, so they must be consecutive.
      const phrase = consecutive(parsePhrase(body, false));
      const last = phrase.words.length - 1;
      phrase.words[last] = { ...phrase.words[last]!, stem: !body.endsWith("_") };
      discards.push({ phrase, story, file, line });
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      problems.push({ file, line, message: err.message });
    }
  }
  return { discards, problems };
}
