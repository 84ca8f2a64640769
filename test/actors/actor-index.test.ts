import { describe, expect, it } from "vitest";
import { ActorIndex, compiledBuiltinActors, phraseTokens, type ActorEntryRef } from "../../src/actors/actor-index.js";
import { splitCaseMarker, type ActorDictionaries } from "../../src/actors/load.js";
import type { TrieMatch } from "../../src/actors/trie.js";

const keysOf = (words: readonly string[]) => (position: number) => (position < words.length ? [words[position] as string] : undefined);

/** What a lookup finds, with entries named by rule and kind (refs of two indexes are different objects). */
function found(matches: TrieMatch<ActorEntryRef>[]): unknown {
  return matches.map((match) => ({ end: match.end, values: match.values.map((ref) => `${ref.kind} ${ref.rule} ${ref.exact?.join(" ") ?? ""}`) }));
}

describe("ActorIndex", () => {
  const { dictionaries, tokenized, groups } = compiledBuiltinActors();
  const phrases = [
    ...dictionaries.countries.flatMap((country) => [...country.names, ...country.adjectives, ...country.capitals, ...country.seats]),
    ...dictionaries.organisations.flatMap((organisation) => organisation.names),
    ...dictionaries.agents.flatMap((agent) => agent.words),
    ...dictionaries.people.flatMap((person) => person.names),
  ].map((phrase) => {
    const { text } = splitCaseMarker(phrase);
    return (tokenized.get(text) ?? phraseTokens(text)).map((token) => token.toLowerCase());
  });

  it("finds every dictionary phrase, filling its trie on lookup, as the trie filled all at once does", () => {
    // One from the compiled cache's grouping of the phrases, one that groups them itself.
    const lazy = new ActorIndex(dictionaries, tokenized, groups);
    const whole = new ActorIndex(dictionaries);
    expect(whole.trie.size).toBeGreaterThan(10_000); // counting fills the whole trie
    expect(phrases.length).toBeGreaterThan(10_000);
    for (const words of phrases) {
      const matches = lazy.trie.matchesAt(0, keysOf(words));
      expect(matches.length, words.join(" ")).toBeGreaterThan(0);
      expect(found(matches), words.join(" ")).toEqual(found(whole.trie.matchesAt(0, keysOf(words))));
    }
    expect(lazy.trie.size).toBe(whole.trie.size);
  });

  it("fills its trie on token lookups too (the actor stage's path)", () => {
    const lazy = new ActorIndex(dictionaries, tokenized, groups);
    const whole = new ActorIndex(dictionaries);
    for (const words of phrases.slice(0, 3000)) {
      const tokens = words.map((word) => ({ normal: word, lemma: word }));
      const matches = lazy.trie.matchTokens(tokens, 0, tokens.length);
      expect(matches.length, words.join(" ")).toBeGreaterThan(0);
      expect(found(matches), words.join(" ")).toEqual(found(whole.trie.matchTokens(tokens, 0, tokens.length)));
    }
    // A lemma fills the phrases that start with it: "troops" finds "troop" entries.
    const troops = [{ normal: "troops", lemma: "troop" }];
    expect(found(new ActorIndex(dictionaries, tokenized, groups).trie.matchTokens(troops, 0, 1))).toEqual(found(whole.trie.matchTokens(troops, 0, 1)));
  });

  it("keeps the dictionary order of entries that share a phrase, and fills a phrase for its lemma too", () => {
    const small: ActorDictionaries = {
      countries: [],
      organisations: [],
      people: [],
      problems: [],
      agents: [
        { words: ["troop", "peacekeeping troops"], agent: "MIL", sector: "MIL" },
        { words: ["troop"], agent: "UAF", sector: "" },
      ],
    };
    const index = new ActorIndex(small);
    const lemmaKeys = (position: number) => (position === 0 ? ["troops", "troop"] : undefined);
    expect(found(index.trie.matchesAt(0, lemmaKeys))).toEqual([{ end: 1, values: ["agent agent:MIL:troop ", "agent agent:UAF:troop "] }]);
    expect(found(index.trie.matchesAt(0, keysOf(["peacekeeping", "troops"])))).toEqual([{ end: 2, values: ["agent agent:MIL:peacekeeping troops "] }]);
    expect(index.trie.matchesAt(0, keysOf(["troopers"]))).toEqual([]);
    expect(index.trie.size).toBe(2);
  });
});
