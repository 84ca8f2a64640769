/**
 * Finding the verbs of imported verb dictionaries in a sentence, and the verb-level checks the
 * pattern coder makes: negation, infinitive complements, time clauses of a verb already coded.
 */
import type { Doc } from "../../document/doc.js";
import type { Token } from "../../document/types.js";
import type { ImportedVerbPattern } from "../../dictionaries/types.js";
import { patternWeight, type ImportedVerbCoder, type VerbForm } from "./compile.js";

const VERB_TAGS = new Set(["VERB", "AUX"]);

export interface VerbOccurrence {
  form: VerbForm;
  /** Blocks whose patterns apply: the form's own first, then blocks listing the same words. */
  blocks: number[];
  start: number;
  end: number;
  head: number;
}

/**
 * "Fornost and Gondor welcome a resumption": a dictionary verb the tagger read as an adjective or
 * noun still acts as the verb when it follows an actor (its subject) directly and an object or
 * a prepositional phrase follows it.
 */
function mistaggedVerb(doc: Doc, start: number, end: number, actorEnds: ReadonlyMap<number, number>): boolean {
  const actorStart = actorEnds.get(start);
  // "the Israeli strike on Gaza": an actor after a determiner modifies a noun, it is no subject.
  if (actorStart === undefined || doc.tokens[actorStart - 1]?.pos === "DET") return false;
  const next = doc.tokens[end]?.pos ?? "";
  return next === "DET" || next === "ADP" || next === "PROPN" || next === "PRON";
}

/** Verb occurrences in the sentence, left to right; a longer form wins over a shorter one. */
export function findVerbs(doc: Doc, verbs: ImportedVerbCoder, start: number, end: number, actorEnds: ReadonlyMap<number, number>): VerbOccurrence[] {
  const found: VerbOccurrence[] = [];
  for (let i = start; i < end; ) {
    const token = doc.tokens[i] as Token;
    let matched: VerbOccurrence | undefined;
    for (const form of verbs.formsByFirstWord.get(token.normal) ?? []) {
      if (i + form.words.length > end) continue;
      if (!form.words.every((word, k) => doc.tokens[i + k]?.normal === word)) continue;
      const head = doc.tokens[i + form.head];
      if (!head || !(VERB_TAGS.has(head.pos) || mistaggedVerb(doc, i, i + form.words.length, actorEnds))) continue;
      if (matched) {
        // The same verb listed in several blocks (SHOT [---] and SHOT [223]): all their patterns apply.
        if (form.words.length === matched.end - matched.start && !matched.blocks.includes(form.block)) matched.blocks.push(form.block);
        continue;
      }
      matched = { form, start: i, end: i + form.words.length, head: i + form.head, blocks: [form.block] };
    }
    if (matched && auxiliaryOfNextVerb(doc, matched, end)) matched = undefined;
    if (matched) {
      found.push(matched);
      i = matched.end;
    } else {
      i += 1;
    }
  }
  return found;
}

/** "should have acted": a modal or auxiliary is not the event when a main verb follows it. */
function auxiliaryOfNextVerb(doc: Doc, occurrence: VerbOccurrence, end: number): boolean {
  if (doc.tokens[occurrence.head]?.pos !== "AUX" || occurrence.end - occurrence.start > 1) return false;
  for (let t = occurrence.end; t < end; t += 1) {
    const pos = doc.tokens[t]?.pos;
    if (pos === "ADV" || pos === "PART" || pos === "AUX") continue;
    return pos === "VERB";
  }
  return false;
}

/** Patterns of several blocks, most specific first (a stable merge of their sorted lists). */
export function patternsFor(verbs: ImportedVerbCoder, blocks: readonly number[]): ImportedVerbPattern[] {
  const lists = blocks.map((block) => verbs.patternsByBlock.get(block) ?? []);
  if (lists.length === 1) return lists[0] ?? [];
  return lists.flat().sort((a, b) => patternWeight([...b.before, ...b.after]) - patternWeight([...a.before, ...a.after]));
}

const NEGATIONS = new Set(["not", "n't", "never"]);

/** "did not attack", "won't ever clash": a negation among the auxiliaries right before the verb. */
export function negated(doc: Doc, verbStart: number, sentenceStart: number): boolean {
  for (let t = verbStart - 1; t >= sentenceStart && t >= verbStart - 4; t -= 1) {
    const token = doc.tokens[t];
    if (!token) return false;
    if (NEGATIONS.has(token.normal)) return true;
    if (token.pos !== "AUX" && token.pos !== "ADV" && token.pos !== "PART") return false;
  }
  return false;
}

/** "to leave", "to be allowed": the verb completes another one. */
export function isInfinitive(doc: Doc, start: number): boolean {
  const previous = doc.tokens[start - 1]?.normal;
  return previous === "to" || (previous === "be" && doc.tokens[start - 2]?.normal === "to");
}

const TIME_OPENERS = new Set(["after", "before", "when", "while", "until", "since"]);

/** A time clause opens between the coded verb and this one, with no comma-clause break between. */
export function temporalClauseSince(doc: Doc, from: number, to: number): boolean {
  for (let t = to - 1; t >= from && t >= 0; t -= 1) {
    const normal = doc.tokens[t]?.normal ?? "";
    if (normal === "," || normal === ";") return false;
    // "after crowds burned", not "while in detention": the opener introduces a clause with a subject.
    if (TIME_OPENERS.has(normal)) return /^(?:DET|NOUN|PROPN|PRON|ADJ|NUM)$/.test(doc.tokens[t + 1]?.pos ?? "");
  }
  return false;
}
