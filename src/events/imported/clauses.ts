/**
 * Clause limits for the pattern coder, from tokens alone: where a verb's subject may be looked
 * for, where its objects end, and which comma-delimited clauses PETRARCH's comma options set aside.
 */
import type { Doc } from "../../document/doc.js";
import type { ActorMention } from "../../document/types.js";
import type { ImportedCodingOptions } from "./compile.js";

/** Words that open a clause of their own: the subject of a verb after them is not before them. */
const CLAUSE_OPENERS = new Set(["after", "before", "when", "while", "because", "although", "though", "if", "since", "until", "that", "which", "who", "whom", "whose", "where", "whether", ";"]);

export function insideMention(actors: readonly ActorMention[], position: number): boolean {
  return actors.some((mention) => mention.tokenStart <= position && position < mention.tokenEnd);
}

/** Where the verb's clause starts: after the nearest clause opener before the verb. */
export function subjectLimit(doc: Doc, sentenceStart: number, verbStart: number, actors: readonly ActorMention[]): number {
  for (let t = verbStart - 1; t >= sentenceStart; t -= 1) {
    if (CLAUSE_OPENERS.has(doc.tokens[t]?.normal ?? "") && !insideMention(actors, t)) return t + 1;
  }
  return sentenceStart;
}

/** "complete, full diplomatic ties": a comma between adjectives belongs to the noun phrase. */
function betweenAdjectives(doc: Doc, comma: number): boolean {
  return doc.tokens[comma - 1]?.pos === "ADJ" && /^(?:ADJ|ADV)$/.test(doc.tokens[comma + 1]?.pos ?? "");
}

/** Words of a clause: tokens other than punctuation. */
function wordCount(doc: Doc, from: number, to: number): number {
  let count = 0;
  for (let t = from; t < to; t += 1) if (doc.tokens[t]?.pos !== "PUNCT") count += 1;
  return count;
}

/**
 * Tokens of the comma-delimited clauses PETRARCH sets aside before coding ("…, a senior official
 * said on Saturday."): the opening, internal and final clauses whose length in words lies within
 * the configured ranges. Commas inside actor lists ("Mordor, Rohan and Bree") do not count.
 */
export function removedClauses(doc: Doc, start: number, end: number, actors: readonly ActorMention[], options: ImportedCodingOptions): Set<number> {
  const removed = new Set<number>();
  const commas: number[] = [];
  for (let t = start; t < end; t += 1) if (doc.tokens[t]?.normal === "," && !insideMention(actors, t) && !betweenAdjectives(doc, t)) commas.push(t);
  if (commas.length === 0) return removed;
  const within = (words: number, min: number, max: number): boolean => max > 0 && words >= min && words <= max;
  const remove = (from: number, to: number): void => {
    for (let t = from; t < to; t += 1) removed.add(t);
  };
  // A clause is only set aside when a verb stays outside it: "Arnor, hoping for peace, will
  // restore ties with Gondor." keeps its short final clause, which holds the main verb.
  const verbOutside = (from: number, to: number): boolean => {
    for (let t = start; t < end; t += 1) if ((t < from || t >= to) && !removed.has(t) && doc.tokens[t]?.pos === "VERB") return true;
    return false;
  };
  for (let i = 0; i + 1 < commas.length; i += 1) {
    const from = commas[i] as number;
    const to = commas[i + 1] as number;
    if (within(wordCount(doc, from + 1, to), options.commaMin, options.commaMax) && verbOutside(from, to)) remove(from, to);
  }
  const last = commas.at(-1) as number;
  if (within(wordCount(doc, last + 1, end), options.commaEndMin, options.commaEndMax) && verbOutside(last, end)) remove(last, end);
  const first = commas[0] as number;
  if (within(wordCount(doc, start, first), options.commaBeginMin, options.commaBeginMax) && verbOutside(start, first + 1)) remove(start, first + 1);
  return removed;
}

/** The token after the last comma between `from` and `to` outside actors, else `from`. */
export function lastCommaBefore(doc: Doc, from: number, to: number, actors: readonly ActorMention[]): number {
  for (let t = to - 1; t >= from; t -= 1) {
    if (doc.tokens[t]?.normal === "," && !insideMention(actors, t)) return t + 1;
  }
  return from;
}

/** Where the verb's objects end: at the first comma or semicolon outside an actor ("…, officials said"). */
export function objectLimit(doc: Doc, verbEnd: number, sentenceEnd: number, actors: readonly ActorMention[]): number {
  for (let t = verbEnd; t < sentenceEnd; t += 1) {
    const normal = doc.tokens[t]?.normal ?? "";
    if (normal === ";") return t;
    if (normal !== "," || betweenAdjectives(doc, t) || insideMention(actors, t)) continue;
    const aside = parentheticalEnd(doc, t, sentenceEnd, actors);
    if (aside === undefined) return t;
    t = aside;
  }
  return sentenceEnd;
}

/** ", it seems,": a short aside without actors between two commas; the index of its closing comma. */
function parentheticalEnd(doc: Doc, comma: number, sentenceEnd: number, actors: readonly ActorMention[]): number | undefined {
  for (let t = comma + 1; t < sentenceEnd && t <= comma + 4; t += 1) {
    if (insideMention(actors, t)) return undefined;
    if (doc.tokens[t]?.normal === ",") return t > comma + 1 ? t : undefined;
  }
  return undefined;
}
