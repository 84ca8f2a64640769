/**
 * The ready-made questions (`parley dyad`, `top`, `events`, `export`, and the server's), written
 * once for both stores. dyad and top bind every value as a parameter (filter.ts). The event
 * listing is also run inside COPY statements, which take no parameters: there the filter's values
 * are validated to fixed shapes (dates, actor and event codes) and written as literals.
 */
import type { SqlConnection, SqlRow, SqlValue } from "./connection.js";
import type { Dialect, Period } from "./dialect.js";
import { actorCode, actorCondition, dateBound, eventCode, eventConditions, SqlParams, where, type EventConditions } from "./filter.js";
import type { DyadRow } from "./api-shapes.js";

export { actorCode, dateBound, eventCode, FilterError } from "./filter.js";

export interface EventFilter {
  /** Inclusive YYYY-MM-DD bounds on the event date. */
  from?: string;
  to?: string;
  /** Actor code prefix or country, as source or target. */
  actor?: string;
  /** CAMEO event code prefix ("04" = consult, "043"). */
  code?: string;
}

/** An actor column matches a code when it starts with it or the code is its country. */
function actorMatches(side: "source" | "target", code: string): string {
  return `(${side} LIKE '${code}%' OR ${side}_country = '${code}')`;
}

/** The WHERE clause (with "WHERE", or "") of a filter on the events table `e`. */
export function whereClause(filter: EventFilter, alias = ""): string {
  const column = (name: string): string => `${alias}${name}`;
  const conditions: string[] = [];
  if (filter.from) conditions.push(`${column("date")} >= DATE '${dateBound(filter.from, "from")}'`);
  if (filter.to) conditions.push(`${column("date")} <= DATE '${dateBound(filter.to, "to")}'`);
  if (filter.actor) {
    const code = actorCode(filter.actor);
    conditions.push(`(${actorMatches("source", code).replace(/\b(source\w*)/g, column("$1"))} OR ${actorMatches("target", code).replace(/\b(target\w*)/g, column("$1"))})`);
  }
  if (filter.code) conditions.push(`${column("code")} LIKE '${eventCode(filter.code)}%'`);
  return conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")}`;
}

export interface DyadOptions {
  source: string;
  target: string;
  from?: string;
  to?: string;
  by: Period;
  /** Count both directions (source→target and target→source). */
  both?: boolean;
}

export type { DyadRow };

/** What the read-only questions need of a connection (a SqlConnection, or the server's pool). */
export interface SqlReader {
  readonly dialect: Dialect;
  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
}

/** How a dyad's relations moved: per period, events per quad class and Goldstein sum and mean. */
export async function dyadSeries(sql: SqlReader, options: DyadOptions): Promise<DyadRow[]> {
  const params = new SqlParams();
  const dates = eventConditions({ ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) }, params);
  const direction = (from: string, to: string): string => `(${actorCondition("source", from, params)} AND ${actorCondition("target", to, params)})`;
  const forward = direction(options.source, options.target);
  const dyad = options.both ? `(${forward} OR ${direction(options.target, options.source)})` : forward;
  const rows = await sql.all(
    `SELECT ${sql.dialect.period("date", options.by)} AS period, COUNT(*) AS events, SUM(num_mentions) AS mentions, ` +
      [1, 2, 3, 4].map((quad) => `SUM(CASE WHEN quad = ${quad} THEN 1 ELSE 0 END) AS quad${quad}`).join(", ") +
      `, SUM(goldstein) AS goldstein_sum, AVG(goldstein) AS goldstein_mean FROM events ${where([...dates, dyad])} GROUP BY 1 ORDER BY 1`,
    params.values,
  );
  return rows.map((row) => ({
    period: String(row["period"]),
    events: Number(row["events"]),
    mentions: Number(row["mentions"]),
    quad1: Number(row["quad1"]),
    quad2: Number(row["quad2"]),
    quad3: Number(row["quad3"]),
    quad4: Number(row["quad4"]),
    goldsteinSum: round(Number(row["goldstein_sum"]), 6),
    goldsteinMean: round(Number(row["goldstein_mean"]), 6),
  }));
}

export type TopKind = "actors" | "dyads" | "codes";
export const TOP_KINDS: readonly TopKind[] = ["actors", "dyads", "codes"];

export interface TopRow {
  key: string;
  events: number;
  mentions: number;
  /** Dyads only: the two sides of the key (target null when the events have none). */
  source?: string;
  target?: string | null;
}

/** The most frequent actors (as source or target), dyads (source → target) or event codes. */
export async function top(sql: SqlReader, kind: TopKind, filter: EventConditions, limit: number): Promise<TopRow[]> {
  const params = new SqlParams();
  let query: string;
  switch (kind) {
    case "actors": {
      // The filter appears twice (once per side), each with its own parameters.
      const sourceSide = where(eventConditions(filter, params));
      const targetSide = where([...eventConditions(filter, params), "target IS NOT NULL"]);
      query =
        `SELECT actor AS key, COUNT(*) AS events, SUM(num_mentions) AS mentions FROM (` +
        `SELECT source AS actor, num_mentions FROM events ${sourceSide} UNION ALL ` +
        `SELECT target AS actor, num_mentions FROM events ${targetSide}) a GROUP BY actor`;
      break;
    }
    case "dyads":
      query = `SELECT source || ' -> ' || COALESCE(target, '-') AS key, source, target, COUNT(*) AS events, SUM(num_mentions) AS mentions FROM events ${where(eventConditions(filter, params))} GROUP BY source, target`;
      break;
    case "codes":
      query = `SELECT code AS key, COUNT(*) AS events, SUM(num_mentions) AS mentions FROM events ${where(eventConditions(filter, params))} GROUP BY 1`;
      break;
  }
  const rows = await sql.all(`${query} ORDER BY events DESC, mentions DESC, key LIMIT ${params.add(Math.max(1, Math.floor(limit)))}`, params.values);
  return rows.map((row) => ({
    key: String(row["key"]),
    events: Number(row["events"]),
    mentions: Number(row["mentions"]),
    ...(kind === "dyads" ? { source: String(row["source"]), target: row["target"] === null ? null : String(row["target"]) } : {}),
  }));
}

/** The columns `parley events` and the jsonl/csv/parquet exports show. */
export const EVENT_SELECT =
  "id, CAST(date AS VARCHAR) AS date, date_precision, source, source_country, source_agent, target, target_country, target_agent, " +
  "code, base_code, root, quad, goldstein, plover_event, plover_mode, plover_context, place, num_mentions, num_sources, num_articles, first_article, version_id";

/**
 * SQL for the events a filter selects, by date then id (a stable order on both stores). With
 * `typedDates` the date stays a DATE (Parquet and CSV files made by COPY); else it is text.
 */
export function eventsQuery(filter: EventFilter, limit?: number, options: { typedDates?: boolean; csv?: boolean } = {}): string {
  let columns = options.typedDates ? EVENT_SELECT.replace("CAST(date AS VARCHAR) AS date", "date") : EVENT_SELECT;
  // CSV writers print doubles differently (DuckDB "-10.0", PostgreSQL "-10"); Goldstein weights
  // have one decimal, so a DECIMAL(4,1) prints the same on both.
  if (options.csv) columns = columns.replace("goldstein,", "CAST(goldstein AS DECIMAL(4,1)) AS goldstein,");
  return `SELECT ${columns} FROM events ${whereClause(filter)} ORDER BY date, id${limit === undefined ? "" : ` LIMIT ${Math.max(1, Math.floor(limit))}`}`;
}

export async function events(sql: SqlConnection, filter: EventFilter, limit: number): Promise<SqlRow[]> {
  return sql.all(eventsQuery(filter, limit));
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
