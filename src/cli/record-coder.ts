import type { Doc } from "../document/doc.js";
import type { InputRecord } from "../ingest/record.js";
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

/**
 * Takes each input record to its end, the same way for `parley code` and `parley watch`: a
 * failure or skip is reported with its reason; a document is screened (site boilerplate,
 * language, near-duplicates), coded, and counted. Returns the coded document, or undefined.
 */
export class RecordCoder {
  tally: Tally = emptyTally();
  private readonly screen: DocumentScreen;

  constructor(
    private readonly coder: Coder,
    private readonly warn: (line: string) => void,
    options: { keepDuplicates?: boolean } = {},
  ) {
    this.screen = new DocumentScreen(options);
  }

  /** Count a document's paragraphs for boilerplate learning, ahead of coding it. */
  observe(record: InputRecord): void {
    if (record.kind === "document") this.screen.observe(record);
  }

  code(record: InputRecord): Doc | undefined {
    if (record.kind !== "document") {
      this.warn(`${record.where}: ${record.kind === "skipped" ? "skipped: " : ""}${record.reason}`);
      this.tally[record.kind === "skipped" ? "skipped" : "failed"] += 1;
      return undefined;
    }
    const skip = (reason: string): undefined => {
      this.warn(`${record.where}: skipped: ${reason}`);
      this.tally.skipped += 1;
      return undefined;
    };
    if (record.text.trim() === "") return skip("empty text");
    const screened = this.screen.screen(record);
    if (screened.kind === "skipped") return skip(screened.reason);
    const doc = processDocument(this.coder, record.meta, screened.text);
    for (const paragraph of screened.removed) doc.message({ stage: "clean", severity: "info", reason: `removed ${paragraph.reason}: ${paragraph.text}` });
    if (doc.sentences.length === 0) return skip("nothing left after removing boilerplate");
    this.tally.coded += 1;
    this.tally.events += doc.events.length;
    return doc;
  }
}
