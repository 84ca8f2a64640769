import { describe, expect, it } from "vitest";
import { formatJsonl } from "../../src/output/jsonl.js";
import { russiaVisitsIran } from "./fixture.js";

describe("formatJsonl", () => {
  it("writes one line that parses back to an equal event", () => {
    const event = russiaVisitsIran();
    const line = formatJsonl(event);
    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toEqual(event);
  });

  it("keeps the interface's key order whatever order the event was built in", () => {
    const event = russiaVisitsIran();
    const shuffled = Object.fromEntries(Object.entries(event).reverse()) as typeof event;
    const keys = Object.keys(JSON.parse(formatJsonl(shuffled)) as object);
    expect(keys).toEqual([
      "doc", "sentence", "date", "datePrecision", "source", "target", "code", "root", "quad",
      "goldstein", "plover", "text", "spans", "rule",
    ]);
    expect(formatJsonl(shuffled)).toBe(formatJsonl(event));
  });

  it("escapes line breaks in the text and keeps a null target", () => {
    const event = { ...russiaVisitsIran(), target: null, text: "Line one\nline two\r\n" };
    event.spans = { ...event.spans, target: null };
    const line = formatJsonl(event);
    expect(line.split("\n")).toHaveLength(1);
    const parsed = JSON.parse(line) as typeof event;
    expect(parsed.text).toBe("Line one\nline two\r\n");
    expect(parsed.target).toBeNull();
    expect(parsed.spans.target).toBeNull();
  });
});
