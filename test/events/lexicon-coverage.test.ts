import { describe, expect, it } from "vitest";
import { intentCode, refusalCode, threatCode } from "../../src/events/intent.js";
import { loadBuiltinLexicon } from "../../src/events/lexicon.js";
import { allCameoCodes } from "../../src/ontology/cameo.js";

/** Sub-codes only Phoenix's weight table has (they take their parent's name): coded as the parent. */
const PHOENIX_ONLY = new Set(["0110", "0357", "109", "1641", "1642", "1643"]);

describe("the verb lexicon's reach", () => {
  it("reaches every CAMEO event code, by a pattern or through intention, threat and refusal", () => {
    const reached = new Set<string>();
    for (const pattern of loadBuiltinLexicon().patterns) {
      if (pattern.noEvent) continue;
      reached.add(pattern.code);
      if (pattern.intentCode) reached.add(pattern.intentCode);
      const intent = intentCode(pattern.code);
      if (intent) reached.add(intent);
      reached.add(threatCode(pattern.code));
      reached.add(refusalCode(pattern.code));
    }
    const unreached = allCameoCodes()
      .map((code) => code.code)
      .filter((code) => code.length > 2 && !PHOENIX_ONLY.has(code) && !reached.has(code));
    expect(unreached).toEqual([]);
  });
});
