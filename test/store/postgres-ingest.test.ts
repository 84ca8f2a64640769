/**
 * PostgreSQL while an ingest writes: readers see only whole batches (every event's num_mentions
 * matches its mentions at every moment), and an ingest killed by PID loses nothing committed;
 * a rerun stores the rest without duplicates.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { CommandIO } from "../../src/cli/io.js";
import { openStore } from "../../src/store/store.js";
import { corpusJsonl, generateCorpus } from "./corpus.js";
import { postgresUnavailable, startPostgres } from "./postgres-server.js";

const server = await startPostgres();
if (!server) console.warn(`skipping PostgreSQL ingest tests: ${postgresUnavailable}`);
const dir = mkdtempSync(join(tmpdir(), "parley-pg-ingest-"));
afterAll(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const quietIO: CommandIO = {
  out: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  readStdin: () => new Uint8Array(),
  now: () => new Date("2026-01-02T03:04:05Z"),
};

describe.skipIf(!server)("ingest into PostgreSQL", () => {
  it("readers see whole batches while an ingest writes; a killed ingest reruns to the same result as a clean one", async () => {
    const input = join(dir, "news.jsonl");
    writeFileSync(input, corpusJsonl(generateCorpus(160, 8)));
    const crashed = await server!.freshDatabase();
    const clean = await server!.freshDatabase();
    const viteNode = new URL("../../node_modules/.bin/vite-node", import.meta.url).pathname;
    const bin = new URL("../../src/cli/bin.ts", import.meta.url).pathname;
    const child = spawn(viteNode, [bin, "ingest", input, "--db", crashed, "--batch", "3", "--verbose"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/committed batch 6:/.test(stderr) && child.pid !== undefined && child.signalCode === null) process.kill(child.pid, "SIGKILL");
    });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));

    // Read while it writes, from another connection.
    const reader = await openStore(crashed, { readOnly: true });
    const seen: number[] = [];
    try {
      while (child.exitCode === null && child.signalCode === null) {
        const [state] = await reader.sql.all(
          "SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM mentions) AS mentions, (SELECT COALESCE(SUM(num_mentions), 0) FROM events) AS counted",
        ).catch(() => [{ articles: 0, mentions: 0, counted: 0 }]);
        expect(state?.["counted"]).toBe(state?.["mentions"]);
        seen.push(Number(state?.["articles"]));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await reader.close();
    }
    await exited;
    expect(child.signalCode).toBe("SIGKILL");
    expect(seen.some((n) => n > 0)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const rows = async (db: string, sql: string): Promise<unknown[]> => {
      const store = await openStore(db, { readOnly: true });
      try {
        return await store.sql.all(sql);
      } finally {
        await store.close();
      }
    };
    const [partial] = (await rows(crashed, "SELECT COUNT(*) AS n FROM articles")) as Array<{ n: number }>;
    expect(partial!.n).toBeGreaterThanOrEqual(18);
    expect(partial!.n).toBeLessThan(180);

    expect(await main(["ingest", input, "--db", crashed, "--batch", "3"], quietIO)).toBe(0);
    expect(await main(["ingest", input, "--db", clean], quietIO)).toBe(0);
    const articles = "SELECT doc_id, COUNT(*) AS n FROM articles GROUP BY doc_id ORDER BY doc_id";
    const stored = (await rows(crashed, articles)) as Array<{ n: number }>;
    expect(stored).toHaveLength(180);
    expect(stored.every((row) => row.n === 1)).toBe(true);
    const events = "SELECT id, code, num_mentions, num_sources, num_articles FROM events ORDER BY id";
    expect(await rows(crashed, events)).toEqual(await rows(clean, events));
  });
});
