/**
 * `parley ingest` and `parley recode`: coding into the event database (src/store/).
 *
 * Ingest reads and screens exactly as `parley code` does (readInputs → observeAhead →
 * RecordCoder), then writes articles, merged events and mentions in batches, one transaction
 * each. A near-duplicate (a syndicated copy) is stored as an article of its own that points to
 * its original and takes the original's mentions: a further source, not a new event. Articles
 * already in the store are screened again (so their copies are still recognised) but not coded
 * or written: a rerun after a crash finishes the rest without duplicates.
 */
import { parseArgs } from "node:util";
import { observeAhead, DEFAULT_LOOKAHEAD, sourceKey } from "../clean/paragraph-dedup.js";
import type { DocMeta } from "../document/types.js";
import type { InputDocument, InputRecord } from "../ingest/record.js";
import type { InputProgress } from "../ingest/read-inputs.js";
import { processDocument, type Coder } from "../pipeline.js";
import { openStore, type EventStore } from "../store/store.js";
import { articleId, codedEvents, textHash, type ArticleRecord, type CodedArticle } from "../store/rows.js";
import { dictionaryVersion, parleyVersion } from "../store/versions.js";
import type { VersionInfo } from "../store/store.js";
import { dateBound, FilterError } from "../store/queries.js";
import { coderForOption, DICTIONARY_OPTIONS, DICTIONARY_USAGE } from "./dictionaries-option.js";
import { inputRecords, readingOptions } from "./input-options.js";
import { UsageError, type CommandIO } from "./io.js";
import { createProgress, type Progress } from "./progress.js";
import { codePrepared, RecordCoder, type Tally } from "./record-coder.js";

export const DB_USAGE = `  --db PATH|URL             the store: a DuckDB file (default ./parley.duckdb) or postgres://user@host/db
`;

export const INGEST_USAGE = `usage: parley ingest [INPUT ...] [options]
Codes news into the event database: articles (with their cleaned text), merged events and their
mentions. INPUTs are as for "parley code". Ingesting an article again changes nothing; a rerun
after an interrupted ingest stores the rest.

options:
${DB_USAGE}  --input auto|text|jsonl|html|feed|warc   input format (default auto)
  --date YYYY-MM-DD         publication date for inputs that carry none
${DICTIONARY_USAGE}  --follow                  for feeds: fetch each item's page and code its main text
  --batch N                 articles per transaction (default 200)
  --verbose                 report each committed batch on stderr
  -h, --help                show this help
`;

export const RECODE_USAGE = `usage: parley recode [options]
Codes the stored articles again (after a dictionary or lexicon update): articles stay, their events
and mentions are replaced, and the parley and dictionary versions are recorded.

options:
${DB_USAGE}  --from DATE --to DATE     only articles published in this range (YYYY, YYYY-MM or YYYY-MM-DD)
${DICTIONARY_USAGE}  --batch N                 articles per transaction (default 200)
  -h, --help                show this help
`;

const DEFAULT_BATCH = 200;

function batchSize(text: string | undefined): number {
  if (text === undefined) return DEFAULT_BATCH;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1) throw new UsageError(`--batch must be a positive whole number, got "${text}"`);
  return size;
}

function articleRecord(meta: DocMeta, id: string, text: string, language: string | null, duplicateOf: string | null): ArticleRecord {
  return {
    id,
    docId: meta.id,
    url: meta.url ?? null,
    source: sourceKey(meta) ?? null,
    title: meta.title ?? null,
    published: meta.date,
    language,
    hash: textHash(text),
    duplicateOf,
    text,
  };
}

export interface IngestCounts {
  stored: number;
  events: number;
  known: number;
  copies: number;
  /** Copies already stored: counted as skipped by the screen too. */
  knownCopies: number;
}

/** `parley ingest`. Returns the exit code. */
export async function runIngest(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...DICTIONARY_OPTIONS,
      db: { type: "string" },
      input: { type: "string", default: "auto" },
      date: { type: "string" },
      follow: { type: "boolean", default: false },
      batch: { type: "string" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(INGEST_USAGE);
    return 0;
  }
  const reading = readingOptions(values);
  const size = batchSize(values.batch);
  const runTime = io.now();
  const progress = createProgress();
  const warn = (line: string): void => progress.suspend(() => io.warn(line));
  const coder = coderForOption(values.dictionaries, values["with-builtin"], io);
  const store = await openStore(values.db);
  let result: IngestResult;
  try {
    const inputs = (observe: (state: InputProgress) => void): AsyncIterable<InputRecord> =>
      inputRecords(positionals, reading, { io, runTime, follow: values.follow, warn, onProgress: observe });
    result = await ingestRecords(store, coder, inputs, {
      version: { kind: "ingest", parleyVersion: parleyVersion(), dictionaryVersion: dictionaryVersion(values.dictionaries, values["with-builtin"]) },
      runTime,
      batchSize: size,
      warn,
      progress,
      verbose: values.verbose,
    });
  } finally {
    progress.done();
    await store.close();
  }
  const { counts, tally } = result;
  const documents = tally.coded + tally.skipped + tally.failed + counts.known - counts.knownCopies;
  io.info(
    `parley: ${documents} document${documents === 1 ? "" : "s"}: ${counts.stored} stored (${counts.events} event mentions), ${counts.known} already stored, ` +
      `${counts.copies} near-duplicates recorded as further sources, ${tally.skipped - counts.copies - counts.knownCopies} skipped, ${tally.failed} failed → ${store.sql.location}`,
  );
  return 0;
}

export interface IngestResult {
  counts: IngestCounts;
  tally: Tally;
}

export interface IngestRunOptions {
  version: VersionInfo;
  runTime: Date;
  batchSize?: number;
  warn: (line: string) => void;
  progress?: Progress;
  verbose?: boolean;
}

/**
 * Screens, codes and stores input records in batches (one transaction each), under a new
 * version record. Used by `parley ingest` and by the server's POST /ingest.
 */
export async function ingestRecords(
  store: EventStore,
  coder: Coder,
  inputs: (observe: (state: InputProgress) => void) => AsyncIterable<InputRecord>,
  options: IngestRunOptions,
): Promise<IngestResult> {
  const { warn, progress } = options;
  const size = options.batchSize ?? DEFAULT_BATCH;
  const counts: IngestCounts = { stored: 0, events: 0, known: 0, copies: 0, knownCopies: 0 };
  const version = await store.beginVersion(options.version, options.runTime);
  const known = await store.articleIds();
  // Article ids of this run's documents by DocMeta.id: what a near-duplicate points to.
  const idsByDoc = new Map<string, string>();
  let batch: CodedArticle[] = [];
  let batches = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const written = await store.writeBatch(batch, version);
    counts.stored += written;
    batches += 1;
    if (options.verbose) warn(`committed batch ${batches}: ${counts.stored} articles stored by this run`);
    batch = [];
  };
  const onDuplicate = (record: InputDocument, duplicateOf: string, reason: string): void => {
    const id = articleId(record.meta, record.text);
    idsByDoc.set(record.meta.id, id);
    if (known.has(id)) {
      counts.known += 1;
      counts.knownCopies += 1;
      return;
    }
    const original = idsByDoc.get(duplicateOf);
    if (original === undefined) {
      warn(`${record.where}: skipped: ${reason} (not in this run)`);
      return;
    }
    known.add(id);
    counts.copies += 1;
    batch.push(copyArticle(record, id, original));
  };
  const records = new RecordCoder(warn, { onDuplicate });
  const stream = inputs((state) => progress?.update({ ...records.tally, ...state }));
  for await (const record of observeAhead(stream, DEFAULT_LOOKAHEAD, (item) => records.observe(item))) {
    // Stored articles are screened again, so that their copies are still recognised, but not coded.
    const prepared = records.prepare(record);
    if (prepared && record.kind === "document") {
      const id = articleId(record.meta, record.text);
      idsByDoc.set(record.meta.id, id);
      if (known.has(id)) counts.known += 1;
      else {
        const doc = codePrepared(coder, prepared);
        if (records.account(prepared, { sentences: doc.sentences.length, events: doc.events.length })) {
          known.add(id);
          const coded = codedEvents(doc.events, coder.index.countryCodes);
          counts.events += coded.events.length;
          batch.push({ article: articleRecord(record.meta, id, prepared.text, prepared.language ?? null, null), ...coded });
        }
      }
    }
    progress?.update(records.tally);
    if (batch.length >= size) await flush();
  }
  await flush();
  return { counts, tally: records.tally };
}

function copyArticle(record: InputDocument, id: string, original: string): CodedArticle {
  return { article: articleRecord(record.meta, id, record.text, null, original), events: [], mentions: [] };
}

/** `parley recode`. Returns the exit code. */
export async function runRecode(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...DICTIONARY_OPTIONS,
      db: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      batch: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(RECODE_USAGE);
    return 0;
  }
  const size = batchSize(values.batch);
  let from: string | undefined;
  let to: string | undefined;
  try {
    from = values.from === undefined ? undefined : dateBound(values.from, "from");
    to = values.to === undefined ? undefined : dateBound(values.to, "to");
  } catch (error) {
    if (error instanceof FilterError) throw new UsageError(error.message);
    throw error;
  }
  const coder = coderForOption(values.dictionaries, values["with-builtin"], io);
  const store = await openStore(values.db);
  let articles = 0;
  let mentions = 0;
  try {
    const version = await store.beginVersion(
      { kind: "recode", parleyVersion: parleyVersion(), dictionaryVersion: dictionaryVersion(values.dictionaries, values["with-builtin"]) },
      io.now(),
    );
    let last = "";
    for (;;) {
      const page = await recodePage(store, coder, { last, size, ...(from ? { from } : {}), ...(to ? { to } : {}) });
      if (page.articles.length === 0) break;
      await store.replaceCoding(page.articles, page.copies, version);
      articles += page.articles.length;
      mentions += page.mentions;
      last = page.last;
    }
  } finally {
    await store.close();
  }
  io.info(`parley: recoded ${articles} article${articles === 1 ? "" : "s"} (${mentions} event mentions) → ${store.sql.location}`);
  return 0;
}

interface RecodePage {
  articles: CodedArticle[];
  copies: Array<[string, string]>;
  mentions: number;
  last: string;
}

/** The next `size` original articles after `last` (by id), coded again, with their copies. */
async function recodePage(store: EventStore, coder: Coder, options: { last: string; size: number; from?: string; to?: string }): Promise<RecodePage> {
  const conditions = ["duplicate_of IS NULL", "id > $1"];
  const params: string[] = [options.last];
  if (options.from) conditions.push(`published >= CAST($${params.push(options.from)} AS DATE)`);
  if (options.to) conditions.push(`published <= CAST($${params.push(options.to)} AS DATE)`);
  const rows = await store.sql.all(
    `SELECT id, doc_id, url, source, title, CAST(published AS VARCHAR) AS published, language, text FROM articles WHERE ${conditions.join(" AND ")} ORDER BY id LIMIT ${options.size}`,
    params,
  );
  const page: RecodePage = { articles: [], copies: [], mentions: 0, last: options.last };
  for (const row of rows) {
    const text = String(row["text"] ?? "");
    const meta: DocMeta = { id: String(row["doc_id"]), date: String(row["published"]) };
    if (row["title"] !== null) meta.title = String(row["title"]);
    if (row["url"] !== null) meta.url = String(row["url"]);
    if (row["source"] !== null) meta.source = String(row["source"]);
    const doc = processDocument(coder, meta, text);
    const coded = codedEvents(doc.events, coder.index.countryCodes);
    page.mentions += coded.mentions.length;
    const article: ArticleRecord = { ...articleRecord(meta, String(row["id"]), text, row["language"] === null ? null : String(row["language"]), null) };
    page.articles.push({ article, ...coded });
    page.last = String(row["id"]);
  }
  if (page.articles.length > 0) {
    const ids = page.articles.map((_, index) => `$${index + 1}`).join(", ");
    const copies = await store.sql.all(
      `SELECT id, duplicate_of FROM articles WHERE duplicate_of IN (${ids})`,
      page.articles.map(({ article }) => article.id),
    );
    page.copies = copies.map((row) => [String(row["id"]), String(row["duplicate_of"])]);
  }
  return page;
}
