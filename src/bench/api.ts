/**
 * API load benchmark: `parley serve` started as its own process over a store of millions of
 * events, driven on loopback by autocannon with many concurrent connections. Reports requests/s
 * and latency percentiles for the dyad timeline and event search (by actor and period, and by
 * words in the sentences).
 *
 *   node dist/bench/api.js
 *   PARLEY_BENCH_DUCKDB=PATH        the store to serve (default bench-results/events.duckdb, kept
 *                                   between runs); built from generated events when missing or
 *                                   smaller than
 *   PARLEY_BENCH_EVENTS=5000000     events (merged rows) it must hold
 *   PARLEY_BENCH_SECONDS=20         duration of each scenario
 *   PARLEY_BENCH_CONNECTIONS=64     concurrent connections
 *
 * Prints a table and a JSON line.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { CodedArticle } from "../store/rows.js";
import { openStore } from "../store/store.js";
import { generatedArticles } from "./generated-events.js";

const DB = resolve(process.env["PARLEY_BENCH_DUCKDB"] ?? "bench-results/events.duckdb");
const EVENTS = Number(process.env["PARLEY_BENCH_EVENTS"] ?? 5_000_000);
const SECONDS = Number(process.env["PARLEY_BENCH_SECONDS"] ?? 20);
const CONNECTIONS = Number(process.env["PARLEY_BENCH_CONNECTIONS"] ?? 64);
const BIN = fileURLToPath(new URL("../cli/bin.js", import.meta.url));

const COUNTRIES = ["RUS", "IRN", "USA", "CHN", "UKR", "ISR", "TUR", "EGY", "FRA", "DEU", "GBR", "IND", "PAK", "SAU", "SYR", "IRQ", "JPN", "KOR", "PRK", "BRA"];
const WORDS = ["attacks", "meets", "threatens", "criticizes", "state media", "spokesman"];

/** Events (merged rows) and their mentions stored; zeros when the store is missing or unreadable. */
async function storedEvents(path: string): Promise<{ events: number; mentions: number }> {
  if (!existsSync(path)) return { events: 0, mentions: 0 };
  try {
    const store = await openStore(path, { readOnly: true });
    try {
      const [row] = await store.sql.all("SELECT COUNT(*) AS events, COALESCE(SUM(num_mentions), 0) AS mentions FROM events");
      return { events: Number(row?.["events"] ?? 0), mentions: Number(row?.["mentions"] ?? 0) };
    } finally {
      await store.close();
    }
  } catch {
    return { events: 0, mentions: 0 };
  }
}

async function buildStore(path: string, events: number): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
  const store = await openStore(path);
  const start = performance.now();
  try {
    const version = await store.beginVersion({ kind: "bench", parleyVersion: "bench", dictionaryVersion: "bench" });
    let batch: CodedArticle[] = [];
    for (const article of generatedArticles(events)) {
      batch.push(article);
      if (batch.length >= 10_000) {
        await store.writeBatch(batch, version);
        batch = [];
      }
    }
    await store.writeBatch(batch, version);
  } finally {
    await store.close();
  }
  process.stderr.write(`api bench: built ${path} (${events.toLocaleString("en")} event mentions) in ${((performance.now() - start) / 1000).toFixed(0)} s\n`);
}

/** Starts `parley serve` on a free port and resolves with its URL once it listens. */
function startServer(path: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolveStart, rejectStart) => {
    const child = spawn(process.execPath, [BIN, "serve", "--db", path, "--port", "0", "--readers", "4"], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolveStart({ url: match[1], child });
    });
    child.once("exit", (code) => rejectStart(new Error(`parley serve exited with ${String(code)} before listening`)));
  });
}

interface Scenario {
  name: string;
  /** Paths requested in turn, so the server cannot answer from one cached plan and one hot range. */
  paths: string[];
}

function scenarios(): Scenario[] {
  const dyads: string[] = [];
  const search: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const source = COUNTRIES[i % COUNTRIES.length] ?? "RUS";
    const target = COUNTRIES[(i * 7 + 3) % COUNTRIES.length] ?? "IRN";
    dyads.push(`/dyad?source=${source}&target=${target}&by=month`);
    const year = 2015 + (i % 10);
    search.push(`/events?actor=${source}&from=${year}-${String((i % 12) + 1).padStart(2, "0")}&to=${year}-${String((i % 12) + 1).padStart(2, "0")}&limit=50`);
    words.push(`/events?q=${encodeURIComponent(WORDS[i % WORDS.length] ?? "meets")}&source=${source}&from=${year}&to=${year}&limit=50`);
  }
  return [
    { name: "dyad timeline (by month)", paths: dyads },
    { name: "event search (actor + month)", paths: search },
    { name: "event search (words + actor + year)", paths: words },
  ];
}

interface ScenarioResult {
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function drive(url: string, scenario: Scenario): Promise<ScenarioResult> {
  let turn = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    // A slow scenario (text search scans sentences) should report its latency, not time out.
    timeout: 60,
    requests: [
      {
        setupRequest: (request) => {
          const path = scenario.paths[turn % scenario.paths.length] ?? "/status";
          turn += 1;
          return { ...request, path };
        },
      },
    ],
  });
  return {
    scenario: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

// About 1.6% of generated mentions merge into an existing event: 3% more mentions give enough rows.
if ((await storedEvents(DB)).events < EVENTS) await buildStore(DB, Math.ceil(EVENTS * 1.03));
// Opening for writing brings a store made by an older parley up to the current schema and indexes.
await (await openStore(DB)).close();
const { url, child } = await startServer(DB);
const results: ScenarioResult[] = [];
try {
  for (const scenario of scenarios()) {
    // A short warm-up so the first scenario does not pay for cold caches alone.
    await autocannon({ url: `${url}${scenario.paths[0] ?? "/status"}`, connections: 4, duration: 1 });
    results.push(await drive(url, scenario));
    process.stderr.write(`${JSON.stringify(results[results.length - 1])}\n`);
  }
} finally {
  child.kill("SIGTERM");
}

const stored = await storedEvents(DB);
const header = ["scenario", "requests/s", "p50 ms", "p99 ms", "errors", "non-2xx"];
const lines = results.map((result) => [result.scenario, result.requestsPerSecond, result.p50Ms, result.p99Ms, result.errors, result.non2xx].map(String));
const widths = header.map((title, index) => Math.max(title.length, ...lines.map((line) => (line[index] ?? "").length)));
process.stdout.write(
  `API over ${stored.events.toLocaleString("en")} events (${stored.mentions.toLocaleString("en")} mentions, DuckDB), ${CONNECTIONS} connections, ${SECONDS} s per scenario\n`,
);
for (const line of [header, ...lines]) process.stdout.write(`${line.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join("  ")}\n`);
process.stdout.write(`${JSON.stringify({ bench: "api", store: "duckdb", events: stored.events, eventMentions: stored.mentions, connections: CONNECTIONS, seconds: SECONDS, results })}\n`);
