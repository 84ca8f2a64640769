/**
 * The event database's tables, described once and turned into DDL per dialect.
 *
 * - versions: one row per ingest or recode run: the parley and dictionary versions that coded.
 * - articles: every article stored, keyed by a hash of its id, URL and raw text (so ingesting the
 *   same article again is a no-op), with its cleaned text kept for `parley recode`. A syndicated
 *   copy has `duplicate_of` set to the article it copies.
 * - events: GDELT-like merged events. One row per (date, source, target, code, place): `id` is a
 *   hash of that key, so every article reporting the event lands on the same row; num_mentions /
 *   num_sources / num_articles count its mentions as GDELT's NumMentions / NumSources / NumArticles.
 * - mentions: event ↔ article (and the article's publisher), one per coded sentence event (a syndicated copy gets its
 *   original's mentions under its own article id: it counts as a further source, not a new event).
 */
import type { ColumnType, Dialect } from "./dialect.js";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  notNull?: boolean;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  primaryKey: string[];
}

const column = (name: string, type: ColumnType, notNull = false): ColumnSpec => ({ name, type, notNull });

export const VERSIONS: TableSpec = {
  name: "versions",
  columns: [
    column("id", "int", true),
    column("kind", "text", true),
    column("parley_version", "text", true),
    column("dictionary_version", "text", true),
    column("started", "timestamp", true),
  ],
  primaryKey: ["id"],
};

export const ARTICLES: TableSpec = {
  name: "articles",
  columns: [
    column("id", "text", true),
    column("doc_id", "text", true),
    column("url", "text"),
    column("source", "text"),
    column("title", "text"),
    column("published", "date"),
    column("language", "text"),
    column("hash", "text", true),
    column("duplicate_of", "text"),
    column("text", "text"),
    column("version_id", "int", true),
  ],
  primaryKey: ["id"],
};

export const EVENTS: TableSpec = {
  name: "events",
  columns: [
    column("id", "bigint", true),
    column("date", "date", true),
    column("date_precision", "text", true),
    column("source", "text", true),
    column("source_country", "text"),
    column("source_agent", "text"),
    column("target", "text"),
    column("target_country", "text"),
    column("target_agent", "text"),
    column("code", "text", true),
    column("base_code", "text", true),
    column("root", "text", true),
    column("quad", "int", true),
    column("goldstein", "double", true),
    column("plover_event", "text"),
    column("plover_mode", "text"),
    column("plover_context", "text"),
    column("place", "text", true),
    column("num_mentions", "int", true),
    column("num_sources", "int", true),
    column("num_articles", "int", true),
    column("first_article", "text", true),
    column("version_id", "int", true),
  ],
  primaryKey: ["id"],
};

export const MENTIONS: TableSpec = {
  name: "mentions",
  columns: [
    column("event_id", "bigint", true),
    column("article_id", "text", true),
    column("ordinal", "int", true),
    column("sentence", "int", true),
    column("sentence_text", "text"),
    column("source_start", "int"),
    column("source_end", "int"),
    column("target_start", "int"),
    column("target_end", "int"),
    column("verb_start", "int"),
    column("verb_end", "int"),
    column("rule", "text"),
    column("confidence", "double"),
    column("version_id", "int", true),
    // The article's publisher (its source, else its id), copied here so that counting an event's
    // sources reads the mentions alone, without a join to articles.
    column("publisher", "text", true),
  ],
  primaryKey: ["article_id", "ordinal"],
};

export const TABLES: readonly TableSpec[] = [VERSIONS, ARTICLES, EVENTS, MENTIONS];

/** Names of the columns of a table, in order (the order rows are loaded in). */
export function columnNames(table: TableSpec): string[] {
  return table.columns.map((spec) => spec.name);
}

function columnsDdl(table: TableSpec, dialect: Dialect): string {
  return table.columns.map((spec) => `${spec.name} ${dialect.type(spec.type)}${spec.notNull ? " NOT NULL" : ""}`).join(", ");
}

/** CREATE statements for the persistent tables and their indexes, safe to run on an existing store. */
export function schemaStatements(dialect: Dialect): string[] {
  const statements = TABLES.map((table) => `CREATE TABLE IF NOT EXISTS ${table.name} (${columnsDdl(table, dialect)}, PRIMARY KEY (${table.primaryKey.join(", ")}))`);
  // Both stores: provenance (an event's mentions) and the first sentences of a page of events
  // look mentions up by event; without an index each lookup reads the whole table.
  statements.push("CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id)");
  if (dialect.createIndexes) {
    statements.push(
      "CREATE INDEX IF NOT EXISTS events_date ON events (date)",
      "CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country, date)",
      "CREATE INDEX IF NOT EXISTS articles_published ON articles (published)",
    );
  }
  return statements;
}

/** Session-local staging tables, loaded in bulk and then merged into the real ones. */
export const STAGE_ARTICLES = "stage_articles";
export const STAGE_EVENTS = "stage_events";
export const STAGE_MENTIONS = "stage_mentions";
/** (copy article id, original article id) pairs: copies take the original's mentions. */
export const STAGE_COPIES = "stage_copies";

export const COPIES_COLUMNS: ColumnSpec[] = [column("copy_id", "text", true), column("original_id", "text", true)];

export function stagingStatements(dialect: Dialect): string[] {
  // PostgreSQL empties them at each commit; DuckDB's are emptied by hand after each batch.
  const suffix = dialect.name === "postgres" ? " ON COMMIT DELETE ROWS" : "";
  const stage = (name: string, columns: ColumnSpec[]): string =>
    `CREATE TEMPORARY TABLE IF NOT EXISTS ${name} (${columns.map((spec) => `${spec.name} ${dialect.type(spec.type)}`).join(", ")})${suffix}`;
  return [stage(STAGE_ARTICLES, ARTICLES.columns), stage(STAGE_EVENTS, EVENTS.columns), stage(STAGE_MENTIONS, MENTIONS.columns), stage(STAGE_COPIES, COPIES_COLUMNS)];
}
