import { describe, expect, it } from "vitest";
import { parseTransformation, parseVerbFile, splitEventCode } from "../../src/dictionaries/verbs.js";

const word = (w: string, glued = false) => ({ kind: "word", word: w, stem: false, glued });

describe("parseVerbFile (PETRARCH-1)", () => {
  const text = [
    "STRAY", // 1 verb before any block
    "&CURRENCY_", // 2 label closed by "_": no plurals
    "+DOLLAR", // 3
    "+EURO_", // 4
    "&EMPTY", // 5 no members
    "--- ATTACK [190] ---", // 6
    "ATTACK", // 7
    "+BEEF_UP {+BEEFS_UP +BEEFED_UP}", // 8
    "LASH OUT", // 9 multi-word verb without "+": loads, with a problem
    "- $ * + [190]", // 10
    "- * &CURRENCY [071]", // 11
    "- * &UNKNOWN [072]", // 12 undefined synset
    "- $ + [190]", // 13 no "*"
    "- * * + [190]", // 14 two "*"
    "- * ATTACK", // 15 no code
    "- * (WITH + [190]", // 16 unclosed "("
    "- WOULD_* [111]  # glued to the verb", // 17
    "--- EMPTY [---] ---", // 18 block without verbs
    "- * X [010]", // 19
    "--- GIVE ---", // 20 no code: "---"
    "GIVE {GAVE GIVEN}", // 21
    "- * AID [070] extra", // 22 text after the code
  ].join("\n");
  const r = parseVerbFile(text, "test.verbs.txt", "petrarch1");

  it("reports bad lines with their numbers", () => {
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'verb "STRAY" is outside any "--- NAME [code] ---" block'],
      [5, 'synset "&EMPTY" has no members'],
      [9, 'multi-word verb "LASH OUT" does not mark its verb word with "+"; taking the first'],
      [12, 'pattern uses undefined synset "&UNKNOWN"; pattern skipped'],
      [13, 'pattern has no "*" for the verb'],
      [14, 'pattern has more than one "*"'],
      [15, "pattern has no [code]"],
      [16, '"(" without ")"'],
      [18, 'verb block "EMPTY" has no verbs; its 1 patterns are ignored'],
      [22, 'text "extra" after the pattern\'s code'],
    ]);
  });

  it("loads blocks, verbs and the good patterns", () => {
    expect(r.blocks.map((b) => [b.name, b.code, b.verbs.map((v) => [v.phrase.text, v.head, v.code, v.forms.map((f) => f.text), v.regularForms])])).toEqual([
      [
        "ATTACK",
        "190",
        [
          ["ATTACK", 0, "190", [], true],
          ["BEEF UP", 0, "190", ["BEEFS UP", "BEEFED UP"], false],
          ["LASH OUT", 0, "190", [], true],
        ],
      ],
      ["GIVE", "---", [["GIVE", 0, "---", ["GAVE", "GIVEN"], false]]],
    ]);
    expect(r.patterns.map((p) => [p.line, p.block, p.code])).toEqual([
      [10, 0, "190"],
      [11, 0, "071"],
      [17, 0, "111"],
    ]);
    expect(r.patterns[0]!.verbs).toEqual(["ATTACK", "BEEF UP", "LASH OUT"]);
    expect(r.patterns[0]!.before).toEqual([{ kind: "source", glued: false }]);
    expect(r.patterns[0]!.after).toEqual([{ kind: "target", glued: false }]);
    expect(r.patterns[2]!).toMatchObject({ before: [word("WOULD")], verbGlued: true, text: "- WOULD_* [111]" });
    expect(r.blocks[0]!.patterns).toHaveLength(3);
  });

  it("reads synsets and their plural rule", () => {
    expect(r.synsets.get("CURRENCY")!.members).toEqual([
      { kind: "phrase", phrase: { text: "DOLLAR", words: [{ text: "DOLLAR", glued: false, stem: false }] }, plural: false },
      { kind: "phrase", phrase: { text: "EURO", words: [{ text: "EURO", glued: false, stem: false }] }, plural: false },
    ]);
  });
});

describe("parseVerbFile (TABARI)", () => {
  it("makes each verb its own block and marks stems", () => {
    const r = parseVerbFile(["ACCUS  [112]  ;stem", "- + { WAS | WERE } * OF_ $  [112]", "ACT_  [---]", "- * AS_ MEDIATOR [045]"].join("\n"), "t.verbs", "tabari");
    expect(r.problems).toEqual([]);
    expect(r.blocks.map((b) => [b.name, b.code, b.verbs[0]!.phrase.words[0]!.stem])).toEqual([
      ["ACCUS", "112", true],
      ["ACT", "---", false],
    ]);
    expect(r.patterns[0]!.before).toEqual([
      { kind: "target", glued: false },
      {
        kind: "choice",
        options: [[{ kind: "word", word: "WAS", stem: true, glued: false }], [{ kind: "word", word: "WERE", stem: true, glued: false }]],
        glued: false,
      },
    ]);
    expect(r.patterns[0]!.after).toEqual([{ kind: "word", word: "OF", stem: false, glued: false }, { kind: "source", glued: false }]);
    expect(r.patterns[1]!.after[1]).toEqual({ kind: "word", word: "MEDIATOR", stem: true, glued: false });
  });
});

describe("parseTransformation", () => {
  it("reads nested clauses", () => {
    expect(parseTransformation(" a (b . ATTACK ) WANT = a b 021")).toEqual({
      pattern: { source: "a", object: { source: "b", object: ".", verb: "ATTACK" }, verb: "WANT" },
      result: { source: "a", target: "b", code: "021" },
    });
  });

  it("rejects malformed ones", () => {
    expect(() => parseTransformation("a (a b ATTACK SAY = a b 015")).toThrow('"(" without ")"');
    expect(() => parseTransformation("a b SAY")).toThrow('no "="');
    expect(() => parseTransformation("a b SAY = a b")).toThrow("SOURCE TARGET CODE");
  });

  it("is reported with its line inside a verb file", () => {
    const r = parseVerbFile(["--- SAY [010] ---", "SAY", "~ a (a b ATTACK) SAY = a b 015", "~ broken"].join("\n"), "v", "petrarch2");
    expect(r.transformations.map((t) => t.line)).toEqual([3]);
    expect(r.problems.map((p) => p.line)).toEqual([4]);
  });
});

describe("splitEventCode", () => {
  it("separates the forward and reverse codes", () => {
    expect(splitEventCode("042:043")).toEqual({ forward: "042", reverse: "043" });
    expect(splitEventCode(":111")).toEqual({ forward: null, reverse: "111" });
    expect(splitEventCode("190")).toEqual({ forward: "190", reverse: null });
    expect(splitEventCode("---")).toEqual({ forward: null, reverse: null });
  });
});
