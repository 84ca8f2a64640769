import { describe, expect, it } from "vitest";
import { decodeDictionary, meaningfulLines, stripLineComment } from "../../src/dictionaries/text.js";

describe("meaningfulLines", () => {
  it("drops #, ; and XML comments but keeps # inside codes", () => {
    const text = [
      "<!-- one-line comment -->", // 1
      "<!--", // 2
      "# inside a multi-line comment", // 3
      "-->", // 4
      "NASGUL  [###]  ; ### is a TABARI code", // 5
      "+WEST_PAPUA#_VERY_IFFY_ ", // 6
      "<! -- sloppy comment -->", // 7
      "KEPT <!-- removed --> TOO", // 8
      "\t[ELI]# IGOrulers.txt", // 9
      "\t# indented comment", // 10
      "", // 11
    ].join("\r\n");
    expect(meaningfulLines(text)).toEqual([
      { line: 5, text: "NASGUL  [###]", indented: false },
      { line: 6, text: "+WEST_PAPUA", indented: false },
      { line: 8, text: "KEPT  TOO", indented: false },
      { line: 9, text: "\t[ELI]", indented: true },
    ]);
  });

  it("leaves an unclosed comment open to the end", () => {
    expect(meaningfulLines("A [B]\n<!-- never closed\nC [D]")).toEqual([{ line: 1, text: "A [B]", indented: false }]);
  });
});

describe("stripLineComment", () => {
  it("cuts at the first # or ; outside brackets", () => {
    expect(stripLineComment("[193]# pas")).toBe("[193]");
    expect(stripLineComment("SCRAP {SCRAPS};shan")).toBe("SCRAP {SCRAPS}");
  });
});

describe("decodeDictionary", () => {
  it("reads UTF-8 and falls back to Latin-1", () => {
    expect(decodeDictionary(new Uint8Array([0xef, 0xbb, 0xbf, 0x45, 0xc3, 0x89]))).toEqual({ text: "EÉ", latin1: false });
    expect(decodeDictionary(new Uint8Array([0x45, 0xc9]))).toEqual({ text: "EÉ", latin1: true });
  });
});
