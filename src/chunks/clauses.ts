import type { Doc } from "../document/doc.js";
import type { Clause, ClauseKind, Sentence, Token, VerbGroup } from "../document/types.js";

/** Conjunctions that open a subordinate clause ("while President Biden has signaled …"). */
const SUBORDINATORS = new Set(["while", "although", "though", "because", "whereas", "unless", "whilst", "if", "whether"]);
const RELATIVE_PRONOUNS = new Set(["which", "who", "whom", "whose"]);
const QUOTES = new Set(['"', "'"]);
/** The most tokens an addressee or time phrase may take between "told" and "that". */
const MAX_SPEECH_GAP = 6;
const MAX_APPOSITIVE = 15;
const APPOSITIVE_START = new Set(["DET", "ADJ", "NOUN", "NUM"]);

/** Every word the boundary loop below looks at. */
const CLAUSE_OPENERS = new Set(["that", ",", ...SUBORDINATORS, ...RELATIVE_PRONOUNS]);

export interface ClauseOptions {
  speechVerbs: ReadonlySet<string>;
}

interface Boundary {
  at: number;
  kind: ClauseKind;
  speechVerb?: number;
}

/**
 * Stage 3c: clauses. The sentence is cut into consecutive clauses at subordinators, relative
 * pronouns, participial commas and reported-speech complements; appositives ("Raisi, a
 * conservative cleric elected last year, said …") are added on top as their own clauses so that
 * nothing inside them is coded or dates the event. `verbGroupOffset` is the index in
 * doc.verbGroups of this sentence's first verb group.
 */
export function findClauses(doc: Doc, sentence: Sentence, groups: readonly VerbGroup[], verbGroupOffset: number, options: ClauseOptions): Clause[] {
  const boundaries: Boundary[] = [];
  const groupEndingBefore = (position: number): number => {
    for (let g = groups.length - 1; g >= 0; g -= 1) if ((groups[g] as VerbGroup).tokenEnd <= position) return g;
    return -1;
  };
  const isSpeech = (g: number): boolean => g >= 0 && options.speechVerbs.has((groups[g] as VerbGroup).lemma);

  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k += 1) {
    const token = doc.tokens[k] as Token;
    // One look-up passes over the words that open no clause, most of a sentence.
    if (!CLAUSE_OPENERS.has(token.normal)) continue;
    const next = doc.tokens[k + 1];
    if (token.normal === "that" && (token.pos === "SCONJ" || token.pos === "PRON" || token.pos === "DET")) {
      const g = groupEndingBefore(k);
      const gap = g >= 0 ? k - (groups[g] as VerbGroup).tokenEnd : Infinity;
      if (isSpeech(g) && gap <= MAX_SPEECH_GAP && !hasVerbBetween(doc, (groups[g] as VerbGroup).tokenEnd, k)) {
        boundaries.push({ at: k, kind: "reported", speechVerb: verbGroupOffset + g });
      } else if (token.pos === "SCONJ") {
        boundaries.push({ at: k, kind: "subordinate" });
      }
    } else if (SUBORDINATORS.has(token.normal)) {
      boundaries.push({ at: k, kind: "subordinate" });
    } else if (RELATIVE_PRONOUNS.has(token.normal) && opensRelativeClause(doc, k, sentence)) {
      boundaries.push({ at: k, kind: "relative" });
    } else if (token.normal === "," && next?.pos === "VERB" && next.normal.endsWith("ing")) {
      boundaries.push({ at: k, kind: "participial" });
    }
  }

  // "Greeting Egyptian President Sisi at the palace, Erdogan praised …": an opening participle runs
  // to the first comma and shares the main clause's subject.
  const first = doc.tokens[sentence.tokenStart];
  if (first && first.pos === "VERB" && first.normal.endsWith("ing")) {
    for (let k = sentence.tokenStart + 1; k < sentence.tokenEnd; k += 1) {
      if (doc.tokens[k]?.normal !== ",") continue;
      boundaries.push({ at: sentence.tokenStart, kind: "participial" }, { at: k + 1, kind: "main" });
      break;
    }
  }

  // "said Iran is willing to …": a speech verb directly followed by a subject and a verb group.
  groups.forEach((group, g) => {
    if (!options.speechVerbs.has(group.lemma)) return;
    const start = group.tokenEnd;
    const first = doc.tokens[start];
    if (!first || start >= sentence.tokenEnd || first.normal === "that" || boundaries.some((b) => b.at === start)) return;
    const nextGroup = groups[g + 1];
    if (!nextGroup || nextGroup.tokenStart - start > MAX_SPEECH_GAP || nextGroup.tokenStart === start) return;
    if (!["PROPN", "NOUN", "PRON", "DET"].includes(first.pos)) return;
    boundaries.push({ at: start, kind: "reported", speechVerb: verbGroupOffset + g });
  });

  // '"We will expand cooperation," Raisi said.': the quotation is reported by the verb after it.
  const opening = doc.tokens[sentence.tokenStart];
  if (opening && QUOTES.has(opening.normal)) {
    for (let k = sentence.tokenStart + 2; k < sentence.tokenEnd; k += 1) {
      if (!QUOTES.has(doc.tokens[k]?.normal ?? "")) continue;
      const g = groups.findIndex((group) => group.tokenStart > k && group.tokenStart - k <= MAX_SPEECH_GAP);
      if (g >= 0 && isSpeech(g)) {
        boundaries.push({ at: k + 1, kind: "main" });
        boundaries.push({ at: sentence.tokenStart, kind: "reported", speechVerb: verbGroupOffset + g });
      }
      break;
    }
  }

  boundaries.sort((a, b) => a.at - b.at);
  const clauses: Clause[] = [];
  let cursor = sentence.tokenStart;
  let pending: Boundary = { at: sentence.tokenStart, kind: "main" };
  for (const boundary of boundaries) {
    if (boundary.at > cursor) {
      clauses.push(makeClause(sentence, cursor, boundary.at, pending, clauses));
      cursor = boundary.at;
    }
    pending = boundary;
  }
  if (cursor < sentence.tokenEnd) clauses.push(makeClause(sentence, cursor, sentence.tokenEnd, pending, clauses));

  clauses.push(...findAppositives(doc, sentence, groups));
  return clauses;
}

function makeClause(sentence: Sentence, start: number, end: number, boundary: Boundary, earlier: readonly Clause[]): Clause {
  const clause: Clause = { tokenStart: start, tokenEnd: end, sentence: sentence.index, kind: boundary.kind };
  if (boundary.speechVerb !== undefined) clause.speechVerb = boundary.speechVerb;
  if (earlier.length > 0 && boundary.kind !== "main") clause.parent = earlier.length - 1;
  return clause;
}

/** "Israel, which views …": wink tags "which" as a determiner as often as a pronoun; after a comma
 * or a noun it opens a relative clause. */
function opensRelativeClause(doc: Doc, k: number, sentence: Sentence): boolean {
  const token = doc.tokens[k] as Token;
  const previous = k > sentence.tokenStart ? doc.tokens[k - 1] : undefined;
  if (!previous || (token.pos !== "PRON" && token.pos !== "DET")) return false;
  return previous.normal === "," || previous.pos === "NOUN" || previous.pos === "PROPN";
}

function hasVerbBetween(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if (doc.tokens[k]?.pos === "VERB") return true;
  return false;
}

/** ", a conservative cleric elected last year," right after a name, closed by a comma before the verb. */
function findAppositives(doc: Doc, sentence: Sentence, groups: readonly VerbGroup[]): Clause[] {
  const found: Clause[] = [];
  for (let k = sentence.tokenStart + 1; k < sentence.tokenEnd; k += 1) {
    const comma = doc.tokens[k] as Token;
    const before = doc.tokens[k - 1] as Token;
    const first = doc.tokens[k + 1];
    if (comma.normal !== "," || before.pos !== "PROPN" || !first || !APPOSITIVE_START.has(first.pos)) continue;
    for (let close = k + 2; close < Math.min(sentence.tokenEnd, k + 2 + MAX_APPOSITIVE); close += 1) {
      const token = doc.tokens[close] as Token;
      if (token.normal !== ",") continue;
      const after = close + 1;
      // The appositive is closed when the main verb follows it.
      if (groups.some((group) => group.tokenStart === after || (group.tokenStart === after + 1 && doc.tokens[after]?.pos === "ADV"))) {
        found.push({ tokenStart: k, tokenEnd: close + 1, sentence: sentence.index, kind: "appositive" });
        k = close;
      }
      break;
    }
  }
  return found;
}
