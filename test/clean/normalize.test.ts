import { describe, expect, it } from "vitest";
import { normalizeLine, splitGluedSentences, splitLines } from "../../src/clean/normalize.js";

describe("normalizeLine", () => {
  it("turns curly quotes into ASCII and collapses odd spaces", () => {
    expect(normalizeLine("  “helping  the\u00A0Syrian government”  Iran’s\tdeal ")).toBe('"helping the Syrian government" Iran\'s deal');
  });
  it("drops zero-width characters and soft hyphens", () => {
    expect(normalizeLine("Krem\u00ADlin\u200B talks")).toBe("Kremlin talks");
  });
});

describe("splitLines", () => {
  it("accepts every line-break convention", () => {
    expect(splitLines("a\r\nb\rc\nd\u2028e")).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("splitGluedSentences", () => {
  it("splits a sentence glued to the next by a crawler", () => {
    expect(splitGluedSentences("Your support makes all the difference.Russian President Vladimir Putin hosted")).toEqual([
      "Your support makes all the difference.",
      "Russian President Vladimir Putin hosted",
    ]);
  });
  it("leaves abbreviations, decimals and normal sentences alone", () => {
    expect(splitGluedSentences("The U.S.A. grew 3.5% in the U.S. economy. Then it fell.")).toEqual(["The U.S.A. grew 3.5% in the U.S. economy. Then it fell."]);
    expect(splitGluedSentences("See e.g.Iran for details")).toEqual(["See e.g.Iran for details"]);
  });
});
