import { describe, expect, it } from "vitest";
import { eventConditions, FilterError, SqlParams, where } from "../../src/store/filter.js";

describe("eventConditions", () => {
  it("binds every value as a parameter and writes only columns and operators", () => {
    const params = new SqlParams();
    const sql = where(
      eventConditions({ from: "2024-02", to: "2024", actor: "irn", source: "RUSGOV", target: "UKR", code: "19", quad: 4, plover: "assault", text: "Drone Strike" }, params, "e."),
    );
    expect(params.values).toEqual(["2024-02-01", "2024-12-31", "IRN", "IRN", "RUSGOV%", "UKR", "19%", 4, "ASSAULT", "drone strike"]);
    for (const value of params.values) if (typeof value === "string" && value.length > 3) expect(sql).not.toContain(value);
    expect(sql).toMatch(/^WHERE e\.date >= CAST\(\$1 AS DATE\) AND e\.date <= CAST\(\$2 AS DATE\)/);
    // Countries match by their country column, longer codes as prefixes.
    expect(sql).toContain("(e.source_country = $3 OR e.target_country = $4)");
    expect(sql).toContain("e.source LIKE $5");
    expect(sql).toContain("e.target_country = $6");
    expect(sql).toContain("strpos(lower(m.sentence_text), $10) > 0");
  });

  it("is empty for an empty filter and ignores blank text", () => {
    const params = new SqlParams();
    expect(where(eventConditions({ text: "   " }, params))).toBe("");
    expect(params.values).toEqual([]);
  });

  it("rejects malformed values before any SQL is written", () => {
    for (const filter of [{ actor: "IRN' OR 1=1 --" }, { code: "04%" }, { from: "2024-02-30" }, { plover: "CONSULT;" }]) {
      expect(() => eventConditions(filter, new SqlParams())).toThrow(FilterError);
    }
  });
});
