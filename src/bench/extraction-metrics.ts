/**
 * Scores for main-text extraction against gold text, as defined by the ScrapingHub/Zyte
 * article-extraction-benchmark (its evaluate.py, re-implemented here from its description):
 * texts are tokenised into `\w+` words; each document is compared as multisets of word 4-grams
 * ("shingles"); precision and recall are computed per document and averaged over documents
 * (macro), and F1 is the harmonic mean of the two averages. A text shorter than four words counts
 * as one shingle of all its words. Token-level precision and recall are the same computation over
 * single words (multiset overlap), which says how much text was missed or added regardless of order.
 */

/** Word tokens as the benchmark defines them: runs of Unicode letters, digits and underscore. */
export function benchmarkTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Multiset of word n-grams; a text shorter than n words gives one n-gram of all its words. */
export function shingles(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n).join(" ");
    if (shingle === "") continue;
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export interface OverlapCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Multiset overlap of predicted against gold items. */
export function overlap(gold: Map<string, number>, predicted: Map<string, number>): OverlapCounts {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const [item, predictedCount] of predicted) {
    const goldCount = gold.get(item) ?? 0;
    truePositives += Math.min(goldCount, predictedCount);
    falsePositives += Math.max(0, predictedCount - goldCount);
  }
  for (const [item, goldCount] of gold) falseNegatives += Math.max(0, goldCount - (predicted.get(item) ?? 0));
  return { truePositives, falsePositives, falseNegatives };
}

export interface DocumentScore {
  precision: number;
  recall: number;
}

/** Per-document precision and recall; an empty prediction (or gold) scores 0, as in the benchmark. */
export function documentScore(counts: OverlapCounts): DocumentScore {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  return { precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn) };
}

export function shingleScore(gold: string, predicted: string, n = 4): DocumentScore {
  return documentScore(overlap(shingles(benchmarkTokens(gold), n), shingles(benchmarkTokens(predicted), n)));
}

export function tokenScore(gold: string, predicted: string): DocumentScore {
  return shingleScore(gold, predicted, 1);
}

export interface AggregateScore {
  f1: number;
  precision: number;
  recall: number;
  documents: number;
}

/** Macro-averaged precision and recall over documents, and F1 of the two averages. */
export function aggregate(scores: DocumentScore[]): AggregateScore {
  const documents = scores.length;
  if (documents === 0) return { f1: 0, precision: 0, recall: 0, documents };
  const precision = scores.reduce((sum, score) => sum + score.precision, 0) / documents;
  const recall = scores.reduce((sum, score) => sum + score.recall, 0) / documents;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, documents };
}
