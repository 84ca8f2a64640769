import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusJsonl, generateCorpus } from "../store/corpus.js";
import { runParley, storeRows } from "../store/run-cli.js";

const parley = runParley;
const rows = storeRows;

let dir: string;
let input: string;
let db: string;
const corpus = generateCorpus(40, 10);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-store-cli-"));
  input = join(dir, "news.jsonl");
  writeFileSync(input, corpusJsonl(corpus));
  db = join(dir, "events.duckdb");
  const run = await parley(["ingest", input, "--db", db, "--batch", "7"]);
  expect(run.status, run.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("parley ingest", () => {
  it("stores every article once, copies as further sources of their original", async () => {
    const articles = await rows(db, "SELECT COUNT(*) AS n, COUNT(duplicate_of) AS copies FROM articles");
    expect(articles).toEqual([{ n: 44, copies: 4 }]);
    const copy = await rows(db, "SELECT c.doc_id AS copy, o.doc_id AS original FROM articles c JOIN articles o ON o.id = c.duplicate_of ORDER BY 1");
    expect(copy).toEqual([10, 20, 30, 40].map((i) => ({ copy: `a00${i}-copy`, original: `a00${i}` })));
    // A copied article's events count it as a second article and a second source.
    const counted = await rows(
      db,
      "SELECT MIN(e.num_articles) AS articles, MIN(e.num_sources) AS sources FROM events e JOIN mentions m ON m.event_id = e.id JOIN articles a ON a.id = m.article_id WHERE a.duplicate_of IS NOT NULL",
    );
    expect(Number(counted[0]?.["articles"])).toBeGreaterThanOrEqual(2);
    expect(Number(counted[0]?.["sources"])).toBeGreaterThanOrEqual(2);
    // ... and reports exactly its original's events.
    const differing = await rows(
      db,
      "SELECT COUNT(*) AS n FROM articles c JOIN mentions mc ON mc.article_id = c.id " +
        "LEFT JOIN mentions mo ON mo.article_id = c.duplicate_of AND mo.ordinal = mc.ordinal AND mo.event_id = mc.event_id WHERE c.duplicate_of IS NOT NULL AND mo.event_id IS NULL",
    );
    expect(differing).toEqual([{ n: 0 }]);
    const [copyMentions] = await rows(db, "SELECT COUNT(*) AS n FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.duplicate_of IS NOT NULL");
    expect(Number(copyMentions?.["n"])).toBeGreaterThanOrEqual(4);
    const [mentions] = await rows(db, "SELECT COUNT(*) AS n FROM mentions");
    const [sum] = await rows(db, "SELECT SUM(num_mentions) AS n FROM events");
    expect(sum?.["n"]).toBe(mentions?.["n"]);
    expect(Number(mentions?.["n"])).toBeGreaterThanOrEqual(40);
  });

  it("changes nothing when the same input is ingested again", async () => {
    const before = await rows(db, "SELECT id, num_mentions, num_sources, num_articles FROM events ORDER BY id");
    const run = await parley(["ingest", input, "--db", db]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/0 stored .*44 already stored/);
    expect(await rows(db, "SELECT id, num_mentions, num_sources, num_articles FROM events ORDER BY id")).toEqual(before);
    expect(await rows(db, "SELECT COUNT(*) AS n FROM articles")).toEqual([{ n: 44 }]);
  });
});

describe("queries", () => {
  it("parley query runs read-only SQL", async () => {
    const run = await parley(["query", "SELECT COUNT(*) AS articles FROM articles", "--db", db, "--format", "csv"]);
    expect(run.stdout).toBe("articles\r\n44\r\n");
    const write = await parley(["query", "DELETE FROM articles", "--db", db]);
    expect(write.status).toBe(1);
    expect(write.stderr).toMatch(/query failed/);
    expect(await rows(db, "SELECT COUNT(*) AS n FROM articles")).toEqual([{ n: 44 }]);
  });

  it("parley dyad prints a monthly table with sparklines", async () => {
    const run = await parley(["dyad", "RUS", "IRN", "--db", db, "--from", "2024-01", "--by", "month"]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^period\s+events\s+mentions\s+verbal_coop\s+material_coop\s+verbal_conflict\s+material_conflict\s+goldstein_sum\s+goldstein_mean$/);
    expect(run.stdout).toMatch(/^events +[▁▂▃▄▅▆▇█]+ +2024-\d\d … 2024-\d\d$/m);
    const json = await parley(["dyad", "RUS", "IRN", "--db", db, "--format", "jsonl"]);
    const series = json.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, number>);
    const [expected] = await rows(db, "SELECT COUNT(*) AS n FROM events WHERE source LIKE 'RUS%' AND target LIKE 'IRN%'");
    expect(series.reduce((sum, row) => sum + (row["events"] ?? 0), 0)).toBe(expected?.["n"]);
    expect(Number(expected?.["n"])).toBeGreaterThan(0);
  });

  it("parley top and parley events", async () => {
    const topCodes = await parley(["top", "codes", "--db", db, "--format", "jsonl", "--limit", "3"]);
    const codes = topCodes.stdout.trim().split("\n").map((line) => JSON.parse(line) as { code: string; events: number });
    expect(codes).toHaveLength(3);
    expect(codes[0]!.events).toBeGreaterThanOrEqual(codes[2]!.events);
    const dyads = await parley(["top", "dyads", "--db", db, "--from", "2024-03", "--to", "2024-03"]);
    expect(dyads.stdout.split("\n")[0]).toMatch(/^dyad\s+events\s+mentions$/);
    const listed = await parley(["events", "--db", db, "--actor", "RUS", "--code", "19", "--limit", "50", "--format", "jsonl"]);
    const events = listed.stdout.trim().split("\n").map((line) => JSON.parse(line) as { source: string; target: string; code: string });
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.code.startsWith("19")).toBe(true);
      expect(event.source.startsWith("RUS") || event.target.startsWith("RUS")).toBe(true);
    }
    const bad = await parley(["events", "--db", db, "--from", "2024-13"]);
    expect(bad.status).toBe(2);
  });
});

describe("parley export", () => {
  it("writes parquet and csv through COPY, jsonl, and GDELT event and mentions tables", async () => {
    const [total] = await rows(db, "SELECT COUNT(*) AS n FROM events");
    const parquet = join(dir, "events.parquet");
    expect((await parley(["export", "--db", db, "--format", "parquet", "--out", parquet])).status).toBe(0);
    expect(readFileSync(parquet).subarray(0, 4).toString()).toBe("PAR1");
    const back = await rows(db, `SELECT COUNT(*) AS n, MIN(date) AS first FROM read_parquet('${parquet}')`);
    expect(back).toEqual([{ n: total?.["n"], first: "2024-01-08" }]);

    const csv = join(dir, "events.csv");
    await parley(["export", "--db", db, "--format", "csv", "--out", csv]);
    const csvLines = readFileSync(csv, "utf8").trim().split("\n");
    expect(csvLines[0]).toMatch(/^id,date,date_precision,source,/);
    expect(csvLines).toHaveLength(Number(total?.["n"]) + 1);

    const jsonl = await parley(["export", "--db", db, "--format", "jsonl", "--actor", "IRN"]);
    for (const line of jsonl.stdout.trim().split("\n")) {
      const event = JSON.parse(line) as { source: string; target: string | null };
      expect(event.source.startsWith("IRN") || (event.target ?? "").startsWith("IRN")).toBe(true);
    }

    const prefix = join(dir, "gdelt");
    await parley(["export", "--db", db, "--format", "gdelt", "--out", prefix]);
    const eventRows = readFileSync(`${prefix}.export.CSV`, "utf8").trim().split("\n").map((line) => line.split("\t"));
    expect(eventRows).toHaveLength(Number(total?.["n"]));
    for (const row of eventRows) expect(row).toHaveLength(61);
    const mentionRows = readFileSync(`${prefix}.mentions.CSV`, "utf8").replace(/\n$/, "").split("\n").map((line) => line.split("\t"));
    for (const row of mentionRows) expect(row).toHaveLength(16);
    // NumMentions (column 32) of all events add up to the mentions table's rows.
    expect(eventRows.reduce((sum, row) => sum + Number(row[31]), 0)).toBe(mentionRows.length);
  });
});

describe("parley recode", () => {
  it("keeps the articles, replaces events and mentions, and records the new version", async () => {
    const copy = join(dir, "recode.duckdb");
    writeFileSync(copy, readFileSync(db));
    const before = await rows(copy, "SELECT id, num_mentions, num_sources, num_articles FROM events ORDER BY id");
    const run = await parley(["recode", "--db", copy, "--batch", "9"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/recoded 40 articles/);
    expect(await rows(copy, "SELECT COUNT(*) AS n FROM articles")).toEqual([{ n: 44 }]);
    // Same coder, same text: the same events with the same counts, now stamped with the recode run.
    expect(await rows(copy, "SELECT id, num_mentions, num_sources, num_articles FROM events ORDER BY id")).toEqual(before);
    expect(await rows(copy, "SELECT kind FROM versions ORDER BY id")).toEqual([{ kind: "ingest" }, { kind: "ingest" }, { kind: "recode" }]);
    expect(await rows(copy, "SELECT DISTINCT version_id FROM mentions")).toEqual([{ version_id: 3 }]);
  });
});

describe("crash safety", () => {
  it("an ingest killed by PID mid-way loses nothing committed, and a rerun stores the rest without duplicates", async () => {
    const big = generateCorpus(160, 8);
    const bigInput = join(dir, "big.jsonl");
    writeFileSync(bigInput, corpusJsonl(big));
    const crashed = join(dir, "crashed.duckdb");
    const clean = join(dir, "clean.duckdb");
    const viteNode = new URL("../../node_modules/.bin/vite-node", import.meta.url).pathname;
    const bin = new URL("../../src/cli/bin.ts", import.meta.url).pathname;
    const child = spawn(viteNode, [bin, "ingest", bigInput, "--db", crashed, "--batch", "4", "--verbose"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        // Kill once a few batches are committed: well before the end of 180 articles.
        if (/committed batch 3:/.test(stderr) && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    expect(child.signalCode).toBe("SIGKILL");
    expect(existsSync(crashed)).toBe(true);
    const [partial] = await rows(crashed, "SELECT COUNT(*) AS n FROM articles");
    expect(Number(partial?.["n"])).toBeGreaterThanOrEqual(12);
    expect(Number(partial?.["n"])).toBeLessThan(180);

    const rerun = await parley(["ingest", bigInput, "--db", crashed, "--batch", "4"]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect((await parley(["ingest", bigInput, "--db", clean])).status).toBe(0);

    const articles = "SELECT doc_id, duplicate_of IS NOT NULL AS copy, COUNT(*) AS n FROM articles GROUP BY doc_id, duplicate_of ORDER BY doc_id";
    const stored = await rows(crashed, articles);
    expect(stored).toHaveLength(180);
    expect(stored.every((row) => row["n"] === 1)).toBe(true);
    expect(stored).toEqual(await rows(clean, articles));
    const events = "SELECT id, code, num_mentions, num_sources, num_articles FROM events ORDER BY id";
    expect(await rows(crashed, events)).toEqual(await rows(clean, events));
    expect(await rows(crashed, "SELECT COUNT(*) AS n FROM mentions")).toEqual(await rows(clean, "SELECT COUNT(*) AS n FROM mentions"));
  });
});

describe("store errors", () => {
  it("reports a store that cannot be opened in one line", async () => {
    const run = await parley(["query", "SELECT 1", "--db", join(dir, "missing", "nothing.duckdb")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^parley: .*nothing\.duckdb: cannot open the event store: /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("readers while one writer ingests (DuckDB)", () => {
  it("answers queries from other processes between the ingest's batches", async () => {
    const big = generateCorpus(400, 8);
    const bigInput = join(dir, "busy.jsonl");
    writeFileSync(bigInput, corpusJsonl(big));
    const total = big.length;
    const busy = join(dir, "busy.duckdb");
    const viteNode = new URL("../../node_modules/.bin/vite-node", import.meta.url).pathname;
    const bin = new URL("../../src/cli/bin.ts", import.meta.url).pathname;
    const child = spawn(viteNode, [bin, "ingest", bigInput, "--db", busy, "--batch", "2", "--verbose"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const firstBatch = new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/committed batch 1:/.test(stderr)) resolve();
      });
    });
    const finished = new Promise<void>((resolve, reject) => {
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    await firstBatch;
    // Three readers in other processes at once, while the writer is still at work.
    const read = async (): Promise<number> => {
      const reader = spawn(viteNode, [bin, "query", "SELECT COUNT(*) AS n FROM articles", "--db", busy, "--format", "csv"], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      reader.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => reader.on("exit", (code) => resolve(code)));
      expect(status).toBe(0);
      return Number(out.trim().split("\n").at(-1));
    };
    const counts = await Promise.all([read(), read(), read()]);
    const writerStillRunning = child.exitCode === null;
    await finished;
    expect(child.exitCode, stderr).toBe(0);
    expect(writerStillRunning).toBe(true);
    for (const count of counts) expect(count).toBeGreaterThan(0);
    expect(counts.some((count) => count < total)).toBe(true);
    expect(Number((await rows(busy, "SELECT COUNT(*) AS n FROM articles"))[0]?.["n"])).toBe(total);
  }, 180_000);
});
