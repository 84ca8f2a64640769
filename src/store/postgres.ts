/**
 * The server store: PostgreSQL at `--db postgres://…`. Batches are loaded with COPY FROM STDIN
 * (pg-copy-streams) into session-temporary staging tables and merged in the same transaction;
 * readers see only committed batches (MVCC), so queries can run while an ingest writes.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { POSTGRES } from "./dialect.js";
import { plainValue, type LoadColumn, type SqlConnection, type SqlRow, type SqlValue } from "./connection.js";

/** BIGINT (20) and NUMERIC (1700) as JS numbers; DATE (1082) as the "YYYY-MM-DD" text PostgreSQL sends. */
const TYPE_PARSERS = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === 20) return (value: string) => Number(value);
    if (oid === 1700) return (value: string) => Number(value);
    if (oid === 1082) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as "text");
  },
} as unknown as pg.CustomTypesConfig;

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export async function openPostgres(url: string, options: { readOnly?: boolean } = {}): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString: url, types: TYPE_PARSERS });
  await client.connect();
  // Warnings such as "relation already exists, skipping" are not the user's business.
  client.on("notice", () => undefined);
  if (options.readOnly) await client.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
  return new PostgresConnection(url.replace(/\/\/[^@/]*@/, "//"), client);
}

/** COPY's text format: tab-separated, \N for NULL, backslash escapes. */
function copyField(value: SqlValue): string {
  if (value === null) return "\\N";
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

class PostgresConnection implements SqlConnection {
  readonly dialect = POSTGRES;

  constructor(
    readonly location: string,
    private readonly client: pg.Client,
  ) {}

  async run(sql: string, params: SqlValue[] = []): Promise<void> {
    await this.client.query(sql, params);
  }

  async all(sql: string, params: SqlValue[] = []): Promise<SqlRow[]> {
    const result = await this.client.query(sql, params);
    return result.rows.map((row: Record<string, unknown>) => {
      const plain: SqlRow = {};
      for (const [key, value] of Object.entries(row)) plain[key] = plainValue(value);
      return plain;
    });
  }

  async table(sql: string): Promise<{ columns: string[]; rows: SqlValue[][] }> {
    const result = await this.client.query({ text: sql, rowMode: "array" });
    return { columns: result.fields.map((field) => field.name), rows: (result.rows as unknown[][]).map((row) => row.map(plainValue)) };
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.client.query("BEGIN");
    try {
      const result = await work();
      await this.client.query("COMMIT");
      return result;
    } catch (error) {
      await this.client.query("ROLLBACK");
      throw error;
    }
  }

  async load(table: string, columns: readonly LoadColumn[], rows: SqlValue[][]): Promise<void> {
    if (rows.length === 0) return;
    const stream = this.client.query(copyFrom(`COPY ${table} (${columns.map((column) => column.name).join(", ")}) FROM STDIN`));
    const lines = function* (): Generator<string> {
      const chunk: string[] = [];
      for (const row of rows) {
        chunk.push(`${row.map(copyField).join("\t")}\n`);
        if (chunk.length === 1000) yield chunk.splice(0).join("");
      }
      if (chunk.length > 0) yield chunk.join("");
    };
    await pipeline(Readable.from(lines()), stream);
  }

  /** COPY (query) TO STDOUT as CSV with a header, streamed to `write`. */
  async copyCsv(sql: string, write: (chunk: string) => void): Promise<void> {
    const stream = this.client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
    for await (const chunk of stream) write(String(chunk));
  }

  async setUp(statements: readonly string[]): Promise<void> {
    for (const statement of statements) await this.run(statement);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** PostgreSQL's streaming CSV export, when the connection is one. */
export function postgresCsv(connection: SqlConnection): ((sql: string, write: (chunk: string) => void) => Promise<void>) | undefined {
  return connection instanceof PostgresConnection ? (sql, write) => connection.copyCsv(sql, write) : undefined;
}
