import type { Doc } from "../document/doc.js";
import type { Chunk, Sentence, Token } from "../document/types.js";
import { opensTimePhrase } from "../nlp/calendar-words.js";

const NP_INNER = new Set(["DET", "ADJ", "NUM", "PROPN", "NOUN", "PRON", "PART", "SYM"]);
const NP_HEAD = new Set(["NOUN", "PROPN", "PRON", "NUM"]);
/** Words tagged as pronouns that open a noun phrase rather than ending it. */
const POSSESSIVES = new Set(["his", "her", "its", "their", "our", "my", "your", "whose"]);
/** Pronouns that start a clause rather than a noun phrase. */
const RELATIVES = new Set(["which", "who", "whom", "that", "what"]);

function canContinueNp(token: Token, previous: Token | undefined, next: Token | undefined): boolean {
  // "his counterpart Wednesday", "China next month": a time adverbial after a noun ends the phrase.
  if ((previous?.pos === "NOUN" || previous?.pos === "PROPN") && opensTimePhrase(token.normal, next?.normal)) return false;
  if (!NP_INNER.has(token.pos)) {
    // "then-President": a hyphen between a word and a noun stays inside the phrase.
    return token.normal === "-" && previous !== undefined && previous.pos !== "PUNCT";
  }
  if (token.pos === "PART") return token.normal === "'s" || token.normal === "'";
  // Pronouns only open a phrase ("his counterpart"); one inside a run starts the next phrase.
  return token.pos !== "PRON";
}

/** Whether a "'s" is among tokens [from, to). */
function hasPossessive(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if ((doc.tokens[k] as Token).normal === "'s") return true;
  return false;
}

/**
 * Stage 3b: noun phrases and prepositional phrases. A noun phrase is a run of determiners,
 * adjectives, numbers, nouns, possessives and names whose head is its last noun ("Iran's tattered
 * 2015 nuclear deal" → deal); a prepositional phrase is a preposition with the noun phrase after it.
 */
export function findPhrases(doc: Doc, sentence: Sentence): Chunk[] {
  const chunks: Chunk[] = [];
  let i = sentence.tokenStart;
  while (i < sentence.tokenEnd) {
    const token = doc.tokens[i] as Token;
    if (!NP_INNER.has(token.pos) || (token.pos === "PRON" && RELATIVES.has(token.normal)) || token.pos === "PART") {
      i += 1;
      continue;
    }
    let end = i + 1;
    // A lone pronoun is a whole noun phrase ("he"); a possessive one opens a longer phrase ("his counterpart").
    if (!(token.pos === "PRON" && !POSSESSIVES.has(token.normal))) {
      while (end < sentence.tokenEnd && canContinueNp(doc.tokens[end] as Token, doc.tokens[end - 1], doc.tokens[end + 1])) end += 1;
    }
    let head = -1;
    for (let k = end - 1; k >= i; k -= 1) {
      const candidate = doc.tokens[k] as Token;
      if (NP_HEAD.has(candidate.pos) && !(candidate.pos === "PRON" && POSSESSIVES.has(candidate.normal))) {
        head = k;
        break;
      }
    }
    // "continue the offensive against Hamas", "Israel's military said": a determiner or possessive
    // and an adjective with no noun after it is a noun phrase whose head is the adjective used as a noun.
    const last = doc.tokens[end - 1] as Token;
    const nominal = end - i >= 2 && last.pos === "ADJ" && !NP_HEAD.has(doc.tokens[end]?.pos ?? "");
    if (nominal && ((head < 0 && token.pos === "DET") || hasPossessive(doc, i, end - 1))) head = end - 1;
    if (head >= 0) {
      // Trailing possessive markers or hyphens are not part of the phrase.
      const np: Chunk = { kind: "NP", tokenStart: i, tokenEnd: head + 1, sentence: sentence.index, head };
      const before = doc.tokens[i - 1];
      if (before && i - 1 >= sentence.tokenStart && before.pos === "ADP") {
        chunks.push({ kind: "PP", tokenStart: i - 1, tokenEnd: np.tokenEnd, sentence: sentence.index, head: i - 1 });
      }
      chunks.push(np);
      i = head + 1;
    } else {
      i = end;
    }
  }
  return chunks;
}
