import type { Doc } from "../document/doc.js";
import { createForeignCoder } from "../dictionaries/coder.js";
import type { CodedDocument } from "../output/writer.js";
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

export interface WorkerJob {
  id: number;
  prepared: PreparedDocument;
  explain: ExplainMode;
}

export type WorkerResult =
  | { id: number; coded: CodedDocument; sentences: number; explanation: string | undefined; error?: undefined }
  | { id: number; error: string };
