import type {
  ActorMention,
  CharRange,
  Chunk,
  Clause,
  CodedEvent,
  DocMessage,
  DocMeta,
  Sentence,
  SentenceRole,
  Token,
  VerbGroup,
} from "./types.js";
import type { EventDecision } from "../events/decision.js";

/** A paragraph of the cleaned text: a line of the input that survived cleaning. */
export interface Paragraph extends CharRange {
  role: SentenceRole;
  /** 1-based line in the raw input, for messages. */
  rawLine: number;
}

/**
 * The one object that owns a document's text and every annotation on it (spaCy's Doc, vfile's
 * messages). `raw` is the input as received; `text` is the cleaned text every offset points into.
 * Stages append to the arrays below in pipeline order; nothing keeps its own copy of the text.
 */
export class Doc {
  readonly meta: DocMeta;
  readonly raw: string;
  text = "";
  paragraphs: Paragraph[] = [];
  sentences: Sentence[] = [];
  tokens: Token[] = [];
  chunks: Chunk[] = [];
  verbGroups: VerbGroup[] = [];
  clauses: Clause[] = [];
  actors: ActorMention[] = [];
  events: CodedEvent[] = [];
  /** Why each verb group did or did not become an event (for --explain). */
  decisions: EventDecision[] = [];
  messages: DocMessage[] = [];

  constructor(meta: DocMeta, raw: string) {
    this.meta = meta;
    this.raw = raw;
  }

  slice(range: CharRange): string {
    return this.text.slice(range.start, range.end);
  }

  sentenceText(index: number): string {
    const sentence = this.sentences[index];
    return sentence ? this.text.slice(sentence.start, sentence.end) : "";
  }

  /** Text covered by tokens [tokenStart, tokenEnd). */
  tokenSpanText(tokenStart: number, tokenEnd: number): string {
    const first = this.tokens[tokenStart];
    const last = this.tokens[tokenEnd - 1];
    if (!first || !last) return "";
    return this.text.slice(first.start, last.end);
  }

  /** Character range of tokens [tokenStart, tokenEnd), relative to the start of their sentence. */
  sentenceOffsets(tokenStart: number, tokenEnd: number): [number, number] {
    const first = this.tokens[tokenStart];
    const last = this.tokens[tokenEnd - 1];
    if (!first || !last) throw new RangeError(`no tokens in [${tokenStart}, ${tokenEnd})`);
    const sentence = this.sentences[first.sentence];
    const base = sentence ? sentence.start : 0;
    return [first.start - base, last.end - base];
  }

  message(message: DocMessage): void {
    this.messages.push(message);
  }
}
