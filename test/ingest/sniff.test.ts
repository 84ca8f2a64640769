import { describe, expect, it } from "vitest";
import { InputError } from "../../src/ingest/record.js";
import { assertText, detectFormat } from "../../src/ingest/sniff.js";

describe("assertText", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(assertText(new TextEncoder().encode("\uFEFFKyiv – Київ"), "a.txt")).toBe("Kyiv – Київ");
  });

  it("rejects binary and non-UTF-8 input with an error naming the input", () => {
    expect(() => assertText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]), "a.zip")).toThrow(InputError);
    expect(() => assertText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]), "a.zip")).toThrow(/^a\.zip: binary input/);
    expect(() => assertText(Uint8Array.from(Array.from({ length: 100 }, () => 0xe9)), "b.txt")).toThrow(/^b\.txt: not UTF-8/);
  });
});

describe("detectFormat", () => {
  it("goes by extension first, then by content", () => {
    expect(detectFormat("x.jsonl", "Hello")).toBe("jsonl");
    expect(detectFormat("x.txt", '{"text":"a"}')).toBe("text");
    expect(detectFormat(undefined, '\n{"id":"a","text":"b"}\n')).toBe("jsonl");
    expect(detectFormat(undefined, "{not json")).toBe("text");
    expect(detectFormat(undefined, "Putin hosts Raisi")).toBe("text");
  });
});
