import { describe, expect, it } from "vitest";
import { formatFromContent, kindFromContent, kindFromName, mayBeDictionary } from "../../src/dictionaries/sniff.js";

describe("kindFromName", () => {
  it("recognises PETRARCH and TABARI file names", () => {
    expect(["PETR_config.ini", "CAMEO.verbpatterns.150430.txt", "Phoenix.agents.txt", "Levant.actors", "Phoenix.discards.txt", "Phoenix.IssueCoding.txt", "CAMEO.2.0.txt"].map(kindFromName)).toEqual([
      "config",
      "verbs",
      "agents",
      "actors",
      "discards",
      "issues",
      undefined,
    ]);
    expect(kindFromName("factory.txt")).toBeUndefined();
    expect(["LICENSE", "README.md", "PETR.UnitTest.records.xml", "a.txt"].map(mayBeDictionary)).toEqual([false, false, false, true]);
  });
});

describe("kindFromContent", () => {
  it("tells the kinds apart", () => {
    expect(kindFromContent("--- GRANT [070] ---\nGRANT\n")).toBe("verbs");
    expect(kindFromContent("ACCUS [112]\n- + * OF_ $ [112]\n- * + [112]\n")).toBe("verbs");
    expect(kindFromContent("!PERSON! = MAN, MEN\nPOLICE {} [~COP]\n")).toBe("agents");
    expect(kindFromContent("EGYPT [EGY]\n+CAIRO\n")).toBe("actors");
    expect(kindFromContent("TENNIS\n+FOOTBALL LEAGUE\n")).toBe("discards");
    expect(kindFromContent('<ISSUE CATEGORY="X">\nn:x [X]\n</ISSUE>\n')).toBe("issues");
    expect(kindFromContent("[Dictionaries]\nverbfile_name = x\n")).toBe("config");
    expect(kindFromContent("Permission is hereby granted, free of charge\nto any person\n")).toBeUndefined();
  });
});

describe("formatFromContent", () => {
  it("tells TABARI, PETRARCH-1 and PETRARCH-2 verb files apart", () => {
    expect(formatFromContent("verbs", "ACCUS [112] ;x\n- + * OF_ $ [112]\n")).toBe("tabari");
    expect(formatFromContent("verbs", "--- GRANT [070] ---\nGRANT\n- * AID [070]\n")).toBe("petrarch1");
    expect(formatFromContent("verbs", "--- GRANT [070] ---\nGRANT\n- * (TO +) [070]\n")).toBe("petrarch2");
    expect(formatFromContent("verbs", "--- SAY [010] ---\nSAY\n~ a (a b ATTACK) SAY = a b 015\n")).toBe("petrarch2");
  });

  it("calls actor files with only ; comments TABARI", () => {
    expect(formatFromContent("actors", "ARGENTIN [ARG] ;jw\n")).toBe("tabari");
    expect(formatFromContent("actors", "# PETRARCH\nATHENS [GRC] ;JW 10/17/91\n")).toBe("petrarch");
    expect(formatFromContent("actors", "NASGUL [###]\n")).toBe("petrarch");
  });
});
