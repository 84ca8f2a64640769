import type { Doc } from "../document/doc.js";
import { createForeignCoder } from "../dictionaries/coder.js";
import { formatJsonl } from "../output/jsonl.js";
import { codedDocument, type CodedDocument, type OutputFormat } from "../output/writer.js";
import { builtinCoder, type Coder } from "../pipeline.js";
import { explainCleaning, explainDocument } from "./explain.js";
import type { PreparedDocument } from "./record-coder.js";

/** Which coder a run uses, in a form a worker thread can rebuild. */
export interface CoderSpec {
  dictionaries?: string;
  withBuiltin: boolean;
}

export function coderFor(spec: CoderSpec): Coder {
  return spec.dictionaries === undefined ? builtinCoder() : createForeignCoder(spec.dictionaries, { withBuiltin: spec.withBuiltin }).coder;
}

/** What to print for a document instead of (or besides) its events. */
export interface ExplainMode {
  events: boolean;
  cleaning: boolean;
}

/** The text `--explain` / `--explain-clean` print for a document. */
export function explanationOf(doc: Doc, mode: ExplainMode): string | undefined {
  if (!mode.events && !mode.cleaning) return undefined;
  return `${mode.cleaning ? explainCleaning(doc) : ""}${mode.events && doc.sentences.length > 0 ? explainDocument(doc) : ""}`;
}

/**
 * A coded document as the main thread needs it: counts for the tally, and either its output
 * already formatted (JSONL needs nothing from the rest of the run, so the coding thread formats
 * it and only one string crosses threads) or the events for the main thread's writer (CSV writes
 * its header once, GDELT numbers events across the run).
 */
export interface CodingResult {
  sentences: number;
  events: number;
  explanation: string | undefined;
  output: { lines: string } | { coded: CodedDocument };
}

/** How a coding thread hands back a document: formatted when the format allows it. */
export function codingResult(doc: Doc, explain: ExplainMode, format: OutputFormat): CodingResult {
  const explanation = explanationOf(doc, explain);
  const output = format === "jsonl" ? { lines: doc.events.map((event) => `${formatJsonl(event)}\n`).join("") } : { coded: codedDocument(doc) };
  return { sentences: doc.sentences.length, events: doc.events.length, explanation, output };
}

/** Documents sent to a worker together, so that a message carries real work. */
export interface WorkerJob {
  id: number;
  documents: PreparedDocument[];
  explain: ExplainMode;
  format: OutputFormat;
}

export type WorkerResult = { id: number; results: CodingResult[]; error?: undefined } | { id: number; error: string };
