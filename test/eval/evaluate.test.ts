import { describe, expect, it } from "vitest";
import { evaluate, formatReport } from "../../src/eval/evaluate.js";
import { ScoreCounter, sameTriples } from "../../src/eval/score.js";
import { parseValidationXml } from "../../src/eval/validation-xml.js";
import { builtinCoder } from "../../src/pipeline.js";
import { fixturePath, readFixture } from "../helpers.js";

describe("parseValidationXml", () => {
  const suite = parseValidationXml(readFixture("validation.xml"), fixturePath("validation.xml"));

  it("reads records with their expected events, ignoring the parse", () => {
    expect(suite.records.map((record) => record.id)).toEqual(["OWN-01", "OWN-02", "OWN-03", "OWN-04"]);
    expect(suite.records[0]).toMatchObject({ date: "2022-01-19", category: "VISIT", text: "Russian President Vladimir Putin hosted his Iranian counterpart in Moscow." });
    expect(suite.records[0]?.expected).toEqual([{ source: "RUSGOV", target: "IRNGOV", code: "043" }]);
    expect(suite.records[2]?.expected).toEqual([]);
  });

  it("reports a bad record and keeps the others", () => {
    expect(suite.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/OWN-05: date "2022" is not YYYYMMDD/) })]);
    const broken = parseValidationXml("<Validation>\n<Sentences>\n<Sentence id='x'>\n</Validation>", "bad.xml");
    expect(broken.records).toEqual([]);
    expect(broken.problems[0]).toMatchObject({ file: "bad.xml", message: expect.stringMatching(/^not well-formed XML/) });
    expect(broken.problems[0]?.line).toBeGreaterThan(0);
  });
});

describe("scores", () => {
  it("count true and false positives over triples", () => {
    const counter = new ScoreCounter();
    counter.add([{ source: "A", target: "B", code: "043" }], [{ source: "A", target: "B", code: "043" }, { source: "B", target: "A", code: "042" }], "exact");
    expect(counter.scores()).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1 });
  });

  it("compare at country and root level", () => {
    const counter = new ScoreCounter();
    counter.add([{ source: "RUSGOV", target: "IRN", code: "043" }], [{ source: "RUSMIL", target: "IRNGOV", code: "042" }], "root");
    expect(counter.scores().truePositives).toBe(0);
    const country = new ScoreCounter();
    country.add([{ source: "RUSGOV", target: "IRN", code: "043" }], [{ source: "RUSMIL", target: "IRNGOV", code: "043" }], "country");
    expect(country.scores().truePositives).toBe(1);
  });

  it("treat a record with nothing expected and nothing produced as exactly right", () => {
    expect(sameTriples([], [])).toBe(true);
    expect(new ScoreCounter().scores()).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

describe("evaluate", () => {
  const { records } = parseValidationXml(readFixture("validation.xml"), "validation.xml");
  const report = evaluate(records, builtinCoder());

  it("codes every record from raw text and scores it", () => {
    expect(report.records).toBe(4);
    expect(report.exact).toBe(3);
    expect(report.precision).toBe(1);
    expect(report.recall).toBeCloseTo(2 / 3);
    expect(report.categories["FORCE"]).toMatchObject({ records: 2, exact: 2 });
    expect(report.misses.map((miss) => miss.id)).toEqual(["OWN-04"]);
  });

  it("shows each miss with what was expected, what came out and why", () => {
    const text = formatReport(report, true);
    expect(text).toContain("MISS OWN-04 [VISIT] The weather in Paris was mild.");
    expect(text).toContain("expected: FRA 042 DEU");
    expect(text).toContain("produced: no events");
    expect(text).toMatch(/records: 4 {3}exactly right: 3 \(75\.0%\)/);
  });
});
