/**
 * Parses the PETRARCH and Phoenix dictionaries in ../shared/reference. Every problem count below
 * was checked by hand against the files: each is a real error in the published dictionaries.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadForeignDictionaries } from "../../src/dictionaries/load.js";
import type { ImportedDictionaries, PatternToken } from "../../src/dictionaries/types.js";

const referenceDir = fileURLToPath(new URL("../../../shared/reference/", import.meta.url));
const haveReference = existsSync(referenceDir);
if (!haveReference) console.warn(`skipping reference dictionary tests: ${referenceDir} not found`);

const petrarch = (name: string): string => `${referenceDir}petrarch/${name}`;

function problemLines(r: ImportedDictionaries): number[] {
  return r.problems.map((p) => p.line);
}

function actorNamed(r: ImportedDictionaries, name: string) {
  const found = r.actors.filter((a) => a.names.some((n) => n.text === name));
  expect(found, `actors named ${name}`).toHaveLength(1);
  return found[0]!;
}

function patternAt(r: ImportedDictionaries, line: number) {
  const found = r.patterns.find((p) => p.line === line);
  expect(found, `pattern on line ${line}`).toBeDefined();
  return found!;
}

const word = (w: string, glued = false): PatternToken => ({ kind: "word", word: w, stem: false, glued });

describe.skipIf(!haveReference)("PETRARCH-1 validation dictionaries", () => {
  it("reads the actors: synonyms, date restrictions, codes on several lines", () => {
    const r = loadForeignDictionaries(petrarch("PETR.Validate.actors.txt"));
    expect(r.format).toBe("petrarch");
    expect(r.problems).toEqual([]);
    expect(r.actors).toHaveLength(127);

    const gollum = actorNamed(r, "GOLLUM");
    expect(gollum.names.map((n) => n.text)).toEqual(["GOLLUM", "SMEAGOL", "SLINKER", "STINKER"]);
    // `[HOB < 950601]` and `[HOBGOV 19950601 - 19990815]`: blanks inside, mixed date lengths;
    // the two commented-out code lines (#	[950601-990815]) are not read.
    expect(gollum.codes).toEqual([
      { code: "HOB", to: "1995-06-01" },
      { code: "HOBGOV", from: "1995-06-01", to: "1999-08-15" },
      { code: "HOBREB", from: "1999-08-16" },
    ]);
    expect(actorNamed(r, "ZIMBABWE").codes).toEqual([{ code: "RHO", to: "1979-06-06" }, { code: "ZBW" }]);
    expect(actorNamed(r, "ARNOR").codes).toEqual([{ code: "ARN" }]); // [ ARN ]
    expect(actorNamed(r, "LORIEN").codes).toEqual([{ code: "ELR/GAL" }]);
    const bush = actorNamed(r, "PRESIDENT GEORGE W. BUSH");
    expect(bush.names[0]!.words.map((w) => w.glued)).toEqual([false, true, true, true]);
    // A blank instead of `_` lets words come between.
    expect(actorNamed(r, "HAMAS WING").names[0]!.words[1]!.glued).toBe(false);
    // The section after `<! -- NEW ACTORS ... -->` (a sloppy comment) still loads.
    expect(actorNamed(r, "SAM GAMGEE").codes[0]).toEqual({ code: "HOB" });
  });

  it("reads the agents: [~CODE] and [CODE~], plurals, substitution markers", () => {
    const r = loadForeignDictionaries(petrarch("PETR.Validate.agents.txt"));
    expect(r.problems).toEqual([]);
    expect(r.agents).toHaveLength(88);
    const president = r.agents.find((a) => a.names[0]!.text === "PRESIDENT")!;
    expect(president).toMatchObject({ code: "GOVPRS", prefix: false, line: 12 });
    expect(president.names.map((n) => n.text)).toEqual(["PRESIDENT", "PRESIDENTS"]);
    const attorney = r.agents.find((a) => a.names[0]!.text === "ATTORNEY GENERAL")!;
    expect(attorney.names.map((n) => n.text)).toEqual(["ATTORNEY GENERAL", "ATTORNEYS GENERAL"]);
    expect(r.agents.find((a) => a.names[0]!.text === "POLICE")!.names).toHaveLength(1); // {}
    expect(r.agents.find((a) => a.names[0]!.text === "RIGHTS GROUP")).toMatchObject({ code: "NGO", prefix: true }); // [  NGO~]
    const congress = r.agents.find((a) => a.names[0]!.text === "CONGRESSMAN")!;
    expect(congress.names.map((n) => n.text)).toEqual(["CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN", "CONGRESSPERSON"]);
    const silly = r.agents.find((a) => a.names[0]!.text === "MINISTER OF SILLY WALKS")!;
    expect(silly.names.map((n) => n.text)).toEqual([
      "MINISTER OF SILLY WALKS",
      "MINISTERS OF SILLY WALKS",
      "MINISTRY OF SILLY WALKS",
      "MINISTRIES OF SILLY WALKS",
    ]);
  });

  it("reads the verbs: blocks, synsets, patterns with $ + % ^ and glued words", () => {
    const r = loadForeignDictionaries(petrarch("PETR.Validate.verbs.txt"));
    expect(r.format).toBe("petrarch1");
    expect(r.verbBlocks).toHaveLength(261);
    expect(r.verbBlocks.reduce((n, b) => n + b.verbs.length, 0)).toBe(268);
    expect(r.patterns).toHaveLength(474);
    expect(r.synsets.size).toBe(16);
    // DELAY's header has two codes; LASH OUT and RULE OUT do not mark their verb word with `+`.
    expect(problemLines(r)).toEqual([439, 680, 1017]);

    const hosting = patternAt(r, 296); // - + HOSTING * TABASKI ^ $ [042]
    expect(hosting.code).toBe("042");
    expect(hosting.before).toEqual([{ kind: "target", glued: false }, word("HOSTING")]);
    expect(hosting.after).toEqual([word("TABASKI"), { kind: "skip", glued: false }, { kind: "source", glued: false }]);
    expect(hosting.verbs).toEqual(["CELEBRATE"]);

    const inAndOut = patternAt(r, 79); // - SO IN_AND_*_OUT_AGAIN NOW [074]
    expect(inAndOut.before).toEqual([word("SO"), word("IN"), word("AND", true)]);
    expect(inAndOut.verbGlued).toBe(true);
    expect(inAndOut.after).toEqual([word("OUT", true), word("AGAIN", true), word("NOW")]);

    // PETRARCH-1 ends a synset name at `_`.
    expect(patternAt(r, 55).after).toEqual([word("NEW"), { kind: "synset", name: "TIETYPES", glued: true }, word("RELATIONS", true)]);
    expect(patternAt(r, 73).before).toEqual([word("IN")]); // `IN_ *`: not glued
    expect(patternAt(r, 73).verbGlued).toBe(false);

    const abandon = r.verbBlocks.find((b) => b.name === "ABANDON")!;
    expect(abandon.code).toBe("345");
    expect(abandon.verbs.map((v) => [v.phrase.text, v.head, v.code])).toEqual([
      ["ABANDON", 0, "345"],
      ["ABC DEF GHI", 0, "345"],
      ["KLM NOP RST", 2, "002"],
      ["ABC AARDVARK ADVOCATE", 0, "003"],
    ]);
    const ban = r.verbBlocks.find((b) => b.name === "BAN")!.verbs[0]!;
    expect(ban.forms.map((f) => f.text)).toEqual(["BANS", "BANNED"]);
    expect(ban.regularForms).toBe(false);

    const currency = r.synsets.get("CURRENCY")!;
    expect(currency.members).toHaveLength(10);
    expect(currency.members[2]).toMatchObject({ kind: "phrase", phrase: { text: "AUSTRIAN FLORIN" }, plural: true });
    expect(r.synsets.get("ACCORDSYN")!.members.filter((m) => m.kind === "synset")).toEqual([
      { kind: "synset", name: "TIETYPES" },
      { kind: "synset", name: "CURRENCY" },
    ]);
  });

  it("reads the discards", () => {
    const r = loadForeignDictionaries(petrarch("PETR.Validate.discards.txt"));
    expect(r.problems).toEqual([]);
    expect(r.discards).toHaveLength(9);
    expect(r.discards.filter((d) => d.story).map((d) => d.phrase.text)).toEqual([
      "WORLD GOLF CHAMPIONSHIPS",
      "MANCHESTER UNITED",
      "TYPHOON",
      "ESPN2",
    ]);
  });

  it("reads the folder's own files when its PETR_config.ini names Phoenix files that are not there", () => {
    const r = loadForeignDictionaries(`${referenceDir}petrarch`);
    expect(r.files.map((f) => [f.path.split("/").pop(), f.kind])).toEqual([
      ["PETR_config.ini", "config"],
      ["PETR.Validate.actors.txt", "actors"],
      ["PETR.Validate.agents.txt", "agents"],
      ["PETR.Validate.discards.txt", "discards"],
      ["PETR.Validate.verbs.txt", "verbs"],
    ]);
    const fromConfig = r.problems.filter((p) => p.file.endsWith("PETR_config.ini"));
    expect(fromConfig.map((p) => p.line)).toEqual([7, 8, 8, 8, 9, 10, 11, 0]);
    expect(fromConfig[0]!.message).toContain("CAMEO.verbpatterns.150430.txt");
    expect(fromConfig.at(-1)!.message).toContain("reading the folder's dictionary files instead");
    expect(r.format).toBe("petrarch1");
  });

  it("reads only the files a validation <Environment> names when they are in the folder", () => {
    const r = loadForeignDictionaries(`${referenceDir}petrarch`, { verbs: "PETR.Validate.verbs.txt", actors: ["PETR.Validate.actors.txt"], agents: "Missing.agents.txt" });
    expect(r.files.map((f) => [f.path.split("/").pop(), f.kind])).toEqual([
      ["PETR.Validate.verbs.txt", "verbs"],
      ["PETR.Validate.actors.txt", "actors"],
    ]);
  });
});

describe.skipIf(!haveReference)("Phoenix (PETRARCH-2) dictionaries", () => {
  // Loaded once: the folder holds about 2.5 MB of dictionaries.
  let all: ImportedDictionaries;
  const load = (): ImportedDictionaries => (all ??= loadForeignDictionaries(`${referenceDir}phoenix`));

  it("recognises every file in the folder by name", () => {
    const r = load();
    expect(r.format).toBe("petrarch2");
    expect(r.files.map((f) => [f.path.split("/").pop(), f.kind, f.format])).toEqual([
      ["CAMEO.2.0.txt", "verbs", "petrarch2"],
      ["Phoenix.Countries.actors.txt", "actors", "petrarch"],
      ["Phoenix.International.actors.txt", "actors", "petrarch"],
      ["Phoenix.IssueCoding.txt", "issues", "petrarch"],
      ["Phoenix.MilNonState.actors.txt", "actors", "petrarch"],
      ["Phoenix.agents.txt", "agents", "petrarch"],
      ["Phoenix.discards.txt", "discards", "petrarch"],
    ]);
    expect(r.actors).toHaveLength(18352 + 7838 + 1021);
    expect(r.agents).toHaveLength(2243);
    expect(r.discards).toHaveLength(506);
    expect(r.issues).toHaveLength(3153);
  });

  it("reports the errors in the published files with their lines", () => {
    const byFile = new Map<string, number[]>();
    for (const p of load().problems) {
      const name = p.file.split("/").pop()!;
      byFile.set(name, [...(byFile.get(name) ?? []), p.line]);
    }
    expect(Object.fromEntries(byFile)).toEqual({
      // two stray ")" after the code column; four undefined synsets
      "CAMEO.2.0.txt": [2374, 2406, 3887, 7606, 8443, 8444],
      // dates with 7, 9 or 10 digits, a range ending before it starts, a stray "]", dates with no
      // "<", ">" or "-"; DAVID CAMERON (18007) loses his only code (18010) and is skipped
      "Phoenix.Countries.actors.txt": [2039, 14190, 15346, 18007, 18010, 22508, 22519, 31715, 43613, 51384],
      "Phoenix.International.actors.txt": [40], // [KORGOVBUS 2004017-20061201]
      // phrases without codes, "eu+" with nothing after "+", two codes on one line
      "Phoenix.IssueCoding.txt": [141, 142, 143, 144, 145, 146, 147, 155, 1040, 1183, 1198, 1219, 1220, 1221, 2250, 2521, 2889],
      "Phoenix.agents.txt": [544, 1927], // [~ENV} ; ISLAMIC_EXTREMIST without a code
    });
  });

  it("reads date-restricted actors and code-less roots that share the next codes", () => {
    const r = load();
    const putin = actorNamed(r, "VLADIMIR PUTIN");
    expect(putin.codes).toContainEqual({ code: "RUSGOV", from: "1999-12-31", to: "2008-05-07" });
    expect(putin.codes).toContainEqual({ code: "RUSGOV", from: "2008-05-08" });
    expect(putin.codes).toContainEqual({ code: "RUSELI" });
    // Five code-less roots followed by their codes make one actor, as in PETRARCH.
    const brezhnev = actorNamed(r, "SECRETARY BREZHNEV");
    expect(brezhnev.names.map((n) => n.text)).toEqual([
      "LEONID BREZHNEV",
      "LEONID ILYICH BREZHNEV",
      "SECRETARY BREZHNEV",
      "SOVIET LEADER LEONID BREZHNEV",
      "COMMUNIST LEADER LEONID BREZHNEV",
    ]);
    // 320101 is 1932 (two-digit years 31-99 are 19YY).
    expect(actorNamed(r, "MOHAMMAD ZAHIR SHAH").codes[0]).toEqual({ code: "AFGELI", from: "1932-01-01", to: "1933-11-08" });
    // Codes on the root line, TABARI style: [IGOUNO 820101-911231] [ELI]
    expect(actorNamed(r, "JAVIER DE CUELLAR").codes).toEqual([{ code: "IGOUNO", from: "1982-01-01", to: "1991-12-31" }, { code: "ELI" }]);
    expect(actorNamed(r, "KOFI ANNAN").line).toBe(41);
  });

  it("reads the agents file", () => {
    const r = load();
    const president = r.agents.find((a) => a.names[0]!.text === "PRESIDENT")!;
    expect(president).toMatchObject({ code: "GOV", prefix: false, line: 1141 });
    expect(r.agents.find((a) => a.names[0]!.text === "PEACEKEEPING TROOPS")).toMatchObject({ code: "IGO", prefix: true });
    const foreign = r.agents.find((a) => a.line === 726)!; // FOREIGN_!MINIST! [~GOV]
    expect(foreign.names.map((n) => n.text)).toEqual(["FOREIGN MINISTER", "FOREIGN MINISTERS", "FOREIGN MINISTRY", "FOREIGN MINISTRIES"]);
  });

  it("reads PETRARCH-2 patterns: prepositional phrases, noun phrases, choices", () => {
    const r = load();
    expect(r.verbBlocks).toHaveLength(397);
    expect(r.patterns).toHaveLength(4662);
    const act = patternAt(r, 2434); // - $ * (AS &NEGOTIATOR) (IN TALK) (WITH +) [045]
    expect(act.before).toEqual([{ kind: "source", glued: false }]);
    expect(act.after).toEqual([
      { kind: "preposition", preposition: word("AS"), object: [{ kind: "synset", name: "NEGOTIATOR", glued: false }], glued: false },
      { kind: "preposition", preposition: word("IN"), object: [word("TALK")], glued: false },
      { kind: "preposition", preposition: word("WITH"), object: [{ kind: "target", glued: false }], glued: false },
    ]);
    expect(patternAt(r, 1161).after).toEqual([{ kind: "noun", tokens: [word("BORDER"), word("CROSSING")], glued: false }]);
    const gather = patternAt(r, 5256); // - * (TO/FOR PROTEST) [141]
    expect(gather.after[0]).toEqual({
      kind: "preposition",
      preposition: { kind: "choice", options: [[word("TO")], [word("FOR")]], glued: false },
      object: [word("PROTEST")],
      glued: false,
    });
    expect(patternAt(r, 1390).code).toBe(":110");
    expect(patternAt(r, 1161).text).toBe("- * {BORDER CROSSING} [160]");

    const cancel = r.verbBlocks.find((b) => b.name === "CANCEL")!;
    const callOff = cancel.verbs.find((v) => v.phrase.text === "CALL OFF")!;
    expect(callOff).toMatchObject({ head: 0, code: "160", regularForms: true });
    const determined = r.verbBlocks.flatMap((b) => b.verbs).find((v) => v.phrase.text === "IS DETERMINED")!;
    // `{+WAS_DETERMINED , +BE_DETERMINED , +ARE_DETERMINED}`: commas between forms
    expect(determined.forms.map((f) => f.text)).toEqual(["WAS DETERMINED", "BE DETERMINED", "ARE DETERMINED"]);

    expect(r.synsets.get("AUXVERB1")!.members.map((m) => m.kind === "phrase" && m.plural)).toEqual([false, false, false]);
    expect(r.synsets.get("FIGHT_OF_WORDS")).toBeDefined();
    expect(r.transformations[0]).toMatchObject({
      pattern: { source: "a", object: { source: "a", object: "b", verb: "ATTACK" }, verb: "SAY" },
      result: { source: "a", target: "b", code: "015" },
      line: 9178,
    });
    expect(r.transformations).toHaveLength(8);
  });

  it("reads issues with n:, v: and + expansions", () => {
    const r = load();
    const preschool = r.issues.find((i) => i.text.startsWith("pre+n:school"))!;
    expect(preschool).toMatchObject({ kind: "issue", code: "EARLY_CHILDHOOD_EDUCATION", category: "EDUCATION" });
    expect(preschool.forms.sort()).toEqual(["PRE SCHOOL", "PRE SCHOOLS", "PRE-SCHOOL", "PRE-SCHOOLS"]);
    const exclusion = r.issues.find((i) => i.kind === "exclusion" && i.text === "~a head start")!;
    expect(exclusion).toMatchObject({ scope: "sentence", forms: ["A HEAD START"] });
  });

  it("parses the whole folder quickly", () => {
    const start = performance.now();
    loadForeignDictionaries(`${referenceDir}phoenix`);
    const ms = performance.now() - start;
    console.log(`Phoenix folder (2.6 MB, 6 dictionaries): ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000); // generous: a slow CI machine must not fail this
  });
});
