import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findBenchmarkDir, runExtractionBenchmark } from "../../src/bench/extraction.js";
import { aggregate, benchmarkTokens, shingleScore, shingles, tokenScore } from "../../src/bench/extraction-metrics.js";

describe("extraction metrics (the article-extraction-benchmark's definitions)", () => {
  it("tokenises into word characters, Unicode letters included, punctuation dropped", () => {
    expect(benchmarkTokens("Erdoğan met al-Sisi — in 2024, at 10:30.")).toEqual(["Erdoğan", "met", "al", "Sisi", "in", "2024", "at", "10", "30"]);
  });

  it("counts repeated 4-grams as a multiset, and a short text as one shingle", () => {
    expect([...shingles(["a", "b", "c", "d", "a", "b", "c", "d"], 4)]).toEqual([
      ["a b c d", 2],
      ["b c d a", 1],
      ["c d a b", 1],
      ["d a b c", 1],
    ]);
    expect([...shingles(["just", "two"], 4)]).toEqual([["just two", 1]]);
  });

  it("scores precision and recall of 4-grams against the gold text", () => {
    const gold = "one two three four five six";
    // Gold has 3 shingles; the prediction has the first 2 of them plus 2 of its own.
    const predicted = "one two three four five extra words";
    const score = shingleScore(gold, predicted);
    expect(score.precision).toBeCloseTo(2 / 4);
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(shingleScore(gold, gold)).toEqual({ precision: 1, recall: 1 });
    expect(shingleScore(gold, "")).toEqual({ precision: 0, recall: 0 });
  });

  it("scores tokens regardless of order", () => {
    expect(tokenScore("a b c d", "d c b a")).toEqual({ precision: 1, recall: 1 });
    expect(tokenScore("a b c d", "a b x")).toEqual({ precision: 2 / 3, recall: 2 / 4 });
  });

  it("macro-averages over documents and takes F1 of the averages", () => {
    const result = aggregate([
      { precision: 1, recall: 0.5 },
      { precision: 0.5, recall: 1 },
    ]);
    expect(result).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, documents: 2 });
  });
});

describe("extraction benchmark runner", () => {
  it("reports a missing benchmark directory instead of failing", () => {
    const empty = mkdtempSync(join(tmpdir(), "parley-bench-"));
    expect(findBenchmarkDir(empty)).toBeUndefined();
  });

  // The benchmark lives outside the repository (../shared); the full run is `node dist/bench/extraction.js`.
  const directory = findBenchmarkDir();
  it.skipIf(directory === undefined)("extracts a tiny sample of the real pages well", () => {
    const result = runExtractionBenchmark(directory ?? "", 5);
    expect(result.documents).toHaveLength(5);
    expect(result.empty).toBe(0);
    expect(result.fourGram.f1).toBeGreaterThan(0.9);
    expect(result.tokens.recall).toBeGreaterThan(0.9);
  });
});
