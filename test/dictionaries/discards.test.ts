import { describe, expect, it } from "vitest";
import { parseDiscardFile } from "../../src/dictionaries/discards.js";

describe("parseDiscardFile", () => {
  it("reads sentence and story discards, stems and bad lines", () => {
    const r = parseDiscardFile(["# Story-level discards start with +", "MONTHS LATER", "+ World Golf Championships  # pas", "GROUP A_", "+", "BAD [###]"].join("\n"), "d.txt");
    expect(r.discards.map((d) => [d.line, d.phrase.text, d.story, d.phrase.words.map((w) => w.stem), d.phrase.words.map((w) => w.glued)])).toEqual([
      [2, "MONTHS LATER", false, [false, true], [false, true]],
      [3, "WORLD GOLF CHAMPIONSHIPS", true, [false, false, true], [false, true, true]],
      [4, "GROUP A", false, [false, false], [false, true]],
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([5, 6]);
  });
});
