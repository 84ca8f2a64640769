import { describe, expect, it } from "vitest";
import { parseDictionaryDate, parsePhrase, regularPlural, splitBrackets } from "../../src/dictionaries/phrase.js";

describe("parseDictionaryDate", () => {
  it("puts two-digit years 00-30 in the 2000s and 31-99 in the 1900s", () => {
    expect(parseDictionaryDate("000101")).toBe("2000-01-01");
    expect(parseDictionaryDate("301231")).toBe("2030-12-31");
    expect(parseDictionaryDate("310101")).toBe("1931-01-01");
    expect(parseDictionaryDate("991231")).toBe("1999-12-31");
  });

  it("reads four-digit years and checks the calendar", () => {
    expect(parseDictionaryDate("19270101")).toBe("1927-01-01");
    expect(parseDictionaryDate("20000229")).toBe("2000-02-29");
    expect(() => parseDictionaryDate("19000229")).toThrow("not a real day");
    expect(() => parseDictionaryDate("991301")).toThrow("not a real day");
    expect(() => parseDictionaryDate("2004017")).toThrow("not YYMMDD or YYYYMMDD");
  });
});

describe("parsePhrase", () => {
  it("splits at blanks and underscores, recording glue", () => {
    const p = parsePhrase("hamas_military command", false);
    expect(p.text).toBe("HAMAS MILITARY COMMAND");
    expect(p.words.map((w) => w.glued)).toEqual([false, true, false]);
  });

  it("does not glue across an underscore followed by a blank", () => {
    expect(parsePhrase("IN_ THE", false).words.map((w) => w.glued)).toEqual([false, false]);
    expect(parsePhrase("RAMCIEL___", false).text).toBe("RAMCIEL");
  });

  it("marks stems only when asked (TABARI)", () => {
    expect(parsePhrase("ACCUS OF_", true).words.map((w) => w.stem)).toEqual([true, false]);
    expect(parsePhrase("ACCUS OF_", false).words.map((w) => w.stem)).toEqual([false, false]);
  });

  it("rejects an empty phrase", () => {
    expect(() => parsePhrase(" _ ", false)).toThrow("empty phrase");
  });
});

describe("regularPlural", () => {
  it("follows English spelling", () => {
    expect(["MINISTRY", "ATTORNEY", "BUS", "CHURCH", "MINISTER"].map(regularPlural)).toEqual([
      "MINISTRIES",
      "ATTORNEYS",
      "BUSES",
      "CHURCHES",
      "MINISTERS",
    ]);
  });
});

describe("splitBrackets", () => {
  it("separates the phrase from its codes", () => {
    expect(splitBrackets("ABN_AMRO_\t[NLDGOVBUS >081004][MNCNLD]")).toEqual({
      before: "ABN_AMRO_\t",
      groups: ["NLDGOVBUS >081004", "MNCNLD"],
      between: "",
    });
  });

  it("rejects unbalanced brackets", () => {
    expect(() => splitBrackets("FAEROYENE]_")).toThrow('"]" without "["');
    expect(() => splitBrackets("X [~ENV}")).toThrow('"[" without "]"');
  });
});
