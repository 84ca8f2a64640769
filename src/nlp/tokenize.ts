import type { Doc } from "../document/doc.js";
import type { Token } from "../document/types.js";
import type { ItsFunction } from "wink-nlp";
import { retagPluralNouns } from "./retag.js";
import { wink } from "./wink.js";

/**
 * Stage 2: sentences, tokens, lemmas and POS tags. Each paragraph (an input line) is read on its
 * own, so a headline never runs into the next line's sentence. Token offsets are rebuilt from
 * wink's values and preceding spaces, which reproduce the input exactly.
 */
export function tokenize(doc: Doc): void {
  const nlp = wink();
  const its = nlp.its;
  for (const paragraph of doc.paragraphs) {
    const text = doc.text.slice(paragraph.start, paragraph.end);
    const read = nlp.readDoc(text);
    const tokens = read.tokens();
    const values = tokens.out(its.value);
    const spaces = tokens.out(its.precedingSpaces);
    const tags = tokens.out(its.pos);
    // wink's typings give `its.lemma` a signature `out` does not accept, though it works at run time.
    const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as unknown as string[];
    const spans = read.sentences().out(its.span) as unknown as Array<[number, number]>;

    // Character offset of every wink token, and our token index for it (-1 for whitespace tokens).
    const starts: number[] = new Array<number>(values.length);
    let cursor = paragraph.start;
    for (let i = 0; i < values.length; i += 1) {
      cursor += (spaces[i] ?? "").length;
      const value = values[i] ?? "";
      // Defensive: if wink ever normalised the text, find the token where it really is.
      if (doc.text.startsWith(value, cursor) === false) {
        const found = doc.text.indexOf(value, cursor);
        if (found >= 0 && found < paragraph.end) cursor = found;
      }
      starts[i] = cursor;
      cursor += value.length;
    }

    for (const [first, last] of spans) {
      const sentenceIndex = doc.sentences.length;
      const tokenStart = doc.tokens.length;
      for (let i = first; i <= last; i += 1) {
        const tag = tags[i] ?? "X";
        if (tag === "SPACE") continue;
        const value = values[i] ?? "";
        const start = starts[i] ?? paragraph.start;
        const token: Token = {
          index: doc.tokens.length,
          sentence: sentenceIndex,
          start,
          end: start + value.length,
          normal: value.toLowerCase(),
          lemma: (lemmas[i] ?? value).toLowerCase(),
          pos: tag,
        };
        doc.tokens.push(token);
      }
      const tokenEnd = doc.tokens.length;
      if (tokenEnd === tokenStart) continue;
      const firstToken = doc.tokens[tokenStart] as Token;
      const lastToken = doc.tokens[tokenEnd - 1] as Token;
      doc.sentences.push({
        index: sentenceIndex,
        start: firstToken.start,
        end: lastToken.end,
        tokenStart,
        tokenEnd,
        role: paragraph.role,
      });
    }
  }
  retagPluralNouns(doc);
}
