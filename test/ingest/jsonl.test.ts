import { describe, expect, it } from "vitest";
import { parseJsonlLine, readJsonl } from "../../src/ingest/jsonl.js";

describe("parseJsonlLine", () => {
  it("reads a document with its metadata, putting the title first as a headline", () => {
    const record = parseJsonlLine(JSON.stringify({ id: 7, date: "2022-01-19T08:30:00Z", title: "Putin hosts Raisi", text: "Body.", url: "https://x.org/a", source: "x.org" }), "f.jsonl:1", undefined);
    expect(record).toEqual({
      kind: "document",
      meta: { id: "7", date: "2022-01-19", title: "Putin hosts Raisi", url: "https://x.org/a", source: "x.org" },
      text: "Putin hosts Raisi\nBody.",
      where: "f.jsonl:1",
    });
  });

  it("uses --date for records without one", () => {
    const record = parseJsonlLine('{"id":"a","text":"x"}', "f:1", "2024-01-01");
    expect(record.kind === "document" && record.meta.date).toBe("2024-01-01");
  });

  it("fails a bad record with a reason instead of throwing", () => {
    expect(parseJsonlLine("{oops", "f:2", undefined)).toMatchObject({ kind: "failure", where: "f:2", reason: expect.stringMatching(/^malformed JSON/) });
    expect(parseJsonlLine("[1,2]", "f:3", undefined)).toMatchObject({ kind: "failure", reason: expect.stringMatching(/JSON object/) });
    expect(parseJsonlLine('{"id":"a","date":"2022-13-01","text":"x"}', "f:4", undefined)).toMatchObject({ reason: expect.stringMatching(/invalid "date"/) });
    expect(parseJsonlLine('{"id":"a","text":"x"}', "f:5", undefined)).toMatchObject({ reason: expect.stringMatching(/missing "date"/) });
    expect(parseJsonlLine('{"date":"2022-01-01","text":"x"}', "f:6", undefined)).toMatchObject({ reason: 'missing "id"' });
    expect(parseJsonlLine('{"id":"a","date":"2022-01-01","text":5}', "f:7", undefined)).toMatchObject({ reason: 'missing "text" (a string)' });
  });
});

describe("readJsonl", () => {
  it("numbers records by their line and skips blank lines", () => {
    const records = [...readJsonl('{"id":"a","date":"2022-01-01","text":"x"}\n\n{bad\n', "in.jsonl", undefined)];
    expect(records.map((record) => record.where)).toEqual(["in.jsonl:1", "in.jsonl:3"]);
    expect(records.map((record) => record.kind)).toEqual(["document", "failure"]);
  });
});
