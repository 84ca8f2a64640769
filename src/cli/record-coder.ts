import type { RemovedParagraph } from "../clean/paragraph-dedup.js";
import type { Doc } from "../document/doc.js";
import type { DocMeta } from "../document/types.js";
import type { InputDocument, InputRecord } from "../ingest/record.js";
import { DocumentScreen } from "../ingest/screen.js";
import { processDocument, type Coder } from "../pipeline.js";

/** How the records of a run ended: every record is counted once. */
export interface Tally {
  coded: number;
  skipped: number;
  failed: number;
  events: number;
}

export function emptyTally(): Tally {
  return { coded: 0, skipped: 0, failed: 0, events: 0 };
}

/** A document that passed the screen, ready for the pipeline (in this thread or a worker). */
export interface PreparedDocument {
  meta: DocMeta;
  text: string;
  where: string;
  /** Paragraphs the screen removed as site boilerplate, reported as cleaning messages. */
  removed: RemovedParagraph[];
}

/** Run the pipeline over a prepared document, with the screen's removals as cleaning messages. */
export function codePrepared(coder: Coder, prepared: PreparedDocument): Doc {
  const doc = processDocument(coder, prepared.meta, prepared.text);
  for (const paragraph of prepared.removed) doc.message({ stage: "clean", severity: "info", reason: `removed ${paragraph.reason}: ${paragraph.text}` });
  return doc;
}

/**
 * How one record ended, for callers that keep more than the coded document (`parley ingest`):
 * - coded: screened and coded; `text` is the screened text the document was coded from;
 * - known: screened (so later copies of it are still recognised) but not coded, because the
 *   caller already has it (`skipCoding`);
 * - duplicate: a near-duplicate of an earlier document (`duplicateOf` is its DocMeta.id);
 * - skipped / failed: reported with the reason and counted, as `code` does.
 */
export type RecordOutcome =
  | { kind: "coded"; record: InputDocument; doc: Doc; text: string; language?: string }
  | { kind: "known"; record: InputDocument; text: string; language?: string }
  | { kind: "duplicate"; record: InputDocument; duplicateOf: string; reason: string }
  | { kind: "skipped" }
  | { kind: "failed" };

export interface CodeRecordOptions {
  /** Documents the caller does not need coded (already stored): screened only. */
  skipCoding?: (record: InputDocument) => boolean;
  /** Report near-duplicates as outcomes instead of warning and skipping them. */
  returnDuplicates?: boolean;
}

/**
 * Takes each input record to its end, the same way for `parley code` and `parley watch`: a
 * failure or skip is reported with its reason; a document is screened (site boilerplate,
 * language, near-duplicates), coded, and counted.
 */
export class RecordCoder {
  tally: Tally = emptyTally();
  private readonly screen: DocumentScreen;

  constructor(
    private readonly warn: (line: string) => void,
    options: { keepDuplicates?: boolean } = {},
  ) {
    this.screen = new DocumentScreen(options);
  }

  /** Count a document's paragraphs for boilerplate learning, ahead of coding it. */
  observe(record: InputRecord): void {
    if (record.kind === "document") this.screen.observe(record);
  }

  /** Screen a record: the document to code, or undefined once its failure or skip is reported. */
  prepare(record: InputRecord): PreparedDocument | undefined {
    if (record.kind !== "document") {
      this.warn(`${record.where}: ${record.kind === "skipped" ? "skipped: " : ""}${record.reason}`);
      this.tally[record.kind === "skipped" ? "skipped" : "failed"] += 1;
      return undefined;
    }
    if (record.text.trim() === "") return this.skip(record.where, "empty text");
    const screened = this.screen.screen(record);
    if (screened.kind === "skipped") return this.skip(record.where, screened.reason);
    return { meta: record.meta, text: screened.text, where: record.where, removed: screened.removed };
  }

  /** Count a coded document; one left empty by cleaning is a skip. Returns whether it counts as coded. */
  account(prepared: PreparedDocument, result: { sentences: number; events: number }): boolean {
    if (result.sentences === 0) {
      this.skip(prepared.where, "nothing left after removing boilerplate");
      return false;
    }
    this.tally.coded += 1;
    this.tally.events += result.events;
    return true;
  }

  /** prepare → code in this thread → account. */
  code(coder: Coder, record: InputRecord): Doc | undefined {
    const prepared = this.prepare(record);
    if (!prepared) return undefined;
    const doc = codePrepared(coder, prepared);
    return this.account(prepared, { sentences: doc.sentences.length, events: doc.events.length }) ? doc : undefined;
  }

  private skip(where: string, reason: string): undefined {
    this.warn(`${where}: skipped: ${reason}`);
    this.tally.skipped += 1;
    return undefined;
  }
}
