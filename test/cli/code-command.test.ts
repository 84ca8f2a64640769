import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, readFixture } from "../helpers.js";

// The CLI as users run it: the built bin (npm test builds before running the tests).
const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;

function parley(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const article = fixturePath("erdogan-sisi.txt");

describe("parley code: input formats", () => {
  it("codes a plain-text file with --date into JSONL events that carry every field", () => {
    const run = parley(["code", article, "--date", "2024-09-05"]);
    expect(run.status).toBe(0);
    const events = jsonLines(run.stdout);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(Object.keys(event)).toEqual(["doc", "sentence", "date", "datePrecision", "source", "target", "code", "root", "quad", "goldstein", "plover", "text", "spans", "rule"]);
      expect(event["doc"]).toBe("erdogan-sisi.txt");
    }
    expect(run.stderr).toMatch(/1 document: 1 coded \(\d+ events\), 0 skipped, 0 failed/);
  });

  it("reads standard input", () => {
    const run = parley(["code", "--date", "2024-09-05"], readFixture("erdogan-sisi.txt"));
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout)[0]?.["doc"]).toBe("stdin");
  });

  it("reads JSONL, reports each bad line with its number and still codes the good ones", () => {
    const run = parley(["code", fixturePath("documents.jsonl")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("documents.jsonl:2: malformed JSON");
    expect(run.stderr).toContain('documents.jsonl:4: invalid "date" "2024-02-30"');
    expect(run.stderr).toContain('documents.jsonl:5: missing "text"');
    expect(run.stderr).toMatch(/5 documents: 2 coded \(\d+ events\), 0 skipped, 3 failed/);
    const docs = new Set(jsonLines(run.stdout).map((event) => event["doc"]));
    expect(docs).toEqual(new Set(["erdogan-sisi", "kyiv"]));
  });

  it("detects JSONL on standard input by its content", () => {
    const line = JSON.stringify({ id: "a", date: "2022-02-24", text: "Russian troops attacked Ukraine on Thursday." });
    const run = parley(["code"], `${line}\n`);
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout)[0]?.["doc"]).toBe("a");
  });

  it("codes a plain-text file as text when told to, whatever its content", () => {
    const run = parley(["code", "--input", "text", "--date", "2024-09-05", fixturePath("documents.jsonl")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/1 document: 1 coded/);
  });
});

describe("parley code: output formats", () => {
  it("writes CSV with a header and one row per event", () => {
    const jsonl = jsonLines(parley(["code", article, "--date", "2024-09-05"]).stdout);
    const run = parley(["code", article, "--date", "2024-09-05", "--format", "csv"]);
    expect(run.status).toBe(0);
    const rows = run.stdout.split("\r\n").filter(Boolean);
    expect(rows[0]).toMatch(/^doc,sentence,date,date_precision,source,target,code,/);
    expect(rows).toHaveLength(jsonl.length + 1);
  });

  it("writes GDELT 2.0 rows of 61 tab-separated columns", () => {
    const run = parley(["code", article, "--date", "2024-09-05", "--format", "gdelt"]);
    expect(run.status).toBe(0);
    const rows = run.stdout.split("\n").filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split("\t")).toHaveLength(61);
  });

  it("explains per sentence what was found and why events were or were not coded", () => {
    const run = parley(["code", article, "--date", "2024-09-05", "--explain"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("removed donation");
    expect(run.stdout).toMatch(/actors:/);
    expect(run.stdout).toMatch(/verb "did not attack" .*negated: no event/);
  });
});

describe("parley code: bad input", () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-cli-"));

  const expectOneLineError = (run: ReturnType<typeof parley>, pattern: RegExp): void => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  };

  it("rejects binary input", () => {
    const file = join(dir, "image.txt");
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    expectOneLineError(parley(["code", file, "--date", "2024-09-05"]), /image\.txt: binary input/);
  });

  it("decodes windows-1252 text instead of rejecting it", () => {
    const file = join(dir, "latin.txt");
    writeFileSync(file, Buffer.from("Russian troops attacked Ukraine on Thursday, the caf\xe9 owner said.\n", "latin1"));
    const run = parley(["code", file, "--date", "2022-02-25"]);
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout)[0]?.["text"]).toContain("café");
  });

  it("rejects an invalid --date", () => {
    expectOneLineError(parley(["code", article, "--date", "2022-02-30"]), /invalid --date "2022-02-30"/);
    expectOneLineError(parley(["code", article, "--date", "yesterday"]), /invalid --date "yesterday"/);
  });

  it("rejects a missing file, an unknown option and an unknown format", () => {
    expectOneLineError(parley(["code", join(dir, "missing.txt"), "--date", "2024-09-05"]), /missing\.txt: no such file/);
    expectOneLineError(parley(["code", article, "--colour"]), /Unknown option '--colour'/);
    expectOneLineError(parley(["code", article, "--format", "xml"]), /--format must be one of jsonl, csv, gdelt/);
    expectOneLineError(parley(["frobnicate"]), /unknown command "frobnicate"/);
  });

  it("skips an empty document with a reason", () => {
    const file = join(dir, "empty.txt");
    writeFileSync(file, "\n\n");
    const run = parley(["code", file, "--date", "2024-09-05"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("empty.txt: skipped: empty text");
  });

  it("warns when plain text comes without a publication date", () => {
    const run = parley(["code", article]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/no --date given; using today's date \d{4}-\d{2}-\d{2}/);
  });
});
