import type { Doc } from "../document/doc.js";
import type { Token } from "../document/types.js";
import type { ItemToken, ItsFunction } from "wink-nlp";
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
    const spans = read.sentences().out(its.span) as unknown as Array<[number, number]>;

    const starts = tokenStarts(doc.text, paragraph.start, paragraph.end, values, spaces);

    for (const [first, last] of spans) {
      const sentenceIndex = doc.sentences.length;
      const tokenStart = doc.tokens.length;
      for (let i = first; i <= last; i += 1) {
        const tag = tags[i] ?? "X";
        if (tag === "SPACE") continue;
        const value = values[i] ?? "";
        const start = starts[i] ?? paragraph.start;
        const form = formOf(value);
        const token: Token = {
          index: doc.tokens.length,
          sentence: sentenceIndex,
          start,
          end: start + value.length,
          normal: form.normal,
          lemma: lemmaOf(form, value, tag, i, spaces, values, tokens),
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

/**
 * Character offset of every wink token. wink's values and preceding spaces reproduce the paragraph, so the
 * offsets are running sums; only when they do not add up to the paragraph (wink would have changed the text) is
 * each token looked for where it really is.
 */
function tokenStarts(text: string, start: number, end: number, values: readonly string[], spaces: readonly string[]): number[] {
  const starts = new Array<number>(values.length);
  let cursor = start;
  for (let i = 0; i < values.length; i += 1) {
    cursor += (spaces[i] ?? "").length;
    starts[i] = cursor;
    cursor += (values[i] ?? "").length;
  }
  if (cursor === end && values.every((value, i) => text.charCodeAt(starts[i] as number) === value.charCodeAt(0))) return starts;
  cursor = start;
  for (let i = 0; i < values.length; i += 1) {
    cursor += (spaces[i] ?? "").length;
    const value = values[i] ?? "";
    if (!text.startsWith(value, cursor)) {
      const found = text.indexOf(value, cursor);
      if (found >= 0 && found < end) cursor = found;
    }
    starts[i] = cursor;
    cursor += value.length;
  }
  return starts;
}

/**
 * What is remembered of one surface form across documents: its lower-cased form and its lemma per tag.
 *
 * wink hands out the same string for every occurrence of a word, so the lower-cased one can be shared too, which
 * spares an allocation per token and lets later lookups (actor trie, lexicon) reuse the string's cached hash.
 *
 * wink computes a lemma on every request (exception tables, then suffix rules checked against its lexicon), which
 * was a fifth of its time per sentence, while the same few thousand word forms make up most news. A lemma depends
 * only on the form and its tag, except for the pieces of a contraction ("gon" + "na", "ca" + "n't", "I" + "'m"),
 * whose lemma wink stores with the expansion: those are asked of wink every time. Most forms only ever get one
 * tag, so the first tag's lemma is kept in the entry and others in a small map.
 */
interface FormMemo {
  normal: string;
  tag: string | undefined;
  lemma: string;
  otherTags: Map<string, string> | undefined;
}

const forms = new Map<string, FormMemo>();
/** Bound on remembered forms; the memo is cleared when it is reached. */
const FORM_MEMO_LIMIT = 200_000;

function formOf(value: string): FormMemo {
  let form = forms.get(value);
  if (form === undefined) {
    if (forms.size >= FORM_MEMO_LIMIT) forms.clear();
    form = { normal: value.toLowerCase(), tag: undefined, lemma: "", otherTags: undefined };
    forms.set(value, form);
  }
  return form;
}

function lemmaOf(form: FormMemo, value: string, tag: string, i: number, spaces: readonly string[], values: readonly string[], tokens: { itemAt(k: number): ItemToken }): string {
  const piece = isContractionPiece(value, i, spaces, values);
  if (!piece) {
    if (form.tag === tag) return form.lemma;
    const known = form.otherTags?.get(tag);
    if (known !== undefined) return known;
  }
  // wink's typings give `its.lemma` a signature `out` does not accept, though it works at run time.
  const lemma = (tokens.itemAt(i).out(wink().its.lemma as unknown as ItsFunction<string>) as unknown as string).toLowerCase();
  if (piece) return lemma;
  if (form.tag === undefined) {
    form.tag = tag;
    form.lemma = lemma;
  } else {
    (form.otherTags ??= new Map()).set(tag, lemma);
  }
  return lemma;
}

/** A token glued to a word before it that starts with a letter or apostrophe: a piece of a split contraction. */
function isContractionPiece(value: string, i: number, spaces: readonly string[], values: readonly string[]): boolean {
  if (i === 0 || (spaces[i] ?? "") !== "") return false;
  const first = value.charCodeAt(0);
  if (!(isLetter(first) || first === 39 || first === 0x2019)) return false;
  const previous = values[i - 1] ?? "";
  return isLetter(previous.charCodeAt(previous.length - 1));
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code > 0xbf;
}
