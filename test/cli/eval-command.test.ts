import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers.js";

const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;

function parley(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("parley eval", () => {
  it("prints one JSON object with the headline figures", () => {
    const run = parley(["eval", fixturePath("validation.xml"), "--json"]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ records: 4, exact: 3, precision: 1 });
    expect(report["recall"]).toBeCloseTo(2 / 3);
    expect(report).toHaveProperty("f1");
    expect(report["misses"]).toEqual(["OWN-04"]);
    expect(run.stderr).toContain('OWN-05: date "2022" is not YYYYMMDD');
  });

  it("prints a table per level and category, and every miss with --verbose", () => {
    const run = parley(["eval", fixturePath("validation.xml"), "--verbose"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^MISS OWN-04/m);
    expect(run.stdout).toMatch(/^country +100\.0%/m);
    expect(run.stdout).toMatch(/^FORCE +2 +2/m);
  });

  it("fails in one line on a missing or empty suite", () => {
    const missing = parley(["eval", "nope.xml"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^parley: nope\.xml: no such file\n$/);
    const empty = parley(["eval", fixturePath("erdogan-sisi.txt")]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/no validation records/);
  });
});

describe("parley dictionaries check", () => {
  it("passes on the built-in dictionaries and says what it found", () => {
    const run = parley(["dictionaries", "check"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, \d+ warnings?$/m);
  });

  it("fails with the problems of a broken user dictionary, by file and line", () => {
    const run = parley(["dictionaries", "check", "--dictionaries", fixturePath("validation.xml")]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^error load \S*validation\.xml: not a dictionary file/m);
  });
});
