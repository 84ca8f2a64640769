/**
 * The embedded store: a DuckDB file (default ./parley.duckdb). Committed transactions survive a
 * kill -9 through DuckDB's write-ahead log. DuckDB lets one process at a time hold the file, so the
 * writer (`parley ingest`) holds it only while it writes a batch and lets go between batches, and
 * every opening waits for the file while another process has it: readers (`parley query`,
 * `dyad`, ... in READ_ONLY mode) get in between an ingest's batches.
 */
import { existsSync } from "node:fs";
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

/** How long an opening waits for another process to let go of the file. */
const LOCK_WAIT_MS = 60_000;
const LOCKED = /lock|conflicting/i;

async function openSession(path: string, readOnly: boolean): Promise<DuckDbConnection> {
  const started = Date.now();
  for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
    try {
      const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: "READ_ONLY" } : {});
      return new DuckDbConnection(path, instance, await instance.connect());
    } catch (error) {
      if (!LOCKED.test(String((error as Error).message)) || Date.now() - started > LOCK_WAIT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export async function openDuckDb(path: string, options: { readOnly?: boolean } = {}): Promise<SqlConnection> {
  if (options.readOnly) return openSession(path, true);
  const writer = new LeasedDuckDb(path);
  await writer.run("SELECT 1");
  return writer;
}

/**
 * The writer's connection: opens the file for each piece of work (a transaction, or a statement
 * outside one), replays the session set-up, and closes it afterwards so readers can get in.
 */
class LeasedDuckDb implements SqlConnection {
  readonly dialect = DUCKDB;
  private session: DuckDbConnection | undefined;
  private setUpStatements: readonly string[] = [];
  private depth = 0;

  constructor(readonly location: string) {}

  private async acquire(): Promise<DuckDbConnection> {
    if (!this.session) {
      const session = await openSession(this.location, false);
      await session.setUp(this.setUpStatements);
      this.session = session;
    }
    return this.session;
  }

  private async release(): Promise<void> {
    if (this.depth > 0 || !this.session) return;
    const session = this.session;
    this.session = undefined;
    await session.close();
  }

  private async leased<T>(work: (session: DuckDbConnection) => Promise<T>): Promise<T> {
    this.depth += 1;
    try {
      return await work(await this.acquire());
    } finally {
      this.depth -= 1;
      await this.release();
    }
  }

  run(sql: string, params: SqlValue[] = []): Promise<void> {
    return this.leased((session) => session.run(sql, params));
  }

  all(sql: string, params: SqlValue[] = []): Promise<SqlRow[]> {
    return this.leased((session) => session.all(sql, params));
  }

  table(sql: string): Promise<{ columns: string[]; rows: SqlValue[][] }> {
    return this.leased((session) => session.table(sql));
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.leased((session) => session.transaction(work));
  }

  load(table: string, columns: readonly LoadColumn[], rows: SqlValue[][]): Promise<void> {
    return this.leased((session) => session.load(table, columns, rows));
  }

  async setUp(statements: readonly string[]): Promise<void> {
    this.setUpStatements = statements;
    if (this.session) await this.session.setUp(statements);
  }

  async close(): Promise<void> {
    this.depth = 0;
    await this.release();
  }
}

/**
 * A long-running process's hold on the file (`parley serve`): one DuckDB instance kept open, with
 * several connections so that requests run side by side (DuckDB runs queries of different
 * connections in parallel), and, when the server may write, one more connection of its own for
 * ingest transactions (its staging tables are per connection). Other processes cannot open the
 * file while this is held.
 */
export interface DuckDbHold {
  readers: SqlConnection[];
  writer: SqlConnection | undefined;
  close(): Promise<void>;
}

export async function holdDuckDb(path: string, options: { readers: number; writable: boolean }): Promise<DuckDbHold> {
  if (!options.writable && !existsSync(path)) throw new Error(`no event store at ${path} (create one with "parley ingest")`);
  const instance = await DuckDBInstance.create(path, options.writable ? {} : { access_mode: "READ_ONLY" });
  const connect = async (): Promise<DuckDbConnection> => new DuckDbConnection(path, instance, await instance.connect(), false);
  const readers: DuckDbConnection[] = [];
  for (let index = 0; index < Math.max(1, options.readers); index += 1) readers.push(await connect());
  const writer = options.writable ? await connect() : undefined;
  return {
    readers,
    writer,
    close: async () => {
      for (const connection of [...readers, ...(writer ? [writer] : [])]) await connection.close();
      instance.closeSync();
    },
  };
}

class DuckDbConnection implements SqlConnection {
  readonly dialect = DUCKDB;

  constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** Whether closing this connection closes the instance (false for a hold's connections). */
    private readonly ownsInstance = true,
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

  async setUp(statements: readonly string[]): Promise<void> {
    for (const statement of statements) await this.run(statement);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}
