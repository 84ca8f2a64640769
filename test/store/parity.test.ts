/**
 * The same corpus ingested into DuckDB and into PostgreSQL gives the same answers: events, merge
 * counts, dyad series, top lists, event listings and exports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusJsonl, generateCorpus } from "./corpus.js";
import { postgresUnavailable, startPostgres } from "./postgres-server.js";
import { runParley, storeRows } from "./run-cli.js";

const server = await startPostgres();
if (!server) console.warn(`skipping DuckDB/PostgreSQL parity tests: ${postgresUnavailable}`);

const parley = runParley;
const rows = storeRows;

let dir: string;
let duck: string;
let postgres: string;

describe.skipIf(!server)("DuckDB and PostgreSQL give the same results", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-parity-"));
    const input = join(dir, "news.jsonl");
    writeFileSync(input, corpusJsonl(generateCorpus(60, 6)));
    duck = join(dir, "events.duckdb");
    postgres = await server!.freshDatabase();
    for (const db of [duck, postgres]) {
      const run = await parley(["ingest", input, "--db", db, "--batch", "11"]);
      expect(run.status, run.stderr).toBe(0);
    }
    // A second ingest into PostgreSQL changes nothing there either.
    expect((await parley(["ingest", input, "--db", postgres])).stderr).toMatch(/0 stored/);
  });
  afterAll(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores the same articles, events and mentions", async () => {
    for (const sql of [
      "SELECT id, doc_id, source, CAST(published AS VARCHAR) AS published, duplicate_of, hash FROM articles ORDER BY id",
      "SELECT id, CAST(date AS VARCHAR) AS date, source, source_country, target, target_country, code, quad, goldstein, num_mentions, num_sources, num_articles, first_article FROM events ORDER BY id",
      "SELECT event_id, article_id, ordinal, sentence, verb_start, verb_end, rule FROM mentions ORDER BY article_id, ordinal",
    ]) {
      const fromDuck = await rows(duck, sql);
      expect(fromDuck.length).toBeGreaterThan(0);
      expect(await rows(postgres, sql)).toEqual(fromDuck);
    }
  });

  it("prints the same dyad series, top lists and event listings", async () => {
    for (const args of [
      ["dyad", "RUS", "IRN", "--from", "2024-01", "--by", "month"],
      ["dyad", "RUS", "UKR", "--by", "week", "--format", "jsonl"],
      ["dyad", "IRN", "RUS", "--by", "year", "--both"],
      ["top", "actors", "--from", "2024-02", "--to", "2024-06"],
      ["top", "dyads", "--limit", "20"],
      ["top", "codes", "--format", "csv"],
      ["events", "--actor", "IRN", "--code", "04", "--limit", "50", "--format", "jsonl"],
      ["events", "--limit", "500"],
      ["query", "SELECT source, COUNT(*) AS n FROM events GROUP BY source ORDER BY source", "--format", "jsonl"],
    ]) {
      const fromDuck = await parley([...args, "--db", duck]);
      const fromPostgres = await parley([...args, "--db", postgres]);
      expect(fromDuck.status).toBe(0);
      expect(fromDuck.stdout.length).toBeGreaterThan(40);
      expect(fromPostgres.stdout, args.join(" ")).toBe(fromDuck.stdout);
    }
  });

  it("exports the same csv, jsonl, GDELT and Parquet data", async () => {
    const outputs: Record<string, string[]> = {};
    for (const [name, db] of [
      ["duck", duck],
      ["pg", postgres],
    ] as const) {
      const prefix = join(dir, name);
      await parley(["export", "--db", db, "--format", "csv", "--out", `${prefix}.csv`]);
      await parley(["export", "--db", db, "--format", "jsonl", "--out", `${prefix}.jsonl`]);
      await parley(["export", "--db", db, "--format", "gdelt", "--out", prefix]);
      await parley(["export", "--db", db, "--format", "parquet", "--out", `${prefix}.parquet`]);
      outputs[name] = [`${prefix}.csv`, `${prefix}.jsonl`, `${prefix}.export.CSV`, `${prefix}.mentions.CSV`].map((path) => readFileSync(path, "utf8").replace(/\r\n/g, "\n"));
      outputs[name]!.push(JSON.stringify(await rows(duck, `SELECT * EXCLUDE (date), CAST(date AS VARCHAR) AS day FROM read_parquet('${prefix}.parquet') ORDER BY id`)));
    }
    ["csv", "jsonl", "gdelt events", "gdelt mentions", "parquet"].forEach((name, index) => {
      expect(outputs["pg"]![index], name).toBe(outputs["duck"]![index]);
    });
    expect(outputs["duck"]![0]!.split("\n")[0]).toMatch(/^id,date,/);
  });
});
