import type { Doc } from "../document/doc.js";
import type { Sentence, Token, VerbGroup } from "../document/types.js";

/** Verbs that, followed by "to", turn the next verb into an intention or offer. */
const INTENT_VERBS = new Set([
  "want", "plan", "intend", "hope", "seek", "aim", "promise", "pledge", "vow", "offer", "agree", "prepare",
  "decide", "wish", "like", "propose", "expect", "resolve", "commit", "threaten", "mean", "refuse", "decline",
]);
/**
 * Adjectives that do the same after a form of "be": "is willing to expand". "due" ("is due to visit") is a
 * schedule like "set"; without it the group would break at the adjective and "to visit" would be left as a
 * purpose infinitive, coding nothing.
 */
const INTENT_ADJECTIVES = new Set(["willing", "ready", "prepared", "eager", "keen", "determined", "poised", "set", "going", "likely", "committed", "due"]);
/** Auxiliaries of the future: "Iran will expand" states an intention. */
const FUTURE_AUXILIARIES = new Set(["will", "'ll", "shall", "would", "wo"]);
const OTHER_MODALS = new Set(["could", "can", "may", "might", "should", "must", "ca"]);
const NEGATIONS = new Set(["not", "n't", "never", "no"]);
/** Adverbs that may sit inside a verb group without breaking it. */
const INNER_ADVERBS = new Set([
  "also", "still", "already", "reportedly", "actively", "now", "just", "jointly", "again", "further", "formally", "officially",
  "repeatedly", "recently", "allegedly", "then", "later", "finally", "once", "even", "ever", "quickly", "immediately", "publicly",
  "strongly", "firmly", "openly", "swiftly", "effectively", "largely", "partly", "fully", "soon", "not", "never",
]);
const PARTICLES = new Set(["up", "down", "out", "off", "in", "on", "back", "away", "over", "through", "forward", "aside", "apart"]);

export interface VerbGroupOptions {
  /** Lemmas the lexicon knows, including particle verbs joined by "_" ("pull_out"). */
  verbLemmas: ReadonlySet<string>;
}

function isBe(token: Token): boolean {
  return token.lemma === "be" || token.lemma === "get" || token.normal === "been" || token.normal === "being";
}

function isParticiple(token: Token): boolean {
  return token.normal !== token.lemma && !token.normal.endsWith("ing") && !token.normal.endsWith("s");
}

/** Can `token` belong to a verb group that is still open? */
function continues(token: Token, next: Token | undefined): boolean {
  switch (token.pos) {
    case "AUX":
    case "VERB":
      return true;
    case "PART":
      return token.normal === "to" || NEGATIONS.has(token.lemma);
    case "ADV":
      return INNER_ADVERBS.has(token.normal) && next !== undefined && (next.pos === "VERB" || next.pos === "AUX" || next.pos === "PART" || next.pos === "ADV" || next.pos === "ADJ");
    case "ADJ":
      return INTENT_ADJECTIVES.has(token.normal) && next?.normal === "to";
    default:
      return false;
  }
}

/**
 * Stage 3a: verb groups. A verb group is a run of auxiliaries, negation, inner adverbs, intention
 * verbs or adjectives with "to", ending in the main verb: "has hosted", "did not attack",
 * "wants to rejoin", "is willing to expand", "would like to discuss", "was hosted by".
 */
export function findVerbGroups(doc: Doc, sentence: Sentence, options: VerbGroupOptions): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let i = sentence.tokenStart;
  while (i < sentence.tokenEnd) {
    const token = doc.tokens[i] as Token;
    if (!continues(token, doc.tokens[i + 1]) || token.pos === "ADJ") {
      i += 1;
      continue;
    }
    let end = i;
    while (end < sentence.tokenEnd && continues(doc.tokens[end] as Token, doc.tokens[end + 1])) {
      // Two lexical verbs in a row without "to" between them are two groups ("helping reclaim").
      const current = doc.tokens[end] as Token;
      const previous = doc.tokens[end - 1];
      if (end > i && current.pos === "VERB" && previous?.pos === "VERB" && !INTENT_VERBS.has(previous.lemma)) break;
      end += 1;
    }
    // The main verb is the last VERB of the run (or a lone AUX used as a main verb is skipped).
    let head = -1;
    for (let k = end - 1; k >= i; k -= 1) {
      if (doc.tokens[k]?.pos === "VERB") {
        head = k;
        break;
      }
    }
    if (head < 0) {
      i = end > i ? end : i + 1;
      continue;
    }
    groups.push(describeGroup(doc, i, head, sentence, options));
    i = Math.max(head + 1, groups.at(-1)?.tokenEnd ?? head + 1);
  }
  return groups;
}

function describeGroup(doc: Doc, start: number, head: number, sentence: Sentence, options: VerbGroupOptions): VerbGroup {
  const headToken = doc.tokens[head] as Token;
  let lemma = headToken.lemma;
  let tokenEnd = head + 1;
  let particle: number | undefined;
  const next = doc.tokens[head + 1];
  if (next && head + 1 < sentence.tokenEnd && PARTICLES.has(next.normal) && options.verbLemmas.has(`${lemma}_${next.normal}`)) {
    lemma = `${lemma}_${next.normal}`;
    particle = head + 1;
    tokenEnd = head + 2;
  }

  let negated = false;
  let passive = false;
  let intentMarker: string | undefined;
  let modal: string | undefined;
  for (let k = start; k < head; k += 1) {
    const token = doc.tokens[k] as Token;
    if (NEGATIONS.has(token.lemma) || NEGATIONS.has(token.normal)) negated = true;
    if (FUTURE_AUXILIARIES.has(token.normal)) intentMarker ??= token.normal === "wo" ? "will" : token.normal;
    else if (OTHER_MODALS.has(token.normal)) modal = token.normal;
    const after = doc.tokens[k + 1];
    if (after?.normal === "to" && (INTENT_VERBS.has(token.lemma) || INTENT_ADJECTIVES.has(token.normal))) {
      // The innermost marker decides ("would like to" → like; "threatens to" → threaten).
      intentMarker = token.lemma === "like" || token.lemma === "threaten" || token.lemma === "refuse" || token.lemma === "decline" || intentMarker === undefined ? token.lemma : intentMarker;
    }
  }
  const beforeHead = doc.tokens[head - 1];
  if (beforeHead && head - 1 >= start && isBe(beforeHead) && isParticiple(headToken)) passive = true;
  // Headlines drop the auxiliary: "US service members killed in helicopter crash". Active
  // headlines are written in the present ("Russia attacks"), so a bare participle is passive.
  const afterHead = head + 1 < sentence.tokenEnd ? doc.tokens[head + 1] : undefined;
  const noObject = afterHead === undefined || afterHead.pos === "ADP" || afterHead.pos === "PUNCT";
  if (sentence.role === "headline" && head === start && noObject && isParticiple(headToken) && headToken.normal.endsWith("ed")) passive = true;
  // "has been attacked": be-auxiliary anywhere in the group directly governing the participle.
  for (let k = start; k < head && !passive; k += 1) {
    const token = doc.tokens[k] as Token;
    if (isBe(token) && isParticiple(headToken) && doc.tokens.slice(k + 1, head).every((t) => t.pos === "ADV")) passive = true;
  }

  const group: VerbGroup = { tokenStart: start, tokenEnd, sentence: sentence.index, head, lemma, passive, negated, intent: intentMarker !== undefined };
  if (particle !== undefined) group.particle = particle;
  if (intentMarker !== undefined) group.intentMarker = intentMarker;
  if (modal !== undefined) group.modal = modal;
  return group;
}
