import type { ColumnType, Dialect } from "./dialect.js";

/** A value passed to or read from the store. Dates travel as "YYYY-MM-DD" strings. */
export type SqlValue = string | number | null;

export type SqlRow = Record<string, SqlValue>;

/** A column being bulk-loaded: its type lets DuckDB's appender write values without casts. */
export interface LoadColumn {
  name: string;
  type: ColumnType;
}

/**
 * What the store needs from a database driver (duckdb.ts, postgres.ts). Queries use `$1`
 * parameters; rows come back with plain JS numbers and strings (BIGINT and NUMERIC converted),
 * so results compare equal across stores.
 */
export interface SqlConnection {
  readonly dialect: Dialect;
  /** Where the store lives, for messages. */
  readonly location: string;
  run(sql: string, params?: SqlValue[]): Promise<void>;
  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
  /** Column names and rows of a query, for `parley query`. */
  table(sql: string): Promise<{ columns: string[]; rows: SqlValue[][] }>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Bulk load rows into a (staging) table: DuckDB's appender, PostgreSQL's COPY FROM STDIN. */
  load(table: string, columns: readonly LoadColumn[], rows: SqlValue[][]): Promise<void>;
  /**
   * Session set-up (temporary staging tables): run now, and again whenever the driver reopens
   * its session (DuckDB's writer, which lets go of the file between batches).
   */
  setUp(statements: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Converts what a driver returns into SqlValue: bigints and numeric strings to numbers, dates to YYYY-MM-DD. */
export function plainValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
