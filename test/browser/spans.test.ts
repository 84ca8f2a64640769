/** Which characters the dashboard marks (web/src/spans.ts): the API's spans, ordered and never overlapping. */
import { describe, expect, it } from "vitest";
import { arrangeSpans, roleSpans } from "../../web/src/spans.js";

describe("roleSpans", () => {
  it("turns a mention's spans into role spans, leaving out missing roles, shifted by an offset", () => {
    expect(roleSpans({ source: [0, 6], verb: [7, 13], target: null }, { source: "RUS" }, 10)).toEqual([
      { role: "source", start: 10, end: 16, title: "RUS" },
      { role: "verb", start: 17, end: 23 },
    ]);
  });
});

describe("arrangeSpans", () => {
  it("orders spans by position", () => {
    const arranged = arrangeSpans(30, [
      { role: "target", start: 20, end: 27 },
      { role: "source", start: 0, end: 6 },
      { role: "verb", start: 7, end: 13 },
    ]);
    expect(arranged.map((span) => span.role)).toEqual(["source", "verb", "target"]);
  });

  it("clips a span that overlaps an earlier one and drops one inside it", () => {
    const arranged = arrangeSpans(40, [
      { role: "source", start: 0, end: 20 },
      { role: "target", start: 10, end: 30 },
      { role: "verb", start: 5, end: 15 },
    ]);
    expect(arranged).toEqual([
      { role: "source", start: 0, end: 20 },
      { role: "target", start: 20, end: 30 },
    ]);
  });

  it("clips spans to the text and drops empty ones", () => {
    expect(arrangeSpans(10, [{ role: "verb", start: 8, end: 14 }, { role: "source", start: 3, end: 3 }])).toEqual([{ role: "verb", start: 8, end: 10 }]);
  });
});
