/**
 * The events stage for imported PETRARCH/TABARI verb dictionaries: a TABARI-style pattern coder
 * over parley's document (tokens, actor mentions with compound members, noun phrases).
 *
 * Per sentence: a discard phrase stops coding (of the sentence, or of the whole story for `+`
 * discards); short comma-delimited clauses are set aside (PETRARCH's comma options). Each verb
 * occurrence (a dictionary verb form tagged as a verb) is tried against the patterns of its
 * blocks, most specific first; the first that matches gives the code and may bind the source
 * (`$`), target (`+`) or a compound (`%`). Roles not bound come from roles.ts (subject, passive
 * by-phrase, first actor after the verb). "042:043" codes give the forward and the reverse event,
 * "---" none; compound actors give one event per member; a negated verb codes only through a
 * pattern that says so. Both a source and a target are required unless require_dyad is off.
 * Every decision is recorded for --explain.
 */
import type { Doc } from "../../document/doc.js";
import type { ActorMention, Chunk, CodedEvent } from "../../document/types.js";
import type { ActorIndex } from "../../actors/actor-index.js";
import { cameoCode, nearestCameoCode, PLOVER_NONE } from "../../ontology/cameo.js";
import type { ImportedVerbCoder, CompiledDiscard } from "./compile.js";
import { findImportedActors } from "./actors.js";
import { removedClauses } from "./clauses.js";
import { matchPattern, type MatchContext, type PatternMatch } from "./match.js";
import { assignRoles, NULL_ACTOR } from "./roles.js";
import { findVerbs, isInfinitive, negated, patternsFor, temporalClauseSince, type VerbOccurrence } from "./verbs.js";

export interface ImportedEventOptions {
  verbs: ImportedVerbCoder;
  index: ActorIndex;
}

const NULL_CODES = new Set(["---", ""]);

function discardMatches(doc: Doc, start: number, end: number, discard: CompiledDiscard): boolean {
  const { words } = discard;
  for (let i = start; i + words.length <= end; i += 1) {
    const fits = words.every((word, k) => {
      const token = doc.tokens[i + k];
      if (!token) return false;
      return k === words.length - 1 && discard.lastStem ? token.normal.startsWith(word) : token.normal === word;
    });
    if (fits) return true;
  }
  return false;
}

/** A mention's code at the record's date: dated (person-like) entries resolve again. */
function codeOf(index: ActorIndex, mention: ActorMention, date: string): string {
  return mention.personId ? (index.personCode(mention.personId, date) ?? mention.code) : mention.code;
}

function eventFor(doc: Doc, sentenceIndex: number, source: ActorMention, sourceCode: string, target: ActorMention, targetCode: string, code: string, occurrence: VerbOccurrence, rule: string[]): CodedEvent {
  const ontology = cameoCode(code) ?? nearestCameoCode(code);
  return {
    doc: doc.meta.id,
    sentence: sentenceIndex,
    date: doc.meta.date,
    datePrecision: "day",
    source: sourceCode,
    target: targetCode === NULL_ACTOR ? null : targetCode,
    code,
    root: ontology?.root ?? code.slice(0, 2),
    quad: ontology?.quad ?? 0,
    goldstein: ontology?.goldstein ?? 0,
    plover: ontology ? { ...ontology.plover } : { event: PLOVER_NONE, mode: "", context: "" },
    text: doc.sentenceText(sentenceIndex),
    spans: {
      source: doc.sentenceOffsets(source.tokenStart, source.tokenEnd),
      target: targetCode === NULL_ACTOR ? null : doc.sentenceOffsets(target.tokenStart, target.tokenEnd),
      verb: doc.sentenceOffsets(occurrence.start, occurrence.end),
    },
    rule: [...rule, ...source.rule, ...target.rule],
  };
}

/** Stage 5 for imported dictionaries (replaces codeEvents when the coder carries verb patterns). */
export function codeImportedEvents(doc: Doc, options: ImportedEventOptions): void {
  const { verbs, index } = options;
  if (verbs.actors) {
    const builtin = doc.actors;
    findImportedActors(doc, verbs.actors);
    if (verbs.keepBuiltinActors) {
      // --with-builtin: parley's own actors fill the places the imported dictionaries leave empty.
      const overlaps = (mention: ActorMention): boolean => doc.actors.some((own) => own.tokenStart < mention.tokenEnd && mention.tokenStart < own.tokenEnd);
      doc.actors = [...doc.actors, ...builtin.filter((mention) => !overlaps(mention))].sort((a, b) => a.tokenStart - b.tokenStart);
    }
  }
  const storyDiscard = verbs.discards.find((discard) => discard.story && doc.sentences.some((s) => discardMatches(doc, s.tokenStart, s.tokenEnd, discard)));
  if (storyDiscard) {
    for (const sentence of doc.sentences) {
      doc.decisions.push({ sentence: sentence.index, verbGroup: -1, verb: "", events: 0, reason: `story discarded by "${storyDiscard.text}"` });
    }
    return;
  }
  const date = doc.meta.date;

  for (const sentence of doc.sentences) {
    let head = -1;
    const decide = (verb: string, reason: string, events = 0): void => {
      // The verb group holding the verb, when the chunker found one, for --explain's lemma and flags.
      const verbGroup = head < 0 ? -1 : doc.verbGroups.findIndex((group) => group.tokenStart <= head && head < group.tokenEnd);
      doc.decisions.push({ sentence: sentence.index, verbGroup, verb, events, reason });
    };
    const sentenceDiscard = verbs.discards.find((discard) => !discard.story && discardMatches(doc, sentence.tokenStart, sentence.tokenEnd, discard));
    if (sentenceDiscard) {
      decide("", `sentence discarded by "${sentenceDiscard.text}"`);
      continue;
    }
    const sentenceActors = doc.actors.filter((mention) => mention.sentence === sentence.index);
    const removed = removedClauses(doc, sentence.tokenStart, sentence.tokenEnd, sentenceActors, verbs.options);
    const actors = sentenceActors.filter((mention) => !removed.has(mention.tokenStart));
    const actorAt = new Map<number, ActorMention>(actors.map((mention) => [mention.tokenStart, mention]));
    const nounPhraseAt = new Map<number, Chunk>();
    for (const chunk of doc.chunks) if (chunk.kind === "NP" && chunk.sentence === sentence.index && !nounPhraseAt.has(chunk.tokenStart)) nounPhraseAt.set(chunk.tokenStart, chunk);
    const context: MatchContext = { tokens: doc.tokens, start: sentence.tokenStart, end: sentence.tokenEnd, actorAt, nounPhraseAt, synsets: verbs.synsets };

    let consumedUntil = -1;
    let codedInSentence = 0;
    let lastCodedEnd = -1;
    let previousSource: ActorMention | undefined;
    // Where each actor ends → where it starts, for verbs the tagger took for nouns.
    const actorEnds = new Map(actors.map((mention) => [mention.tokenEnd, mention.tokenStart]));
    for (const occurrence of findVerbs(doc, verbs, sentence.tokenStart, sentence.tokenEnd, actorEnds)) {
      const verbText = doc.tokenSpanText(occurrence.start, occurrence.end);
      head = occurrence.head;
      if (removed.has(occurrence.head)) {
        decide(verbText, "inside a comma-delimited clause that is set aside (PETRARCH's comma options)");
        continue;
      }
      if (occurrence.start < consumedUntil) {
        decide(verbText, "inside the phrase of a verb already coded");
        continue;
      }
      const block = verbs.blocks[occurrence.form.block];
      if (codedInSentence > 0 && isInfinitive(doc, occurrence.start)) {
        decide(verbText, "infinitive complement of a verb already coded");
        continue;
      }
      if (codedInSentence > 0 && temporalClauseSince(doc, lastCodedEnd, occurrence.start)) {
        // "…restore ties with Gondor five years after crowds burned down its embassy": the
        // time clause dates the coded event; PETRARCH does not code it on its own.
        decide(verbText, "inside a time clause of a verb already coded");
        continue;
      }
      let match: PatternMatch | undefined;
      for (const pattern of patternsFor(verbs, occurrence.blocks)) {
        // "[+++]" marks a pattern that must not code (PETRARCH's validation dictionary uses it as a trap).
        if (pattern.code === "+++") continue;
        match = matchPattern(context, pattern, occurrence.start, occurrence.end);
        if (match) break;
      }
      const code = match ? match.pattern.code : occurrence.form.verb.code;
      const rule = match ? [`${match.pattern.file.split("/").pop()}:${match.pattern.line} ${match.pattern.text}`] : [`${occurrence.form.verb.file.split("/").pop()}:${occurrence.form.verb.line} ${block?.name ?? ""} [${code}]`];
      if (!match && negated(doc, occurrence.start, sentence.tokenStart)) {
        // Patterns such as "NOT * RELATIONS" or "WILL NOT *" code negations on purpose; the
        // verb's default code would say the opposite of the text.
        decide(verbText, `negated and no pattern covers the negation: no event`);
        continue;
      }
      if (NULL_CODES.has(code)) {
        decide(verbText, `${rule[0]}: codes no event`);
        continue;
      }

      const roles = assignRoles(doc, context, actors, occurrence, match, code, previousSource, verbs.options);
      if (roles.problem !== undefined) {
        decide(verbText, `${rule[0]}: ${roles.problem}`);
        continue;
      }
      const { pairs, source, target } = roles;
      const reverse = code.split(":")[1];
      let coded = 0;
      const seen = new Set<string>();
      for (const [s, t, c] of pairs) {
        const sourceCode = codeOf(index, s, date);
        const targetCode = codeOf(index, t, date);
        // "---" is the null actor (BOROMIR [---]): no event without a real source and target.
        if (sourceCode === targetCode) continue;
        if (verbs.options.requireDyad && (sourceCode === NULL_ACTOR || targetCode === NULL_ACTOR)) continue;
        const emit = (from: ActorMention, fromCode: string, to: ActorMention, toCode: string, eventCode: string): void => {
          const key = `${fromCode}|${toCode}|${eventCode}`;
          if (seen.has(key)) return;
          seen.add(key);
          doc.events.push(eventFor(doc, sentence.index, from, fromCode, to, toCode, eventCode, occurrence, rule));
          coded += 1;
        };
        emit(s, sourceCode, t, targetCode, c);
        if (reverse !== undefined && !NULL_CODES.has(reverse)) emit(t, targetCode, s, sourceCode, reverse);
      }
      decide(verbText, coded > 0 ? `coded ${code} by ${rule[0]}` : "source and target are the same actor", coded);
      codedInSentence += coded;
      if (coded > 0) lastCodedEnd = occurrence.end;
      if (coded > 0) {
        previousSource = source ?? previousSource;
        consumedUntil = Math.max(consumedUntil, match?.afterEnd ?? occurrence.end, target?.tokenEnd ?? occurrence.end);
      }
    }
  }
}
