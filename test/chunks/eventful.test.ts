import { describe, expect, it } from "vitest";
import { analyze, code } from "../../src/index.js";
import { sentencesThatMayHoldEvents } from "../../src/chunks/eventful.js";

const TEXT = [
  "Russian President Vladimir Putin hosted Iranian President Ebrahim Raisi in Moscow on Wednesday.",
  "The economy grew by 2.5 percent in the third quarter, the statistics office said.",
  "He also praised the Iranian delegation.",
].join(" ");

describe("sentences that may hold events", () => {
  it("are those with an actor or a pronoun", () => {
    const doc = analyze(TEXT, { date: "2022-01-20" });
    expect(sentencesThatMayHoldEvents(doc)).toEqual([true, false, true]);
  });

  it("are the only ones read for phrases, clauses and frames; every verb is still explained", () => {
    const doc = analyze(TEXT, { date: "2022-01-20" });
    expect(doc.chunks.filter((chunk) => chunk.sentence === 1 && chunk.kind !== "VG")).toEqual([]);
    expect(doc.clauses.filter((clause) => clause.sentence === 1)).toEqual([]);
    const growth = doc.decisions.filter((decision) => decision.sentence === 1);
    expect(growth.map((decision) => decision.verb)).toEqual(expect.arrayContaining(["grew", "said"]));
    expect(growth.every((decision) => decision.reason.startsWith("no actor and no pronoun"))).toBe(true);
  });

  it("keep the pronoun's sentence coded", () => {
    const events = code(TEXT, { date: "2022-01-20" });
    expect(events.map((event) => `${event.source} ${event.code} ${event.target} ${event.sentence}`)).toEqual(
      ["RUSGOV 043 IRNGOV 0", "IRNGOV 051 IRN 2"],
    );
  });
});
