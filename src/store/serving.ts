/**
 * The store as a long-running server holds it (`parley serve`): a few reading connections shared
 * by concurrent requests, and, only when writing is allowed, one EventStore for ingest batches.
 *
 * DuckDB: one instance of the file with several connections (holdDuckDb). PostgreSQL: several
 * read-only sessions, plus an ordinary one for writing.
 */
import { resolve } from "node:path";
import { InputError } from "../ingest/record.js";
import type { SqlConnection, SqlRow, SqlValue } from "./connection.js";
import type { Dialect } from "./dialect.js";
import { holdDuckDb } from "./duckdb.js";
import { isPostgresUrl, openPostgres } from "./postgres.js";
import { DEFAULT_DB, EventStore } from "./store.js";

/** What a request may ask of the store: one query at a time per connection, taken from a pool. */
export interface StoreReader {
  readonly dialect: Dialect;
  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
}

export interface ServingStore {
  readonly kind: "duckdb" | "postgres";
  /** Where the store lives, for messages (a URL without its password). */
  readonly location: string;
  readonly reader: StoreReader;
  /** Present only when the server may write (`--token`). */
  readonly writer: EventStore | undefined;
  close(): Promise<void>;
}

/**
 * Hands each query the next idle connection, queueing when all are busy. Requests never share a
 * connection at the same time: a DuckDB connection runs one statement at a time, a pg.Client
 * queues them anyway, and fairness between slow and fast requests is better with a queue here.
 */
export class ReaderPool implements StoreReader {
  readonly dialect: Dialect;
  private readonly idle: SqlConnection[];
  private readonly waiting: Array<(connection: SqlConnection) => void> = [];

  constructor(private readonly connections: readonly SqlConnection[]) {
    const first = connections[0];
    if (!first) throw new Error("a reader pool needs at least one connection");
    this.dialect = first.dialect;
    this.idle = [...connections];
  }

  async all(sql: string, params: SqlValue[] = []): Promise<SqlRow[]> {
    const connection = await this.take();
    try {
      return await connection.all(sql, params);
    } finally {
      this.give(connection);
    }
  }

  private take(): Promise<SqlConnection> {
    const connection = this.idle.pop();
    if (connection) return Promise.resolve(connection);
    return new Promise((resolveTake) => this.waiting.push(resolveTake));
  }

  private give(connection: SqlConnection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }

  get size(): number {
    return this.connections.length;
  }
}

export interface ServingOptions {
  /** Reading connections (default 4). */
  readers?: number;
  /** Open for writing too (POST /ingest). */
  writable: boolean;
}

/** Opens `db` (a DuckDB path, default ./parley.duckdb, or a postgres:// URL) for serving. */
export async function openServingStore(db: string | undefined, options: ServingOptions): Promise<ServingStore> {
  const target = db ?? DEFAULT_DB;
  const readers = options.readers ?? 4;
  const postgres = isPostgresUrl(target);
  const location = postgres ? target.replace(/\/\/[^@/]*@/, "//") : target;
  try {
    if (postgres) {
      const connections: SqlConnection[] = [];
      for (let index = 0; index < readers; index += 1) connections.push(await openPostgres(target, { readOnly: true }));
      const writerConnection = options.writable ? await openPostgres(target) : undefined;
      const writer = writerConnection ? new EventStore(writerConnection) : undefined;
      if (writer) await writer.prepare();
      return {
        kind: "postgres",
        location,
        reader: new ReaderPool(connections),
        writer,
        close: async () => {
          for (const connection of connections) await connection.close();
          await writer?.close();
        },
      };
    }
    const hold = await holdDuckDb(resolve(target), { readers, writable: options.writable });
    const writer = hold.writer ? new EventStore(hold.writer) : undefined;
    if (writer) await writer.prepare();
    return { kind: "duckdb", location, reader: new ReaderPool(hold.readers), writer, close: () => hold.close() };
  } catch (error) {
    throw new InputError(location, `cannot open the event store: ${String((error as Error).message ?? error).split("\n")[0]}`);
  }
}
