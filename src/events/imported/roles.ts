/**
 * Who did it to whom: source and target of a verb occurrence from the pattern's bindings, the
 * passive by-phrase, the subject and the first actor after the verb, with PETRARCH's options for
 * missing sides (require_dyad) and unknown noun phrases (new_actor_length).
 */
import type { Doc } from "../../document/doc.js";
import type { ActorMention } from "../../document/types.js";
import { lastCommaBefore, objectLimit, subjectLimit } from "./clauses.js";
import type { ImportedCodingOptions } from "./compile.js";
import type { MatchContext, PatternMatch } from "./match.js";
import type { VerbOccurrence } from "./verbs.js";

const BE_FORMS = new Set(["is", "are", "was", "were", "be", "been", "being", "'s", "'re"]);

const COORDINATORS = new Set(["and", "but", "then"]);

export const NULL_ACTOR = "---";

const DETERMINER = new Set(["the", "a", "an"]);

/** Compound actors ("Fornost and Gondor", "FRO/BIL/SAM") give one event per member. */
export function members(mention: ActorMention): ActorMention[] {
  return mention.members && mention.members.length > 0 ? mention.members : [mention];
}

const NOUN_PHRASE_TAGS = new Set(["NOUN", "PROPN", "ADJ", "DET", "PART", "ADP", "NUM", "CCONJ", "PUNCT"]);

/**
 * The subject: the first actor of the clause, joined by the actors of noun phrases coordinated
 * with it ("Ithilen's sheep and goats of Gondor" → ITH and GON), which then act as a compound.
 */
function coordinatedSubjects(doc: Doc, before: readonly ActorMention[]): ActorMention | undefined {
  const first = before[0];
  if (!first) return undefined;
  const joined: ActorMention[] = [first];
  for (const next of before.slice(1)) {
    const previous = joined.at(-1) as ActorMention;
    let coordinator = false;
    let nounPhrase = true;
    for (let t = previous.tokenEnd; t < next.tokenStart; t += 1) {
      const token = doc.tokens[t];
      if (!token || !NOUN_PHRASE_TAGS.has(token.pos)) nounPhrase = false;
      else if (token.normal === "and" || token.normal === "or") coordinator = true;
    }
    if (!coordinator || !nounPhrase) break;
    joined.push(next);
  }
  if (joined.length === 1) return first;
  const parts = joined.flatMap((mention) => members(mention));
  return { ...first, tokenEnd: (joined.at(-1) as ActorMention).tokenEnd, members: parts };
}

const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i", "it", "you"]);

/** A subject pronoun right before the verb (auxiliaries, adverbs and particles aside). */
function pronounBefore(doc: Doc, verbStart: number, clauseStart: number): boolean {
  for (let t = verbStart - 1; t >= clauseStart; t -= 1) {
    const token = doc.tokens[t];
    if (!token) return false;
    if (token.pos === "AUX" || token.pos === "ADV" || token.pos === "PART") continue;
    return SUBJECT_PRONOUNS.has(token.normal);
  }
  return false;
}

const PHRASE_TAGS = new Set(["NOUN", "PROPN", "ADJ", "DET", "NUM"]);

/** Bare time words are adverbs to PETRARCH's parser ("said today"), not noun phrases. */
const TIME_WORDS = new Set(["today", "yesterday", "tomorrow", "tonight", "now"]);

function hasNounPhrase(doc: Doc, from: number, to: number): boolean {
  for (let t = from; t < to; t += 1) {
    const token = doc.tokens[t];
    if (token && (token.pos === "NOUN" || token.pos === "PROPN") && !TIME_WORDS.has(token.normal)) return true;
  }
  return false;
}

const POSSESSIVE = new Set(["'s", "'"]);

/** The noun phrase right before the verb (auxiliaries and adverbs aside), as [start, end). */
function subjectPhrase(doc: Doc, verbStart: number, clauseStart: number): [number, number] {
  let end = verbStart;
  while (end > clauseStart && /^(?:AUX|ADV|PART)$/.test(doc.tokens[end - 1]?.pos ?? "") && !POSSESSIVE.has(doc.tokens[end - 1]?.normal ?? "")) end -= 1;
  let start = end;
  const inPhrase = (t: number): boolean => {
    const token = doc.tokens[t];
    if (!token) return false;
    // "the Ministry of Magic": an "of" between two parts of the phrase.
    if (token.normal === "of") return t < end - 1 && PHRASE_TAGS.has(doc.tokens[t - 1]?.pos ?? "");
    return PHRASE_TAGS.has(token.pos) || POSSESSIVE.has(token.normal);
  };
  while (start > clauseStart && inPhrase(start - 1)) start -= 1;
  return [start, end];
}

/** The noun phrase after the verb (and one preposition), with "of" phrases: "for the Ministry of Magic". */
function objectPhrase(doc: Doc, verbEnd: number, objectEnd: number): [number, number] {
  let start = verbEnd;
  if (doc.tokens[start]?.pos === "ADP") start += 1;
  let end = start;
  while (end < objectEnd) {
    const token = doc.tokens[end];
    if (token && PHRASE_TAGS.has(token.pos)) end += 1;
    else if (token?.normal === "of" && end > start && PHRASE_TAGS.has(doc.tokens[end + 1]?.pos ?? "")) end += 1;
    else break;
  }
  return [start, end];
}

/**
 * "Eriador's death and injury toll has risen": a conjunct of the subject with no dictionary actor
 * becomes a new actor beside it when new_actor_length allows.
 */
function withUnknownConjunct(doc: Doc, subject: ActorMention, verbStart: number, maxWords: number): ActorMention {
  const [start, end] = subjectPhrase(doc, verbStart, subject.tokenEnd);
  const and = doc.tokens[start - 1]?.normal === "and" ? start - 1 : -1;
  if (and < subject.tokenEnd) return subject;
  const conjunct = newActor(doc, [start, end], maxWords);
  if (!conjunct) return subject;
  return { ...subject, tokenEnd: end, members: [...members(subject), conjunct] };
}

/** PETRARCH's new_actor_length: a short unknown noun phrase coded by its own words. */
function newActor(doc: Doc, [start, end]: [number, number], maxWords: number): ActorMention | undefined {
  const words: string[] = [];
  let hasNoun = false;
  for (let t = start; t < end; t += 1) {
    const token = doc.tokens[t];
    if (!token || POSSESSIVE.has(token.normal) || token.pos === "PUNCT") continue;
    words.push(doc.text.slice(token.start, token.end).toUpperCase());
    if (token.pos === "NOUN" || token.pos === "PROPN") hasNoun = true;
  }
  if (!hasNoun || words.length > maxWords) return undefined;
  // PETRARCH writes such codes in quotes so they cannot be mistaken for dictionary codes.
  return { tokenStart: start, tokenEnd: end, sentence: doc.tokens[start]?.sentence ?? 0, code: `"${words.join(" ")}"`, kind: "organisation", rule: [`new actor (new_actor_length ${maxWords})`] };
}

/** "Eriador was opposed by Osgiliath": a be-form before the verb and "by ACTOR" after it. */
function passiveAgent(doc: Doc, occurrence: VerbOccurrence, context: MatchContext): ActorMention | undefined {
  let before = occurrence.start - 1;
  while (before >= context.start && doc.tokens[before]?.pos === "ADV") before -= 1;
  if (!BE_FORMS.has(doc.tokens[before]?.normal ?? "")) return undefined;
  for (let t = occurrence.end; t < context.end; t += 1) {
    const token = doc.tokens[t];
    if (!token || token.pos === "VERB" || token.normal === ",") return undefined;
    if (token.normal === "by") {
      const mention = context.actorAt.get(t + 1) ?? (DETERMINER.has(doc.tokens[t + 1]?.normal ?? "") ? context.actorAt.get(t + 2) : undefined);
      return mention;
    }
  }
  return undefined;
}

export interface Roles {
  /** Source, target and code of each forward event. */
  pairs: Array<[ActorMention, ActorMention, string]>;
  source?: ActorMention;
  target?: ActorMention;
  /** Why no event can be coded. */
  problem?: string;
}

/**
 * Who did it to whom: the pattern's `$`, `+` and `%` first; then a passive verb's by-phrase;
 * then the subject (the previous verb's source for "…and promised", none for a pronoun) and the
 * first actor after the verb, up to the end of its clause.
 */
export function assignRoles(
  doc: Doc,
  context: MatchContext,
  actors: readonly ActorMention[],
  occurrence: VerbOccurrence,
  match: PatternMatch | undefined,
  code: string,
  previousSource: ActorMention | undefined,
  options: ImportedCodingOptions,
): Roles {
  const bindings = match?.bindings ?? {};
  const forward = code.split(":")[0] ?? code;
  const coordinated = COORDINATORS.has(doc.tokens[occurrence.start - 1]?.normal ?? "") || COORDINATORS.has(doc.tokens[occurrence.start - 2]?.normal ?? "");
  // "Falastur noted that Cirith Ungol regretted" matched by "NOTED + *": the subject is that of the first word matched.
  const subjectFrom = Math.min(occurrence.start, match?.beforeStart ?? occurrence.start);
  const clauseStart = subjectLimit(doc, context.start, subjectFrom, actors);
  const objectEnd = objectLimit(doc, occurrence.end, context.end, actors);
  const inClause = actors.filter((mention) => mention.tokenEnd <= occurrence.start && mention.tokenStart >= clauseStart && mention !== bindings.target);
  // "…, a senior Bree official said": an actor between the last comma and the verb is the subject.
  const segmentStart = lastCommaBefore(doc, clauseStart, subjectFrom, actors);
  const inSegment = inClause.filter((mention) => mention.tokenStart >= segmentStart);
  const before = inSegment.length > 0 ? inSegment : inClause;
  const after = actors.filter((mention) => mention.tokenStart >= occurrence.end && mention.tokenStart < objectEnd);
  const byAgent = passiveAgent(doc, occurrence, context);
  let source = bindings.source;
  let target = bindings.target;
  const pairs: Array<[ActorMention, ActorMention, string]> = [];
  const defaultTarget = after.find((mention) => mention !== byAgent);
  if (bindings.compound && bindings.compoundBefore && !source && !target && !defaultTarget) {
    // "% * [030:030]" with no one else around: the members act on each other.
    const parts = members(bindings.compound);
    for (const a of parts) for (const b of parts) if (a !== b) pairs.push([a, b, forward]);
    return { pairs };
  }
  if (bindings.compound) {
    if (bindings.compoundBefore) source ??= bindings.compound;
    else target ??= bindings.compound;
  }
  if (byAgent && !bindings.source) {
    target ??= before.at(-1);
    source = byAgent;
  }
  // "…, he said": PETRARCH does not resolve pronouns, so a pronoun subject leaves no source.
  const pronounSubject = subjectFrom === occurrence.start && pronounBefore(doc, occurrence.start, clauseStart);
  source ??= coordinated && previousSource ? previousSource : pronounSubject ? undefined : coordinatedSubjects(doc, before);
  target ??= after.find((mention) => mention !== source && mention !== byAgent);
  if (options.newActorLength > 0) {
    if (source && !bindings.source) source = withUnknownConjunct(doc, source, occurrence.start, options.newActorLength);
    source ??= pronounSubject ? undefined : newActor(doc, subjectPhrase(doc, occurrence.start, clauseStart), options.newActorLength);
    target ??= newActor(doc, objectPhrase(doc, occurrence.end, objectEnd), options.newActorLength);
  }
  if (!source && !target) return { pairs, problem: `${code} has neither a source nor a target` };
  if (!source || !target) {
    if (options.requireDyad) return { pairs, problem: `${code} needs a source and a target (source: ${source?.code ?? "none"}, target: ${target?.code ?? "none"})` };
    // Without a noun phrase there is no one to stand for: PETRARCH's null actor fills an
    // unknown noun phrase ("burned down its embassy", "said on Saturday"), not a missing one ("said today").
    if (!target && !hasNounPhrase(doc, occurrence.end, objectEnd)) return { pairs, problem: `${code} has no object (require_dyad = false still needs a noun phrase)` };
    if (!source && !hasNounPhrase(doc, clauseStart, occurrence.start)) return { pairs, problem: `${code} has no subject (require_dyad = false still needs a noun phrase)` };
    // require_dyad = false: the missing side is the null actor "---".
    const nobody: ActorMention = { tokenStart: occurrence.start, tokenEnd: occurrence.end, sentence: doc.tokens[occurrence.start]?.sentence ?? 0, code: NULL_ACTOR, kind: "agent", rule: ["null actor (require_dyad = false)"] };
    source ??= nobody;
    target ??= nobody;
  }
  for (const s of members(source)) for (const t of members(target)) pairs.push([s, t, forward]);
  return { pairs, source, target };
}
