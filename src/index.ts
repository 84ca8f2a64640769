/**
 * parley's library API.
 *
 *   import { code } from "parley";
 *   const events = code("Putin hosts Iranian president for Kremlin talks", { date: "2022-01-19" });
 */
import type { CodedEvent, DocMeta } from "./document/types.js";
import { builtinCoder, processDocument, type Coder } from "./pipeline.js";
import { parseIsoDate } from "./time/expressions.js";

export interface CodeOptions {
  /** Publication date, YYYY-MM-DD: relative dates resolve against it. */
  date: string;
  /** Document id reported in every event (default "doc"). */
  id?: string;
  title?: string;
  url?: string;
  source?: string;
  /** A coder built with custom dictionaries (see createCoder). */
  coder?: Coder;
}

/** Code one document's text into events. Throws a RangeError for an invalid date. */
export function code(text: string, options: CodeOptions): CodedEvent[] {
  return analyze(text, options).events;
}

/** Like `code`, but returns the whole annotated document (sentences, tokens, actors, decisions, messages). */
export function analyze(text: string, options: CodeOptions) {
  const date = parseIsoDate(options.date);
  if (!date) throw new RangeError(`invalid date "${options.date}": expected a real calendar date as YYYY-MM-DD`);
  const meta: DocMeta = { id: options.id ?? "doc", date };
  if (options.title !== undefined) meta.title = options.title;
  if (options.url !== undefined) meta.url = options.url;
  if (options.source !== undefined) meta.source = options.source;
  const raw = options.title && !text.startsWith(options.title) ? `${options.title}\n${text}` : text;
  return processDocument(options.coder ?? builtinCoder(), meta, raw);
}

export { createCoder, processDocument, type Coder } from "./pipeline.js";
export { Doc } from "./document/doc.js";
export type * from "./document/types.js";
