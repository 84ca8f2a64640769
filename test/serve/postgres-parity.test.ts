/**
 * The API answers the same over PostgreSQL as over DuckDB: every read endpoint, on the sample
 * corpus ingested into both, and POST /ingest through the PostgreSQL writer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_CORPUS } from "../../src/cli/serve-command.js";
import { builtinCoder } from "../../src/pipeline.js";
import { createApp } from "../../src/serve/app.js";
import { openServingStore, type ServingStore } from "../../src/store/serving.js";
import { postgresUnavailable, startPostgres } from "../store/postgres-server.js";
import { runParley } from "../store/run-cli.js";

const server = await startPostgres();
if (!server) console.warn(`skipping the API's PostgreSQL tests: ${postgresUnavailable}`);

const TOKEN = "parity-token-123456";
let dir: string;
const stores: ServingStore[] = [];
let duckApp: Hono;
let postgresApp: Hono;

async function body(app: Hono, path: string): Promise<unknown> {
  const response = await app.request(path);
  expect(response.status, path).toBe(200);
  return response.json();
}

describe.skipIf(!server)("the API over PostgreSQL", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-serve-parity-"));
    const duck = join(dir, "events.duckdb");
    const postgres = await server!.freshDatabase();
    for (const db of [duck, postgres]) {
      const run = await runParley(["ingest", SAMPLE_CORPUS, "--db", db]);
      expect(run.status, run.stderr).toBe(0);
    }
    const coder = builtinCoder();
    const duckStore = await openServingStore(duck, { readers: 2, writable: false });
    const postgresStore = await openServingStore(postgres, { readers: 2, writable: true });
    stores.push(duckStore, postgresStore);
    duckApp = createApp({ store: duckStore, coder });
    postgresApp = createApp({ store: postgresStore, coder, token: TOKEN });
  });

  afterAll(async () => {
    for (const store of stores) await store.close();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers every read endpoint as DuckDB does", async () => {
    const first = (await body(duckApp, "/events?source=RUS&target=UKR&limit=1")) as { events: Array<{ id: string; firstArticle: string }> };
    const event = first.events[0];
    expect(event).toBeDefined();
    for (const path of [
      "/events?limit=500",
      "/events?actor=IRN&from=2024&to=2025-06&limit=20&offset=1",
      "/events?quad=4&root=19",
      "/events?q=drone",
      "/events?plover=CONSULT&code=04",
      `/events/${event!.id}`,
      "/dyad?source=RUS&target=UKR&by=month",
      "/dyad?source=USA&target=CHN&by=week&both=true",
      "/dyad?source=ISR&target=IRN&by=day&from=2025",
      "/top/actors?limit=30",
      "/top/dyads?from=2023",
      "/top/codes?actor=RUS",
      "/network?from=2022&to=2025",
      "/network?level=actor&minEvents=2",
      "/articles?limit=100",
      "/articles?q=ceasefire",
      `/articles/${event!.firstArticle}`,
    ]) {
      expect(await body(postgresApp, path), path).toEqual(await body(duckApp, path));
    }
    const status = (await body(postgresApp, "/status")) as { store: string; events: number };
    expect(status.store).toBe("postgres");
    expect(status.events).toBe(((await body(duckApp, "/status")) as { events: number }).events);
  });

  it("stores articles sent to POST /ingest", async () => {
    const response = await postgresApp.request("/ingest", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ articles: [{ id: "pg-1", date: "2024-02-02", text: "Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva in Beijing on Friday." }] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ stored: 1, failed: 0 });
    const found = (await body(postgresApp, "/events?source=CHN&target=BRA&from=2024-02-02&to=2024-02-02")) as { total: number };
    expect(found.total).toBeGreaterThan(0);
  });
});
