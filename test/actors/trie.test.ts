import { describe, expect, it } from "vitest";
import { TokenTrie } from "../../src/actors/trie.js";

/** The phrases both suites start from: nested phrases and a lemma's entry. */
const PHRASES: Array<[string[], string]> = [
  [["united", "states"], "USA"],
  [["united", "states", "of", "america"], "USA-long"],
  [["united"], "word"],
  [["troop"], "MIL"],
];

function trieOf(phrases: Array<[string[], string]>): TokenTrie<string> {
  const trie = new TokenTrie<string>();
  for (const [tokens, value] of phrases) trie.insert(tokens, value);
  return trie;
}

describe("TokenTrie", () => {
  const trie = trieOf(PHRASES);

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

describe("TokenTrie.matchTokens", () => {
  const trie = trieOf([
    ...PHRASES,
    [["security", "force"], "forces"],
    [["security", "forces"], "forces-plural"],
  ]);

  const token = (normal: string, lemma = normal) => ({ normal, lemma });
  const sentence = [token("the"), token("united"), token("states"), token("of"), token("america"), token("sent"), token("troops", "troop"), token("and"), token("security"), token("forces", "force")];
  const keysOf = (position: number): string[] | undefined => {
    const at = sentence[position];
    if (!at) return undefined;
    return at.lemma === at.normal ? [at.normal] : [at.normal, at.lemma];
  };

  it("finds what matchesAt finds with the form and the lemma as keys, at every position", () => {
    for (let start = 0; start < sentence.length; start += 1) {
      expect(trie.matchTokens(sentence, start, sentence.length), `position ${start}`).toEqual(trie.matchesAt(start, keysOf));
    }
    expect(trie.matchTokens(sentence, 8, sentence.length).map((match) => match.values)).toEqual([["forces-plural"], ["forces"]]);
  });

  it("stops at the end it is given", () => {
    expect(trie.matchTokens(sentence, 1, 3).map((match) => match.end)).toEqual([3, 2]);
    expect(trie.matchTokens(sentence, 1, 1)).toEqual([]);
  });
});
