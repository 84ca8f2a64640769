/**
 * Reads the two sides of a verb pattern (`- SAID + * TO $ [042]` has before "SAID +" and after
 * "TO $") into tokens. One tokenizer serves all three formats:
 * - `_` glues the next token to the previous one; `_` followed by a blank only ends a word.
 * - `$ + % ^` are source, target, compound actor and skipped noun phrase.
 * - `&NAME` is a synset. PETRARCH-1 and TABARI end the name at `_` (`&TIETYPES_RELATIONS` is the
 *   synset TIETYPES glued to RELATIONS); PETRARCH-2 reads through `_` (`&FIGHT_OF_WORDS`).
 * - `{ A | B }` (TABARI) is a choice; `{A B}` without `|` is a PETRARCH-2 noun phrase.
 * - `(PREP ...)` is a PETRARCH-2 prepositional phrase; `A/B` is a choice of words.
 */
import type { PatternToken } from "./types.js";
import { LineError } from "./phrase.js";

export interface PatternSyntax {
  /** TABARI: words not closed by `_` are stems. */
  stems: boolean;
  /** PETRARCH-2: synset names run through underscores. */
  longSynsetNames: boolean;
}

export interface PatternSide {
  tokens: PatternToken[];
  /** The side began with `_` (after-side: glued to the verb). */
  leadingGlue: boolean;
  /** The side ended with `_` (before-side: the verb is glued to it). */
  trailingGlue: boolean;
}

const STOP = new Set([" ", "\t", "_", "{", "}", "(", ")", "|"]);

/** Tokens of one side of a pattern, or of a group inside it. */
export function parsePatternSide(text: string, syntax: PatternSyntax): PatternSide {
  const tokens: PatternToken[] = [];
  let underscore = false;
  let blank = false;
  let leadingGlue = false;
  let i = 0;
  const glueNext = (): boolean => {
    const glued = underscore && !blank;
    if (tokens.length === 0 && glued) leadingGlue = true;
    underscore = false;
    blank = false;
    return glued;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "_") {
      underscore = true;
      i++;
    } else if (ch === " " || ch === "\t") {
      blank = true;
      i++;
    } else if (ch === "{" || ch === "(") {
      const closeCh = ch === "{" ? "}" : ")";
      const end = findClose(text, i, closeCh);
      const inner = text.slice(i + 1, end);
      const glued = glueNext();
      tokens.push(ch === "{" ? braceGroup(inner, glued, syntax) : prepositionGroup(inner, glued, syntax));
      i = end + 1;
    } else if (ch === "}" || ch === ")" || ch === "|") {
      throw new LineError(`unexpected "${ch}"`);
    } else {
      let end = i;
      if (ch === "&" && syntax.longSynsetNames) {
        while (end < text.length && !" \t{}()|/".includes(text[end]!)) end++;
      } else {
        while (end < text.length && !STOP.has(text[end]!)) end++;
      }
      const closedByUnderscore = text[end] === "_";
      tokens.push(atom(text.slice(i, end), glueNext(), closedByUnderscore, syntax));
      i = end;
    }
  }
  return { tokens, leadingGlue, trailingGlue: underscore && !blank };
}

/** Index of the `close` matching the opener at `open`; only `{...}` may sit inside `(...)`. */
function findClose(text: string, open: number, close: string): number {
  const opener = text[open]!;
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === close) return j;
    if (opener === "(" && c === "{") {
      j = findClose(text, j, "}");
      continue;
    }
    if (c === "{" || c === "(" || c === "}" || c === ")") throw new LineError(`unbalanced "${opener}"`);
  }
  throw new LineError(`"${opener}" without "${close}"`);
}

function braceGroup(inner: string, glued: boolean, syntax: PatternSyntax): PatternToken {
  if (inner.includes("|")) {
    const options = inner.split("|").map((o) => {
      const side = parsePatternSide(o, syntax);
      if (side.tokens.length === 0) throw new LineError(`empty alternative in "{${inner}}"`);
      return side.tokens;
    });
    return { kind: "choice", options, glued };
  }
  const side = parsePatternSide(inner, syntax);
  if (side.tokens.length === 0) throw new LineError(`empty "{}"`);
  return { kind: "noun", tokens: side.tokens, glued };
}

function prepositionGroup(inner: string, glued: boolean, syntax: PatternSyntax): PatternToken {
  const side = parsePatternSide(inner, syntax);
  const [preposition, ...object] = side.tokens;
  if (!preposition) throw new LineError(`empty "()"`);
  if (preposition.kind !== "word" && preposition.kind !== "choice") {
    throw new LineError(`"(${inner})" does not start with a preposition`);
  }
  return { kind: "preposition", preposition, object, glued };
}

function atom(raw: string, glued: boolean, closedByUnderscore: boolean, syntax: PatternSyntax): PatternToken {
  switch (raw) {
    case "$":
      return { kind: "source", glued };
    case "+":
      return { kind: "target", glued };
    case "%":
      return { kind: "compound", glued };
    case "^":
      return { kind: "skip", glued };
  }
  if (raw.startsWith("&")) {
    const name = raw.slice(1).replace(/_+$/, "").toUpperCase();
    if (name === "") throw new LineError(`"&" without a synset name`);
    return { kind: "synset", name, glued };
  }
  const stem = syntax.stems && !closedByUnderscore;
  if (raw.includes("/")) {
    const words = raw.split("/");
    if (words.some((w) => w === "")) throw new LineError(`empty alternative in "${raw}"`);
    return {
      kind: "choice",
      options: words.map((w) => [{ kind: "word", word: w.toUpperCase(), stem, glued: false }]),
      glued,
    };
  }
  return { kind: "word", word: raw.toUpperCase(), stem, glued };
}

/** Adds the name of every synset the tokens use to `out`. */
export function synsetsUsed(tokens: PatternToken[], out: Set<string>): void {
  for (const t of tokens) {
    if (t.kind === "synset") out.add(t.name);
    else if (t.kind === "choice") for (const o of t.options) synsetsUsed(o, out);
    else if (t.kind === "noun") synsetsUsed(t.tokens, out);
    else if (t.kind === "preposition") synsetsUsed([t.preposition, ...t.object], out);
  }
}
