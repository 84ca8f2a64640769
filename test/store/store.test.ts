import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type EventStore } from "../../src/store/store.js";
import { dyadSeries, top, events as listEvents } from "../../src/store/queries.js";
import { article, event } from "./fixtures.js";
import { postgresUnavailable, startPostgres } from "./postgres-server.js";

const server = await startPostgres();
if (!server) console.warn(`skipping PostgreSQL store tests: ${postgresUnavailable}`);
afterAll(() => server?.stop());

/** Each store the tests run against: a DuckDB file in a temp folder, a fresh PostgreSQL database. */
const BACKENDS = [
  { name: "DuckDB", db: async (dir: string) => join(dir, "test.duckdb"), available: true },
  { name: "PostgreSQL", db: async () => server!.freshDatabase(), available: server !== undefined },
];

const VERSION = { kind: "ingest" as const, parleyVersion: "0.1.0", dictionaryVersion: "test" };

let dir: string;
let store: EventStore;

const count = async (sql: string): Promise<number> => Number((await store.sql.all(sql))[0]?.["n"]);

describe.each(BACKENDS)("EventStore on $name", ({ db, available }) => {
  beforeEach(async ({ skip }) => {
    if (!available) skip();
    dir = mkdtempSync(join(tmpdir(), "parley-store-"));
    store = await openStore(await db(dir));
  });
  afterEach(async () => {
    if (!available) return;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("merges the same event from several articles into one row with GDELT-style counts", async () => {
    const meeting = event("2024-03-01", "RUSGOV", "IRNGOV", "043", 2.8, 1);
    const strike = event("2024-03-02", "RUSMIL", "UKR", "190", -10, 4);
    const version = await store.beginVersion(VERSION);
    await store.writeBatch([article("a1", "reuters.com", [meeting, meeting]), article("a2", "bbc.co.uk", [meeting, strike])], version);
    await store.writeBatch([article("a3", "reuters.com", [meeting])], version);
    const rows = await store.sql.all("SELECT id, num_mentions, num_articles, num_sources FROM events ORDER BY date");
    expect(rows).toEqual([
      { id: meeting.id, num_mentions: 4, num_articles: 3, num_sources: 2 },
      { id: strike.id, num_mentions: 1, num_articles: 1, num_sources: 1 },
    ]);
  });

  it("stores the same article once, however often it is written", async () => {
    const meeting = event("2024-03-01", "RUSGOV", "IRNGOV", "043");
    const version = await store.beginVersion(VERSION);
    expect(await store.writeBatch([article("a1", "x.com", [meeting])], version)).toBe(1);
    expect(await store.writeBatch([article("a1", "x.com", [meeting]), article("a1", "x.com", [meeting])], version)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM articles")).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM mentions")).toBe(1);
    expect(await count("SELECT num_mentions AS n FROM events")).toBe(1);
    expect(await store.articleIds()).toEqual(new Set(["a1"]));
  });

  it("counts a syndicated copy as a further source and article, not a new event", async () => {
    const meeting = event("2024-03-01", "RUSGOV", "IRNGOV", "043");
    const version = await store.beginVersion(VERSION);
    await store.writeBatch([article("orig", "reuters.com", [meeting])], version);
    await store.writeBatch([article("copy", "yahoo.com", [meeting], "orig")], version);
    expect(await count("SELECT COUNT(*) AS n FROM events")).toBe(1);
    expect(await store.sql.all("SELECT num_mentions, num_articles, num_sources FROM events")).toEqual([{ num_mentions: 2, num_articles: 2, num_sources: 2 }]);
    expect(await store.sql.all("SELECT duplicate_of FROM articles WHERE id = 'copy'")).toEqual([{ duplicate_of: "orig" }]);
  });

  it("a copy in the same batch as its original also takes its mentions", async () => {
    const meeting = event("2024-03-01", "RUSGOV", "IRNGOV", "043");
    const version = await store.beginVersion(VERSION);
    await store.writeBatch([article("orig", "reuters.com", [meeting]), article("copy", "yahoo.com", [], "orig")], version);
    expect(await store.sql.all("SELECT num_mentions, num_articles, num_sources FROM events")).toEqual([{ num_mentions: 2, num_articles: 2, num_sources: 2 }]);
  });

  it("a failed batch leaves nothing behind", async () => {
    const version = await store.beginVersion(VERSION);
    const bad = article("a1", "x.com", [event("2024-03-01", "RUS", "IRN", "043")]);
    bad.article.published = "not a date";
    await expect(store.writeBatch([bad], version)).rejects.toThrow();
    expect(await count("SELECT COUNT(*) AS n FROM articles")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM events")).toBe(0);
    await store.writeBatch([article("a2", "x.com", [event("2024-03-01", "RUS", "IRN", "043")])], version);
    expect(await count("SELECT COUNT(*) AS n FROM events")).toBe(1);
  });

  it("replaces an article's events and mentions on recode and drops orphaned events", async () => {
    const old = event("2024-03-01", "RUS", "IRN", "043");
    const kept = event("2024-03-01", "RUS", "IRN", "042");
    const fresh = event("2024-03-01", "RUS", "IRN", "057");
    const v1 = await store.beginVersion(VERSION);
    await store.writeBatch([article("a1", "x.com", [old, kept]), article("a2", "y.com", [kept]), article("c1", "z.com", [], "a1")], v1);
    const v2 = await store.beginVersion({ ...VERSION, kind: "recode", dictionaryVersion: "new" });
    await store.replaceCoding([article("a1", "x.com", [kept, fresh])], [["c1", "a1"]], v2);
    const rows = await store.sql.all("SELECT code, num_mentions, num_articles, version_id FROM events ORDER BY code");
    expect(rows).toEqual([
      { code: "042", num_mentions: 3, num_articles: 3, version_id: v2 },
      { code: "057", num_mentions: 2, num_articles: 2, version_id: v2 },
    ]);
    expect(await count("SELECT COUNT(*) AS n FROM articles")).toBe(3);
  });

  it("answers dyad, top and event queries", async () => {
    const version = await store.beginVersion(VERSION);
    await store.writeBatch(
      [
        article("a1", "x.com", [event("2024-01-05", "RUSGOV", "IRNGOV", "043", 2.8, 1), event("2024-01-09", "RUS", "IRN", "190", -10, 4)]),
        article("a2", "y.com", [event("2024-02-01", "RUSMIL", "IRN", "057", 8, 2), event("2024-02-01", "IRN", "RUS", "111", -2, 3)]),
      ],
      version,
    );
    const series = await dyadSeries(store.sql, { source: "RUS", target: "IRN", from: "2024-01", by: "month" });
    expect(series).toEqual([
      { period: "2024-01", events: 2, mentions: 2, quad1: 1, quad2: 0, quad3: 0, quad4: 1, goldsteinSum: -7.2, goldsteinMean: -3.6 },
      { period: "2024-02", events: 1, mentions: 1, quad1: 0, quad2: 1, quad3: 0, quad4: 0, goldsteinSum: 8, goldsteinMean: 8 },
    ]);
    const both = await dyadSeries(store.sql, { source: "RUS", target: "IRN", by: "year", both: true });
    expect(both.map((row) => [row.period, row.events])).toEqual([["2024", 4]]);
    expect((await top(store.sql, "codes", {}, 2)).map((row) => row.key)).toEqual(["043", "057"]);
    expect(await top(store.sql, "actors", { from: "2024-02" }, 5)).toEqual([
      { key: "IRN", events: 2, mentions: 2 },
      { key: "RUS", events: 1, mentions: 1 },
      { key: "RUSMIL", events: 1, mentions: 1 },
    ]);
    const listed = await listEvents(store.sql, { actor: "IRN", code: "19" }, 50);
    expect(listed.map((row) => [row["date"], row["source"], row["code"]])).toEqual([["2024-01-09", "RUS", "190"]]);
  });
});
