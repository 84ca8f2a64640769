import { describe, expect, it } from "vitest";
import { findPhrases } from "../../src/chunks/phrases.js";
import { tokenized } from "../helpers.js";

function phrasesOf(text: string) {
  const doc = tokenized(text);
  return findPhrases(doc, doc.sentences[0]!).map((chunk) => ({ kind: chunk.kind, text: doc.tokenSpanText(chunk.tokenStart, chunk.tokenEnd), head: doc.tokens[chunk.head]?.normal }));
}

describe("findPhrases", () => {
  it("finds noun phrases with their heads and prepositional phrases", () => {
    const phrases = phrasesOf("In 2018, Russia struck a deal with Iran to keep its fighters away from the Golan Heights.");
    expect(phrases).toContainEqual({ kind: "NP", text: "a deal", head: "deal" });
    expect(phrases).toContainEqual({ kind: "PP", text: "with Iran", head: "with" });
    expect(phrases).toContainEqual({ kind: "NP", text: "its fighters", head: "fighters" });
    expect(phrases).toContainEqual({ kind: "NP", text: "the Golan Heights", head: "heights" });
  });

  it("keeps possessives and modifiers inside one phrase", () => {
    const phrases = phrasesOf("Russia joined talks on salvaging Iran's tattered 2015 nuclear deal.");
    expect(phrases).toContainEqual({ kind: "NP", text: "Iran's tattered 2015 nuclear deal", head: "deal" });
  });

  it("treats a personal pronoun as a phrase of its own", () => {
    const phrases = phrasesOf("He told Raisi that he would like to meet.");
    expect(phrases.filter((phrase) => phrase.head === "he")).toHaveLength(2);
    expect(phrases).toContainEqual({ kind: "NP", text: "Raisi", head: "raisi" });
  });
});
