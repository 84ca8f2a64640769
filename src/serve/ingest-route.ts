/**
 * POST /ingest (only with --token): articles in a JSON body are screened, coded and stored the way
 * `parley ingest` does it (ingestRecords), one request at a time so that batches never interleave
 * on the writer's connection. Every article ends stored, already stored, or reported with its
 * index and reason.
 */
import { ingestRecords } from "../cli/ingest-command.js";
import { recordOf } from "../ingest/jsonl.js";
import type { InputRecord } from "../ingest/record.js";
import type { Coder } from "../pipeline.js";
import type { EventStore } from "../store/store.js";
import { dictionaryVersion, parleyVersion } from "../store/versions.js";
import { ApiError } from "./query-params.js";
import type { IngestSummary } from "../store/api-shapes.js";

/** Most articles one request may carry. */
export const MAX_INGEST_ARTICLES = 1000;

/** The body's articles as input records: a bad one becomes a failure naming `articles[i]`. */
export function readIngestRequest(body: unknown): InputRecord[] {
  const articles = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)["articles"] : undefined;
  if (!Array.isArray(articles)) throw new ApiError(400, 'expected a JSON object {"articles": [{"id", "date", "text", "title"?, "url"?, "source"?}, ...]}', "articles");
  if (articles.length === 0) throw new ApiError(400, '"articles" is empty', "articles");
  if (articles.length > MAX_INGEST_ARTICLES) throw new ApiError(400, `at most ${MAX_INGEST_ARTICLES} articles per request, got ${articles.length}`, "articles");
  // The same checks as a JSONL line of `parley ingest`, so both accept exactly the same records.
  return articles.map((article: unknown, index) => recordOf(article, `articles[${index}]`, undefined));
}

export type { IngestSummary };

export class IngestQueue {
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly coder: Coder,
    /** The coder's dictionaries, as recorded in the version of each ingest. */
    private readonly dictionaries: string = dictionaryVersion(),
  ) {}

  /** Stores the records after any ingest already running. */
  ingest(records: readonly InputRecord[], runTime: Date): Promise<IngestSummary> {
    const run = this.last.then(() => this.run(records, runTime));
    this.last = run.catch(() => undefined);
    return run;
  }

  private async run(records: readonly InputRecord[], runTime: Date): Promise<IngestSummary> {
    const problems: string[] = [];
    const { counts, tally } = await ingestRecords(
      this.store,
      this.coder,
      async function* () {
        yield* records;
      },
      {
        version: { kind: "ingest", parleyVersion: parleyVersion(), dictionaryVersion: this.dictionaries },
        runTime,
        warn: (line) => problems.push(line),
      },
    );
    return {
      received: records.length,
      stored: counts.stored,
      // Known copies are in `known` (already stored) and left out of `skipped`, as in `parley ingest`.
      alreadyStored: counts.known,
      copies: counts.copies,
      skipped: tally.skipped - counts.copies - counts.knownCopies,
      failed: tally.failed,
      events: counts.events,
      problems,
    };
  }
}
