import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  loadBuiltinLexicon,
  parseCodebookCodes,
  parseVerbLexicon,
  type LexiconFiles,
  type VerbLexicon,
  type VerbPattern,
} from "../../src/events/lexicon.js";
import { dataPath } from "../../src/paths.js";

const REFERENCE_CODEBOOK = "/work/shared/reference/cameo/cameo_codes_merged.tsv";

const VERB_HEADER = "code\tverbs\tframe\tintent\tnote";
const SYNSETS = "name\twords\n&AGREEMENT\tagreement|deal|treaty\n&SANCTION\tsanction|embargo\n";

function files(verbLines: string[], extra: Partial<LexiconFiles> = {}): LexiconFiles {
  return {
    verbs: [VERB_HEADER, ...verbLines].join("\n"),
    synsets: SYNSETS,
    traps: "phrase\tnote\nheart attack\tmedical\n",
    speechVerbs: "verbs\tnote\nsay|tell\tplain\n",
    ...extra,
  };
}

const CODES = new Set(["010", "036", "040", "043", "057", "111", "163", "190", "0874", "0356", "1312"]);

/** The winning pattern for a frame, the way the matcher is meant to pick it (first candidate in byVerb). */
function best(
  lex: VerbLexicon,
  verb: string,
  object: { head: string; actor: boolean } | null,
  preps: { prep: string; head: string; actor: boolean }[],
): VerbPattern | undefined {
  return (lex.byVerb.get(verb) ?? []).find((p) => {
    if (p.objectHeads !== undefined && (object === null || !p.objectHeads.has(object.head))) return false;
    if (p.objectIsTarget && (object === null || !object.actor)) return false;
    const used = new Set<number>();
    return p.preps.every((c) => {
      const i = preps.findIndex(
        (pp, k) => !used.has(k) && pp.prep === c.prep && (c.heads === undefined || c.heads.has(pp.head)) && (!c.isTarget || pp.actor),
      );
      if (i >= 0) used.add(i);
      return i >= 0;
    });
  });
}

describe("parseVerbLexicon", () => {
  it("reads codes, verbs, object and PP constraints, intent and note", () => {
    const lex = parseVerbLexicon(
      files([
        "043\thost|welcome\t$T\t036\tPutin hosted Raisi",
        "057\tsign|strike\t&AGREEMENT with $T\t\tsigned a deal with Iran",
        "163\timpose\t&SANCTION on $T\t1312",
      ]),
      undefined,
      CODES,
    );
    expect(lex.problems).toEqual([]);
    expect(lex.patterns).toHaveLength(3);

    const host = lex.patterns[0]!;
    expect(host).toMatchObject({ id: "verbs.tsv:2", code: "043", verbs: ["host", "welcome"], objectIsTarget: true, intentCode: "036", specificity: 1, noEvent: false });
    expect(host.objectHeads).toBeUndefined();
    expect(host.preps).toEqual([]);
    expect(host.note).toBe("Putin hosted Raisi");

    const sign = lex.patterns[1]!;
    expect(sign.code).toBe("057");
    expect(sign.objectIsTarget).toBe(false);
    expect([...(sign.objectHeads ?? [])].sort()).toEqual(["agreement", "agreements", "deal", "deals", "treaties", "treaty"]);
    expect(sign.preps).toHaveLength(1);
    expect(sign.preps[0]).toMatchObject({ prep: "with", isTarget: true });
    expect(sign.preps[0]!.heads).toBeUndefined();
    expect(sign.specificity).toBe(3);
    expect(sign.intentCode).toBeUndefined();
    expect(lex.byVerb.get("strike")).toEqual([sign]);

    expect(lex.patterns[2]!.intentCode).toBe("1312");
  });

  it("accepts joined head+target slots and several PPs, and scores them", () => {
    const lex = parseVerbLexicon(
      files([
        "190\tattack\t$T",
        "111\tattack\t-",
        "0874\twithdraw\t{troop|force} from $T\t0356",
        "040\tspeak\tby {phone} with $T",
        "163\tfreeze\t{asset}$T",
      ]),
      undefined,
      CODES,
    );
    expect(lex.problems).toEqual([]);
    const [attack, dash, withdraw, speak, freeze] = lex.patterns;
    expect(attack!.specificity).toBe(1);
    expect(dash!.specificity).toBe(0);
    expect(dash!.objectIsTarget).toBe(false);
    expect(withdraw!.specificity).toBe(3);
    expect(speak!.specificity).toBe(3);
    expect(speak!.preps.map((p) => [p.prep, p.isTarget])).toEqual([["by", false], ["with", true]]);
    expect(freeze).toMatchObject({ objectIsTarget: true, specificity: 3 });
    expect(freeze!.objectHeads?.has("assets")).toBe(true);
    // byVerb: most specific first.
    expect(lex.byVerb.get("attack")!.map((p) => p.code)).toEqual(["190", "111"]);
  });

  it("treats --- as a blocking no-event pattern that can win over weaker ones", () => {
    const lex = parseVerbLexicon(files(["040\tmeet\t-", "---\tmeet\t{deadline|target}\t\tmet the deadline"]), undefined, CODES);
    expect(lex.problems).toEqual([]);
    const winner = best(lex, "meet", { head: "deadline", actor: false }, []);
    expect(winner).toMatchObject({ code: "---", noEvent: true });
    expect(best(lex, "meet", null, [])?.code).toBe("040");
  });

  it("reports bad lines with file and line number and keeps the good ones", () => {
    const lex = parseVerbLexicon(
      files([
        "043\thost\t$T", // line 2: good
        "999\tfoo\t$T", // line 3: not in the codebook
        "040\tmeet\t&MEETINGS with $T", // line 4: unknown synset
        "04x\tmeet\t$T", // line 5: malformed code
        "040\tmeet\twiht $T", // line 6: unknown preposition
        "040\tmeet\t$T with $T", // line 7: two targets
        "040\tmeet\twith", // line 8: preposition without slot
        "190\tattack\t$T\t190", // line 9: intent is not 03x/13x
        "043\thost|welcome\t$T", // line 10: same verb and frame as line 2
        "040\tmeet\t{talk|meeting", // line 11: unbalanced braces
        "---\tmeet\t{deadline}\t036", // line 12: no-event line with intent
        "040\tMeet\t$T", // line 13: bad lemma
        "040\tmeet", // line 14: missing frame column
      ]),
      { verbs: "v.tsv", synsets: "s.tsv", traps: "t.tsv", speechVerbs: "sv.tsv" },
      CODES,
    );
    const byLine = new Map(lex.problems.map((p) => [p.line, p]));
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(lex.problems.every((p) => p.file === "v.tsv")).toBe(true);
    expect(byLine.get(3)!.message).toMatch(/999.*not in the CAMEO codebook/);
    expect(byLine.get(4)!.message).toMatch(/unknown synset "&MEETINGS"/);
    expect(byLine.get(5)!.message).toMatch(/bad CAMEO event code "04x"/);
    expect(byLine.get(6)!.message).toMatch(/unknown preposition "wiht"/);
    expect(byLine.get(7)!.message).toMatch(/more than one \$T/);
    expect(byLine.get(9)!.message).toMatch(/not an intent code/);
    expect(byLine.get(10)!.message).toMatch(/same verb and frame as v\.tsv:2: host/);
    expect(byLine.get(12)!.message).toMatch(/cannot have an intent/);
    expect(lex.patterns.map((p) => p.id)).toEqual(["v.tsv:2"]);
  });

  it("checks only the code's shape when no codebook is given", () => {
    const lex = parseVerbLexicon(files(["999\tfoo\t$T", "12\tfoo\t-"]));
    expect(lex.problems.map((p) => p.line)).toEqual([3]);
    expect(lex.patterns.map((p) => p.code)).toEqual(["999"]);
  });

  it("reports header, synset, trap and speech-verb problems", () => {
    const lex = parseVerbLexicon(
      files(["043\thost\t$T"], {
        synsets: "name\twords\n&OK\ta|b\nlower\tx\n&OK\tc\n&EMPTY\t\n",
        traps: "phrase\tnote\nheart attack\tmedical\n* *\tnothing real\nHeart Attack\tcase\nfire * ceasefire\tx\n",
        speechVerbs: "verb\tnote\nsay|tell\t\nBad Verb\t\n",
      }),
    );
    const where = lex.problems.map((p) => `${p.file}:${p.line}`);
    expect(where).toEqual([
      "synsets.tsv:3",
      "synsets.tsv:4",
      "synsets.tsv:5",
      "traps.tsv:3",
      "traps.tsv:4",
      "speech-verbs.tsv:1",
      "speech-verbs.tsv:3",
    ]);
    expect(lex.synsets.get("OK")).toEqual(new Set(["a", "b"]));
    expect(lex.traps).toEqual([["heart", "attack"], ["fire", "*", "ceasefire"]]);
    // A line that is not the header is reported and then read as data.
    expect(lex.speechVerbs).toEqual(new Set(["verb", "say", "tell"]));
  });

  it("reads event codes from a codebook TSV with a code column", () => {
    const codes = parseCodebookCodes("code\tlevel\tname\n01\troot\tX\n010\tbase\tY\n0874\tsub\tZ\n");
    expect(codes).toEqual(new Set(["010", "0874"]));
  });
});

describe("built-in lexicon (data/events)", () => {
  const lex = loadBuiltinLexicon();

  it("loads with zero problems and is cached", () => {
    expect(lex.problems).toEqual([]);
    expect(loadBuiltinLexicon()).toBe(lex);
    expect(lex.patterns.length).toBeGreaterThanOrEqual(350);
  });

  it.skipIf(!existsSync(REFERENCE_CODEBOOK))("uses only codes from the CAMEO codebook", () => {
    const read = (name: string): string => readFileSync(dataPath(`events/${name}`), "utf8");
    const checked = parseVerbLexicon(
      { verbs: read("verbs.tsv"), synsets: read("synsets.tsv"), traps: read("traps.tsv"), speechVerbs: read("speech-verbs.tsv") },
      undefined,
      parseCodebookCodes(readFileSync(REFERENCE_CODEBOOK, "utf8")),
    );
    expect(checked.problems).toEqual([]);
  });

  it("reaches every CAMEO root 01..20", () => {
    const roots = new Set(lex.patterns.filter((p) => !p.noEvent).map((p) => p.code.slice(0, 2)));
    const all = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0"));
    expect(all.filter((r) => !roots.has(r))).toEqual([]);
  });

  it("maps host to 043 with the object as target", () => {
    const host = lex.byVerb.get("host")!.find((p) => p.code === "043" && p.objectIsTarget && p.objectHeads === undefined);
    expect(host).toBeDefined();
    expect(best(lex, "host", { head: "raisi", actor: true }, [])?.code).toBe("043");
  });

  it("codes sign/strike &AGREEMENT with $T as 057", () => {
    const agreement = lex.synsets.get("AGREEMENT")!;
    expect(agreement.has("deal")).toBe(true);
    const sign = lex.byVerb.get("sign")!.find((p) => p.frame === "&AGREEMENT with $T");
    expect(sign?.code).toBe("057");
    expect(sign?.preps).toEqual([expect.objectContaining({ prep: "with", isTarget: true })]);
    expect(best(lex, "strike", { head: "deal", actor: false }, [{ prep: "with", head: "iran", actor: true }])?.code).toBe("057");
  });

  it("picks the expected code for common news frames", () => {
    const A = (head: string) => ({ head, actor: true });
    const N = (head: string) => ({ head, actor: false });
    const cases: [string, { head: string; actor: boolean } | null, { prep: string; head: string; actor: boolean }[], string | undefined][] = [
      ["attack", A("position"), [], "190"],
      ["impose", N("sanctions"), [{ prep: "on", ...A("russia") }], "163"],
      ["withdraw", N("troops"), [{ prep: "from", ...A("syria") }], "0874"],
      ["free", A("hostage"), [], "0841"],
      ["release", N("statement"), [], "---"],
      ["meet", N("deadline"), [], "---"],
      ["fight", N("inflation"), [], "---"],
      ["accuse", A("iran"), [{ prep: "of", ...N("aggression") }], "1123"],
      ["call", null, [{ prep: "on", ...A("israel") }], "020"],
      ["call", null, [{ prep: "for", ...N("ceasefire") }], "0256"],
      ["expel", A("diplomat"), [], "161"],
      ["launch", N("missile"), [{ prep: "at", ...A("israel") }], "195"],
      ["say", null, [], undefined],
      ["tell", A("reporter"), [], undefined],
    ];
    for (const [verb, object, preps, code] of cases) {
      expect(best(lex, verb, object, preps)?.code, verb).toBe(code);
    }
  });

  it("gives specific intent codes where the root table would be too coarse", () => {
    const withdraw = best(lex, "withdraw", { head: "troop", actor: false }, []);
    expect(withdraw).toMatchObject({ code: "0874", intentCode: "0356" });
    const release = best(lex, "release", { head: "prisoner", actor: false }, []);
    expect(release).toMatchObject({ code: "0841", intentCode: "0353" });
  });

  it("never codes plain say or tell, and knows them as speech verbs", () => {
    expect(lex.byVerb.get("say")?.every((p) => p.noEvent) ?? true).toBe(true);
    expect(lex.byVerb.has("tell")).toBe(false);
    for (const v of ["say", "tell", "add", "note", "state", "announce", "claim", "tweet"]) {
      expect(lex.speechVerbs.has(v), v).toBe(true);
    }
  });

  it("has traps for the classic false positives", () => {
    const traps = new Set(lex.traps.map((t) => t.join(" ")));
    for (const t of ["heart attack", "charm offensive", "price war", "trade war", "war of words", "strike price", "ceasefire"]) {
      expect(traps.has(t), t).toBe(true);
    }
  });
});
