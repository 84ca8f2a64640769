import { describe, it, expect } from "vitest";
import {
  isValidDate,
  loadBuiltinDictionaries,
  parseAgents,
  parseCountries,
  parseOrganisations,
  parsePeople,
  roleAt,
  splitCaseMarker,
  type PersonEntry,
} from "../../src/actors/load.js";

const dicts = loadBuiltinDictionaries();

function person(id: string): PersonEntry {
  const found = dicts.people.find((p) => p.id === id);
  if (!found) throw new Error(`no person ${id}`);
  return found;
}

/** The first person whose names include `name` exactly. */
function personNamed(name: string): PersonEntry {
  const found = dicts.people.find((p) => p.names.includes(name));
  if (!found) throw new Error(`no person named ${name}`);
  return found;
}

describe("built-in dictionaries", () => {
  it("load with zero problems", () => {
    expect(dicts.problems).toEqual([]);
  });

  it("are cached", () => {
    expect(loadBuiltinDictionaries()).toBe(dicts);
  });

  it("have no duplicate country codes or ISO codes", () => {
    const codes = dicts.countries.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const isos = dicts.countries.map((c) => c.iso2).filter((i) => i !== "");
    expect(new Set(isos).size).toBe(isos.length);
  });

  it("cover every ISO 3166-1 entity plus CAMEO's own codes", () => {
    // 249 ISO 3166-1 entries + Kosovo + historical states.
    expect(dicts.countries.length).toBeGreaterThanOrEqual(250);
    const byCode = new Map(dicts.countries.map((c) => [c.code, c]));
    expect(byCode.get("KSV")?.names).toContain("Kosovo");
    expect(byCode.get("PSE")?.names).toContain("Palestine");
    expect(byCode.get("TMP")?.iso2).toBe("TL");
    expect(byCode.get("RUS")?.seats).toContain("Kremlin");
    expect(byCode.get("UKR")?.capitals).toEqual(expect.arrayContaining(["Kyiv", "Kiev"]));
    expect(byCode.get("USA")?.names).toContain("=US");
    expect(byCode.get("GBR")?.adjectives).toEqual(expect.arrayContaining(["British", "Briton", "Britons"]));
  });

  it("map core agent nouns to CAMEO agents and PLOVER sectors", () => {
    const agentOf = (word: string) => dicts.agents.find((a) => a.words.includes(word));
    expect(agentOf("president")?.agent).toBe("GOV");
    expect(agentOf("foreign ministers")?.agent).toBe("GOV");
    expect(agentOf("troops")?.agent).toBe("MIL");
    expect(agentOf("police")?.agent).toBe("COP");
    expect(agentOf("lawmakers")?.agent).toBe("LEG");
    expect(agentOf("judge")?.agent).toBe("JUD");
    expect(agentOf("cleric")?.agent).toBe("REL");
    expect(agentOf("rebels")?.agent).toBe("REB");
    expect(agentOf("journalists")).toMatchObject({ agent: "MED", sector: "JRN" });
    expect(agentOf("doctors")).toMatchObject({ agent: "HLH", sector: "MED" });
    expect(agentOf("counterpart")).toBeUndefined();
    expect(agentOf("counterparts")).toBeUndefined();
  });

  it("have organisations with CAMEO codes", () => {
    const orgOf = (name: string) => dicts.organisations.find((o) => o.names.some((n) => splitCaseMarker(n).text === name));
    expect(dicts.organisations.length).toBeGreaterThanOrEqual(150);
    expect(orgOf("United Nations")?.code).toBe("IGOUNO");
    expect(orgOf("NATO")?.code).toBe("IGOWSTNAT");
    expect(orgOf("Hezbollah")?.code.startsWith("LBN")).toBe(true);
  });

  it("have people whose role dates are valid and ordered", () => {
    expect(dicts.people.length).toBeGreaterThanOrEqual(500);
    for (const p of dicts.people) {
      for (const r of p.roles) {
        if (r.from !== undefined) expect(isValidDate(r.from), `${p.id} ${r.from}`).toBe(true);
        if (r.to !== undefined) expect(isValidDate(r.to), `${p.id} ${r.to}`).toBe(true);
        if (r.from !== undefined && r.to !== undefined) expect(r.from <= r.to, `${p.id} ${r.from}..${r.to}`).toBe(true);
      }
    }
    const ids = dicts.people.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("roleAt", () => {
  it("resolves Trump by date, falling back to USAELI between terms", () => {
    const trump = personNamed("Donald Trump");
    expect(roleAt(trump, "2018-05-08")).toBe("USAGOV");
    expect(roleAt(trump, "2022-06-01")).toBe("USAELI");
    expect(roleAt(trump, "2025-06-01")).toBe("USAGOV");
  });

  it("resolves Raisi while president", () => {
    const raisi = personNamed("Ebrahim Raisi");
    expect(roleAt(raisi, "2022-01-19")).toBe("IRNGOV");
    expect(roleAt(raisi, "2024-06-01")).toBe("IRNELI");
  });

  it("resolves Putin from prime minister onwards", () => {
    const putin = person("vladimir-putin");
    expect(putin.names).toContain("Putin");
    expect(roleAt(putin, "1999-09-01")).toBe("RUSGOV");
    expect(roleAt(putin, "2022-02-24")).toBe("RUSGOV");
  });

  it("resolves Biden as vice-president and president", () => {
    const biden = personNamed("Joe Biden");
    expect(roleAt(biden, "2012-03-01")).toBe("USAGOV");
    expect(roleAt(biden, "2018-03-01")).toBe("USAELI");
    expect(roleAt(biden, "2023-03-01")).toBe("USAGOV");
  });

  it("prefers the latest-starting role and falls back when none covers the date", () => {
    const p: PersonEntry = {
      id: "x",
      names: ["X"],
      roles: [
        { code: "AAAGOV", from: "2000-01-01" },
        { code: "AAAMIL", from: "2010-01-01", to: "2012-12-31" },
      ],
      fallback: "AAAELI",
    };
    expect(roleAt(p, "2011-06-01")).toBe("AAAMIL");
    expect(roleAt(p, "2013-01-01")).toBe("AAAGOV");
    expect(roleAt(p, "1999-12-31")).toBe("AAAELI");
    expect(roleAt({ ...p, fallback: undefined }, "1999-12-31")).toBeUndefined();
  });
});

describe("parsers", () => {
  it("report a malformed line with its line number and keep the good lines", () => {
    const text = [
      "# comment",
      "",
      "code\tiso2\tnames\tadjectives\tcapitals\tseats",
      "RUS\tRU\tRussia|Russian Federation\tRussian|Russians\tMoscow\tKremlin",
      "rus\tRU\tRussland\t\t\t", // line 5: bad code
      "FRA\tFR\tFrance\tFrench\tParis\t",
      "DEU\tDE\tGermany||Deutschland\t\t\t", // line 7: empty alternative
      "ITA\tIT\tItaly\tItalian\tRome\t\textra", // line 8: too many fields
      "ESP\tES\tSpain", // trailing optional fields may be omitted
    ].join("\n");
    const { entries, problems } = parseCountries(text, "fixture.tsv");
    expect(entries.map((e) => e.code)).toEqual(["RUS", "FRA", "ESP"]);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ["fixture.tsv", 5],
      ["fixture.tsv", 7],
      ["fixture.tsv", 8],
    ]);
    expect(entries[2]).toEqual({ code: "ESP", iso2: "ES", names: ["Spain"], adjectives: [], capitals: [], seats: [] });
  });

  it("reject a duplicate country code and a phrase claimed by two countries", () => {
    const text = [
      "code\tiso2\tnames\tadjectives\tcapitals\tseats",
      "COD\tCD\tCongo|DRC",
      "COD\tXX\tZaire",
      "COG\tCG\tcongo|Congo-Brazzaville",
    ].join("\n");
    const { entries, problems } = parseCountries(text, "f");
    expect(entries.map((e) => e.code)).toEqual(["COD"]);
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it("report a wrong header and load nothing", () => {
    const { entries, problems } = parseAgents("word\tagent\nsoldier\tMIL\n", "a.tsv");
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(1);
  });

  it("parse agents and organisations with optional sector", () => {
    const agents = parseAgents("words\tagent\tsector\tnote\nsoldier|soldiers\tMIL\tMIL\t\nenvoy\tgov\tGOV\n", "a");
    expect(agents.entries).toEqual([{ words: ["soldier", "soldiers"], agent: "MIL", sector: "MIL" }]);
    expect(agents.problems.map((p) => p.line)).toEqual([3]);
    const orgs = parseOrganisations("code\tnames\tsector\tnote\nIGOUNO\tUnited Nations|=UN\t\tnote\n", "o");
    expect(orgs.entries).toEqual([{ code: "IGOUNO", names: ["United Nations", "=UN"], sector: "" }]);
  });

  it("parse people roles, fallbacks and bad dates", () => {
    const text = [
      "id\tnames\troles\tnote",
      "ebrahim-raisi\tEbrahim Raisi|Raisi\tIRNGOV:2021-08-03..2024-05-19|IRNELI\t",
      "bad-date\tX\tIRNGOV:2021-02-30..", // line 3: no such day
      "reversed\tY\tIRNGOV:2022-01-01..2021-01-01", // line 4: from after to
      "two-fallbacks\tZ\tIRNELI|USAELI", // line 5
      "Bad Id\tW\tUSAGOV", // line 6
      "open-start\tV\tUSAGOV:..2001-01-20",
    ].join("\n");
    const { entries, problems } = parsePeople(text, "p");
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(entries).toEqual([
      {
        id: "ebrahim-raisi",
        names: ["Ebrahim Raisi", "Raisi"],
        roles: [{ code: "IRNGOV", from: "2021-08-03", to: "2024-05-19" }],
        fallback: "IRNELI",
      },
      { id: "open-start", names: ["V"], roles: [{ code: "USAGOV", to: "2001-01-20" }] },
    ]);
  });

  it("split the case marker", () => {
    expect(splitCaseMarker("=US")).toEqual({ text: "US", exactCase: true });
    expect(splitCaseMarker("U.S.")).toEqual({ text: "U.S.", exactCase: false });
  });
});
