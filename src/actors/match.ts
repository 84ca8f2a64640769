import type { Doc } from "../document/doc.js";
import type { ActorKind, ActorMention, Token } from "../document/types.js";
import type { ActorEntryRef, ActorIndex } from "./actor-index.js";
import { CALENDAR_WORDS, opensTimePhrase } from "../nlp/calendar-words.js";
import { retagHeadlineVerbs } from "../nlp/retag.js";

/** Tokens that may sit between two dictionary matches of one actor: "Iran's foreign minister",
 * "President of the United States", "then-President Donald Trump". */
const GLUE = new Set(["'s", "'", "of", "the", "then", "-"]);
/** Between members of a compound actor: "Britain, France, Germany, Russia and China". */
const COORDINATION = new Set([",", "and", "or", "the"]);
const COORDINATOR = new Set(["and", "or"]);
const COUNTERPART = new Set(["counterpart", "counterparts"]);
const NOUNISH = new Set(["NOUN", "PROPN"]);
const MODIFIER_GAP = new Set(["ADJ", "NUM", "PART"]);
/**
 * Places, facilities and forces a country word in front of them stands for: "struck three Iranian
 * nuclear sites" hits Iran, "Russian missiles hit" is Russia firing. Heads like "programme",
 * "exports" or "grain" are absent on purpose: "the Iranian nuclear programme" is a topic, not Iran.
 */
const STANDS_FOR_COUNTRY = new Set([
  "site", "sites", "facility", "facilities", "installation", "installations", "plant", "plants", "refinery", "refineries",
  "city", "cities", "town", "towns", "village", "villages", "territory", "territories", "soil", "airspace", "waters",
  "position", "positions", "base", "bases", "port", "ports", "airfield", "airfields", "airport", "airports",
  "infrastructure", "target", "targets", "vessel", "vessels", "ship", "ships", "tanker", "tankers", "outpost", "outposts",
]);
/** Weapons that are a country's forces when they act: "Russian missiles hit" → RUSMIL. */
const WEAPONS = new Set(["missile", "missiles", "rocket", "rockets", "jet", "jets", "shell", "shells", "artillery", "bomber", "bombers"]);
/** Nouns that speak for the actor before them: "Kremlin spokesman Dmitry Peskov" is the Kremlin. */
const SPEAKS_FOR = new Set(["spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "envoy", "envoys", "delegation", "delegations"]);

interface RawMatch {
  tokenStart: number;
  tokenEnd: number;
  refs: ActorEntryRef[];
}

const KIND_RANK: Record<ActorKind, number> = {
  person: 6,
  organisation: 5,
  seat: 4,
  agent: 3,
  country: 2,
  capital: 2,
  demonym: 1,
  pronoun: 0,
};

function exactCaseHolds(doc: Doc, ref: ActorEntryRef, start: number): boolean {
  if (!ref.exact) return true;
  return ref.exact.every((expected, offset) => {
    const token = doc.tokens[start + offset];
    return token !== undefined && doc.text.slice(token.start, token.end) === expected;
  });
}

/** An ASCII capital at `offset`, read without slicing the token out of the text. */
function startsWithCapital(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 65 && code <= 90;
}

export interface ActorStageOptions {
  index: ActorIndex;
  /** Verb lemmas the lexicon knows, for re-tagging headline verbs. */
  verbLemmas: ReadonlySet<string>;
}

/**
 * Stage 4: find actors. Dictionary phrases are matched over tokens with the index's trie; adjacent
 * matches are composed into one actor ("Russian" + "President" + "Vladimir Putin" → RUSGOV); a
 * country word that only modifies a noun ("Kremlin talks", "Iranian presence") is not an actor;
 * coordinated actors become one compound mention with members.
 */
export function findActors(doc: Doc, options: ActorStageOptions): void {
  const { index } = options;
  // Surnames of people seen in full earlier in this document ("Ebrahim Raisi" … "Raisi").
  const aliases = new Map<string, ActorEntryRef>();
  for (const sentence of doc.sentences) {
    const raw: RawMatch[] = [];
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; ) {
      const token = doc.tokens[i] as Token;
      let matched = false;
      for (const match of index.trie.matchTokens(doc.tokens, i, sentence.tokenEnd)) {
        const refs = match.values.some((ref) => ref.exact !== undefined) ? match.values.filter((ref) => exactCaseHolds(doc, ref, i)) : match.values;
        if (refs.length === 0) continue;
        raw.push({ tokenStart: i, tokenEnd: match.end, refs });
        for (const ref of refs) {
          if (ref.kind === "person" && match.end - i > 1) {
            const surname = doc.tokens[match.end - 1];
            if (surname) aliases.set(surname.normal, { ...ref, rule: `${ref.rule}:surname` });
          }
        }
        i = match.end;
        matched = true;
        break;
      }
      if (matched) continue;
      const alias = aliases.size > 0 && (token.pos === "PROPN" || (token.end > token.start && startsWithCapital(doc.text, token.start))) ? aliases.get(token.normal) : undefined;
      if (alias) {
        raw.push({ tokenStart: i, tokenEnd: i + 1, refs: [alias] });
      } else if (raw.length > 0 && (raw[raw.length - 1] as RawMatch).tokenEnd === i && COUNTERPART.has(token.normal)) {
        // "his Iranian counterpart": the counterpart holds the same kind of office as the person
        // the story is about, which for heads of state and ministers is the government.
        raw.push({ tokenStart: i, tokenEnd: i + 1, refs: [{ kind: "agent", agent: counterpartAgent(doc, index, raw.slice(0, -1)), sector: "GOV", rule: "counterpart" }] });
      }
      i += 1;
    }

    // A word that is itself an actor ("Russian forces strike …") is no headline verb after the one before it.
    if (raw.length > 0) retagHeadlineVerbs(doc, sentence, actorEnds(raw), options.verbLemmas);

    const mentions: ActorMention[] = [];
    for (const group of groupMatches(doc, raw)) {
      const mention = composeMention(doc, index, group, sentence.index);
      if (mention) {
        extendOverSpokesperson(doc, mention, sentence.tokenEnd);
        extendWithName(doc, mention, sentence.tokenEnd, raw);
      }
      if (!mention) continue;
      const modifier = modifierKind(doc, mention, sentence.tokenEnd);
      if (modifier === "possessor") mention.possessor = true;
      if (modifier !== "modifier") mentions.push(mention);
    }
    doc.actors.push(...coordinate(doc, mentions));
  }
}

/** Where matches end, except where another match starts ("Russian forces strike …": "forces" is no verb). */
function actorEnds(raw: readonly RawMatch[]): number[] {
  const ends: number[] = [];
  for (const match of raw) if (!raw.some((other) => other.tokenStart === match.tokenEnd)) ends.push(match.tokenEnd);
  return ends;
}

/**
 * The office a counterpart holds: that of the latest office-holder named before it in the sentence
 * ("Russian President Vladimir Putin hosted his Iranian counterpart" → GOV), else in the document,
 * else the government.
 */
function counterpartAgent(doc: Doc, index: ActorIndex, earlier: readonly RawMatch[]): string {
  for (let m = earlier.length - 1; m >= 0; m -= 1) {
    for (const ref of earlier[m]?.refs ?? []) {
      if (ref.kind === "agent") return ref.agent;
      if (ref.kind === "seat") return "GOV";
      if (ref.kind === "person") {
        const code = index.personCode(ref.person.id, doc.meta.date) ?? "";
        if (code.length >= 6) return code.slice(3, 6);
      }
    }
  }
  for (let i = doc.actors.length - 1; i >= 0; i -= 1) {
    const code = doc.actors[i]?.code ?? "";
    if (code.length >= 6) return code.slice(3, 6);
  }
  return "GOV";
}

function groupMatches(doc: Doc, raw: RawMatch[]): RawMatch[][] {
  const groups: RawMatch[][] = [];
  for (const match of raw) {
    const current = groups.at(-1);
    const previous = current?.at(-1);
    if (current && previous && (gapIsGlue(doc, previous.tokenEnd, match.tokenStart) || agentInPlace(doc, current, match) || agentOfPlace(doc, current, match))) current.push(match);
    else groups.push([match]);
  }
  return groups;
}

/** "Police in Nairobi", "protesters in Tehran": an agent located in a place belongs to it. */
function agentInPlace(doc: Doc, group: readonly RawMatch[], match: RawMatch): boolean {
  const last = group.at(-1) as RawMatch;
  if (match.tokenStart !== last.tokenEnd + 1 || doc.tokens[last.tokenEnd]?.normal !== "in") return false;
  const onlyAgents = group.every((raw) => raw.refs.every((ref) => ref.kind === "agent"));
  const place = match.refs.some((ref) => ref.kind === "country" || ref.kind === "capital");
  return onlyAgents && place;
}

/** "Iranian oil companies", "Russian state media": a place, a word or two of trade, then an agent. */
function agentOfPlace(doc: Doc, group: readonly RawMatch[], match: RawMatch): boolean {
  const last = group.at(-1) as RawMatch;
  const gap = match.tokenStart - last.tokenEnd;
  if (gap < 1 || gap > 2 || !match.refs.every((ref) => ref.kind === "agent")) return false;
  if (!group.every((raw) => raw.refs.some((ref) => ref.kind === "country" || ref.kind === "demonym"))) return false;
  for (let i = last.tokenEnd; i < match.tokenStart; i += 1) {
    const pos = doc.tokens[i]?.pos;
    if (pos !== "NOUN" && pos !== "ADJ") return false;
  }
  return true;
}

function gapIsGlue(doc: Doc, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i += 1) {
    const token = doc.tokens[i];
    if (!token || !GLUE.has(token.normal)) return false;
  }
  return true;
}

function composeMention(doc: Doc, index: ActorIndex, group: RawMatch[], sentence: number): ActorMention | undefined {
  let refs = (group[0] as RawMatch).refs;
  if (group.length > 1) {
    refs = [];
    for (const match of group) for (const ref of match.refs) refs.push(ref);
  }
  const first = group[0];
  const last = group.at(-1);
  if (!first || !last) return undefined;
  const date = doc.meta.date;
  const rule: string[] = [];
  // The first reference of each kind, and the highest-ranked kind, in one pass.
  let person: ActorEntryRef | undefined;
  let organisation: ActorEntryRef | undefined;
  let place: ActorEntryRef | undefined;
  let agentRef: ActorEntryRef | undefined;
  let seat: ActorEntryRef | undefined;
  let kind: ActorKind = "demonym";
  for (const ref of refs) {
    if (!rule.includes(ref.rule)) rule.push(ref.rule);
    if (KIND_RANK[ref.kind] > KIND_RANK[kind]) kind = ref.kind;
    switch (ref.kind) {
      case "person":
        person ??= ref;
        break;
      case "organisation":
        organisation ??= ref;
        break;
      case "agent":
        agentRef ??= ref;
        break;
      case "seat":
        seat ??= ref;
        place ??= ref;
        break;
      case "country":
      case "demonym":
      case "capital":
        place ??= ref;
        break;
      default:
        break;
    }
  }

  const base = organisation?.kind === "organisation" ? organisation.code : place && "country" in place ? place.country : "";
  const agent = agentRef?.kind === "agent" ? agentRef.agent : seat ? "GOV" : "";
  // An organisation's code may already say what it is ("Hamas militants": PSEREBHMS is a rebel group).
  let code = agent === "" || hasSegment(base, agent) || (organisation && base.length >= 9) ? base : base + agent;
  const mention: ActorMention = { tokenStart: first.tokenStart, tokenEnd: last.tokenEnd, sentence, code, kind, rule };
  if (person?.kind === "person") {
    const personCode = index.personCode(person.person.id, date);
    // A person with no role at this date is still an actor: their country and title say what.
    code = personCode ?? (code || person.person.roles[0]?.code || "");
    mention.code = code;
    mention.personId = person.person.id;
  }
  return mention.code ? mention : undefined;
}

/** Whether the three-letter `segment` is one of the code's three-letter segments ("PSEREBHMS" has "REB"). */
function hasSegment(code: string, segment: string): boolean {
  if (segment.length !== 3) return false;
  for (let at = 0; at + 3 <= code.length; at += 3) if (code.startsWith(segment, at)) return true;
  return false;
}

/** "Kremlin spokesman", "Iranian envoy": the noun speaks for the actor, who stays the actor. */
function extendOverSpokesperson(doc: Doc, mention: ActorMention, sentenceEnd: number): void {
  const next = doc.tokens[mention.tokenEnd];
  if (mention.kind === "person" || !next || mention.tokenEnd >= sentenceEnd || !SPEAKS_FOR.has(next.normal)) return;
  mention.tokenEnd += 1;
  mention.kind = "agent";
  mention.rule = [...mention.rule, `speaks-for:${next.normal}`];
}


/** The most tokens an unlisted name after a title may have ("President Bashar al-Assad"). */
const MAX_NAME_TOKENS = 4;

/**
 * A title followed by a name the dictionaries do not know ("Syrian President Bashar Assad") is
 * still that office-holder: the mention grows over the capitalised name and counts as a person.
 */
function extendWithName(doc: Doc, mention: ActorMention, sentenceEnd: number, raw: readonly RawMatch[]): void {
  if (mention.kind !== "agent" || mention.code.length < 3) return;
  let end = mention.tokenEnd;
  while (end < sentenceEnd && end - mention.tokenEnd < MAX_NAME_TOKENS) {
    const token = doc.tokens[end] as Token;
    const capitalised = token.end > token.start && startsWithCapital(doc.text, token.start);
    if (token.pos !== "PROPN" || !capitalised || CALENDAR_WORDS.has(token.normal) || raw.some((match) => match.tokenStart === end)) break;
    end += 1;
  }
  if (end === mention.tokenEnd) return;
  mention.rule = [...mention.rule, `name:${doc.tokenSpanText(mention.tokenEnd, end)}`];
  mention.tokenEnd = end;
  mention.kind = "person";
}

/**
 * A place word that only modifies what follows is not an actor in its own right: "Kremlin talks",
 * "Iranian presence". Before a possessive ("Ukraine's energy grid") it is kept as the possessor,
 * which stands for the phrase when nothing else in it is an actor; so is one before a place or
 * weapon ("Iranian nuclear sites", "Russian missiles"). People, organisations and
 * agents with a country always are actors.
 */
function modifierKind(doc: Doc, mention: ActorMention, sentenceEnd: number): "actor" | "modifier" | "possessor" {
  if (mention.kind === "person" || mention.kind === "organisation") return "actor";
  if (mention.kind === "agent" && mention.code.length > 3) return "actor";
  let i = mention.tokenEnd;
  const next = doc.tokens[i];
  if (!next || i >= sentenceEnd) return "actor";
  if (next.normal === "'s" || next.normal === "'") return mention.kind === "agent" ? "modifier" : "possessor";
  if (opensTimePhrase(next.normal, doc.tokens[i + 1]?.normal)) return "actor";
  while (i < sentenceEnd && MODIFIER_GAP.has(doc.tokens[i]?.pos ?? "")) i += 1;
  const head = doc.tokens[i];
  if (head === undefined || i >= sentenceEnd || !NOUNISH.has(head.pos)) return "actor";
  // "Iranian nuclear sites": the country stands for the phrase, as a possessor would.
  const placeWord = mention.kind === "country" || mention.kind === "demonym" || mention.kind === "capital";
  if (!placeWord) return "modifier";
  // The phrase's head is its last noun: "Russian oil refineries", "Iranian missile programme".
  let last = i;
  for (let t = doc.tokens[last + 1]; last + 1 < sentenceEnd && t && NOUNISH.has(t.pos) && !CALENDAR_WORDS.has(t.normal); t = doc.tokens[last + 1]) last += 1;
  const headNoun = (doc.tokens[last] as Token).normal;
  if (STANDS_FOR_COUNTRY.has(headNoun)) {
    mention.rule = [...mention.rule, `stands-for:${headNoun}`];
    return "possessor";
  }
  if (WEAPONS.has(headNoun) && mention.code.length === 3) {
    mention.code += "MIL";
    mention.rule = [...mention.rule, `weapon:${headNoun}`];
    return "possessor";
  }
  return "modifier";
}

/** Join "A, B and C" into one compound mention whose members each get their own event. */
function coordinate(doc: Doc, mentions: ActorMention[]): ActorMention[] {
  const result: ActorMention[] = [];
  let i = 0;
  while (i < mentions.length) {
    const chain: ActorMention[] = [mentions[i] as ActorMention];
    let sawCoordinator = false;
    let j = i + 1;
    for (; j < mentions.length; j += 1) {
      const previous = chain.at(-1) as ActorMention;
      const next = mentions[j] as ActorMention;
      const gapLength = next.tokenStart - previous.tokenEnd;
      // ", ", "and", ", and", "and the": a "the" only after a separator.
      if (gapLength <= 0 || gapLength > 3 || doc.tokens[previous.tokenEnd]?.normal === "the" || !tokensAllIn(doc, previous.tokenEnd, next.tokenStart, COORDINATION)) break;
      chain.push(next);
      if (!tokensNoneIn(doc, previous.tokenEnd, next.tokenStart, COORDINATOR)) {
        sawCoordinator = true;
        j += 1;
        break;
      }
    }
    if (chain.length > 1 && sawCoordinator) {
      const first = chain[0] as ActorMention;
      const last = chain.at(-1) as ActorMention;
      result.push({
        tokenStart: first.tokenStart,
        tokenEnd: last.tokenEnd,
        sentence: first.sentence,
        code: first.code,
        kind: first.kind,
        rule: ["compound"],
        members: chain,
      });
      i = j;
    } else {
      result.push(chain[0] as ActorMention);
      i += 1;
    }
  }
  return result;
}

function tokensAllIn(doc: Doc, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i += 1) if (!words.has((doc.tokens[i] as Token).normal)) return false;
  return true;
}

function tokensNoneIn(doc: Doc, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i += 1) if (words.has((doc.tokens[i] as Token).normal)) return false;
  return true;
}
