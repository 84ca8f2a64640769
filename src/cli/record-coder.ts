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
  /** Language detected by the screen (ISO 639-3), when it tells one. */
  language?: string;
}

export interface RecordCoderOptions {
  /** Code near-duplicates too (default: a copy of an earlier article is skipped). */
  keepDuplicates?: boolean;
  /**
   * Called for a near-duplicate instead of warning about it (`parley ingest` records it as a
   * further source of the original); it is still counted as skipped and not coded.
   */
  onDuplicate?: (record: InputDocument, duplicateOf: string, reason: string) => void;
}

/** Run the pipeline over a prepared document, with the screen's removals as cleaning messages. */
export function codePrepared(coder: Coder, prepared: PreparedDocument): Doc {
  const doc = processDocument(coder, prepared.meta, prepared.text);
  for (const paragraph of prepared.removed) doc.message({ stage: "clean", severity: "info", reason: `removed ${paragraph.reason}: ${paragraph.text}` });
  return doc;
}

/**
 * Takes each input record to its end, the same way for `parley code` and `parley watch`: a
 * failure or skip is reported with its reason; a document is screened (site boilerplate,
 * language, near-duplicates), coded, and counted.
 */
export class RecordCoder {
  tally: Tally = emptyTally();
  private readonly screen: DocumentScreen;
  private readonly onDuplicate: RecordCoderOptions["onDuplicate"];

  constructor(
    private readonly warn: (line: string) => void,
    options: RecordCoderOptions = {},
  ) {
    this.screen = new DocumentScreen(options.keepDuplicates === undefined ? {} : { keepDuplicates: options.keepDuplicates });
    this.onDuplicate = options.onDuplicate;
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
    if (screened.kind === "skipped") {
      if (screened.duplicateOf !== undefined && this.onDuplicate) {
        this.tally.skipped += 1;
        this.onDuplicate(record, screened.duplicateOf, screened.reason);
        return undefined;
      }
      return this.skip(record.where, screened.reason);
    }
    const prepared: PreparedDocument = { meta: record.meta, text: screened.text, where: record.where, removed: screened.removed };
    if (screened.language !== undefined) prepared.language = screened.language;
    return prepared;
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
