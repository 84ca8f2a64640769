import type { Doc } from "../document/doc.js";
import type { CodedEvent, DocMeta } from "../document/types.js";
import { CSV_EOL, csvHeader, formatCsv } from "./csv.js";
import { formatGdelt } from "./gdelt.js";
import { formatJsonl } from "./jsonl.js";

export type OutputFormat = "jsonl" | "csv" | "gdelt";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["jsonl", "csv", "gdelt"];

/** What the writers need of a coded document: small enough to come back from a worker thread. */
export interface CodedDocument {
  meta: DocMeta;
  events: CodedEvent[];
  /** Index of the first body sentence (after headline and dek), for GDELT's IsRootEvent. */
  firstBodySentence: number;
}

export function codedDocument(doc: Doc): CodedDocument {
  return { meta: doc.meta, events: doc.events, firstBodySentence: doc.sentences.find((sentence) => sentence.role === "body")?.index ?? 0 };
}

export interface EventWriter {
  /** Write every event of a coded document. */
  write(doc: CodedDocument): void;
}

/** Lead sentences: GDELT's IsRootEvent marks events from an article's opening paragraph. */
const ROOT_SENTENCES = 3;

/**
 * Writes events in one format to a sink (stdout in the CLI). `runTime` stamps GDELT's DATEADDED
 * once per run so that output does not depend on when each row happened to be written.
 */
export function createEventWriter(format: OutputFormat, sink: (chunk: string) => void, options: { countryCodes: ReadonlySet<string>; runTime: Date }): EventWriter {
  switch (format) {
    case "jsonl":
      return { write: (doc) => doc.events.forEach((event) => sink(`${formatJsonl(event)}\n`)) };
    case "csv": {
      let headerWritten = false;
      return {
        write: (doc) => {
          if (!headerWritten) {
            sink(csvHeader() + CSV_EOL);
            headerWritten = true;
          }
          for (const event of doc.events) sink(formatCsv(event) + CSV_EOL);
        },
      };
    }
    case "gdelt": {
      let eventId = 0;
      const dateAdded = options.runTime.toISOString().replace(/[-:T]/g, "").slice(0, 14);
      return {
        write: (doc) => {
          const firstBody = doc.firstBodySentence;
          for (const event of doc.events) {
            eventId += 1;
            const spans = event.spans;
            const actorNames: { source?: string; target?: string } = {};
            if (spans.source) actorNames.source = event.text.slice(spans.source[0], spans.source[1]);
            if (spans.target) actorNames.target = event.text.slice(spans.target[0], spans.target[1]);
            const line = formatGdelt(event, doc.meta, {
              eventId,
              dateAdded,
              countryCodes: options.countryCodes,
              actorNames,
              isRootEvent: event.sentence < firstBody + ROOT_SENTENCES,
            });
            sink(`${line}\n`);
          }
        },
      };
    }
  }
}
