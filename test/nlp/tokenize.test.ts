import { describe, expect, it } from "vitest";
import { tokenized } from "../helpers.js";

describe("tokenize", () => {
  const doc = tokenized("Putin hosts Iranian president\nRussia struck a deal.  It did not last. Mr. Smith went to Washington.");

  it("splits on line breaks before splitting sentences, and keeps layout roles", () => {
    expect(doc.sentences.map((sentence) => doc.sentenceText(sentence.index))).toEqual([
      "Putin hosts Iranian president",
      "Russia struck a deal.",
      "It did not last.",
      "Mr. Smith went to Washington.",
    ]);
    expect(doc.sentences[0]?.role).toBe("headline");
    expect(doc.sentences[1]?.role).toBe("body");
  });

  it("gives every token exact character offsets into the cleaned text", () => {
    for (const token of doc.tokens) expect(doc.text.slice(token.start, token.end).toLowerCase()).toBe(token.normal);
    const struck = doc.tokens.find((token) => token.normal === "struck");
    expect(struck?.lemma).toBe("strike");
    expect(struck?.pos).toBe("VERB");
  });

  it("numbers tokens and sentences consistently", () => {
    doc.tokens.forEach((token, index) => expect(token.index).toBe(index));
    for (const sentence of doc.sentences) {
      for (let t = sentence.tokenStart; t < sentence.tokenEnd; t += 1) expect(doc.tokens[t]?.sentence).toBe(sentence.index);
    }
  });
});
