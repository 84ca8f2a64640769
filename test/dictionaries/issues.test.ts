import { describe, expect, it } from "vitest";
import { expandIssuePhrase, parseIssueFile } from "../../src/dictionaries/issues.js";

describe("expandIssuePhrase", () => {
  it("expands n:, v: and +", () => {
    expect(expandIssuePhrase("n:academy")).toEqual(["ACADEMY", "ACADEMIES"]);
    expect(expandIssuePhrase("ethnic v:purge")).toEqual(["ETHNIC PURGE", "ETHNIC PURGES", "ETHNIC PURGED", "ETHNIC PURGING"]);
    expect(expandIssuePhrase("al+zarqawi network")).toEqual(["AL ZARQAWI NETWORK", "AL-ZARQAWI NETWORK"]);
  });

  it("rejects a dangling +", () => {
    expect(() => expandIssuePhrase("eu+ gene")).toThrow('"+" must join two words');
  });
});

describe("parseIssueFile", () => {
  it("reads sections, codes and exclusions", () => {
    const text = [
      '<ISSUE CATEGORY="ID_ATROCITY">', // 1
      "n:genocide [ID_ATROCITY]", // 2
      "~~Armenian genocide  # historical", // 3
      "~Saturday Night massacre", // 4
      "</ISSUE>", // 5
      "pox", // 6 no code
      "aqim [NAMED_TERROR_GROUP] [NAMED_TERROR_GROUP]", // 7
      "touristry[TOURISM]", // 8
    ].join("\n");
    const r = parseIssueFile(text, "i.txt");
    expect(r.issues).toEqual([
      { kind: "issue", code: "ID_ATROCITY", forms: ["GENOCIDE", "GENOCIDES"], category: "ID_ATROCITY", file: "i.txt", line: 2, text: "n:genocide [ID_ATROCITY]" },
      { kind: "exclusion", scope: "story", forms: ["ARMENIAN GENOCIDE"], category: "ID_ATROCITY", file: "i.txt", line: 3, text: "~~Armenian genocide" },
      { kind: "exclusion", scope: "sentence", forms: ["SATURDAY NIGHT MASSACRE"], category: "ID_ATROCITY", file: "i.txt", line: 4, text: "~Saturday Night massacre" },
      { kind: "issue", code: "TOURISM", forms: ["TOURISTRY"], category: "", file: "i.txt", line: 8, text: "touristry[TOURISM]" },
    ]);
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [6, 'issue phrase "pox" has no [code]'],
      [7, 'issue phrase "aqim" has more than one [code]'],
    ]);
  });
});
