/**
 * Event store benchmark: bulk ingest of generated events into DuckDB and PostgreSQL (events/s),
 * then the two questions users ask most — a dyad by month and the top 20 dyads — timed on each.
 *
 *   node dist/bench/store.js
 *   PARLEY_BENCH_EVENTS=5000000     event mentions to ingest (default 5 million)
 *   PARLEY_BENCH_BATCH=10000        articles per transaction (5 events each)
 *   PARLEY_BENCH_POSTGRES=postgres://…   an existing server; without it a temporary one is started
 *                                   (initdb + pg_ctl, PostgreSQL's default durability), or
 *                                   PostgreSQL is skipped when no binaries are installed
 *   PARLEY_BENCH_STORES=duckdb,postgres   which stores to measure
 *   PARLEY_BENCH_DUCKDB=PATH        keep the DuckDB store there instead of a temporary folder
 *
 * Events are merged as in real ingest (same date, actors and code → one row with counts): the
 * generator draws from 40 actors, 40 targets, 30 codes and ten years of days, so most events are
 * distinct and some merge. Prints a table and a JSON line.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { dyadSeries, top } from "../store/queries.js";
import type { CodedArticle } from "../store/rows.js";
import { openStore, type EventStore } from "../store/store.js";
import { startPostgres, postgresUnavailable, type PostgresServer } from "./postgres-server.js";
import { EVENTS_PER_ARTICLE, generatedArticles as articles } from "./generated-events.js";

const EVENTS = Number(process.env["PARLEY_BENCH_EVENTS"] ?? 5_000_000);
const BATCH = Number(process.env["PARLEY_BENCH_BATCH"] ?? 10_000);
const STORES = (process.env["PARLEY_BENCH_STORES"] ?? "duckdb,postgres").split(",");

interface StoreResult {
  store: string;
  events: number;
  eventRows: number;
  ingestSeconds: number;
  eventsPerSecond: number;
  dyadByMonthMs: number;
  top20DyadsMs: number;
  size?: string;
}

/** Best of three runs, in milliseconds. */
async function timeQuery(run: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return Math.round(best * 10) / 10;
}

async function benchStore(name: string, store: EventStore): Promise<StoreResult> {
  const version = await store.beginVersion({ kind: "bench", parleyVersion: "bench", dictionaryVersion: "bench" });
  const start = performance.now();
  let batch: CodedArticle[] = [];
  let done = 0;
  for (const article of articles(EVENTS)) {
    batch.push(article);
    if (batch.length >= BATCH) {
      await store.writeBatch(batch, version);
      done += batch.length * EVENTS_PER_ARTICLE;
      batch = [];
      if (done % 1_000_000 < BATCH * EVENTS_PER_ARTICLE) {
        const seconds = (performance.now() - start) / 1000;
        process.stderr.write(`${name}: ${done.toLocaleString("en")} events in ${seconds.toFixed(0)} s\n`);
      }
    }
  }
  await store.writeBatch(batch, version);
  const ingestSeconds = (performance.now() - start) / 1000;
  const [rows] = await store.sql.all("SELECT COUNT(*) AS n, SUM(num_mentions) AS m FROM events");
  if (Number(rows?.["m"]) !== EVENTS) throw new Error(`${name}: ${String(rows?.["m"])} mentions stored, expected ${EVENTS}`);
  if (store.sql.dialect.name === "postgres") await store.sql.run("ANALYZE");
  const dyadByMonthMs = await timeQuery(() => dyadSeries(store.sql, { source: "RUS", target: "IRN", by: "month" }));
  const top20DyadsMs = await timeQuery(() => top(store.sql, "dyads", {}, 20));
  const result: StoreResult = {
    store: name,
    events: EVENTS,
    eventRows: Number(rows?.["n"]),
    ingestSeconds: Math.round(ingestSeconds * 10) / 10,
    eventsPerSecond: Math.round(EVENTS / ingestSeconds),
    dyadByMonthMs,
    top20DyadsMs,
  };
  process.stderr.write(`${JSON.stringify(result)}\n`);
  return result;
}

const results: StoreResult[] = [];
const dir = mkdtempSync(join(tmpdir(), "parley-bench-store-"));
try {
  if (STORES.includes("duckdb")) {
    const kept = process.env["PARLEY_BENCH_DUCKDB"];
    if (kept) {
      mkdirSync(dirname(resolve(kept)), { recursive: true });
      for (const file of [kept, `${kept}.wal`]) rmSync(file, { force: true });
    }
    const path = kept ?? join(dir, "bench.duckdb");
    const store = await openStore(path);
    try {
      results.push(await benchStore("duckdb", store));
    } finally {
      await store.close();
    }
    const last = results[results.length - 1];
    if (last) last.size = `${Math.round(statSync(path).size / 1e6)} MB`;
  }
  if (STORES.includes("postgres")) {
    let server: PostgresServer | undefined;
    let url = process.env["PARLEY_BENCH_POSTGRES"];
    if (!url) {
      server = await startPostgres({ durable: true });
      url = server ? await server.freshDatabase() : undefined;
    }
    if (!url) process.stderr.write(`store bench: PostgreSQL skipped: ${postgresUnavailable}\n`);
    else {
      try {
        const store = await openStore(url);
        try {
          results.push(await benchStore("postgres", store));
        } finally {
          await store.close();
        }
      } finally {
        server?.stop();
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const header = ["store", "events", "event rows", "ingest s", "events/s", "dyad by month ms", "top-20 dyads ms"];
const lines = results.map((result) => [result.store, result.events, result.eventRows, result.ingestSeconds, result.eventsPerSecond, result.dyadByMonthMs, result.top20DyadsMs].map(String));
const widths = header.map((title, index) => Math.max(title.length, ...lines.map((line) => (line[index] ?? "").length)));
for (const line of [header, ...lines]) process.stdout.write(`${line.map((cell, index) => cell.padStart(widths[index] ?? 0)).join("  ")}\n`);
process.stdout.write(`${JSON.stringify({ bench: "store", batch: BATCH, results })}\n`);
