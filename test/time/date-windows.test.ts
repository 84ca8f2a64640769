import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findTimeExpressions, findTimeExpressionsReadingWholeSentence } from "../../src/time/expressions.js";

/**
 * chrono reads only the words around date words ("counterpart on Monday for"), not whole sentences. These
 * sentences are where a window could lose or change something: dates that run over several words, words that
 * look like months, times before dates, ranges, and every sentence of the sample corpus.
 */
const HARD_SENTENCES = [
  "According to evidence presented at trial, Webb grabbed the girl on Fort Worth's 6th Avenue at 6:38 p.m. on Saturday, May 18.",
  "Fort Worth May Dry Human Waste and Sell It as Fertilizer",
  "These extreme pollution events happen across North India every November - not just on Diwali.",
  "In his most recent physical exam -- conducted in February -- he clocked in at 243 pounds.",
  "The session lasts for 10-15 minutes and leaves you with more vigour and energy.",
  "Tickets for the anniversary tour go on sale at 10 a.m. Friday, Dec. 6.",
  "The talks ran from March 3 to March 5, 2024, in Geneva.",
  "He said on Monday that the vote would be held the day before yesterday's deadline.",
  "Two weeks ago, and again earlier this month, the ministers met in Doha.",
  "The ceasefire took effect at midnight on Jan. 1, 2023 (GMT), officials said.",
  "Russia and Iran signed the deal on 3 March 2024 at 10:30 am.",
  "Elections are due in the first week of October, the commission said last Tuesday.",
  "The Sunday Times reported that Good Friday talks resumed Wednesday.",
  "Protests continued into a second week as police detained dozens on Thursday night.",
  "The strike came 48 hours after the summit, on 2022-01-19, and a day later talks broke down.",
];

function sampleCorpusSentences(): string[] {
  const lines = readFileSync(new URL("../../examples/sample-corpus.jsonl", import.meta.url), "utf8").split("\n");
  return lines.filter((line) => line.trim() !== "").flatMap((line) => (JSON.parse(line) as { text: string }).text.split(/(?<=[.!?])\s+|\n/));
}

describe("date windows", () => {
  it("find what chrono finds in the whole sentence, for several publication dates", () => {
    const sentences = [...HARD_SENTENCES, ...sampleCorpusSentences()];
    expect(sentences.length).toBeGreaterThan(500);
    for (const published of ["2022-01-19", "2023-03-16", "2024-06-12", "2025-12-31"]) {
      for (const sentence of sentences) {
        expect(findTimeExpressions(sentence, published), `${published}: ${sentence}`).toEqual(findTimeExpressionsReadingWholeSentence(sentence, published));
      }
    }
  });

  it("keep the reading of the hard cases", () => {
    expect(findTimeExpressions(HARD_SENTENCES[1] as string, "2024-06-12")).toEqual([]);
    expect(findTimeExpressions(HARD_SENTENCES[0] as string, "2024-06-12").map((found) => [found.text, found.date])).toEqual([["at 6:38 p.m. on Saturday, May 18", "2024-05-18"]]);
  });
});
