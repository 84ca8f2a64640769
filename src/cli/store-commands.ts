/**
 * The read side of the event database: `parley query`, `dyad`, `top`, `events` and `export`.
 * Every command opens the store read-only (DuckDB READ_ONLY, PostgreSQL read-only sessions).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadCountryCodes } from "../actors/codes.js";
import type { CodedEvent } from "../document/types.js";
import { gdeltFields, gdeltHeader } from "../output/gdelt.js";
import type { SqlConnection, SqlValue } from "../store/connection.js";
import { PERIODS, type Period } from "../store/dialect.js";
import { postgresCsv } from "../store/postgres.js";
import { dyadSeries, eventsQuery, FilterError, top, TOP_KINDS, whereClause, type EventFilter, type TopKind } from "../store/queries.js";
import { EVENTS } from "../store/schema.js";
import { openStore, type EventStore } from "../store/store.js";
import { DB_USAGE } from "./ingest-command.js";
import { UsageError, type CommandIO } from "./io.js";
import { formatRows, sparkline, TABLE_FORMATS, type TableFormat } from "./table.js";

const FILTER_USAGE = `  --from DATE, --to DATE    event dates, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)
`;

export const QUERY_USAGE = `usage: parley query "SQL" [options]
Runs one read-only SQL query on the event database (tables: articles, events, mentions, versions).

options:
${DB_USAGE}  --format table|csv|jsonl  output format (default table)
  -h, --help                show this help
`;

export const DYAD_USAGE = `usage: parley dyad SOURCE TARGET [options]
How relations between two actors moved: events per period, per quad class (verbal and material
cooperation and conflict), Goldstein sum and mean, with sparklines. Actors match by code prefix
or country (RUS matches RUSGOV).

options:
${DB_USAGE}${FILTER_USAGE}  --by day|week|month|year  period (default month)
  --both                    count both directions (default: SOURCE acting on TARGET)
  --format table|csv|jsonl  output format (default table)
  -h, --help                show this help
`;

export const TOP_USAGE = `usage: parley top actors|dyads|codes [options]
The most frequent actors, dyads (source -> target) or event codes.

options:
${DB_USAGE}${FILTER_USAGE}  --limit N                 rows (default 20)
  --format table|csv|jsonl  output format (default table)
  -h, --help                show this help
`;

export const EVENTS_USAGE = `usage: parley events [options]
Lists stored events.

options:
${DB_USAGE}${FILTER_USAGE}  --actor CODE              source or target (code prefix or country)
  --code CAMEO              event code prefix (04, 043)
  --limit N                 rows (default 50)
  --format table|csv|jsonl  output format (default table)
  -h, --help                show this help
`;

export const EXPORT_USAGE = `usage: parley export --format parquet|csv|jsonl|gdelt [options]
Exports events for R, pandas or polars. parquet and csv are written by the database's COPY;
gdelt writes GDELT 2.0's 61-column event table and its mentions table.

options:
${DB_USAGE}  --format parquet|csv|jsonl|gdelt
  --out PATH                file to write (required for parquet); for gdelt a prefix:
                            PATH.export.CSV and PATH.mentions.CSV (without it, events to stdout)
${FILTER_USAGE}  --actor CODE, --code CAMEO  as for "parley events"
  -h, --help                show this help
`;

const COMMON_OPTIONS = {
  db: { type: "string" },
  format: { type: "string", default: "table" },
  help: { type: "boolean", short: "h", default: false },
} as const;

const FILTER_OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  actor: { type: "string" },
  code: { type: "string" },
} as const;

function tableFormat(text: string): TableFormat {
  if (!(TABLE_FORMATS as readonly string[]).includes(text)) throw new UsageError(`--format must be one of ${TABLE_FORMATS.join(", ")}, got "${text}"`);
  return text as TableFormat;
}

function positiveInteger(text: string | undefined, fallback: number, option: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${option} must be a positive whole number, got "${text}"`);
  return value;
}

function eventFilter(values: { from?: string; to?: string; actor?: string; code?: string }): EventFilter {
  const filter: EventFilter = {};
  if (values.from !== undefined) filter.from = values.from;
  if (values.to !== undefined) filter.to = values.to;
  if (values.actor !== undefined) filter.actor = values.actor;
  if (values.code !== undefined) filter.code = values.code;
  // Validate now, so a bad filter is a usage error and not a database error.
  withFilterErrors(() => whereClause(filter));
  return filter;
}

function withFilterErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FilterError) throw new UsageError(error.message);
    throw error;
  }
}

async function withStore<T>(db: string | undefined, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openStore(db, { readOnly: true });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `parley query "SQL"`. */
export async function runQuery(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMON_OPTIONS });
  if (values.help) {
    io.out(QUERY_USAGE);
    return 0;
  }
  const format = tableFormat(values.format);
  if (positionals.length !== 1) throw new UsageError('expected one SQL query, e.g. parley query "SELECT COUNT(*) FROM events"');
  const sql = positionals[0] ?? "";
  return withStore(values.db, async (store) => {
    let result: { columns: string[]; rows: SqlValue[][] };
    try {
      result = await store.sql.table(sql);
    } catch (error) {
      io.warn(`query failed: ${(error as Error).message.split("\n")[0]}`);
      return 1;
    }
    io.out(formatRows(format, result.columns, result.rows));
    return 0;
  });
}

const QUAD_COLUMNS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];

/** `parley dyad SOURCE TARGET`. */
export async function runDyad(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, from: { type: "string" }, to: { type: "string" }, by: { type: "string", default: "month" }, both: { type: "boolean", default: false } },
  });
  if (values.help) {
    io.out(DYAD_USAGE);
    return 0;
  }
  const format = tableFormat(values.format);
  const [source, target] = positionals;
  if (positionals.length !== 2 || source === undefined || target === undefined) throw new UsageError("expected two actors, e.g. parley dyad RUS IRN");
  if (!(PERIODS as readonly string[]).includes(values.by)) throw new UsageError(`--by must be one of ${PERIODS.join(", ")}, got "${values.by}"`);
  const filter = eventFilter({ ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}), actor: source });
  eventFilter({ actor: target });
  const rows = await withStore(values.db, (store) =>
    dyadSeries(store.sql, { source, target, by: values.by as Period, both: values.both, ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) }),
  );
  const columns = ["period", "events", "mentions", ...QUAD_COLUMNS, "goldstein_sum", "goldstein_mean"];
  const table: SqlValue[][] = rows.map((row) => [row.period, row.events, row.mentions, row.quad1, row.quad2, row.quad3, row.quad4, row.goldsteinSum, row.goldsteinMean]);
  io.out(formatRows(format, columns, table));
  if (format === "table") {
    if (rows.length === 0) io.out(`no events from ${source.toUpperCase()} to ${target.toUpperCase()}${values.both ? " or back" : ""}\n`);
    else {
      const first = rows[0]?.period ?? "";
      const last = rows[rows.length - 1]?.period ?? "";
      io.out(`\nevents          ${sparkline(rows.map((row) => row.events))}  ${first} … ${last}\n`);
      io.out(`goldstein mean  ${sparkline(rows.map((row) => row.goldsteinMean))}\n`);
      io.out(`conflict share  ${sparkline(rows.map((row) => (row.quad3 + row.quad4) / row.events))}\n`);
    }
  }
  return 0;
}

/** `parley top actors|dyads|codes`. */
export async function runTop(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, ...FILTER_OPTIONS, limit: { type: "string" } } });
  if (values.help) {
    io.out(TOP_USAGE);
    return 0;
  }
  const format = tableFormat(values.format);
  const kind = positionals[0];
  if (positionals.length !== 1 || kind === undefined || !(TOP_KINDS as readonly string[]).includes(kind)) throw new UsageError(`expected one of ${TOP_KINDS.join(", ")}, e.g. parley top dyads`);
  const limit = positiveInteger(values.limit, 20, "--limit");
  const filter = eventFilter(values);
  const rows = await withStore(values.db, (store) => top(store.sql, kind as TopKind, filter, limit));
  const label = kind === "actors" ? "actor" : kind === "dyads" ? "dyad" : "code";
  io.out(formatRows(format, [label, "events", "mentions"], rows.map((row) => [row.key, row.events, row.mentions])));
  return 0;
}

const EVENT_TABLE_COLUMNS = ["date", "source", "target", "code", "quad", "goldstein", "num_mentions", "num_sources", "num_articles", "plover_event"];

/** `parley events`. */
export async function runEvents(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON_OPTIONS, ...FILTER_OPTIONS, limit: { type: "string" } } });
  if (values.help) {
    io.out(EVENTS_USAGE);
    return 0;
  }
  const format = tableFormat(values.format);
  const limit = positiveInteger(values.limit, 50, "--limit");
  const filter = eventFilter(values);
  const result = await withStore(values.db, (store) => store.sql.table(eventsQuery(filter, limit)));
  if (format === "table") {
    const indexes = EVENT_TABLE_COLUMNS.map((column) => result.columns.indexOf(column));
    io.out(formatRows("table", EVENT_TABLE_COLUMNS, result.rows.map((row) => indexes.map((index) => row[index] ?? null))));
  } else io.out(formatRows(format, result.columns, result.rows));
  return 0;
}

export type ExportFormat = "parquet" | "csv" | "jsonl" | "gdelt";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["parquet", "csv", "jsonl", "gdelt"];

/** Where output goes: a file (--out) or the command's output. */
interface Sink {
  write(text: string): void;
  close(): void;
}

function fileSink(path: string): Sink {
  const fd = openSync(path, "w");
  return { write: (text) => void writeSync(fd, text), close: () => closeSync(fd) };
}

function sinkFor(path: string | undefined, io: CommandIO): Sink {
  return path === undefined ? { write: (text) => io.out(text), close: () => undefined } : fileSink(path);
}

/** A path as an SQL string literal. */
function pathLiteral(path: string): string {
  return `'${resolve(path).replace(/'/g, "''")}'`;
}

/** `parley export`. */
export async function runExport(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON_OPTIONS, ...FILTER_OPTIONS, format: { type: "string" }, out: { type: "string" } } });
  if (values.help) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  const format = values.format;
  if (format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}`);
  if (format === "parquet" && values.out === undefined) throw new UsageError("--format parquet needs --out FILE");
  const filter = eventFilter(values);
  const rows = await withStore(values.db, async (store) => {
    switch (format as ExportFormat) {
      case "parquet":
        return exportParquet(store.sql, filter, values.out ?? "");
      case "csv":
        return exportCsv(store.sql, filter, values.out, io);
      case "jsonl": {
        const result = await store.sql.table(eventsQuery(filter));
        const sink = sinkFor(values.out, io);
        sink.write(formatRows("jsonl", result.columns, result.rows));
        sink.close();
        return result.rows.length;
      }
      case "gdelt":
        return exportGdelt(store.sql, filter, values.out, io);
    }
  });
  io.info(`parley: exported ${rows} event${rows === 1 ? "" : "s"}${values.out === undefined ? "" : ` to ${values.out}${format === "gdelt" ? ".export.CSV and .mentions.CSV" : ""}`}`);
  return 0;
}

async function countEvents(sql: SqlConnection, filter: EventFilter): Promise<number> {
  const [row] = await sql.all(`SELECT COUNT(*) AS n FROM events ${whereClause(filter)}`);
  return Number(row?.["n"] ?? 0);
}

/** Parquet: DuckDB's COPY; from PostgreSQL the rows pass through an in-memory DuckDB. */
async function exportParquet(sql: SqlConnection, filter: EventFilter, out: string): Promise<number> {
  const query = eventsQuery(filter, undefined, { typedDates: true });
  if (sql.dialect.name === "duckdb") {
    await sql.run(`COPY (${query}) TO ${pathLiteral(out)} (FORMAT parquet)`);
    return countEvents(sql, filter);
  }
  const result = await sql.table(query);
  const instance = await DuckDBInstance.create(":memory:");
  const memory = await instance.connect();
  try {
    const columns = EVENTS.columns.filter((spec) => result.columns.includes(spec.name));
    const types: Record<string, string> = { text: "VARCHAR", int: "INTEGER", bigint: "BIGINT", double: "DOUBLE", date: "DATE", timestamp: "TIMESTAMP" };
    await memory.run(`CREATE TEMP TABLE export_events (${result.columns.map((name) => `${name} ${types[columns.find((spec) => spec.name === name)?.type ?? "text"]}`).join(", ")})`);
    const appender = await memory.createAppender("export_events", "main", "temp");
    for (const row of result.rows) {
      for (const value of row) {
        if (value === null) appender.appendNull();
        else if (typeof value === "number") appender.appendDouble(value);
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.closeSync();
    await memory.run(`COPY (SELECT * FROM export_events ORDER BY date, id) TO ${pathLiteral(out)} (FORMAT parquet)`);
  } finally {
    memory.closeSync();
    instance.closeSync();
  }
  return result.rows.length;
}

/** CSV with a header: COPY to a file (DuckDB) or COPY TO STDOUT (PostgreSQL). */
async function exportCsv(sql: SqlConnection, filter: EventFilter, out: string | undefined, io: CommandIO): Promise<number> {
  const query = eventsQuery(filter, undefined, { typedDates: true, csv: true });
  const streamed = postgresCsv(sql);
  if (streamed) {
    const sink = sinkFor(out, io);
    try {
      await streamed(query, (chunk) => sink.write(chunk));
    } finally {
      sink.close();
    }
  } else if (out !== undefined) {
    await sql.run(`COPY (${query}) TO ${pathLiteral(out)} (FORMAT csv, HEADER true)`);
  } else {
    const result = await sql.table(eventsQuery(filter));
    io.out(formatRows("csv", result.columns, result.rows).replace(/\r\n/g, "\n"));
  }
  return countEvents(sql, filter);
}

const digits = (text: SqlValue): string => String(text ?? "").replace(/\D/g, "");

/** GDELT 2.0 event rows (61 columns) and, with --out, the mentions table (16 columns). */
async function exportGdelt(sql: SqlConnection, filter: EventFilter, out: string | undefined, io: CommandIO): Promise<number> {
  const where = whereClause(filter, "e.");
  const countryCodes = loadCountryCodes();
  const header = gdeltHeader();
  const counts = ["NumMentions", "NumSources", "NumArticles"].map((name) => header.indexOf(name));
  const events = await sql.all(
    "SELECT e.id, CAST(e.date AS VARCHAR) AS date, e.date_precision, e.source, e.target, e.code, e.root, e.quad, e.goldstein, " +
      "e.num_mentions, e.num_sources, e.num_articles, a.url, a.doc_id, CAST(v.started AS VARCHAR) AS started, " +
      "(SELECT MIN(m.sentence) FROM mentions m WHERE m.event_id = e.id AND m.article_id = e.first_article) AS first_sentence " +
      `FROM events e JOIN articles a ON a.id = e.first_article JOIN versions v ON v.id = e.version_id ${where} ORDER BY e.date, e.id`,
  );
  const sink = sinkFor(out === undefined ? undefined : `${out}.export.CSV`, io);
  try {
    for (const row of events) {
      const event: CodedEvent = {
        doc: String(row["doc_id"]),
        sentence: Number(row["first_sentence"] ?? 0),
        date: String(row["date"]),
        datePrecision: row["date_precision"] === "month" ? "month" : row["date_precision"] === "year" ? "year" : "day",
        source: String(row["source"]),
        target: row["target"] === null ? null : String(row["target"]),
        code: String(row["code"]),
        root: String(row["root"]),
        quad: Number(row["quad"]),
        goldstein: Number(row["goldstein"]),
        plover: { event: "", mode: "", context: "" },
        text: "",
        spans: { source: null, target: null, verb: [0, 0] },
        rule: [],
      };
      const meta = { id: String(row["doc_id"]), date: String(row["date"]), ...(row["url"] === null ? {} : { url: String(row["url"]) }) };
      const fields = gdeltFields(event, meta, {
        eventId: Number(row["id"]),
        dateAdded: digits(row["started"]).padEnd(14, "0").slice(0, 14),
        countryCodes,
        isRootEvent: event.sentence < 3,
      });
      counts.forEach((index, position) => {
        fields[index] = String(row[["num_mentions", "num_sources", "num_articles"][position] ?? ""] ?? 1);
      });
      sink.write(`${fields.join("\t")}\n`);
    }
  } finally {
    sink.close();
  }
  if (out !== undefined) await exportGdeltMentions(sql, where, `${out}.mentions.CSV`);
  return events.length;
}

/**
 * GDELT 2.0's mentions table: one row per mention. Character offsets are into the sentence
 * (GDELT's are into the document); -1 when there is none.
 */
async function exportGdeltMentions(sql: SqlConnection, where: string, path: string): Promise<void> {
  const mentions = await sql.all(
    "SELECT m.event_id, CAST(v.started AS VARCHAR) AS started, CAST(a.published AS VARCHAR) AS published, a.source, a.url, a.doc_id, m.sentence, " +
      "m.source_start, m.target_start, m.verb_start, m.confidence, LENGTH(a.text) AS doc_length " +
      `FROM mentions m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = m.article_id JOIN versions v ON v.id = e.version_id ${where} ` +
      "ORDER BY e.date, m.event_id, m.article_id, m.ordinal",
  );
  const sink = fileSink(path);
  try {
    for (const row of mentions) {
      const offset = (value: SqlValue): string => (value === null ? "-1" : String(value));
      const fields = [
        String(row["event_id"]),
        digits(row["started"]).padEnd(14, "0").slice(0, 14),
        `${digits(row["published"])}000000`,
        "1",
        String(row["source"] ?? ""),
        String(row["url"] ?? row["doc_id"]),
        String(Number(row["sentence"]) + 1),
        offset(row["source_start"]),
        offset(row["target_start"]),
        offset(row["verb_start"]),
        "1",
        String(row["confidence"] === null ? 100 : Math.round(Number(row["confidence"]) * 100)),
        String(row["doc_length"] ?? 0),
        "",
        "",
        "",
      ];
      sink.write(`${fields.map((value) => value.replace(/[\t\r\n]+/g, " ")).join("\t")}\n`);
    }
  } finally {
    sink.close();
  }
}
