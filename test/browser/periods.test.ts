/**
 * The dashboard's period labels (web/src/periods.ts): the API's "2024", "2024-03", "2024-W09" and
 * "2024-03-05" turned into date ranges (to ask for a clicked bar's events) and gap-free axes.
 */
import { describe, expect, it } from "vitest";
import { fillPeriods, periodRange } from "../../web/src/periods.js";

describe("periodRange", () => {
  it("gives a day, a month (leap February included) and a year their first and last day", () => {
    expect(periodRange("2024-03-05")).toEqual({ from: "2024-03-05", to: "2024-03-05" });
    expect(periodRange("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodRange("2023-02")).toEqual({ from: "2023-02-01", to: "2023-02-28" });
    expect(periodRange("2024-12")).toEqual({ from: "2024-12-01", to: "2024-12-31" });
    expect(periodRange("2022")).toEqual({ from: "2022-01-01", to: "2022-12-31" });
  });

  it("gives an ISO week Monday to Sunday, across year ends", () => {
    expect(periodRange("2022-W08")).toEqual({ from: "2022-02-21", to: "2022-02-27" });
    // 2026-W01 starts in 2025; 2020 has 53 weeks; 2021-W01 starts on 4 January.
    expect(periodRange("2026-W01")).toEqual({ from: "2025-12-29", to: "2026-01-04" });
    expect(periodRange("2020-W53")).toEqual({ from: "2020-12-28", to: "2021-01-03" });
    expect(periodRange("2021-W01")).toEqual({ from: "2021-01-04", to: "2021-01-10" });
  });

  it("gives nothing for a label of no known shape", () => {
    expect(periodRange("2024/03")).toBeNull();
    expect(periodRange("")).toBeNull();
  });
});

describe("fillPeriods", () => {
  it("fills missing months, weeks, days and years between the first and last label", () => {
    expect(fillPeriods(["2024-11", "2025-02"], "month")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(fillPeriods(["2020-W52", "2021-W02"], "week")).toEqual(["2020-W52", "2020-W53", "2021-W01", "2021-W02"]);
    expect(fillPeriods(["2024-02-28", "2024-03-01"], "day")).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(fillPeriods(["2025", "2022"], "year")).toEqual(["2022", "2023", "2024", "2025"]);
  });

  it("keeps an empty series empty and a single label alone", () => {
    expect(fillPeriods([], "month")).toEqual([]);
    expect(fillPeriods(["2024-W09"], "week")).toEqual(["2024-W09"]);
  });

  it("does not fill an axis of more than ten years of days (the labels are kept as they are)", () => {
    expect(fillPeriods(["2000-01-01", "2024-01-01"], "day")).toEqual(["2000-01-01", "2024-01-01"]);
  });
});
