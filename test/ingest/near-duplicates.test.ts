import { describe, expect, it } from "vitest";
import { syntheticArticles } from "../../src/bench/dedup.js";
import {
  DEFAULT_THRESHOLD,
  estimateJaccard,
  fingerprintWords,
  minHashSignature,
  NearDuplicateIndex,
  shingleHashes,
} from "../../src/ingest/near-duplicates.js";
import { readFixture } from "../helpers.js";

const original = readFixture("dedup/wire-original.txt");
const rewritten = readFixture("dedup/wire-copy-rewritten.txt");
const truncated = readFixture("dedup/wire-copy-truncated.txt");
const independent = readFixture("dedup/same-event-independent.txt");
const later = readFixture("dedup/same-topic-later.txt");
const other = readFixture("dedup/same-topic-other.txt");

/** Exact Jaccard similarity of two texts' shingle sets, to check the MinHash estimate against. */
function exactJaccard(a: string, b: string): number {
  const left = new Set(shingleHashes(fingerprintWords(a)));
  const right = shingleHashes(fingerprintWords(b));
  const shared = right.filter((shingle) => left.has(shingle)).length;
  return shared / (left.size + right.length - shared);
}

describe("NearDuplicateIndex on a republished wire story", () => {
  it("finds copies with another headline, byline and dateline, a rewritten paragraph, a dropped or truncated ending", () => {
    const index = new NearDuplicateIndex();
    expect(index.add("ap", original)).toEqual({});
    const copy = index.add("site-b", rewritten);
    expect(copy.duplicateOf).toBe("ap");
    expect(copy.similarity).toBeGreaterThanOrEqual(0.55);
    expect(copy.similarity).toBeLessThanOrEqual(0.75);
    const partial = index.add("site-c", truncated);
    expect(partial.duplicateOf).toBe("ap");
    expect(partial.similarity).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // Copies are not indexed: the original stays the representative.
    expect(index.size).toBe(1);
  });

  it("finds a copy that prints only the opening of the story by containment", () => {
    const index = new NearDuplicateIndex();
    index.add("ap", original);
    const opening = original.split("\n").slice(0, 4).join("\n");
    const result = index.add("excerpt", opening);
    expect(result.duplicateOf).toBe("ap");
    expect(result.similarity).toBeLessThan(DEFAULT_THRESHOLD);
    expect(result.containment).toBeGreaterThanOrEqual(0.8);
  });

  it("does not trust containment for a text of a sentence or two", () => {
    const index = new NearDuplicateIndex();
    index.add("ap", original);
    const lead = original.split("\n").slice(0, 3).join("\n");
    expect(index.add("lead", lead).duplicateOf).toBeUndefined();
  });

  it("keeps independent reports of the same event and other stories on the same topic apart", () => {
    const index = new NearDuplicateIndex();
    for (const [id, text] of [["ap", original], ["reuters", independent], ["later", later], ["other", other]] as const) {
      const result = index.add(id, text);
      expect(result.duplicateOf, id).toBeUndefined();
      expect(result.similarity ?? 0, id).toBeLessThan(0.2);
    }
    expect(index.size).toBe(4);
    // With the unrelated stories indexed first, the copies still point at the original.
    expect(index.add("site-b", rewritten).duplicateOf).toBe("ap");
    expect(index.add("site-c", truncated).duplicateOf).toBe("ap");
  });

  it("reports the closest earlier article below the threshold: a later story sharing two background paragraphs", () => {
    const index = new NearDuplicateIndex();
    index.add("ap", original);
    const result = index.add("later", later);
    expect(result.duplicateOf).toBeUndefined();
    expect(result.similarity).toBeGreaterThan(0.08);
    expect(result.similarity).toBeLessThan(0.2);
  });

  it("finds exact copies with similarity 1, short texts included", () => {
    const index = new NearDuplicateIndex();
    index.add("a", "Egypt and Qatar urged Israel to accept a ceasefire in Gaza.");
    expect(index.add("b", "Egypt and Qatar urged Israel to accept a ceasefire in Gaza.")).toEqual({ duplicateOf: "a", similarity: 1, containment: 1 });
    expect(index.add("c", "Egypt and Qatar urged Hamas to accept a ceasefire in Gaza.").duplicateOf).toBeUndefined();
  });

  it("ignores texts without words", () => {
    const index = new NearDuplicateIndex();
    expect(index.add("empty", " \n — \n")).toEqual({});
    expect(index.size).toBe(0);
  });
});

describe("fingerprint", () => {
  it("leaves out headlines, bylines and other lines that are not prose", () => {
    const words = fingerprintWords(rewritten);
    expect(words.slice(0, 6)).toEqual(["cairo", "representatives", "of", "sudan", "s", "military"]);
    expect(words).not.toContain("rivals");
    expect(words).not.toContain("published");
    // "Related: Famine spreads through Darfur displacement camps" is a link, not prose.
    expect(words).not.toContain("related");
    expect(words).not.toContain("camps");
  });

  it("uses every line of a text too short to have a body", () => {
    expect(fingerprintWords("Putin meets Xi\nTalks in Beijing")).toEqual(["putin", "meets", "xi", "talks", "in", "beijing"]);
  });

  it("folds case and accents and is not fooled by paragraph breaks", () => {
    const joined = "Le président est arrivé à Genève pour des entretiens avec les médiateurs qui ont duré toute la nuit selon les diplomates présents.";
    const split = "LE PRESIDENT EST ARRIVE A GENEVE pour des entretiens avec les médiateurs,\nqui ont duré toute la nuit selon les diplomates présents.";
    expect(fingerprintWords(split)).toEqual(fingerprintWords(joined));
  });

  it("estimates the Jaccard similarity within MinHash's error", () => {
    for (const [a, b] of [[original, rewritten], [original, truncated], [original, later]] as const) {
      const estimate = estimateJaccard(minHashSignature(shingleHashes(fingerprintWords(a))), minHashSignature(shingleHashes(fingerprintWords(b))));
      expect(Math.abs(estimate - exactJaccard(a, b))).toBeLessThan(0.1);
    }
  });
});

describe("bounded memory", () => {
  it("holds at most `capacity` articles and forgets the oldest", () => {
    const articles = syntheticArticles(3000, 7).filter((article) => article.copyOf === undefined);
    const index = new NearDuplicateIndex({ capacity: 500 });
    for (const article of articles) expect(index.add(article.id, article.text).duplicateOf).toBeUndefined();
    expect(index.size).toBe(500);
    const oldest = articles[0]!;
    const recent = articles[articles.length - 400]!;
    expect(index.add("copy-of-oldest", oldest.text).duplicateOf).toBeUndefined();
    expect(index.add("copy-of-recent", recent.text).duplicateOf).toBe(recent.id);
  });

  it("keeps its chains consistent when slots are reused many times over", () => {
    const texts = syntheticArticles(40, 5).filter((article) => article.copyOf === undefined).map((article) => article.text);
    const index = new NearDuplicateIndex({ capacity: 3 });
    for (let round = 0; round < 5; round += 1) {
      texts.forEach((text, n) => {
        // Within the window of 3 the text is a copy; beyond it, it is new again.
        expect(index.add(`r${round}-${n}`, text).duplicateOf).toBeUndefined();
        expect(index.add(`again-${round}-${n}`, text).duplicateOf).toBe(`r${round}-${n}`);
      });
    }
    expect(index.size).toBe(3);
  });

  it("finds the copies of a long stream through growth and eviction, with no false matches", () => {
    const articles = syntheticArticles(6000, 11);
    const index = new NearDuplicateIndex({ capacity: 2000 });
    const wrong: string[] = [];
    let found = 0;
    let copies = 0;
    for (const article of articles) {
      const result = index.add(article.id, article.text);
      if (article.copyOf !== undefined) copies += 1;
      if (result.duplicateOf === undefined) continue;
      if (result.duplicateOf === article.copyOf) found += 1;
      else wrong.push(`${article.id} → ${result.duplicateOf}`);
    }
    expect(wrong).toEqual([]);
    // Copies are made of one of the 500 most recent originals, well inside the window.
    expect(found / copies).toBeGreaterThan(0.98);
    expect(index.size).toBe(2000);
  });
});
