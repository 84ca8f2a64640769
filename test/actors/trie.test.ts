import { describe, expect, it } from "vitest";
import { TokenTrie } from "../../src/actors/trie.js";

describe("TokenTrie", () => {
  const trie = new TokenTrie<string>();
  trie.insert(["united", "states"], "USA");
  trie.insert(["united", "states", "of", "america"], "USA-long");
  trie.insert(["united"], "word");
  trie.insert(["troop"], "MIL");

  const keysOf = (words: string[][]) => (position: number) => words[position];

  it("returns every phrase starting at a position, longest first", () => {
    const matches = trie.matchesAt(0, keysOf([["united"], ["states"], ["of"], ["america"], ["today"]]));
    expect(matches.map((match) => [match.end, match.values])).toEqual([
      [4, ["USA-long"]],
      [2, ["USA"]],
      [1, ["word"]],
    ]);
  });

  it("tries each position's keys in turn (surface form, then lemma)", () => {
    expect(trie.matchesAt(0, keysOf([["troops", "troop"]]))[0]?.values).toEqual(["MIL"]);
  });

  it("finds nothing where no phrase starts, and counts distinct phrases", () => {
    expect(trie.matchesAt(0, keysOf([["states"]]))).toEqual([]);
    expect(trie.size).toBe(4);
  });
});
