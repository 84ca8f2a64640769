import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import winkNLP, { type ItsFunction, type WinkMethods } from "wink-nlp";
import packageModel from "wink-eng-lite-web-model";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/bench/corpus.js";
import { buildCoreModel, checkModel, loadWinkModel, MODEL_VERSION, WinkModelVersionError, type CoreModel } from "../../src/nlp/wink-model.js";
import { fixturePath } from "../helpers.js";

const require = createRequire(import.meta.url);
const coreModelFile = (): Buffer => readFileSync(require.resolve("wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json"));

/** Every line of the examples and text fixtures, the texts of the JSONL files, and hard cases. */
function sampleLines(): string[] {
  const examples = new URL("../../examples/", import.meta.url);
  const texts: string[] = [];
  for (const name of readdirSync(examples)) {
    const content = readFileSync(new URL(name, examples), "utf8");
    if (name.endsWith(".jsonl")) {
      for (const line of content.split("\n").filter(Boolean)) texts.push(String((JSON.parse(line) as { text?: unknown }).text ?? ""));
    } else texts.push(content);
  }
  texts.push(readFileSync(fixturePath("documents.jsonl"), "utf8"));
  for (const name of readdirSync(fixturePath("dedup"))) texts.push(readFileSync(fixturePath(`dedup/${name}`), "utf8"));
  // Markup and odd characters: whatever reaches wink must come out the same.
  texts.push(readFileSync(fixturePath("html/news-article.html"), "utf8"));
  texts.push(
    [
      "Secretary-General António Guterres said on Tuesday that the U.N. won't back the plan. Hamas didn't respond.",
      "\"We reject it,\" Iran's foreign minister told reporters in Tehran on 5 March 2024 — the third such statement.",
      "Mr. O'Neill (D-Mass.) y'all can't, shouldn't've, gonna; e-mail info@example.org or see https://example.org/a?b=1 #ceasefire @UN",
      "Prices rose 3.5% to $1,200.50 (€1.100) in the 1990s; the 21st round ended at 10:30 a.m. on 12/06/2024 🙂 :-)",
      "ZELENSKY MEETS BIDEN IN KYIV!!! … iPhone, McDonald's, al-Qaeda, Abu Dhabi-based, Xi's, Lula's, Pezeshkian's",
      "Der Bundeskanzler traf den Präsidenten. Le président a rencontré le Premier ministre. 习近平会见了普京。",
      "Zzyzx qwertyuiop blorfed the snarks, frobnicating glarbles unsuccessfullyish.",
      "\t  leading spaces\u00a0and non-breaking\u2009thin spaces  \r\n",
    ].join("\n"),
  );
  const lines = texts.flatMap((text) => text.split("\n")).filter((line) => line.trim() !== "");
  return [...generateCorpus(12_000).flatMap((article) => article.text.split("\n")), ...lines];
}

// wink's typings give `its.lemma` a signature `out` does not accept, though it works at run time.
function readLine(nlp: WinkMethods, line: string): unknown[] {
  const its = nlp.its;
  const doc = nlp.readDoc(line);
  const tokens = doc.tokens();
  const out = (it: unknown): unknown => tokens.out(it as ItsFunction<string>);
  return [
    out(its.value),
    out(its.normal),
    out(its.pos),
    out(its.lemma),
    out(its.precedingSpaces),
    out(its.type),
    out(its.shape),
    out(its.stopWordFlag),
    out(its.abbrevFlag),
    out(its.case),
    doc.sentences().out(its.span),
  ];
}

describe("parley's wink model loader", () => {
  it("builds the same core model as the package's loader, and finds every lexeme at its index", () => {
    const ours = buildCoreModel(coreModelFile(), MODEL_VERSION);
    const theirs = (packageModel as unknown as { core: () => CoreModel }).core();
    const oursHash = ours.features["lexeme"]?.hash as Record<string, number>;
    const theirsHash = theirs.features["lexeme"]?.hash as Record<string, number>;
    const list = theirs.features["lexeme"]?.list ?? [];
    expect(list.length).toBe(87_593);
    // Every lexeme, then words the model lacks (some twice: a kept miss must still read as one).
    for (const word of list) expect(oursHash[word], word).toBe(theirsHash[word]);
    for (const word of ["Zzyzx", "said.", "__proto__", "constructor", "toString", "", "Said", "SAID", "iPhone", "Zzyzx", "said."]) {
      expect(oursHash[word], word).toBe(theirsHash[word]);
    }
    // Everything else is the same, field by field.
    const withoutLexemeHash = (model: CoreModel): unknown => ({ ...model, features: { ...model.features, lexeme: { ...model.features["lexeme"], hash: undefined } } });
    expect(withoutLexemeHash(ours)).toEqual(withoutLexemeHash(theirs));
  });

  it("adds the words wink-nlp learns to the lexeme hash as a plain hash would", () => {
    const hash = buildCoreModel(coreModelFile(), MODEL_VERSION).features["lexeme"]?.hash as Record<string, number>;
    expect(hash["Blorfed"]).toBeUndefined();
    hash["Blorfed"] = 87_593;
    expect(hash["Blorfed"]).toBe(87_593);
    expect(hash["blorfed"]).toBeUndefined();
    expect(hash["said"]).toBeGreaterThan(0);
  });

  it("gives the same tokens, tags, lemmas and sentences as the package's model, line after line", () => {
    const ours = winkNLP(loadWinkModel(), ["sbd", "pos"]);
    const theirs = winkNLP(packageModel, ["sbd", "pos"]);
    const lines = sampleLines();
    expect(lines.length).toBeGreaterThan(12_000);
    // Line after line: each instance grows its lexicon with the unknown words it meets, in the same order.
    for (const line of lines) expect(readLine(ours, line), line).toEqual(readLine(theirs, line));
  });

  it("fails loudly on another model version or a changed model layout", () => {
    const file = coreModelFile();
    expect(() => buildCoreModel(file, "1.9.0")).toThrow(WinkModelVersionError);
    expect(() => buildCoreModel(file, "1.9.0")).toThrow(/wink-eng-lite-web-model 1\.9\.0: not version 1\.8\.1/);
    expect(() => buildCoreModel(Buffer.from(file.toString("utf8").replace('"xpansions":"', '"expansions":"')), MODEL_VERSION)).toThrow(/no plain string field "xpansions"/);
    const stored = JSON.parse(file.toString("utf8")) as { header: Record<string, number>; features: Record<string, unknown>; packing: { layout: Record<string, number[]> } };
    expect(() => checkModel(MODEL_VERSION, stored)).not.toThrow();
    expect(() => checkModel(MODEL_VERSION, { ...stored, header: { ...stored.header, 3: 1401492 } })).toThrow(/header differs at entry 3/);
    expect(() => checkModel(MODEL_VERSION, { ...stored, extra: {} })).toThrow(/has fields/);
    expect(() => checkModel(MODEL_VERSION, { ...stored, packing: { ...stored.packing, layout: { ...stored.packing.layout, shape: [1, 2, 3] } } })).toThrow(/packing of "shape"/);
  });

  it("refuses the steps parley leaves out instead of running them empty", () => {
    const nlp = winkNLP(loadWinkModel(), ["sbd", "pos", "negation"]);
    expect(() => nlp.readDoc("They did not agree.")).toThrow(/no negation step/);
  });
});
