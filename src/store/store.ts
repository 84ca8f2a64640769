/**
 * The event database, on either store: opening (DuckDB file or postgres:// URL), the schema,
 * version records, and batched, idempotent writes.
 *
 * Each batch is one transaction: rows are bulk-loaded into session staging tables, merged into
 * the real tables with `ON CONFLICT DO NOTHING`, and the merged events' counts recomputed from
 * their mentions. A batch is either all there or not at all, so a killed ingest loses only its
 * open batch, and a rerun skips every article already stored (the key is a hash of the input).
 */
import { resolve } from "node:path";
import { InputError } from "../ingest/record.js";
import type { SqlConnection, SqlValue } from "./connection.js";
import { openDuckDb } from "./duckdb.js";
import { isPostgresUrl, openPostgres } from "./postgres.js";
import { articleRow, eventRow, mentionRow, publisherOf, type CodedArticle } from "./rows.js";
import {
  ARTICLES,
  columnNames,
  COPIES_COLUMNS,
  EVENTS,
  MENTIONS,
  schemaStatements,
  STAGE_ARTICLES,
  STAGE_COPIES,
  STAGE_EVENTS,
  STAGE_MENTIONS,
  stagingStatements,
} from "./schema.js";

export const DEFAULT_DB = "parley.duckdb";

export interface OpenOptions {
  /** Queries only: DuckDB's READ_ONLY mode, PostgreSQL read-only transactions. */
  readOnly?: boolean;
}

/** Opens the store at `db`: a postgres:// URL, else a DuckDB file path (default ./parley.duckdb). */
export async function openStore(db: string | undefined, options: OpenOptions = {}): Promise<EventStore> {
  const target = db ?? DEFAULT_DB;
  const postgres = isPostgresUrl(target);
  let connection: SqlConnection;
  try {
    connection = postgres ? await openPostgres(target, options) : await openDuckDb(resolve(target), options);
  } catch (error) {
    // A locked, missing or unreachable store is the user's to fix: one line, no stack trace.
    const where = postgres ? target.replace(/\/\/[^@/]*@/, "//") : target;
    throw new InputError(where, `cannot open the event store: ${String((error as Error).message ?? error).split("\n")[0]}`);
  }
  const store = new EventStore(connection);
  if (!options.readOnly) await store.prepare();
  return store;
}

export interface VersionInfo {
  kind: "ingest" | "recode" | "bench";
  parleyVersion: string;
  dictionaryVersion: string;
}

const ARTICLE_COLUMNS = columnNames(ARTICLES).join(", ");
const EVENT_COLUMNS = columnNames(EVENTS).join(", ");
const MENTION_COLUMNS = columnNames(MENTIONS).join(", ");

export class EventStore {
  constructor(readonly sql: SqlConnection) {}

  /** Creates the tables (if missing) and this session's staging tables. */
  async prepare(): Promise<void> {
    for (const statement of schemaStatements(this.sql.dialect)) await this.sql.run(statement);
    await this.sql.setUp(stagingStatements(this.sql.dialect));
  }

  /** Records a run and returns its id, stamped on the articles, events and mentions it writes. */
  async beginVersion(info: VersionInfo, now: Date = new Date()): Promise<number> {
    return this.sql.transaction(async () => {
      const [row] = await this.sql.all("SELECT COALESCE(MAX(id), 0) + 1 AS id FROM versions");
      const id = Number(row?.["id"] ?? 1);
      const started = now.toISOString().replace("T", " ").slice(0, 19);
      await this.sql.run("INSERT INTO versions (id, kind, parley_version, dictionary_version, started) VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP))", [
        id,
        info.kind,
        info.parleyVersion,
        info.dictionaryVersion,
        started,
      ]);
      return id;
    });
  }

  /** Ids of every stored article: a rerun screens these again but does not code them. */
  async articleIds(): Promise<Set<string>> {
    const rows = await this.sql.all("SELECT id FROM articles");
    return new Set(rows.map((row) => String(row["id"])));
  }

  /**
   * Writes one batch of articles in one transaction. Articles already stored are left as they
   * are; a copy (`duplicateOf` set) takes its original's mentions, so it counts as a further
   * source and article of the same events. Returns how many articles were new.
   */
  async writeBatch(articles: readonly CodedArticle[], versionId: number): Promise<number> {
    if (articles.length === 0) return 0;
    const staged = stageRows(articles, versionId);
    return this.sql.transaction(async () => {
      await this.load(staged);
      // Idempotence at the database itself, whatever the caller knew: stored articles drop out.
      await this.sql.run(`DELETE FROM ${STAGE_ARTICLES} WHERE id IN (SELECT id FROM articles)`);
      const [count] = await this.sql.all(`SELECT COUNT(*) AS n FROM ${STAGE_ARTICLES}`);
      const fresh = Number(count?.["n"] ?? 0);
      await this.sql.run(`INSERT INTO articles (${ARTICLE_COLUMNS}) SELECT ${ARTICLE_COLUMNS} FROM ${STAGE_ARTICLES}`);
      await this.mergeMentions(versionId, fresh === staged.articles.length);
      await this.clearStage();
      return fresh;
    });
  }

  /**
   * Replaces the events and mentions of stored articles with a new coding of them (`recode`):
   * their mentions (and their copies') are deleted, the new ones merged, the touched events
   * recounted, and events left without any mention removed.
   */
  async replaceCoding(articles: readonly CodedArticle[], copies: ReadonlyArray<readonly [copyId: string, originalId: string]>, versionId: number): Promise<void> {
    if (articles.length === 0) return;
    const staged = stageRows(articles, versionId);
    for (const [copyId, originalId] of copies) staged.copies.push([copyId, originalId]);
    await this.sql.transaction(async () => {
      await this.load(staged);
      const affected = `SELECT id FROM ${STAGE_ARTICLES} UNION SELECT copy_id FROM ${STAGE_COPIES}`;
      // Events that lose mentions, remembered before the mentions go.
      await this.sql.run(`CREATE TEMPORARY TABLE IF NOT EXISTS stage_touched (event_id ${this.sql.dialect.type("bigint")})`);
      await this.sql.run(`INSERT INTO stage_touched SELECT DISTINCT event_id FROM mentions WHERE article_id IN (${affected})`);
      await this.sql.run(`DELETE FROM mentions WHERE article_id IN (${affected})`);
      await this.mergeMentions(versionId);
      await this.recount("SELECT event_id FROM stage_touched");
      await this.sql.run("DELETE FROM events WHERE id IN (SELECT event_id FROM stage_touched) AND id NOT IN (SELECT event_id FROM mentions)");
      await this.sql.run("DELETE FROM stage_touched");
      await this.clearStage();
    });
  }

  private async load(staged: StagedRows): Promise<void> {
    await this.sql.load(STAGE_ARTICLES, ARTICLES.columns, staged.articles);
    await this.sql.load(STAGE_EVENTS, EVENTS.columns, staged.events);
    await this.sql.load(STAGE_MENTIONS, MENTIONS.columns, staged.mentions);
    await this.sql.load(STAGE_COPIES, COPIES_COLUMNS, staged.copies);
  }

  /** Events and mentions of the staged articles into the real tables, then their counts. */
  private async mergeMentions(versionId: number, allStaged = false): Promise<void> {
    const staged = `SELECT id FROM ${STAGE_ARTICLES}`;
    // When some staged articles were already stored, only the others' events and mentions go in.
    const eventFilter = allStaged ? "" : ` WHERE id IN (SELECT event_id FROM ${STAGE_MENTIONS} WHERE article_id IN (${staged}))`;
    const mentionFilter = allStaged ? "" : ` WHERE article_id IN (${staged})`;
    await this.sql.run(`INSERT INTO events (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM ${STAGE_EVENTS}${eventFilter} ON CONFLICT DO NOTHING`);
    await this.sql.run(`INSERT INTO mentions (${MENTION_COLUMNS}) SELECT ${MENTION_COLUMNS} FROM ${STAGE_MENTIONS}${mentionFilter} ON CONFLICT DO NOTHING`);
    // A syndicated copy reports what its original reports: the same mentions under its own id.
    const copied = MENTION_COLUMNS.split(", ").map((name) =>
      name === "article_id" ? "c.copy_id" : name === "version_id" ? "$1" : name === "publisher" ? "COALESCE(a.source, a.id)" : `m.${name}`,
    );
    await this.sql.run(
      `INSERT INTO mentions (${MENTION_COLUMNS}) SELECT ${copied.join(", ")} FROM ${STAGE_COPIES} c JOIN mentions m ON m.article_id = c.original_id ` +
        `JOIN articles a ON a.id = c.copy_id ON CONFLICT DO NOTHING`,
      [versionId],
    );
    // The events these articles mention: from the staged mentions, and the copies' from their originals.
    await this.recount(
      `SELECT event_id FROM ${STAGE_MENTIONS} UNION SELECT m.event_id FROM mentions m JOIN ${STAGE_COPIES} c ON m.article_id = c.original_id`,
    );
  }

  /** NumMentions / NumArticles / NumSources of the events `eventIds` selects, from their mentions. */
  private async recount(eventIds: string): Promise<void> {
    await this.sql.run(
      "UPDATE events SET num_mentions = s.n, num_articles = s.na, num_sources = s.ns, version_id = s.v FROM (" +
        "SELECT event_id, COUNT(*) AS n, COUNT(DISTINCT article_id) AS na, COUNT(DISTINCT publisher) AS ns, MAX(version_id) AS v " +
        `FROM mentions WHERE event_id IN (${eventIds}) GROUP BY event_id) s WHERE events.id = s.event_id`,
    );
  }

  private async clearStage(): Promise<void> {
    for (const table of [STAGE_ARTICLES, STAGE_EVENTS, STAGE_MENTIONS, STAGE_COPIES]) await this.sql.run(`DELETE FROM ${table}`);
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}

interface StagedRows {
  articles: SqlValue[][];
  events: SqlValue[][];
  mentions: SqlValue[][];
  copies: SqlValue[][];
}

/** Rows for the staging tables, without duplicate keys (a batch may repeat an event or an article). */
function stageRows(articles: readonly CodedArticle[], versionId: number): StagedRows {
  const staged: StagedRows = { articles: [], events: [], mentions: [], copies: [] };
  const seenArticles = new Set<string>();
  const seenEvents = new Set<number>();
  for (const { article, events, mentions } of articles) {
    if (seenArticles.has(article.id)) continue;
    seenArticles.add(article.id);
    staged.articles.push(articleRow(article, versionId));
    if (article.duplicateOf !== null) staged.copies.push([article.id, article.duplicateOf]);
    for (const event of events) {
      if (seenEvents.has(event.id)) continue;
      seenEvents.add(event.id);
      staged.events.push(eventRow(event, article.id, versionId));
    }
    for (const mention of mentions) staged.mentions.push(mentionRow(mention, article.id, publisherOf(article), versionId));
  }
  return staged;
}
