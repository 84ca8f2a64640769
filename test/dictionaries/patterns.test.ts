import { describe, expect, it } from "vitest";
import { parsePatternSide, synsetsUsed } from "../../src/dictionaries/patterns.js";
import type { PatternToken } from "../../src/dictionaries/types.js";

const p1 = { stems: false, longSynsetNames: false };
const p2 = { stems: false, longSynsetNames: true };
const word = (w: string, glued = false): PatternToken => ({ kind: "word", word: w, stem: false, glued });

describe("parsePatternSide", () => {
  it("reads actors, synsets and glue", () => {
    const side = parsePatternSide(" % HAVE_&AUXVERB_ ^ ", p1);
    expect(side.tokens).toEqual([
      { kind: "compound", glued: false },
      word("HAVE"),
      { kind: "synset", name: "AUXVERB", glued: true },
      { kind: "skip", glued: false },
    ]);
    expect(side.trailingGlue).toBe(false);
    expect(parsePatternSide("_OUT", p1)).toMatchObject({ leadingGlue: true, tokens: [word("OUT", true)] });
  });

  it("ends synset names at _ except in PETRARCH-2", () => {
    expect(parsePatternSide("&FIGHT_OF_WORDS", p1).tokens).toEqual([
      { kind: "synset", name: "FIGHT", glued: false },
      word("OF", true),
      word("WORDS", true),
    ]);
    expect(parsePatternSide("&FIGHT_OF_WORDS", p2).tokens).toEqual([{ kind: "synset", name: "FIGHT_OF_WORDS", glued: false }]);
  });

  it("reads noun phrases, prepositional phrases and choices", () => {
    expect(parsePatternSide("(IN {&MILITARY OPERATION}) (WITH)", p2).tokens).toEqual([
      {
        kind: "preposition",
        preposition: word("IN"),
        object: [{ kind: "noun", tokens: [{ kind: "synset", name: "MILITARY", glued: false }, word("OPERATION")], glued: false }],
        glued: false,
      },
      { kind: "preposition", preposition: word("WITH"), object: [], glued: false },
    ]);
    expect(parsePatternSide("THAT { IT | THEY } KILLED", p1).tokens[1]).toEqual({
      kind: "choice",
      options: [[word("IT")], [word("THEY")]],
      glued: false,
    });
  });

  it("rejects unbalanced groups", () => {
    expect(() => parsePatternSide("ATTACK (ON ^)  ^)", p2)).toThrow('unexpected ")"');
    expect(() => parsePatternSide("(TO {A B)", p2)).toThrow("unbalanced");
    expect(() => parsePatternSide("{ A | }", p1)).toThrow("empty alternative");
    expect(() => parsePatternSide("($ X)", p2)).toThrow("does not start with a preposition");
  });
});

describe("synsetsUsed", () => {
  it("finds synsets inside groups", () => {
    const used = new Set<string>();
    synsetsUsed(parsePatternSide("(BY/WITH &WEAPON) {&CEASEFIRE PROPOSAL} &TOWN", p2).tokens, used);
    expect([...used].sort()).toEqual(["CEASEFIRE", "TOWN", "WEAPON"]);
  });
});
