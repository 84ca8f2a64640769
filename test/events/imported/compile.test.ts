import { describe, expect, it } from "vitest";
import { codingOptions, DEFAULT_CODING_OPTIONS, patternWeight, regularVerbForms } from "../../../src/events/imported/compile.js";
import { parsePatternSide } from "../../../src/dictionaries/patterns.js";

describe("regularVerbForms", () => {
  it("adds -s, -ed and -ing with the usual spelling changes", () => {
    expect(regularVerbForms("depart")).toEqual(["depart", "departs", "departed", "departing"]);
    expect(regularVerbForms("deplore")).toEqual(["deplore", "deplores", "deplored", "deploring"]);
    expect(regularVerbForms("deny")).toEqual(["deny", "denies", "denied", "denying"]);
    expect(regularVerbForms("admit")).toContain("admitted");
  });

  it("does not invent -es after a non-sibilant ('departes' stays unknown)", () => {
    expect(regularVerbForms("depart")).not.toContain("departes");
    expect(regularVerbForms("push")).toContain("pushes");
  });
});

describe("patternWeight", () => {
  it("counts the elements a pattern requires", () => {
    expect(patternWeight([])).toBe(0);
    const side = parsePatternSide("NEW_&TIES_RELATIONS", { stems: false, longSynsetNames: false });
    expect(patternWeight(side.tokens)).toBe(3);
  });
});

describe("codingOptions", () => {
  it("reads PETRARCH's option names and ignores the rest", () => {
    const options = codingOptions({ require_dyad: "False", comma_emax: "0", comma_min: "4", new_actor_length: "3", stop_on_error: "True", comma_max: "lots" });
    expect(options).toEqual({ ...DEFAULT_CODING_OPTIONS, requireDyad: false, commaEndMax: 0, commaMin: 4, newActorLength: 3 });
  });
});
