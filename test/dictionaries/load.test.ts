import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadForeignDictionaries } from "../../src/dictionaries/load.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const base = (path: string): string => path.split("/").pop()!;

describe("loadForeignDictionaries with a PETRARCH config", () => {
  const r = loadForeignDictionaries(fixture("petrarch-layout/config/PETR_config.ini"));

  it("finds the named files in ../dictionaries and reports the missing one on its config line", () => {
    expect(r.files.map((f) => [base(f.path), f.kind, f.format, f.entries])).toEqual([
      ["PETR_config.ini", "config", "petrarch", 0],
      ["Small.verbs.txt", "verbs", "petrarch2", 4],
      ["Small.actors.txt", "actors", "petrarch", 2],
      ["Small.agents.txt", "agents", "petrarch", 4],
      ["Small.discards.txt", "discards", "petrarch", 2],
    ]);
    expect(r.problems).toEqual([
      {
        file: fixture("petrarch-layout/config/PETR_config.ini"),
        line: 4,
        message: 'actorfile_list names "Missing.actors.txt", which is neither beside the config nor in a dictionaries/ folder beside or above it',
      },
    ]);
    expect(r.format).toBe("petrarch2");
  });

  it("loads every kind", () => {
    expect(r.actors.map((a) => [a.names.map((n) => n.text), a.codes])).toEqual([
      [["RUSSIA", "RUSSIAN"], [{ code: "RUS" }]],
      [
        ["VLADIMIR PUTIN", "PRESIDENT PUTIN"],
        [{ code: "RUSGOV", from: "1999-12-31", to: "2008-05-07" }, { code: "RUSGOV", from: "2012-05-07" }, { code: "RUSELI" }],
      ],
    ]);
    expect(r.agents.map((a) => [a.names[0]!.text, a.code, a.prefix])).toEqual([
      ["PRESIDENT", "GOV", false],
      ["POLICE", "COP", false],
      ["RIGHTS GROUP", "NGO", true],
      ["CONGRESSMAN", "LEG", false],
    ]);
    expect(r.patterns.map((p) => [p.code, p.verbs])).toEqual([
      ["195", ["ATTACK", "BOMB"]],
      ["190", ["ATTACK", "BOMB"]],
    ]);
    expect(r.synsets.get("WEAPON")!.members.map((m) => m.kind === "phrase" && [m.phrase.text, m.plural])).toEqual([
      ["MISSILE", true],
      ["ROCKET", false],
    ]);
    expect(r.discards.map((d) => [d.phrase.text, d.story])).toEqual([
      ["WORLD CUP", true],
      ["YEARS AGO", false],
    ]);
  });

  it("uses the config when given the folder that holds it", () => {
    const viaFolder = loadForeignDictionaries(fixture("petrarch-layout/config"));
    expect(viaFolder.files.map((f) => base(f.path))).toEqual(r.files.map((f) => base(f.path)));
    expect(viaFolder.problems.map((p) => p.line)).toEqual([4]);
  });
});

describe("loadForeignDictionaries without a config", () => {
  it("recognises files by content when their names say nothing", () => {
    const r = loadForeignDictionaries(fixture("unnamed"));
    expect(r.files.map((f) => [base(f.path), f.kind, f.format])).toEqual([
      ["one.txt", "verbs", "petrarch1"],
      ["three.txt", "discards", "petrarch"],
      ["two.txt", "actors", "petrarch"],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.patterns[0]!.after).toEqual([{ kind: "synset", name: "CURRENCY", glued: false }]);
  });

  it("reads a TABARI set, stems included", () => {
    const r = loadForeignDictionaries(fixture("tabari"));
    expect(r.format).toBe("tabari");
    expect(r.files.map((f) => [base(f.path), f.kind, f.format])).toEqual([
      ["LEVANT.actors", "actors", "tabari"],
      ["LEVANT.verbs", "verbs", "tabari"],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.actors[0]!.names[0]!.words[0]).toEqual({ text: "ARGENTIN", glued: false, stem: true });
    expect(r.actors[2]!.codes).toEqual([{ code: "RHO", to: "1979-06-06" }, { code: "ZBW" }]);
    expect(r.verbBlocks.map((b) => b.name)).toEqual(["ACCUS", "ACT"]);
  });

  it("reads a single file", () => {
    const r = loadForeignDictionaries(fixture("tabari/LEVANT.actors"));
    expect(r.format).toBe("tabari");
    expect(r.actors).toHaveLength(3);
  });

  it("reports what it cannot read instead of throwing", () => {
    expect(loadForeignDictionaries(fixture("nowhere")).problems).toEqual([{ file: fixture("nowhere"), line: 0, message: "no such file or folder" }]);
    expect(loadForeignDictionaries(fixture("unnamed/README.txt")).problems[0]!.message).toBe("not a dictionary file (README, licence, XML, ...)");
    const empty = loadForeignDictionaries(fixture("petrarch-layout"));
    expect(empty.problems.map((p) => p.message)).toEqual(["no dictionary files found"]);
    expect(empty.format).toBe("unknown");
  });
});
