import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "parley-serve-cli-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `parley serve` and resolves with its URL and what it printed so far. */
function serve(args: string[]): Promise<{ url: string; child: ChildProcess; stderr: () => string; exited: Promise<number | null> }> {
  return new Promise((resolveStart, rejectStart) => {
    const child = spawn(process.execPath, [bin, "serve", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let stdout = "";
    let stderr = "";
    const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolveStart({ url: match[1], child, stderr: () => stderr, exited });
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk));
    void exited.then((code) => rejectStart(new Error(`serve exited with ${String(code)}: ${stderr}`)));
  });
}

const examples = new URL("../../examples/articles.jsonl", import.meta.url).pathname;

function runIngestOnce(db: string): { status: number | null } {
  return spawnSync(process.execPath, [bin, "ingest", examples, "--db", db], { encoding: "utf8" });
}

describe("parley serve", () => {
  it("ingests the sample corpus once, listens on 127.0.0.1 only, and stops on SIGTERM", async () => {
    const db = join(dir, "sample.duckdb");
    const first = await serve(["--db", db, "--sample"]);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.stderr()).toMatch(/[1-9]\d* stored/);
    const status = (await (await fetch(`${first.url}/status`)).json()) as { articles: number; events: number; readOnly: boolean };
    expect(status.articles).toBeGreaterThanOrEqual(60);
    expect(status.events).toBeGreaterThan(100);
    expect(status.readOnly).toBe(true);
    expect((await fetch(`${first.url}/ingest`, { method: "POST" })).status).toBe(404);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    // A second start finds every article stored and adds nothing.
    const second = await serve(["--db", db, "--sample"]);
    expect(second.stderr()).toMatch(/ 0 stored .*already stored/);
    const again = (await (await fetch(`${second.url}/status`)).json()) as { articles: number; events: number };
    expect(again).toMatchObject({ articles: status.articles, events: status.events });
    second.child.kill("SIGTERM");
    await second.exited;
  });

  it("reports a port in use in one line", async () => {
    const db = join(dir, "busy.duckdb");
    expect((await runIngestOnce(db)).status).toBe(0);
    const first = await serve(["--db", db]);
    const port = new URL(first.url).port;
    const result = spawnSync(process.execPath, [bin, "serve", "--db", db, "--port", port], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`parley: port ${port} on 127.0.0.1 is already in use (--port)`);
    first.child.kill("SIGTERM");
    await first.exited;
  });

  it("reports bad options and a missing store in one line, without a stack trace", () => {
    const cases: Array<[string[], RegExp]> = [
      [["--port", "99999"], /--port must be a whole number from 0 to 65535/],
      [["--token", "short"], /--token must be at least 8 characters/],
      [["--cors", "*"], /--cors takes origins/],
      [["--db", join(dir, "missing.duckdb")], /missing\.duckdb: cannot open the event store: no event store/],
      [["input.jsonl"], /takes no inputs/],
    ];
    for (const [args, message] of cases) {
      const result = spawnSync(process.execPath, [bin, "serve", ...args], { encoding: "utf8" });
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
