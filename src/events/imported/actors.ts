/**
 * Actors for imported PETRARCH/TABARI dictionaries, found the way those coders compose them
 * within a noun phrase: the first actor of the phrase gives the root code, `[NGO~]` agents are put
 * before it and `[~GOV]` agents after it, in text order, each 3-letter part at most once
 * ("Gondor main opposition group" → GON+MOP+OPP, "MSF Arnor diplomat" → NGO+ARN+GOV). A phrase
 * with agents but no actor is coded "---" + agents. Coordinated phrases become one compound mention
 * ("Fornost and Gondor"); agents before "of/in/from" a list apply to every member ("Lawmakers and
 * officials in Fornost and Gondor"), and agent-only members inherit the actor of the first one
 * ("Danish media and government"). Codes written "FRO/BIL/SAM" are compounds themselves; dated
 * codes are chosen at the document's date (the first dated entry covering it, else the default).
 */
import type { Doc } from "../../document/doc.js";
import type { ActorMention, Sentence, Token } from "../../document/types.js";
import type { ActorCode, ImportedActor, ImportedDictionaries, ImportedPhrase } from "../../dictionaries/types.js";
import { phraseTokens } from "../../actors/actor-index.js";
import { TokenTrie } from "../../actors/trie.js";

type LexiconEntry =
  | { kind: "actor"; codes: ActorCode[]; name: string; line: number }
  | { kind: "agent"; code: string; prefix: boolean; name: string; line: number };

/** An actor name whose words, where not joined by `_`, may have modifiers between them. */
interface GappedName {
  /** Tokens of each dictionary word, lower-cased. */
  words: string[][];
  /** Word k must directly follow word k-1. */
  glued: boolean[];
  entry: LexiconEntry;
}

export interface ImportedActorLexicon {
  trie: TokenTrie<LexiconEntry>;
  /** Multi-word actor names with blanks, by their first token ("ITHILEN TELEVISION"). */
  gapped: Map<string, GappedName[]>;
}

function phraseKeys(phrase: ImportedPhrase): string[] {
  return phrase.words.flatMap((word) => phraseTokens(word.text.toLowerCase()));
}

export function compileImportedActors(imported: ImportedDictionaries): ImportedActorLexicon {
  const trie = new TokenTrie<LexiconEntry>();
  const gapped = new Map<string, GappedName[]>();
  const addActor = (actor: ImportedActor): void => {
    const root = actor.names[0]?.text ?? "";
    const entry: LexiconEntry = { kind: "actor", codes: actor.codes, name: root, line: actor.line };
    for (const name of actor.names) {
      trie.insert(phraseKeys(name), entry);
      if (name.words.length < 2 || name.words.slice(1).every((word) => word.glued)) continue;
      const words = name.words.map((word) => phraseTokens(word.text.toLowerCase()));
      const first = words[0]?.[0];
      if (first === undefined) continue;
      const list = gapped.get(first) ?? [];
      list.push({ words, glued: name.words.map((word) => word.glued), entry });
      gapped.set(first, list);
    }
  };
  imported.actors.forEach(addActor);
  for (const agent of imported.agents) {
    const entry: LexiconEntry = { kind: "agent", code: agent.code, prefix: agent.prefix, name: agent.names[0]?.text ?? "", line: agent.line };
    for (const name of agent.names) trie.insert(phraseKeys(name), entry);
  }
  return { trie, gapped };
}

/** The actor's code on `date`: the first dated entry that covers it, else the first default. */
export function codeAtDate(codes: readonly ActorCode[], date: string): string | undefined {
  const dated = codes.find((code) => (code.from !== undefined || code.to !== undefined) && (code.from === undefined || code.from <= date) && (code.to === undefined || code.to >= date));
  if (dated) return dated.code;
  return codes.find((code) => code.from === undefined && code.to === undefined)?.code;
}

interface Unit {
  start: number;
  end: number;
  entry: LexiconEntry;
}

/** One noun phrase's worth of actor and agent words. */
interface Element {
  start: number;
  end: number;
  /** Root actor codes (several for "FRO/BIL/SAM"); empty for agents only. */
  actors: string[];
  prefixes: string[];
  suffixes: string[];
  rules: string[];
}

const TIGHT = new Set(["'s", "'", "the", "-", "a", "an"]);
const LINKS = new Set(["of", "in", "from"]);
const COORDINATORS = new Set(["and", "or", "nor", ","]);
const LEADING = new Set(["neither", "both", "either"]);

function joinParts(parts: readonly string[]): string {
  const seen = new Set<string>();
  let out = "";
  for (const part of parts) {
    // Each 3-letter piece once: "Washington security officials" is USA+GOV, not USAGOVGOV.
    const pieces = part.match(/.{1,3}/g) ?? [];
    for (const piece of pieces) {
      if (seen.has(piece)) continue;
      seen.add(piece);
      out += piece;
    }
  }
  return out;
}

function elementCodes(element: Element, inherited?: Element): string[] {
  const roots = element.actors.length > 0 ? element.actors : inherited && inherited.actors.length > 0 ? inherited.actors : ["---"];
  const prefixes = element.actors.length === 0 && inherited ? [...inherited.prefixes, ...element.prefixes] : element.prefixes;
  const extra = element.actors.length === 0 && inherited ? inheritedSuffixes(inherited) : [];
  return roots.map((root) => {
    if (root === "---") return `---${joinParts([...prefixes.slice().reverse(), ...extra, ...element.suffixes])}`;
    return joinParts([...prefixes.slice().reverse(), root, ...extra, ...element.suffixes]);
  });
}

/** "Danish Islamist media and government": the government inherits DNK+MOS, not MED. */
function inheritedSuffixes(element: Element): string[] {
  return element.suffixes.slice(0, -1);
}

function isTightGap(tokens: readonly Token[], from: number, to: number): boolean {
  for (let t = from; t < to; t += 1) {
    const token = tokens[t];
    if (!token) return false;
    if (TIGHT.has(token.normal) || token.pos === "ADJ") continue;
    // "awful and evil minister": a coordinator between two adjectives stays inside the phrase.
    if ((token.normal === "and" || token.normal === ",") && tokens[t - 1]?.pos === "ADJ" && tokens[t + 1]?.pos === "ADJ") continue;
    return false;
  }
  return true;
}

type Gap = "tight" | "link" | "coordination" | "none";

/** Elements that code together: one element, or agents linked to actors ("officials in X and Y"). */
interface Group {
  elements: Element[];
  /** Precomputed member codes for linked groups; empty for a single element. */
  members: Array<{ code: string; element: Element }>;
}

/**
 * "Dagolath's first Deputy Prime Minister", "Ithilen's awful and cool minister": after a
 * possessive, a few modifiers may stand between the actor and its agent.
 */
function isPossessiveGap(tokens: readonly Token[], from: number, to: number): boolean {
  const first = tokens[from]?.normal;
  if ((first !== "'s" && first !== "'") || to - from > 5) return false;
  for (let t = from + 1; t < to; t += 1) {
    const pos = tokens[t]?.pos ?? "";
    if (!/^(?:ADJ|NOUN|PROPN|VERB|CCONJ|NUM|ADV)$/.test(pos)) return false;
  }
  return true;
}

function gapKind(tokens: readonly Token[], from: number, to: number, nextIsAgent: boolean): Gap {
  if (from === to || isTightGap(tokens, from, to)) return "tight";
  if (nextIsAgent && isPossessiveGap(tokens, from, to)) return "tight";
  const words = [];
  for (let t = from; t < to; t += 1) words.push(tokens[t] as Token);
  if (words.length <= 3 && words.some((w) => LINKS.has(w.normal)) && words.every((w) => LINKS.has(w.normal) || TIGHT.has(w.normal) || w.pos === "ADJ")) return "link";
  if (words.some((w) => COORDINATORS.has(w.normal)) && words.every((w) => COORDINATORS.has(w.normal) || TIGHT.has(w.normal) || w.pos === "ADJ")) return "coordination";
  return "none";
}

/** Tokens that may stand between the words of a gapped name ("Ithilen state-run television"). */
const GAP_TAGS = /^(?:ADJ|NOUN|PROPN|NUM)$/;
const MAX_GAP = 3;

/** The longest gapped name starting at virtual position `start`, as an exclusive end. */
function gappedEnd(lexicon: ImportedActorLexicon, words: readonly VirtualToken[], start: number): { end: number; entry: LexiconEntry } | undefined {
  let best: { end: number; entry: LexiconEntry } | undefined;
  for (const name of lexicon.gapped.get(words[start]?.normal ?? "") ?? []) {
    let position = start;
    let fits = true;
    name.words.forEach((tokens, k) => {
      if (!fits) return;
      const at = (p: number): boolean => tokens.every((token, offset) => words[p + offset]?.normal === token);
      if (k === 0 || name.glued[k]) {
        fits = at(position);
      } else {
        let p = position;
        while (p < words.length && p - position <= MAX_GAP && !at(p)) {
          const tag = words[p]?.pos ?? "";
          // "state-run": any word joined by a hyphen is a modifier.
          const hyphenated = words[p]?.normal === "-" || words[p - 1]?.normal === "-";
          if (!GAP_TAGS.test(tag) && !hyphenated) {
            p = words.length;
            break;
          }
          p += 1;
        }
        fits = p < words.length && p - position <= MAX_GAP && at(p);
        position = p;
      }
      if (fits) position += tokens.length;
    });
    if (fits && (!best || position > best.end)) best = { end: position, entry: name.entry };
  }
  return best;
}

/** A token, or one part of a token written with underscores ("Dol_Amroth"). */
interface VirtualToken {
  normal: string;
  pos: string;
  /** Index of the document token it comes from. */
  index: number;
}

function virtualTokens(doc: Doc, sentence: Sentence): VirtualToken[] {
  const out: VirtualToken[] = [];
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t += 1) {
    const token = doc.tokens[t] as Token;
    const parts = /[^_]_[^_]/.test(token.normal) ? token.normal.split("_").filter((part) => part !== "") : [token.normal];
    for (const part of parts) out.push({ normal: part, pos: token.pos, index: t });
  }
  return out;
}

/**
 * Commas make a list only when "and", "or" or "nor" closes it ("Mordor, Rohan, Fornost and
 * Bree"); "Gondor, a senior Osgiliath official" is an apposition, not two actors.
 */
function confirmLists(doc: Doc, elements: readonly Element[], joins: Gap[]): void {
  let runStart = -1;
  const hasCoordinator = (j: number): boolean => {
    for (let t = elements[j]?.end ?? 0; t < (elements[j + 1]?.start ?? 0); t += 1) {
      const normal = doc.tokens[t]?.normal ?? "";
      if (normal !== "," && COORDINATORS.has(normal)) return true;
    }
    return false;
  };
  const hasComma = (j: number): boolean => {
    for (let t = elements[j]?.end ?? 0; t < (elements[j + 1]?.start ?? 0); t += 1) if (doc.tokens[t]?.normal === ",") return true;
    return false;
  };
  for (let j = 0; j <= joins.length; j += 1) {
    if (j < joins.length && joins[j] === "coordination") {
      if (runStart < 0) runStart = j;
      continue;
    }
    if (runStart >= 0) {
      // Commas after the last "and" of the run ("…and Dagolath, the Osgiliath newspaper") end the list.
      let lastCoordinator = -1;
      for (let k = runStart; k < j; k += 1) if (hasCoordinator(k)) lastCoordinator = k;
      for (let k = Math.max(lastCoordinator + 1, runStart); k < j; k += 1) joins[k] = "none";
      // "Calenardhon and Gondor, and Gondor and Dagolath": ", and" after a plain "and" separates two pairs.
      let sawPlainAnd = false;
      for (let k = runStart; k <= lastCoordinator; k += 1) {
        const comma = hasComma(k);
        if (comma && sawPlainAnd && hasCoordinator(k)) {
          joins[k] = "none";
          sawPlainAnd = false;
        } else if (!comma && hasCoordinator(k)) sawPlainAnd = true;
      }
      runStart = -1;
    }
  }
}

function unitsOf(doc: Doc, lexicon: ImportedActorLexicon, sentence: Sentence): Unit[] {
  const words = virtualTokens(doc, sentence);
  const keys = (position: number): readonly string[] | undefined => {
    const token = words[position];
    return token ? [token.normal] : undefined;
  };
  const toDoc = (unit: Unit): Unit => ({ start: words[unit.start]?.index ?? 0, end: (words[unit.end - 1]?.index ?? 0) + 1, entry: unit.entry });
  const units: Unit[] = [];
  let actorEnd = -1;
  for (let i = 0; i < words.length; i += 1) {
    let matches = lexicon.trie.matchesAt(i, keys);
    const gap = i >= actorEnd ? gappedEnd(lexicon, words, i) : undefined;
    // A new array: the trie's answer may be its shared empty array, which must stay empty.
    if (gap && gap.end > (matches.find((m) => m.values.some((v) => v.kind === "actor"))?.end ?? 0)) matches = [{ end: gap.end, values: [gap.entry] }, ...matches];
    // Actors do not overlap (longest first); agents may ("human rights activists" and "rights activists").
    const actorMatch = i >= actorEnd ? matches.find((m) => m.values.some((v) => v.kind === "actor")) : undefined;
    if (actorMatch) {
      const entry = actorMatch.values.find((v) => v.kind === "actor");
      if (entry) units.push({ start: i, end: actorMatch.end, entry });
      actorEnd = actorMatch.end;
    }
    if (i < actorEnd && !actorMatch) continue;
    const agentMatch = matches.find((m) => m.values.some((v) => v.kind === "agent") && (!actorMatch || m.end > actorMatch.end));
    const agent = agentMatch?.values.find((v) => v.kind === "agent");
    if (agentMatch && agent) units.push({ start: i, end: agentMatch.end, entry: agent });
  }
  return units.map(toDoc).sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * "Arnor former security officials", "former Gondor prosecutors": PETRARCH codes former office
 * holders as elites (ELI) instead of by the office they held.
 */
function markFormer(doc: Doc, element: Element): void {
  for (let t = element.start - 1; t < element.end; t += 1) {
    if (doc.tokens[t]?.normal !== "former" || (t < element.start && doc.tokens[t]?.sentence !== doc.tokens[element.start]?.sentence)) continue;
    element.suffixes = ["ELI"];
    element.prefixes = [];
    element.rules.push("former:ELI");
    return;
  }
}

function addUnit(element: Element, unit: Unit, date: string): void {
  element.end = Math.max(element.end, unit.end);
  const entry = unit.entry;
  if (entry.kind === "agent") {
    (entry.prefix ? element.prefixes : element.suffixes).push(entry.code);
    element.rules.push(`agent:${entry.code}:${entry.name}`);
    return;
  }
  const code = codeAtDate(entry.codes, date);
  if (element.actors.length > 0) {
    // The phrase's first actor is its root, unless a later one says more about the same country:
    // "Chinese President Xi Jinping" is CHN then CHNGOV, coded CHNGOV.
    const [root] = element.actors;
    if (element.actors.length === 1 && root && code && !code.includes("/") && code.length > root.length && code.startsWith(root)) {
      element.actors = [code];
      element.rules.push(`actor:${entry.name}:${code}`);
    }
    return;
  }
  element.rules.push(`actor:${entry.name}:${code ?? "none"}`);
  if (code === undefined) return;
  element.actors = code.split("/").filter((part) => part !== "");
}

/** Finds actors with the imported lexicon and replaces `doc.actors` with them. */
export function findImportedActors(doc: Doc, lexicon: ImportedActorLexicon): void {
  const mentions: ActorMention[] = [];
  const date = doc.meta.date;
  for (const sentence of doc.sentences) {
    const units = unitsOf(doc, lexicon, sentence);
    // Units into elements (tight phrases), remembering how each element joins the next.
    const elements: Element[] = [];
    const joins: Gap[] = [];
    for (const unit of units) {
      const last = elements.at(-1);
      if (last && unit.start < last.end) {
        addUnit(last, unit, date);
        continue;
      }
      const gap = last ? gapKind(doc.tokens, last.end, unit.start, unit.entry.kind === "agent") : "none";
      if (last && gap === "tight") {
        addUnit(last, unit, date);
        continue;
      }
      if (last) joins.push(gap);
      const element: Element = { start: unit.start, end: unit.end, actors: [], prefixes: [], suffixes: [], rules: [] };
      addUnit(element, unit, date);
      elements.push(element);
    }
    for (const element of elements) markFormer(doc, element);
    confirmLists(doc, elements, joins);
    // A link joins a coordinated list of agent-only elements to the actor list after it:
    // "Lawmakers and officials in Fornost and Gondor" codes every agent with every actor.
    const groups: Group[] = [];
    const groupJoins: Gap[] = [];
    let i = 0;
    while (i < elements.length) {
      let j = i;
      while (j < joins.length && joins[j] === "coordination" && (elements[j + 1]?.actors.length ?? 1) === 0 && (elements[i]?.actors.length ?? 1) === 0) j += 1;
      const left = elements.slice(i, j + 1);
      const agentsOnly = left.every((element) => element.actors.length === 0);
      if (agentsOnly && joins[j] === "link" && elements[j + 1] && (elements[j + 1]?.actors.length ?? 0) > 0) {
        let k = j + 1;
        while (k < joins.length && joins[k] === "coordination" && (elements[k + 1]?.actors.length ?? 0) > 0) k += 1;
        const right = elements.slice(j + 1, k + 1);
        const members: Array<{ code: string; element: Element }> = [];
        for (const agentElement of left) {
          for (const actorElement of right) {
            const merged: Element = {
              ...actorElement,
              prefixes: [...agentElement.prefixes, ...actorElement.prefixes],
              suffixes: [...actorElement.suffixes, ...agentElement.suffixes],
            };
            for (const code of elementCodes(merged)) members.push({ code, element: actorElement });
          }
        }
        groups.push({ elements: [...left, ...right], members });
        groupJoins.push(joins[k] ?? "none");
        i = k + 1;
        continue;
      }
      const element = elements[i] as Element;
      groups.push({ elements: [element], members: [] });
      groupJoins.push(joins[i] ?? "none");
      i += 1;
    }
    // Coordinated groups make one compound mention; agent-only members take the first member's actor.
    let g = 0;
    while (g < groups.length) {
      let h = g;
      while (h < groups.length - 1 && groupJoins[h] === "coordination") h += 1;
      const list = groups.slice(g, h + 1);
      const first = list[0]?.elements[0];
      const codes = list.flatMap((group) => {
        if (group.members.length > 0) return group.members;
        const element = group.elements[0] as Element;
        const inherit = group !== list[0] && first && first.actors.length > 0 ? first : undefined;
        return elementCodes(element, inherit).map((code) => ({ code, element }));
      });
      const covered = list.flatMap((group) => group.elements);
      const start = covered[0]?.start ?? 0;
      const stop = Math.max(...covered.map((element) => element.end));
      const memberMentions: ActorMention[] = codes.map(({ code, element }) => ({
        tokenStart: element.start,
        tokenEnd: element.end,
        sentence: sentence.index,
        code,
        kind: element.actors.length > 0 ? "organisation" : "agent",
        rule: element.rules,
      }));
      const unique = memberMentions.filter((m, index) => memberMentions.findIndex((other) => other.code === m.code) === index);
      const head = unique[0];
      if (head) {
        const leading = LEADING.has(doc.tokens[start - 1]?.normal ?? "") ? start - 1 : start;
        const mention: ActorMention = { ...head, tokenStart: leading, tokenEnd: stop, rule: covered.flatMap((element) => element.rules) };
        if (unique.length > 1) mention.members = unique;
        mentions.push(mention);
      }
      g = h + 1;
    }
  }
  doc.actors = mentions;
}
