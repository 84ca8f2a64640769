/**
 * Matches one PETRARCH/TABARI verb pattern around a verb occurrence, TABARI-style: the elements
 * after `*` are looked for left to right after the verb, those before it right to left before it.
 * An element joined by `_` to its neighbour must be adjacent to it; a blank lets other words come
 * between. `$`, `+` and `%` bind actor mentions, `^` skips a noun phrase, `&NAME` is any member of
 * a synset.
 */
import type { ActorMention, Chunk, Token } from "../../document/types.js";
import type { ImportedVerbPattern, PatternToken } from "../../dictionaries/types.js";

/** The sentence as the matcher sees it. */
export interface MatchContext {
  tokens: readonly Token[];
  /** First and last (exclusive) token index of the sentence. */
  start: number;
  end: number;
  /** Top-level actor mentions by their first token. */
  actorAt: ReadonlyMap<number, ActorMention>;
  /** Noun phrases by their first token. */
  nounPhraseAt: ReadonlyMap<number, Chunk>;
  synsets: ReadonlyMap<string, string[][]>;
}

export interface Bindings {
  source?: ActorMention;
  target?: ActorMention;
  compound?: ActorMention;
  /** Where `%` was found relative to the verb. */
  compoundBefore?: boolean;
}

export interface PatternMatch {
  pattern: ImportedVerbPattern;
  bindings: Bindings;
  /** Tokens the after side reached (exclusive): actors before this are inside the pattern. */
  afterEnd: number;
  /** First token the before side reached (the verb's start when it has no elements). */
  beforeStart: number;
}

/** One way an element can occupy tokens [start, end), with what it bound. */
interface Occupation {
  end: number;
  bindings: Bindings;
}

const DETERMINERS = new Set(["the", "a", "an"]);

function wordAt(context: MatchContext, position: number, word: string, stem: boolean): boolean {
  if (position < context.start || position >= context.end) return false;
  const token = context.tokens[position];
  if (!token) return false;
  const target = word.toLowerCase();
  return stem ? token.normal.startsWith(target) : token.normal === target;
}

/** The actor mention starting at `position`, allowing one determiner before it. */
function actorFrom(context: MatchContext, position: number): ActorMention | undefined {
  const direct = context.actorAt.get(position);
  if (direct) return direct;
  const token = context.tokens[position];
  return token && DETERMINERS.has(token.normal) ? context.actorAt.get(position + 1) : undefined;
}

function sequenceAt(context: MatchContext, position: number, words: readonly string[]): number | undefined {
  for (let i = 0; i < words.length; i += 1) if (!wordAt(context, position + i, words[i] ?? "", false)) return undefined;
  return position + words.length;
}

/** The ways `element` can start at `position`. */
function occupations(context: MatchContext, element: PatternToken, position: number): Occupation[] {
  if (position < context.start || position >= context.end) return [];
  switch (element.kind) {
    case "word":
      return wordAt(context, position, element.word, element.stem) ? [{ end: position + 1, bindings: {} }] : [];
    case "synset": {
      const members = context.synsets.get(element.name) ?? [];
      const ends = members.map((words) => sequenceAt(context, position, words)).filter((end): end is number => end !== undefined);
      return ends.map((end) => ({ end, bindings: {} }));
    }
    case "source":
    case "target":
    case "compound": {
      const mention = actorFrom(context, position);
      if (!mention) return [];
      const bindings: Bindings = element.kind === "source" ? { source: mention } : element.kind === "target" ? { target: mention } : { compound: mention };
      return [{ end: mention.tokenEnd, bindings }];
    }
    case "skip": {
      const mention = actorFrom(context, position);
      if (mention) return [{ end: mention.tokenEnd, bindings: {} }];
      const phrase = context.nounPhraseAt.get(position);
      if (phrase) return [{ end: phrase.tokenEnd, bindings: {} }];
      const token = context.tokens[position];
      return token && /^(?:NOUN|PROPN|ADJ|DET|NUM)$/.test(token.pos) ? [{ end: position + 1, bindings: {} }] : [];
    }
    case "choice":
      return element.options.flatMap((option) => sequenceOccupations(context, option, position));
    case "noun":
      return sequenceOccupations(context, element.tokens, position, true);
    case "preposition":
      return sequenceOccupations(context, [element.preposition, ...element.object], position, true);
  }
}

/** A sequence of elements (a choice option, a PETRARCH-2 phrase) starting exactly at `position`. */
function sequenceOccupations(context: MatchContext, elements: readonly PatternToken[], position: number, gapped = false): Occupation[] {
  const results: Occupation[] = [];
  const step = (k: number, at: number, bindings: Bindings): void => {
    if (k === elements.length) {
      results.push({ end: at, bindings });
      return;
    }
    const element = elements[k] as PatternToken;
    const last = k === 0 || !gapped || element.glued ? at : context.end - 1;
    for (let p = at; p <= last; p += 1) {
      for (const occupation of occupations(context, element, p)) step(k + 1, occupation.end, { ...bindings, ...occupation.bindings });
    }
  };
  step(0, position, {});
  return results;
}

/** After the verb: element k may start anywhere from `position` on unless glued to what precedes it. */
function matchAfter(context: MatchContext, elements: readonly PatternToken[], k: number, position: number, bindings: Bindings): { bindings: Bindings; end: number } | undefined {
  if (k === elements.length) return { bindings, end: position };
  const element = elements[k] as PatternToken;
  const last = element.glued ? position : context.end - 1;
  for (let p = position; p <= last; p += 1) {
    for (const occupation of occupations(context, element, p)) {
      const found = matchAfter(context, elements, k + 1, occupation.end, { ...bindings, ...occupation.bindings });
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Before the verb, right to left: element k must end at `limit` when glued to the element after
 * it (or, for the last one, to the verb), else anywhere before `limit`.
 */
function matchBefore(
  context: MatchContext,
  elements: readonly PatternToken[],
  k: number,
  limit: number,
  gluedToNext: boolean,
  bindings: Bindings,
): { bindings: Bindings; start: number } | undefined {
  if (k < 0) return { bindings, start: limit };
  const element = elements[k] as PatternToken;
  for (let start = limit - 1; start >= context.start; start -= 1) {
    for (const occupation of occupations(context, element, start)) {
      if (gluedToNext ? occupation.end !== limit : occupation.end > limit) continue;
      const found = matchBefore(context, elements, k - 1, start, element.glued, { ...bindings, ...occupation.bindings });
      if (found) return found;
    }
    if (gluedToNext && start < limit - 1) {
      // A glued element must end at `limit`; starts further left only help multi-word elements.
      if (limit - start > 6) break;
    }
  }
  return undefined;
}

/** The pattern's bindings when it matches around the verb occupying [verbStart, verbEnd). */
export function matchPattern(context: MatchContext, pattern: ImportedVerbPattern, verbStart: number, verbEnd: number): PatternMatch | undefined {
  const after = matchAfter(context, pattern.after, 0, verbEnd, {});
  if (!after) return undefined;
  const before = matchBefore(context, pattern.before, pattern.before.length - 1, verbStart, pattern.verbGlued, {});
  if (!before) return undefined;
  const bindings: Bindings = { ...after.bindings, ...before.bindings };
  if (before.bindings.compound) bindings.compoundBefore = true;
  return { pattern, bindings, afterEnd: after.end, beforeStart: before.start };
}
