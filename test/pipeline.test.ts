import { describe, expect, it } from "vitest";
import { analyze, code } from "../src/index.js";
import type { CodedEvent } from "../src/document/types.js";
import { readFixture } from "./helpers.js";

const PUBLISHED = "2024-09-05"; // a Thursday
const events = code(readFixture("erdogan-sisi.txt"), { date: PUBLISHED, id: "erdogan-sisi" });

function find(source: string, codePrefix: string, target: string | null): CodedEvent[] {
  return events.filter((event) => event.source === source && event.code.startsWith(codePrefix) && event.target === target);
}

describe("the whole pipeline on a crawled article", () => {
  it("codes the headline despite its verb being tagged as a noun", () => {
    const headline = find("TURGOV", "043", "EGYGOV").filter((event) => event.sentence === 0);
    expect(headline).toHaveLength(1);
  });

  it("codes the lead with the weekday resolved to the latest one on or before publication", () => {
    const lead = find("TURGOV", "043", "EGYGOV").find((event) => event.text.startsWith("Turkish President Recep Tayyip Erdogan hosted"));
    expect(lead).toMatchObject({ date: "2024-09-04", datePrecision: "day", root: "04", quad: 1, goldstein: 2.8 });
    expect(lead?.plover.event).toBe("CONSULT");
    const spans = lead!.spans;
    expect(lead!.text.slice(...spans.source!)).toBe("Turkish President Recep Tayyip Erdogan");
    expect(lead!.text.slice(...spans.target!)).toBe("Egyptian counterpart");
    expect(lead!.text.slice(...spans.verb)).toBe("hosted");
    expect(lead!.rule.some((rule) => rule.includes("043"))).toBe(true);
  });

  it("dates an event by a bare year and codes a then-president by the role held then", () => {
    const visit = find("EGYGOV", "042", "TUR");
    expect(visit).toHaveLength(1);
    expect(visit[0]).toMatchObject({ date: "2012-01-01", datePrecision: "year" });
  });

  it("gives one event per member of a compound actor", () => {
    for (const source of ["EGY", "QAT", "USA"]) expect(find(source, "02", "ISR")).toHaveLength(1);
  });

  it("codes a leader's reported statement of intent as the government's 03x", () => {
    const intent = find("EGYGOV", "03", "TUR");
    expect(intent).toHaveLength(1);
    expect(intent[0]?.date).toBe(PUBLISHED);
  });

  it("directs an intention promised in reported speech at the addressee, dated at the statement", () => {
    const promise = events.filter((event) => event.source === "TURGOV" && event.code === "036");
    expect(promise.length).toBeGreaterThan(0);
    expect(promise.every((event) => event.date === PUBLISHED)).toBe(true);
  });

  it("codes nothing negated and nothing from the appeal", () => {
    expect(events.filter((event) => event.code.startsWith("19"))).toEqual([]);
    expect(events.filter((event) => /Netanyahu|journalism|donation/.test(event.text))).toEqual([]);
    expect(events.some((event) => event.source.startsWith("ISR"))).toBe(false);
  });

  it("never invents a ceasefire attack: 'fire' inside 'ceasefire' is not a verb", () => {
    expect(events.filter((event) => event.code.startsWith("19") || event.code.startsWith("18"))).toEqual([]);
  });

  it("records a decision for every verb group and a message for every removal", () => {
    const doc = analyze(readFixture("erdogan-sisi.txt"), { date: PUBLISHED });
    expect(doc.decisions).toHaveLength(doc.verbGroups.length);
    expect(doc.messages.filter((message) => message.stage === "clean").length).toBeGreaterThanOrEqual(5);
  });

  it("rejects an invalid publication date", () => {
    expect(() => code("Russia attacked Ukraine.", { date: "2024-02-30" })).toThrow(RangeError);
  });
});
