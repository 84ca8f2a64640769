import { describe, expect, it } from "vitest";
import { findClauses } from "../../src/chunks/clauses.js";
import { findVerbGroups } from "../../src/chunks/verb-groups.js";
import { tokenized } from "../helpers.js";

const speechVerbs = new Set(["say", "tell", "signal", "add"]);

function clausesOf(text: string) {
  const doc = tokenized(text);
  const sentence = doc.sentences[0]!;
  const groups = findVerbGroups(doc, sentence, { verbLemmas: new Set() });
  return findClauses(doc, sentence, groups, 0, { speechVerbs }).map((clause) => ({
    kind: clause.kind,
    text: doc.tokenSpanText(clause.tokenStart, clause.tokenEnd),
    speech: clause.speechVerb === undefined ? undefined : groups[clause.speechVerb]?.lemma,
  }));
}

describe("findClauses", () => {
  it("separates a reported clause introduced by that, and links it to its speech verb", () => {
    const clauses = clausesOf("Putin also told Raisi that he would like to discuss the situation in Afghanistan.");
    expect(clauses).toContainEqual({ kind: "reported", text: "that he would like to discuss the situation in Afghanistan.", speech: "tell" });
  });

  it("finds reported speech without that", () => {
    const clauses = clausesOf("Raisi said Iran is willing to expand cooperation with Russia.");
    expect(clauses).toContainEqual({ kind: "reported", text: "Iran is willing to expand cooperation with Russia.", speech: "say" });
  });

  it("lays an appositive over the main clause", () => {
    const clauses = clausesOf("Raisi, a conservative cleric elected last year, said that Iran is willing to expand cooperation.");
    expect(clauses).toContainEqual({ kind: "appositive", text: ", a conservative cleric elected last year,", speech: undefined });
  });

  it("splits subordinate, relative and participial clauses", () => {
    const kinds = clausesOf(
      "The United States withdrew from the accord in 2018, while President Joe Biden has signaled that he wants to rejoin the deal.",
    ).map((clause) => clause.kind);
    expect(kinds).toEqual(["main", "subordinate", "reported"]);
    expect(clausesOf("Moscow built ties with Israel, which views Iran as a threat.").map((c) => c.kind)).toEqual(["main", "relative"]);
    expect(clausesOf("Putin hosted Raisi, hailing their cooperation.").map((c) => c.kind)).toEqual(["main", "participial"]);
  });

  it("takes a quotation as reported by the speech verb after it", () => {
    const clauses = clausesOf('"We will expand cooperation with Russia," Raisi said.');
    expect(clauses[0]).toMatchObject({ kind: "reported", speech: "say" });
  });
});
