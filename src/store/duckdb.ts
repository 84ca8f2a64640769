/**
 * The embedded store: a DuckDB file (default ./parley.duckdb). One process writes at a time
 * (DuckDB locks the file); committed transactions survive a kill -9 through DuckDB's write-ahead
 * log. Read-only opening (`parley query`, `dyad`, ...) uses DuckDB's READ_ONLY access mode.
 */
import { dateValue, DuckDBInstance, type DuckDBConnection, type DuckDBAppender } from "@duckdb/node-api";
import type { ColumnType } from "./dialect.js";
import { DUCKDB } from "./dialect.js";
import { plainValue, type LoadColumn, type SqlConnection, type SqlRow, type SqlValue } from "./connection.js";

const DAY_MS = 86_400_000;

/** Appends one non-null value with the appender call of its column type (no per-value casts). */
function appendTyped(appender: DuckDBAppender, type: ColumnType, value: string | number): void {
  switch (type) {
    case "int":
      appender.appendInteger(Number(value));
      return;
    case "bigint":
      appender.appendBigInt(BigInt(value));
      return;
    case "double":
      appender.appendDouble(Number(value));
      return;
    case "date": {
      const time = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
      if (Number.isNaN(time)) throw new RangeError(`not a date: "${value}"`);
      appender.appendDate(dateValue(Math.round(time / DAY_MS)));
      return;
    }
    default:
      appender.appendVarchar(String(value));
  }
}

export async function openDuckDb(path: string, options: { readOnly?: boolean } = {}): Promise<SqlConnection> {
  const instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: "READ_ONLY" } : {});
  const connection = await instance.connect();
  return new DuckDbConnection(path, instance, connection);
}

class DuckDbConnection implements SqlConnection {
  readonly dialect = DUCKDB;

  constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  async run(sql: string, params: SqlValue[] = []): Promise<void> {
    await this.connection.run(sql, params.length > 0 ? params : undefined);
  }

  async all(sql: string, params: SqlValue[] = []): Promise<SqlRow[]> {
    const reader = await this.connection.runAndReadAll(sql, params.length > 0 ? params : undefined);
    return reader.getRowObjectsJS().map((row) => {
      const plain: SqlRow = {};
      for (const [key, value] of Object.entries(row)) plain[key] = plainValue(value);
      return plain;
    });
  }

  async table(sql: string): Promise<{ columns: string[]; rows: SqlValue[][] }> {
    const reader = await this.connection.runAndReadAll(sql);
    return { columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(plainValue)) };
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run("BEGIN TRANSACTION");
    try {
      const result = await work();
      await this.connection.run("COMMIT");
      return result;
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    }
  }

  async load(table: string, columns: readonly LoadColumn[], rows: SqlValue[][]): Promise<void> {
    if (rows.length === 0) return;
    // Staging tables are temporary: they live in DuckDB's "temp" catalog.
    const appender: DuckDBAppender = await this.connection.createAppender(table, "main", "temp");
    const types = columns.map((column) => column.type);
    try {
      for (const row of rows) {
        if (row.length !== types.length) throw new Error(`row of ${row.length} values for ${types.length} columns of ${table}`);
        row.forEach((value, index) => {
          if (value === null) appender.appendNull();
          else appendTyped(appender, types[index] ?? "text", value);
        });
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
