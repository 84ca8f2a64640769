import winkNLP, { type ItsFunction } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/bench/corpus.js";
import { wink } from "../../src/nlp/wink.js";

describe("wink instance", () => {
  it("gives the same tokens, tags, lemmas and sentences as wink's default pipeline, without NER or sentiment", () => {
    const lean = wink();
    const full = winkNLP(model);
    const its = full.its;
    const lines = [
      ...generateCorpus(300).flatMap((article) => article.text.split("\n")),
      "Secretary-General António Guterres said on Tuesday that the U.N. won't back the plan. Hamas didn't respond.",
      "\"We reject it,\" Iran's foreign minister told reporters in Tehran on 5 March 2024 — the third such statement.",
    ];
    // wink's typings give `its.lemma` a signature `out` does not accept, though it works at run time.
    const read = (nlp: typeof full, line: string) => {
      const doc = nlp.readDoc(line);
      const tokens = doc.tokens();
      return [tokens.out(its.value), tokens.out(its.pos), tokens.out(its.lemma as unknown as ItsFunction<string>), tokens.out(its.precedingSpaces), doc.sentences().out(its.span)];
    };
    for (const line of lines) expect(read(lean, line)).toEqual(read(full, line));
  });
});
