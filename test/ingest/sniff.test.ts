import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/ingest/sniff.js";

describe("detectFormat", () => {
  it("goes by extension first, then by content", () => {
    expect(detectFormat("x.jsonl", "Hello")).toBe("jsonl");
    expect(detectFormat("x.txt", '{"text":"a"}')).toBe("text");
    expect(detectFormat(undefined, '\n{"id":"a","text":"b"}\n')).toBe("jsonl");
    expect(detectFormat(undefined, "{not json")).toBe("text");
    expect(detectFormat(undefined, "Putin hosts Raisi")).toBe("text");
  });
});
