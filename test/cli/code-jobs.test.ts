import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/bench/corpus.js";

const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
/** The size of `npm run bench`'s corpus (src/bench/run.ts). */
const BENCH_SENTENCES = 100_000;

function parley(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("parley code --jobs", () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-jobs-"));
  const corpus = join(dir, "corpus.jsonl");
  writeFileSync(corpus, generateCorpus(600).map((article) => JSON.stringify({ id: article.id, date: article.date, text: article.text })).join("\n"));

  it("writes the same events in the same order with 4 worker threads as with none", () => {
    const one = parley(["code", "--jobs", "1", "--keep-duplicates", corpus]);
    const four = parley(["code", "--jobs", "4", "--keep-duplicates", corpus]);
    expect(one.status).toBe(0);
    expect(four.status).toBe(0);
    expect(one.stdout.split("\n").length).toBeGreaterThan(100);
    expect(four.stdout).toBe(one.stdout);
    expect(four.stderr.trim().split("\n").at(-1)).toBe(one.stderr.trim().split("\n").at(-1));
  });

  it("writes the same events in the same order with 4 threads on the whole benchmark corpus", () => {
    // The corpus `npm run bench` codes: 100,000 sentences. Output goes to files (~50 MB each).
    const benchCorpus = join(dir, "bench.jsonl");
    writeFileSync(benchCorpus, generateCorpus(BENCH_SENTENCES).map((article) => JSON.stringify({ id: article.id, date: article.date, text: article.text })).join("\n"));
    const [one, four] = ["1", "4"].map((jobs) => {
      const file = join(dir, `bench-jobs-${jobs}.jsonl`);
      const sink = openSync(file, "w");
      const run = spawnSync(process.execPath, [bin, "code", "--jobs", jobs, "--keep-duplicates", benchCorpus], { encoding: "utf8", stdio: ["ignore", sink, "pipe"] });
      closeSync(sink);
      expect(run.status, run.stderr).toBe(0);
      return { events: readFileSync(file, "utf8"), summary: run.stderr.trim().split("\n").at(-1) };
    });
    expect(one?.events.split("\n").length).toBeGreaterThan(80_000);
    expect(four?.events === one?.events).toBe(true);
    expect(four?.summary).toBe(one?.summary);
  }, 180_000);

  it("keeps CSV and GDELT output (formatted on the main thread) the same with worker threads", () => {
    for (const format of ["csv", "gdelt"]) {
      const one = parley(["code", "--jobs", "1", "--format", format, "--keep-duplicates", corpus]);
      const three = parley(["code", "--jobs", "3", "--format", format, "--keep-duplicates", corpus]);
      expect(one.status).toBe(0);
      expect(three.stdout.split("\n").length).toBeGreaterThan(100);
      // GDELT stamps DATEADDED with the run time: compare everything else.
      const withoutRunTime = (text: string) => text.replace(/\t\d{14}\t/g, "\tRUN\t");
      expect(withoutRunTime(three.stdout)).toBe(withoutRunTime(one.stdout));
    }
  });

  it("rejects a --jobs that is not a whole number of threads", () => {
    const run = parley(["code", "--jobs", "0", corpus]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--jobs must be a whole number from 1 to 256, got "0"/);
  });
});
