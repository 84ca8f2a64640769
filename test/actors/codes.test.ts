import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COUNTRIES_FILE, countryOf, loadCountryCodes, parseActorCode } from "../../src/actors/codes.js";
import { dataPath } from "../../src/paths.js";

// MUS (Mauritius) and SUN (Soviet Union) are also religion codes (Islam in Phoenix, Sunni).
const countries: ReadonlySet<string> = new Set(["RUS", "USA", "AFG", "GBR", "CHN", "ISR", "PSE", "IRQ", "LBN", "MUS", "SUN"]);

describe("parseActorCode", () => {
  it("splits a country and its role", () => {
    expect(parseActorCode("RUSGOV", countries)).toEqual({
      code: "RUSGOV",
      country: "RUS",
      knownGroup: "",
      ethnic: "",
      religion1: "",
      religion2: "",
      type1: "GOV",
      type2: "",
      type3: "",
    });
  });

  it("fills the type slots in order", () => {
    const parts = parseActorCode("USAMILREB", countries);
    expect([parts.country, parts.type1, parts.type2, parts.type3]).toEqual(["USA", "MIL", "REB", ""]);
  });

  it("reads a bare role code as a type with no country", () => {
    const parts = parseActorCode("REB", countries);
    expect([parts.country, parts.type1]).toEqual(["", "REB"]);
  });

  it("puts IGO in the type and the organisation in the known group", () => {
    const un = parseActorCode("IGOUNO", countries);
    expect([un.country, un.type1, un.knownGroup]).toEqual(["", "IGO", "UNO"]);
    // The most specific organisation wins: UNICEF within the UN, the World Bank within the UN.
    expect(parseActorCode("IGOUNOKID", countries).knownGroup).toBe("KID");
    const worldBank = parseActorCode("IGOUNODEVWBK", countries);
    expect([worldBank.type1, worldBank.type2, worldBank.knownGroup]).toEqual(["IGO", "DEV", "WBK"]);
  });

  it("takes a region as the country and a later country as the affiliation", () => {
    const nato = parseActorCode("IGOWSTNAT", countries);
    expect([nato.type1, nato.country, nato.knownGroup]).toEqual(["IGO", "WST", "NAT"]);
    const firm = parseActorCode("MNCUSAMED", countries);
    expect([firm.type1, firm.country, firm.type2]).toEqual(["MNC", "USA", "MED"]);
    expect(parseActorCode("AFR", countries).country).toBe("AFR");
  });

  it("splits religion and denomination like GDELT", () => {
    const charity = parseActorCode("NGOCHRCTHDEV", countries);
    expect([charity.type1, charity.religion1, charity.religion2, charity.type2]).toEqual(["NGO", "CHR", "CTH", "DEV"]);
    const alQaeda = parseActorCode("IMGMUSALQ", countries);
    expect([alQaeda.type1, alQaeda.religion1, alQaeda.knownGroup]).toEqual(["IMG", "MUS", "ALQ"]);
  });

  it("reads a code shared by a country and a religion by its position", () => {
    const mauritius = parseActorCode("MUSGOV", countries);
    expect([mauritius.country, mauritius.religion1, mauritius.type1]).toEqual(["MUS", "", "GOV"]);
    const islamists = parseActorCode("IRQMUSRAD", countries);
    expect([islamists.country, islamists.religion1, islamists.type1]).toEqual(["IRQ", "MUS", "RAD"]);
    const sunni = parseActorCode("LBNMOSSUN", countries);
    expect([sunni.country, sunni.religion1, sunni.religion2]).toEqual(["LBN", "MOS", "SUN"]);
  });

  it("recognises known groups and ethnic codes inside domestic codes", () => {
    const taliban = parseActorCode("AFGINSTAL", countries);
    expect([taliban.country, taliban.type1, taliban.knownGroup]).toEqual(["AFG", "INS", "TAL"]);
    const kurds = parseActorCode("IRQKUR", countries);
    expect([kurds.country, kurds.ethnic]).toEqual(["IRQ", "KUR"]);
    const uighurRights = parseActorCode("NGOCHNUIGHRI", countries);
    expect([uighurRights.type1, uighurRights.country, uighurRights.ethnic, uighurRights.type2]).toEqual([
      "NGO", "CHN", "UIG", "HRI",
    ]);
  });

  it("drops chunks it cannot classify but keeps the full code", () => {
    const likud = parseActorCode("ISRGOVLKD", countries);
    expect(likud.code).toBe("ISRGOVLKD");
    expect([likud.country, likud.type1, likud.type2, likud.knownGroup]).toEqual(["ISR", "GOV", "", ""]);
  });

  it("normalises case and ignores a malformed tail", () => {
    const parts = parseActorCode(" gbrgovx ", countries);
    expect([parts.code, parts.country, parts.type1]).toEqual(["GBRGOVX", "GBR", "GOV"]);
    expect(parseActorCode("", countries).code).toBe("");
  });

  it("accepts a caller's vocabulary", () => {
    const parts = parseActorCode("LBNREL", countries, {
      regions: new Set(),
      knownGroups: new Set(),
      religions: new Set(["REL"]),
      types: new Set(),
      ethnic: new Set(),
    });
    expect([parts.country, parts.religion1]).toEqual(["LBN", "REL"]);
  });
});

describe("loadCountryCodes", () => {
  function fixture(content: string): string {
    const path = join(mkdtempSync(join(tmpdir(), "parley-countries-")), "countries.tsv");
    writeFileSync(path, content);
    return path;
  }

  it("reads the first column after comments and the header", () => {
    const path = fixture(
      "# CAMEO countries\n# second comment\ncode\tiso2\tnames\tadjectives\tcapitals\tseats\n" +
        "RUS\tRU\tRussia\tRussian\tMoscow\tKremlin\n\n# a comment between rows\nIRN\tIR\tIran\tIranian\tTehran\t\r\n",
    );
    const codes = loadCountryCodes(path);
    expect([...codes].sort()).toEqual(["IRN", "RUS"]);
    expect(countryOf("IRNGOV", codes)).toBe("IRN");
    expect(countryOf("IGOUNO", codes)).toBe("");
  });

  // The shipped table is written by another part of the project; check it once it exists.
  it.skipIf(!existsSync(dataPath(COUNTRIES_FILE)))("reads the shipped countries table", () => {
    const codes = loadCountryCodes();
    expect(codes.has("RUS")).toBe(true);
    expect(codes.has("USA")).toBe(true);
    expect(codes.has("CODE")).toBe(false);
    expect(countryOf("RUSGOV")).toBe("RUS");
  });

  it("refuses a file without the header", () => {
    const path = fixture("RUS\tRU\tRussia\n");
    expect(() => loadCountryCodes(path)).toThrow(/header/);
  });
});
