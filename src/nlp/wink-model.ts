/**
 * wink-eng-lite-web-model, loaded for what parley runs (sentence splitting and POS tagging) in
 * about a third of the time of the package's own `require("wink-eng-lite-web-model")`.
 *
 * The package's loader spent most of a `parley code` start-up: it requires its 3 MB core model
 * JSON, deep-copies it with JSON.parse(JSON.stringify()), decodes the packed lexicon with atob and
 * a loop over characters, puts all 87,593 lexemes into a hash, and requires the NER, sentiment and
 * negation models, which parley never runs and wink-nlp parses a second time. Here the core model
 * is parsed once, without its base64 arrays, which Buffer decodes; lexemes are searched in their
 * sorted list when first met (see lexemeHash); and the unused steps are empty automata. Every other
 * part of the object handed to wink-nlp is what the package's loader builds, and the package's own
 * files still provide the sentence and POS automata, the feature functions and the lemmatizer.
 *
 * This depends on the package's internal layout, so it is checked against one version, and the
 * core model's header (which holds the byte sizes of its sections) must be that version's: any
 * other version throws instead of tagging differently. test/nlp/wink-model.test.ts compares the
 * two loaders' models, and their tokens, tags, lemmas and sentences on ~12,400 lines. To move to a
 * new model version, compare its dist/read-core-model.js and dist/load-core-model.js with
 * `buildCoreModel` below, then update MODEL_VERSION and MODEL_HEADER.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Model } from "wink-nlp";

const PACKAGE = "wink-eng-lite-web-model";
/** The model version this loader was checked against. */
export const MODEL_VERSION = "1.8.1";
/** The core model's `header` in that version: byte sizes of its sections; every other entry is 0. */
export const MODEL_HEADER: readonly number[] = [0, 8, 690, 1401488, 1049377, 431, 320, 6156, 29280, 1762];
const HEADER_ENTRIES = 48;
const CORE_MODEL_FILE = `${PACKAGE}/dist/languages/cur/models/eng-core-web-model.json`;
/** Top-level fields of the core model: the ones wink-nlp reads, and no others. */
const CORE_FIELDS = ["header", "packing", "lexicon", "features", "tcat", "pos", "trex", "xpansions", "preserve"];

/** A feature's values and their indices; wink-nlp appends values it meets that the model lacks. */
interface FeatureValues {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

/**
 * One packed feature: [word of the packed entry, mask, shift, stored as the value itself (1) or as
 * an index into the feature's list (0), computed for words outside the lexicon (1), …].
 */
type PackedFeature = [number, number, number, number, number, number];

/** The core model as stored in the JSON file. */
interface StoredCoreModel {
  header: Record<string, number>;
  packing: { size: number; efSize: number; layout: Record<string, PackedFeature>; config: Record<string, number>; efList?: string[] };
  lexicon: string;
  xpansions: string;
  features: Record<string, FeatureValues> & { lexeme: FeatureValues; posClusters: FeatureValues };
  pos: { hash: Record<string, number>; list: string[] };
  tcat: unknown;
  trex: unknown;
  preserve: unknown;
}

/** The core model as wink-nlp uses it: packed arrays decoded, hashes built, clusters as sets. */
export interface CoreModel extends Omit<StoredCoreModel, "lexicon" | "xpansions" | "features"> {
  lexicon: Uint32Array;
  xpansions: Uint32Array;
  features: Record<string, FeatureValues>;
}

export class WinkModelVersionError extends Error {}

const require = createRequire(import.meta.url);

/** Throws unless `version` and the stored model's shape are the ones this loader was written for. */
export function checkModel(version: string, stored: unknown): asserts stored is StoredCoreModel {
  const fail = (what: string): never => {
    throw new WinkModelVersionError(
      `${PACKAGE} ${version}: ${what}; parley's loader (src/nlp/wink-model.ts) was checked against ${MODEL_VERSION} only — compare it with the package's dist/read-core-model.js and update it`,
    );
  };
  if (version !== MODEL_VERSION) fail(`not version ${MODEL_VERSION}`);
  if (typeof stored !== "object" || stored === null) return fail("the core model is not an object");
  const fields = Object.keys(stored);
  if (fields.length !== CORE_FIELDS.length || !CORE_FIELDS.every((field) => fields.includes(field))) fail(`the core model has fields ${fields.join(", ")}`);
  const model = stored as StoredCoreModel;
  for (let entry = 0; entry < HEADER_ENTRIES; entry += 1) {
    if (model.header[String(entry)] !== (MODEL_HEADER[entry] ?? 0)) fail(`the core model's header differs at entry ${entry}`);
  }
  if (Object.keys(model.header).length !== HEADER_ENTRIES) fail("the core model's header has a different length");
  if (typeof model.lexicon !== "string" || typeof model.xpansions !== "string") fail("the packed lexicon is not a base64 string");
  for (const [name, packed] of Object.entries(model.packing.layout)) {
    if (!Array.isArray(packed) || packed.length !== 6 || !packed.every(Number.isInteger)) fail(`the packing of "${name}" is not 6 integers`);
    if (packed[3] === 0 && !Array.isArray(model.features[name]?.list)) fail(`the feature "${name}" has no list of values`);
  }
  for (const name of ["lexeme", "posClusters"]) {
    if (!Array.isArray(model.features[name]?.list)) fail(`the feature "${name}" has no list of values`);
  }
}

/** Base64 of 32-bit words (in the machine's byte order, as the package reads them) → the words. */
function decodeWords(base64: string, what: string): Uint32Array {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.byteLength % 4 !== 0) throw new WinkModelVersionError(`${PACKAGE}: the ${what} is not a whole number of 32-bit words`);
  // A view when the bytes are aligned (they are: a buffer this large is allocated on its own), else a copy.
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return new Uint32Array(new Uint8Array(bytes).buffer);
}

/**
 * The lexeme → index hash wink-nlp looks every word up in, without building it. The package's
 * loader puts all 87,593 lexemes into one object, a third of its time; here a word is looked up in
 * the list itself on first use, and the answer kept on the object, so each word is searched once
 * and read as an own property afterwards. Words wink-nlp adds (ones the model lacks) are set on the
 * object as with a plain hash. The search relies on the list's order: after the out-of-vocabulary
 * marker at 0, lexemes are sorted by their lower-case form (code-unit order), with the case variants
 * of a word next to each other, and none is listed twice — true of the checked version, and
 * test/nlp/wink-model.test.ts looks up every lexeme.
 */
function lexemeHash(list: readonly string[], listed: number): Record<string, number> {
  const search = new Proxy(Object.create(null) as Record<string, number>, {
    get(_empty, key, hash: Record<string, number>) {
      if (typeof key !== "string") return undefined;
      const index = findLexeme(list, listed, key);
      // A miss is kept too (as undefined, which reads as a miss): the tokenizer asks for the same
      // non-words ("said." before splitting off the full stop) again and again.
      Object.defineProperty(hash, key, { value: index, writable: true, enumerable: true, configurable: true });
      return index;
    },
  });
  const hash = Object.create(search) as Record<string, number>;
  hash[list[0] as string] = 0;
  return hash;
}

/** Binary search of `list[1 .. listed - 1]` by lower-case form, then among the word's case variants. */
function findLexeme(list: readonly string[], listed: number, word: string): number | undefined {
  const lower = word.toLowerCase();
  let low = 1;
  let high = listed - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const probe = (list[middle] as string).toLowerCase();
    if (probe < lower) low = middle + 1;
    else if (probe > lower) high = middle - 1;
    else {
      for (let index = middle; index >= 1 && (list[index] as string).toLowerCase() === lower; index -= 1) if (list[index] === word) return index;
      for (let index = middle + 1; index < listed && (list[index] as string).toLowerCase() === lower; index += 1) if (list[index] === word) return index;
      return undefined;
    }
  }
  return undefined;
}

/** Value → index; a value listed twice maps to its last index, as in the package's loader. */
function indexOf(list: readonly string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null) as Record<string, number>;
  for (let index = 0; index < list.length; index += 1) hash[list[index] as string] = index;
  return hash;
}

/** Where the text of the string field `name` lies in the JSON bytes, searching from `from`. */
function stringField(bytes: Buffer, name: string, from: number): { start: number; end: number } {
  const key = Buffer.from(`"${name}":"`);
  const at = bytes.indexOf(key, from);
  const start = at + key.length;
  const end = at < 0 ? -1 : bytes.indexOf(0x22, start);
  const escape = end < 0 ? -1 : bytes.indexOf(0x5c, start);
  if (end < 0 || (escape >= 0 && escape < end)) throw new WinkModelVersionError(`${PACKAGE}: the core model has no plain string field "${name}"`);
  return { start, end };
}

/**
 * The core model's JSON text without the text of its two packed arrays, and that text. The arrays
 * are base64, 1.9 of the file's 3 MB: cut out of the bytes, they are not decoded into the JSON
 * text (which is two bytes a character: the lexicon has non-ASCII words) nor copied again by
 * JSON.parse, and the heap holds a few megabytes less while the rest of start-up runs.
 */
function splitPackedArrays(bytes: Buffer): { json: string; lexicon: string; xpansions: string } {
  const lexicon = stringField(bytes, "lexicon", 0);
  const xpansions = stringField(bytes, "xpansions", lexicon.end);
  return {
    json: bytes.toString("utf8", 0, lexicon.start) + bytes.toString("utf8", lexicon.end, xpansions.start) + bytes.toString("utf8", xpansions.end),
    lexicon: bytes.toString("latin1", lexicon.start, lexicon.end),
    xpansions: bytes.toString("latin1", xpansions.start, xpansions.end),
  };
}

/** The core model wink-nlp expects from `model.core()`, built from the bytes of the stored JSON. */
export function buildCoreModel(file: Buffer, version: string): CoreModel {
  const { json, lexicon, xpansions } = splitPackedArrays(file);
  const stored: unknown = JSON.parse(json);
  checkModel(version, stored);
  const { packing, features, pos } = stored;
  const layout = packing.layout;
  packing.efList = [];
  for (const name in layout) {
    const packed = layout[name] as PackedFeature;
    if (packed[3] === 0) {
      const feature = features[name] as FeatureValues;
      feature.hash = indexOf(feature.list);
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = packed[1] >>> packed[2];
    }
    if (packed[4] === 1) packing.efList.push(name);
  }
  features.lexeme.hash = lexemeHash(features.lexeme.list, features.lexeme.list.length);
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  // Each cluster "NOUN_VERB" becomes the set of its tags' indices; wink-nlp treats an unknown tag as 0.
  const clusters = features.posClusters.list as unknown as Array<string | Set<number>>;
  for (let k = 0; k < clusters.length; k += 1) {
    clusters[k] = new Set((clusters[k] as string).split("_").map((tag) => pos.hash[tag] || 0));
  }
  return { ...stored, lexicon: decodeWords(lexicon, "lexicon"), xpansions: decodeWords(xpansions, "expansions table") };
}

/** An automaton that recognises nothing, in wink-nlp's export format (its `emptyModelJSON`). */
const EMPTY_AUTOMATON = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

/**
 * A step parley leaves out. wink-nlp builds every step's automata whatever its pipe, so these
 * must exist; their setters throw in case a pipe ever asks for them.
 */
function leftOut(step: string): () => { machines: string[]; setter: () => never } {
  return () => ({
    machines: [EMPTY_AUTOMATON],
    setter: () => {
      throw new Error(`parley's wink model has no ${step} step (src/nlp/wink-model.ts): use the pipe ["sbd", "pos"]`);
    },
  });
}

function packageFile(file: string): unknown {
  return require(`${PACKAGE}/dist/${file}`);
}

/**
 * The model for `winkNLP(model, ["sbd", "pos"])`: core model, sentence and POS automata, lemmatizer
 * and the other add-ons of the package; no named entities, negation or sentiment.
 */
export function loadWinkModel(): Model {
  const version = (JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), "utf8")) as { version: string }).version;
  const coreFile = require.resolve(CORE_MODEL_FILE);
  const model = Object.create(null) as Model;
  // wink-nlp calls core() once per instance and changes what it returns: each call builds afresh.
  model.core = () => buildCoreModel(readFileSync(coreFile), version);
  model.sbd = packageFile("load-sbd-model.js");
  model.pos = packageFile("load-pos-model.js");
  model.ner = () => ({ machines: [], transformers: [] });
  model.negation = leftOut("negation");
  model.sa = leftOut("sentiment");
  model.metaCER = packageFile("load-cer-meta-model.js");
  model.featureFn = packageFile("feature.js");
  model.addons = Object.create(null) as Model["addons"];
  model.addons.stem = packageFile("porter-stemmer.js");
  model.addons.lemmatize = packageFile("lemmatize.js");
  model.addons.readabilityStats = packageFile("readability-stats.js");
  model.addons.wordVectors = undefined;
  return model;
}
