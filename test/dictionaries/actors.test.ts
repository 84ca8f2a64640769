import { describe, expect, it } from "vitest";
import { parseActorCode, parseActorFile } from "../../src/dictionaries/actors.js";

/** Lines joined so that index + 1 is the line number the problems must carry. */
const file = (...lines: string[]): string => lines.join("\n");

describe("parseActorFile", () => {
  const text = file(
    "<!-- test actors -->", // 1
    "RUSSIA_ [RUS]", // 2
    "+RUSSIAN_", // 3
    "\t[RUSGOV 991231-080507]", // 4
    "\t[RUSGOV >080508]  # Putin's dates", // 5
    "+", // 6 empty synonym
    "DAVID_CAMERON_", // 7 skipped: its only code is bad
    "\t[GBRGOV >201005011]", // 8 nine-digit date
    "EGYPT [EGY] [EGYGOV 20121207-20120802]", // 9 range ends before it starts
    "\t[950601-990815]", // 10 dates without a code
    "ISRAEL [ISR", // 11 unclosed bracket
    "JORDAN [JOR]", // 12
    "\t[JORGOV 20000229-20010229]", // 13 2001 is no leap year
    "LEONID_BREZHNEV_", // 14 code-less roots join the next codes
    "SECRETARY_BREZHNEV", // 15
    "\t[SUNGOV 641014-821110]", // 16
    "NOCODE_ACTOR", // 17
    "+ITS_SYNONYM", // 18
  );
  const result = parseActorFile(text, "test.actors.txt", false);

  it("reports each bad line with its number", () => {
    expect(result.problems.map((p) => [p.line, p.message])).toEqual([
      [6, 'empty phrase ""'],
      [7, 'actor "DAVID CAMERON" has no usable code; skipped'],
      [8, 'date "201005011" is not YYMMDD or YYYYMMDD'],
      [9, 'date range in "[EGYGOV 20121207-20120802]" ends before it starts'],
      [10, 'code missing in "[950601-990815]"'],
      [11, '"[" without "]"'],
      [13, 'date "20010229" is not a real day'],
      [17, 'actor "NOCODE ACTOR" (and 1 synonyms) has no code'],
    ]);
    expect(result.problems.every((p) => p.file === "test.actors.txt")).toBe(true);
  });

  it("still loads the good lines", () => {
    expect(result.actors.map((a) => [a.names.map((n) => n.text), a.codes, a.line])).toEqual([
      [
        ["RUSSIA", "RUSSIAN"],
        [{ code: "RUS" }, { code: "RUSGOV", from: "1999-12-31", to: "2008-05-07" }, { code: "RUSGOV", from: "2008-05-08" }],
        2,
      ],
      [["EGYPT"], [{ code: "EGY" }], 9],
      [["JORDAN"], [{ code: "JOR" }], 12],
      [["LEONID BREZHNEV", "SECRETARY BREZHNEV"], [{ code: "SUNGOV", from: "1964-10-14", to: "1982-11-10" }], 14],
    ]);
  });

  it("reports code and synonym lines with no actor above them", () => {
    const r = parseActorFile(file("\t[USA]", "+AMERICA", "USA [USA]"), "f", false);
    expect(r.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(r.actors).toHaveLength(1);
  });

  it("stops at ---STOP---", () => {
    const r = parseActorFile(file("A [AAA]", "---STOP---", "B [BBB]"), "f", false);
    expect(r.actors.map((a) => a.names[0]!.text)).toEqual(["A"]);
  });

  it("marks TABARI stems: words not closed by an underscore", () => {
    const r = parseActorFile(file("ARGENTIN [ARG]", "ISRAELI_TROOPS [ISRMIL]", "CAIRO_ [EGY]"), "f", true);
    expect(r.actors.map((a) => a.names[0]!.words.map((w) => [w.text, w.stem, w.glued]))).toEqual([
      [["ARGENTIN", true, false]],
      [
        ["ISRAELI", false, false],
        ["TROOPS", true, true],
      ],
      [["CAIRO", false, false]],
    ]);
  });
});

describe("parseActorCode", () => {
  it("reads the restriction forms with or without blanks", () => {
    expect(parseActorCode("HOB < 950601")).toEqual({ code: "HOB", to: "1995-06-01" });
    expect(parseActorCode("HOBREB >990816")).toEqual({ code: "HOBREB", from: "1999-08-16" });
    expect(parseActorCode("HOBGOV 19950601 - 19990815")).toEqual({ code: "HOBGOV", from: "1995-06-01", to: "1999-08-15" });
    expect(parseActorCode("###")).toEqual({ code: "###" });
  });

  it("rejects what it cannot read", () => {
    expect(() => parseActorCode("MNEGOV 20121204")).toThrow("cannot read the date restriction");
    expect(() => parseActorCode("")).toThrow("code missing");
    expect(() => parseActorCode("<950601")).toThrow("code missing");
  });
});
