import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandIO } from "../../src/cli/io.js";
import { parseDuration, runWatch } from "../../src/cli/watch-command.js";
import { FeedServer, LATE_STORY, STORIES } from "../ingest/feed-server.js";

const dir = mkdtempSync(join(tmpdir(), "parley-watch-cli-"));
let server: FeedServer;
beforeAll(async () => {
  server = await new FeedServer().start();
});
afterAll(async () => {
  await server.stop();
});

function captureIO(): CommandIO & { stdout: string[]; warnings: string[]; infos: string[] } {
  const stdout: string[] = [];
  const warnings: string[] = [];
  const infos: string[] = [];
  return {
    stdout,
    warnings,
    infos,
    out: (text) => stdout.push(text),
    warn: (line) => warnings.push(line),
    info: (line) => infos.push(line),
    readStdin: () => new Uint8Array(0),
    now: () => new Date("2024-03-02T12:00:00Z"),
  };
}

/** Tests never wait: sleeps return at once. */
const noWait = { sleep: async (): Promise<void> => undefined };

function jsonLines(chunks: string[]): Array<Record<string, unknown>> {
  return chunks
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

let lists = 0;
function feedList(...paths: string[]): string {
  lists += 1;
  const path = join(dir, `feeds-${lists}.txt`);
  writeFileSync(path, `# test feeds\n${paths.map((path) => server.url(path)).join("\n")}\n`);
  return path;
}

describe("parley watch", () => {
  it("codes the new articles of each feed once, across restarts", async () => {
    server.setFeed("/cli-wire.xml", STORIES);
    const list = feedList("/cli-wire.xml");

    const first = captureIO();
    expect(await runWatch([list, "--once", "--delay", "0s"], first, noWait)).toBe(0);
    const events = jsonLines(first.stdout);
    expect(new Set(events.map((event) => event["doc"]))).toEqual(new Set(["story-1", "story-2", "story-3"]));
    const attack = events.find((event) => event["doc"] === "story-2" && event["source"] === "RUS");
    expect(attack).toMatchObject({ target: "UKR", date: "2024-02-29" });
    expect(first.infos).toEqual([expect.stringMatching(/^parley watch: round 1: 1 feed \(0 not modified, 0 failed\), 3 new items: 3 coded \(\d+ events\), 0 skipped, 0 failed$/)]);
    expect(existsSync(`${list}.state.json`)).toBe(true);

    // A restart while nothing changed: a conditional request, a 304, nothing coded.
    const second = captureIO();
    expect(await runWatch([list, "--once"], second, noWait)).toBe(0);
    expect(second.stdout).toEqual([]);
    expect(second.infos).toEqual(["parley watch: round 1: 1 feed (1 not modified, 0 failed), 0 new items: 0 coded (0 events), 0 skipped, 0 failed"]);
    expect(server.requestsFor("/cli-wire.xml").map((request) => request.status)).toEqual([200, 304]);

    // The feed gains an article: only that one is coded.
    server.setFeed("/cli-wire.xml", [LATE_STORY, ...STORIES]);
    const third = captureIO();
    await runWatch([list, "--once"], third, noWait);
    expect(new Set(jsonLines(third.stdout).map((event) => event["doc"]))).toEqual(new Set(["story-4"]));
  });

  it("appends events to --out and keeps state where --state says", async () => {
    server.setFeed("/cli-out.xml", STORIES.slice(1));
    const list = feedList("/cli-out.xml");
    const out = join(dir, "events.jsonl");
    const state = join(dir, "custom-state.json");
    writeFileSync(out, '{"earlier":"line"}\n');
    const io = captureIO();
    await runWatch([list, "--once", "--out", out, "--state", state], io, noWait);
    expect(io.stdout).toEqual([]);
    const lines = readFileSync(out, "utf8").split("\n").filter(Boolean);
    expect(lines[0]).toBe('{"earlier":"line"}');
    expect(lines.length).toBeGreaterThan(1);
    expect(new Set(lines.slice(1).map((line) => (JSON.parse(line) as { doc: string }).doc))).toEqual(new Set(["story-1", "story-2"]));
    expect(Object.keys((JSON.parse(readFileSync(state, "utf8")) as { seen: object }).seen).sort()).toEqual(["story-1", "story-2"]);
  });

  it("keeps polling on schedule until stopped", async () => {
    server.setFeed("/cli-loop.xml", STORIES);
    const list = feedList("/cli-loop.xml");
    const controller = new AbortController();
    const waits: number[] = [];
    const io = captureIO();
    const code = await runWatch([list, "--every", "90s", "--delay", "0s"], io, {
      signal: controller.signal,
      sleep: async (ms) => {
        waits.push(ms);
        if (waits.length === 2) controller.abort();
      },
    });
    expect(code).toBe(0);
    expect(io.infos.map((line) => line.replace(/\([1-9]\d* events\)/, "(N events)"))).toEqual([
      "parley watch: round 1: 1 feed (0 not modified, 0 failed), 3 new items: 3 coded (N events), 0 skipped, 0 failed",
      "parley watch: round 2: 1 feed (1 not modified, 0 failed), 0 new items: 0 coded (0 events), 0 skipped, 0 failed",
    ]);
    expect(waits).toEqual([90_000, 90_000]);
  });

  it("exits 1 when no feed could be fetched in a single poll, after retrying", async () => {
    server.failNext("/cli-down.xml", [503, 503]);
    const list = feedList("/cli-down.xml");
    const io = captureIO();
    expect(await runWatch([list, "--once", "--retries", "1"], io, noWait)).toBe(1);
    expect(io.warnings).toEqual([`${server.url("/cli-down.xml")}: cannot fetch the feed (HTTP 503 (after 2 attempts))`]);
  });

  it("rejects bad usage in one line", async () => {
    const io = captureIO();
    await expect(runWatch([], io)).rejects.toThrow(/give the file that lists the feeds/);
    await expect(runWatch([join(dir, "nope.txt"), "--once"], io)).rejects.toThrow(/nope\.txt: no such file/);
    const list = feedList("/x.xml");
    await expect(runWatch([list, "--every", "soon"], io)).rejects.toThrow(/invalid --every "soon"/);
    await expect(runWatch([list, "--retries", "11"], io)).rejects.toThrow(/--retries must be/);
    const bad = join(dir, "bad-list.txt");
    writeFileSync(bad, "https://ok.example/feed\nnot a url\n");
    await expect(runWatch([bad, "--once"], io)).rejects.toThrow(/bad-list\.txt:2: not a URL/);
  });

  it("shows its usage", async () => {
    const io = captureIO();
    expect(await runWatch(["--help"], io)).toBe(0);
    expect(io.stdout.join("")).toMatch(/^usage: parley watch FEEDS\.txt/);
  });
});

describe("parseDuration", () => {
  it("reads units and combinations, a bare number as seconds", () => {
    expect(parseDuration("15m", "--every")).toBe(900_000);
    expect(parseDuration("1h30m", "--every")).toBe(5_400_000);
    expect(parseDuration("500ms", "--delay")).toBe(500);
    expect(parseDuration("2", "--delay")).toBe(2000);
    expect(() => parseDuration("15 minutes", "--every")).toThrow(/invalid --every "15 minutes"/);
  });
});
