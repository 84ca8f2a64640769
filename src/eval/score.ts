import type { ExpectedEvent } from "./validation-xml.js";

/** Precision, recall and F1 over (source, target, code) triples. */
export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A level at which triples are compared: full codes, country parts only, or event roots only. */
export type Level = "exact" | "country" | "root";

export function tripleKey(event: ExpectedEvent, level: Level): string {
  switch (level) {
    case "exact":
      return `${event.source}|${event.target}|${event.code}`;
    case "country":
      return `${event.source.slice(0, 3)}|${event.target.slice(0, 3)}|${event.code}`;
    case "root":
      return `${event.source}|${event.target}|${event.code.slice(0, 2)}`;
  }
}

export class ScoreCounter {
  private truePositives = 0;
  private falsePositives = 0;
  private falseNegatives = 0;

  /** Count one record's expected and produced triples, compared as sets. */
  add(expected: readonly ExpectedEvent[], produced: readonly ExpectedEvent[], level: Level): void {
    const want = new Set(expected.map((event) => tripleKey(event, level)));
    const got = new Set(produced.map((event) => tripleKey(event, level)));
    for (const key of got) {
      if (want.has(key)) this.truePositives += 1;
      else this.falsePositives += 1;
    }
    for (const key of want) if (!got.has(key)) this.falseNegatives += 1;
  }

  scores(): Scores {
    const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = this;
    // With nothing produced and nothing expected, the coder was exactly right.
    const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
    const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
  }
}

/** Same triples as sets: the record was coded exactly right. */
export function sameTriples(expected: readonly ExpectedEvent[], produced: readonly ExpectedEvent[]): boolean {
  const want = new Set(expected.map((event) => tripleKey(event, "exact")));
  const got = new Set(produced.map((event) => tripleKey(event, "exact")));
  return want.size === got.size && [...want].every((key) => got.has(key));
}
