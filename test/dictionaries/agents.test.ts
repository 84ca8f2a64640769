import { describe, expect, it } from "vitest";
import { parseAgentFile } from "../../src/dictionaries/agents.js";

describe("parseAgentFile", () => {
  const text = [
    "!PERSON! = MAN, WOMAN", // 1
    "!BROKEN = X", // 2 marker not closed
    "CONGRESS!PERSON! [~LEG]", // 3
    "SPOKES!HUMAN! [~GOV]", // 4 undefined marker
    "ISLAMIC_EXTREMIST", // 5 no code
    "DEPARMENT_OF_ENVIRONMENT [~ENV}", // 6
    "PRESIDENT [~GOVPRS] # ns 6/26/01", // 7
    "ATTORNEY {ATTORNEYS [~JUD]", // 8
    "MEDIA {} [~MED]", // 9
    "RIGHTS_GROUP [  NGO~ ]", // 10
    "JUDGE [JUD]", // 11 no tilde: loads, with a problem
    "CITY [~GOV] [~LOC]", // 12 two codes
    "SECRETARY [~GOV]", // 13
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]", // 14
  ].join("\n");
  const r = parseAgentFile(text, "test.agents.txt", false);

  it("reports bad lines with their numbers", () => {
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'cannot read substitution set "!BROKEN = X"'],
      [4, 'substitution marker "!HUMAN!" is not defined above'],
      [5, 'agent "ISLAMIC_EXTREMIST" has no [code]'],
      [6, '"[" without "]"'],
      [8, '"{" without "}" in "ATTORNEY {ATTORNEYS [~JUD]"'],
      [11, 'agent code "[JUD]" has no "~"; read as "[~JUD]"'],
      [12, 'agent "CITY" has more than one [code]'],
    ]);
  });

  it("loads the good lines with plurals and placement", () => {
    expect(r.agents.map((a) => [a.line, a.names.map((n) => n.text), a.code, a.prefix])).toEqual([
      [3, ["CONGRESSMAN", "CONGRESSWOMAN"], "LEG", false],
      [7, ["PRESIDENT", "PRESIDENTS"], "GOVPRS", false],
      [9, ["MEDIA"], "MED", false],
      [10, ["RIGHTS GROUP", "RIGHTS GROUPS"], "NGO", true],
      [11, ["JUDGE", "JUDGES"], "JUD", false],
      [13, ["SECRETARY", "SECRETARIES"], "GOV", false],
      [14, ["ATTORNEY GENERAL", "ATTORNEYS GENERAL"], "GOV", false],
    ]);
  });
});
