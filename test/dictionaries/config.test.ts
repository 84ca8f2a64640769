import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/dictionaries/config.js";

describe("parseConfig", () => {
  it("reads the [Dictionaries] section with continuation lines", () => {
    const text = [
      "# config", // 1
      "[Dictionaries]", // 2
      "verbfile_name    = CAMEO.2.0.txt", // 3
      "actorfile_list   = A.actors.txt, B.actors.txt,", // 4
      "    C.actors.txt", // 5
      "agentfile_name: Phoenix.agents.txt", // 6
      "discardfile_name = Phoenix.discards.txt", // 7
      "[Options]", // 8
      "verbfile_name = ignored.txt", // 9
    ].join("\n");
    const { config, problems } = parseConfig(text, "PETR_config.ini");
    expect(problems).toEqual([]);
    expect(config).toEqual({
      verbs: { name: "CAMEO.2.0.txt", line: 3 },
      actors: [
        { name: "A.actors.txt", line: 4 },
        { name: "B.actors.txt", line: 4 },
        { name: "C.actors.txt", line: 4 },
      ],
      agents: { name: "Phoenix.agents.txt", line: 6 },
      discards: { name: "Phoenix.discards.txt", line: 7 },
    });
  });

  it("reports missing sections, keys and repeated keys", () => {
    expect(parseConfig("[Options]\nx = 1\n", "c.ini").problems).toEqual([{ file: "c.ini", line: 0, message: "no [Dictionaries] section" }]);
    const r = parseConfig("[Dictionaries]\nverbfile_name = a.txt\nverbfile_name = b.txt\nactorfile_list =\n", "c.ini");
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [3, "verbfile_name is set twice; using this one"],
      [0, "[Dictionaries] has no agentfile_name"],
      [0, "[Dictionaries] has no discardfile_name"],
      [4, "actorfile_list names no file"],
    ]);
    expect(r.config.verbs).toEqual({ name: "b.txt", line: 3 });
  });
});

describe("parseConfig [Options]", () => {
  it("keeps the options that change what is coded, and only those", () => {
    const text = [
      "[Dictionaries]",
      "verbfile_name = a.verbs.txt",
      "actorfile_list = a.actors.txt",
      "agentfile_name = a.agents.txt",
      "discardfile_name = a.discards.txt",
      "",
      "[Options]",
      "require_dyad = False   # for the test",
      "comma_emax = 0",
      "new_actor_length = 3",
      "textfile_list = ignored.xml",
    ].join("\n");
    const { config, problems } = parseConfig(text, "PETR_config.ini");
    expect(problems).toEqual([]);
    expect(config.options).toEqual({ require_dyad: "False", comma_emax: "0", new_actor_length: "3" });
  });
});
