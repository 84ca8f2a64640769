import { describe, expect, it } from "vitest";
import { loadBuiltinDictionaries, type ActorDictionaries } from "../../src/actors/load.js";
import { checkDictionaries } from "../../src/dictionaries/check.js";
import { loadBuiltinLexicon, parseVerbLexicon } from "../../src/events/lexicon.js";

describe("checkDictionaries", () => {
  it("finds no errors in the built-in dictionaries and lexicon", () => {
    const findings = checkDictionaries(loadBuiltinDictionaries(), loadBuiltinLexicon());
    expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("reports duplicates, unreachable entries, date conflicts and unknown codes", () => {
    const actors: ActorDictionaries = {
      countries: [{ code: "RUS", iso2: "RU", names: ["Russia"], adjectives: ["Russian"], capitals: ["Moscow"], seats: ["Kremlin"] }],
      agents: [{ words: ["wizard"], agent: "WIZ", sector: "" }],
      organisations: [
        { code: "IGOUNO", names: ["United Nations", "UN"], sector: "" },
        { code: "IGOUNOX", names: ["UN"], sector: "" },
        { code: "XYZABC", names: ["Xyz Group"], sector: "" },
      ],
      people: [
        { id: "a-person", names: ["Ann Person"], roles: [{ code: "RUSGOV", from: "2010-01-01", to: "2015-12-31" }, { code: "RUSMIL", from: "2014-01-01" }] },
        { id: "a-person", names: ["Ann Other"], roles: [{ code: "RUSGOV" }] },
      ],
      problems: [],
    };
    const lexicon = parseVerbLexicon({
      verbs: "code\tverbs\tframe\tintent\tnote\n043\thost\t$T\t\t\n043\thost\t$T\t\t\n",
      synsets: "name\twords\n",
      traps: "phrase\tnote\n",
      speechVerbs: "verbs\tnote\nsay\t\n",
    });
    const findings = checkDictionaries(actors, lexicon);
    const summary = findings.map((finding) => `${finding.kind} ${finding.severity} ${finding.where}`);
    expect(summary).toContain("duplicate warning organisation IGOUNOX");
    expect(summary).toContain("unreachable error organisation IGOUNOX");
    expect(summary).toContain("duplicate error person a-person");
    expect(summary).toContain("conflicting-dates warning person a-person");
    expect(summary).toContain("unknown-code error organisation XYZABC");
    expect(summary).toContain("unknown-code error agent wizard");
    expect(summary).toContain("load error verbs.tsv:3");
  });
});
