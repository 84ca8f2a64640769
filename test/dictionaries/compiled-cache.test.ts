import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ActorIndex, compiledBuiltinActors, tokenizedPhrases } from "../../src/actors/actor-index.js";
import { loadBuiltinDictionaries } from "../../src/actors/load.js";
import { compiled, compiledCacheDir, compiledKey } from "../../src/dictionaries/compiled-cache.js";

interface Words {
  words: string[];
}

const isWords = (value: unknown): value is Words => Array.isArray((value as Partial<Words> | null)?.words);

/** A data file, a cache folder, and a compile step that counts its runs. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), "parley-compiled-"));
  const data = join(root, "words.tsv");
  writeFileSync(data, "alpha\nbeta\n");
  const dir = join(root, "cache");
  let runs = 0;
  const load = (): Words => compiled("words", [data], () => {
    runs += 1;
    return { words: ["alpha", "beta"] };
  }, isWords, { dir });
  return { root, data, dir, load, runs: () => runs };
}

describe("compiled cache", () => {
  it("compiles once, then reads the compiled form", () => {
    const { dir, load, runs } = setup();
    expect(load()).toEqual({ words: ["alpha", "beta"] });
    expect(load()).toEqual({ words: ["alpha", "beta"] });
    expect(runs()).toBe(1);
    expect(readdirSync(dir).filter((name) => name.endsWith(".v8"))).toHaveLength(1);
  });

  it("compiles again when a source changes, and drops the stale entry", () => {
    const { data, dir, load, runs } = setup();
    load();
    const before = readdirSync(dir);
    appendFileSync(data, "gamma\n");
    load();
    expect(runs()).toBe(2);
    const after = readdirSync(dir);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    load();
    expect(runs()).toBe(2);
  });

  it("keeps one entry per installation: sources at other paths do not replace it", () => {
    const { root, data, dir, load, runs } = setup();
    const elsewhere = join(root, "other-checkout.tsv");
    writeFileSync(elsewhere, "alpha\nbeta\n");
    let otherRuns = 0;
    const loadElsewhere = (): Words => compiled("words", [elsewhere], () => {
      otherRuns += 1;
      return { words: ["alpha", "beta"] };
    }, isWords, { dir });
    load();
    loadElsewhere();
    load();
    loadElsewhere();
    expect([runs(), otherRuns]).toEqual([1, 1]);
    expect(readdirSync(dir)).toHaveLength(2);
    // An edit replaces only the entry of the edited installation.
    appendFileSync(data, "gamma\n");
    load();
    loadElsewhere();
    expect([runs(), otherRuns]).toEqual([2, 1]);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("removes entries of the earlier format (one per name)", () => {
    const { dir, load } = setup();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "words-0123456789abcdef0123456789abcdef.v8"), "old");
    load();
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(dir)[0]).toMatch(/^words-[0-9a-f]{12}-[0-9a-f]{32}\.v8$/);
  });

  it("keys on content, so a missing source and each edit give different keys", () => {
    const { data, root } = setup();
    const first = compiledKey("words", [data]);
    expect(compiledKey("words", [data])).toBe(first);
    appendFileSync(data, "x");
    expect(compiledKey("words", [data])).not.toBe(first);
    expect(compiledKey("words", [join(root, "missing.tsv")])).not.toBe(first);
    expect(compiledKey("other", [data])).not.toBe(compiledKey("words", [data]));
  });

  it("ignores a corrupt or truncated entry and rewrites it", () => {
    const { dir, load, runs } = setup();
    load();
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry ?? ""), "not a v8 serialization");
    expect(load()).toEqual({ words: ["alpha", "beta"] });
    expect(runs()).toBe(2);
    load();
    expect(runs()).toBe(2);
  });

  it("ignores an entry of the wrong shape", () => {
    const { data, dir, runs, load } = setup();
    // Same name and sources, written by a compile step that returned something else.
    compiled("words", [data], () => ({ nothing: true }), (value): value is { nothing: boolean } => typeof value === "object", { dir });
    expect(load()).toEqual({ words: ["alpha", "beta"] });
    expect(runs()).toBe(1);
  });

  it("still works when the cache folder cannot be written", () => {
    const { root, data } = setup();
    const blocker = join(root, "a-file");
    writeFileSync(blocker, "");
    let runs = 0;
    const compile = (): Words => {
      runs += 1;
      return { words: ["x"] };
    };
    // A folder inside a regular file can never be created.
    expect(compiled("words", [data], compile, isWords, { dir: join(blocker, "cache") })).toEqual({ words: ["x"] });
    expect(compiled("words", [data], compile, isWords, { dir: join(blocker, "cache") })).toEqual({ words: ["x"] });
    expect(runs).toBe(2);
  });

  it("compiles every time when caching is off", () => {
    const { data } = setup();
    let runs = 0;
    const compile = (): Words => {
      runs += 1;
      return { words: [] };
    };
    compiled("words", [data], compile, isWords, { dir: undefined });
    compiled("words", [data], compile, isWords, { dir: undefined });
    expect(runs).toBe(2);
  });

  it("finds its folder in PARLEY_CACHE_DIR, then XDG_CACHE_HOME, and is off with PARLEY_CACHE_DIR=off", () => {
    expect(compiledCacheDir({ PARLEY_CACHE_DIR: "/tmp/p", XDG_CACHE_HOME: "/tmp/x" })).toBe("/tmp/p");
    expect(compiledCacheDir({ XDG_CACHE_HOME: "/tmp/x" })).toBe(join("/tmp/x", "parley"));
    expect(compiledCacheDir({ PARLEY_CACHE_DIR: "off" })).toBeUndefined();
  });
});

describe("compiled built-in actors", () => {
  it("build the same index as tokenizing every phrase with wink", () => {
    const dictionaries = loadBuiltinDictionaries();
    const direct = new ActorIndex(dictionaries);
    const { dictionaries: cachedDictionaries, tokenized } = compiledBuiltinActors();
    expect(cachedDictionaries).toEqual(dictionaries);
    expect(tokenized).toEqual(tokenizedPhrases(dictionaries));
    const fromCache = new ActorIndex(cachedDictionaries, tokenized);
    expect(fromCache.trie.size).toBe(direct.trie.size);
    const keys = (words: string[]) => (position: number) => (words[position] === undefined ? undefined : [words[position] as string]);
    for (const phrase of [["al", "-", "qaeda"], ["u.s."], ["united", "nations"], ["hamas"]]) {
      expect(fromCache.trie.matchesAt(0, keys(phrase))).toEqual(direct.trie.matchesAt(0, keys(phrase)));
    }
  });
});
