/**
 * Turns imported PETRARCH/TABARI verb dictionaries (src/dictionaries) into lookups the pattern
 * coder uses on every sentence: verb forms by their first word, each block's patterns ordered
 * most specific first, synsets expanded to word sequences, discards as word sequences.
 */
import type {
  ImportedDictionaries,
  ImportedPhrase,
  ImportedVerb,
  ImportedVerbBlock,
  ImportedVerbPattern,
  PatternToken,
} from "../../dictionaries/types.js";
import { regularPlural } from "../../dictionaries/phrase.js";
import { compileImportedActors, type ImportedActorLexicon } from "./actors.js";

/** One way a verb can appear in text: lower-cased words, the inflecting one at `head`. */
export interface VerbForm {
  words: string[];
  head: number;
  verb: ImportedVerb;
  block: number;
}

export interface CompiledDiscard {
  words: string[];
  /** The last word matches any word starting with it. */
  lastStem: boolean;
  /** Discards the whole story rather than the sentence. */
  story: boolean;
  text: string;
}

/**
 * PETRARCH's coding options (PETR_config.ini [Options], or `<Config>` in validation files).
 * Comma-delimited clauses whose length in words lies within a range are removed before coding:
 * internal ones [commaMin, commaMax], the final one [commaEndMin, commaEndMax], the opening one
 * [commaBeginMin, commaBeginMax]; a maximum of 0 switches that kind off.
 */
export interface ImportedCodingOptions {
  /** Code only events with both a source and a target (else the missing one is "---"). */
  requireDyad: boolean;
  commaMin: number;
  commaMax: number;
  commaEndMin: number;
  commaEndMax: number;
  commaBeginMin: number;
  commaBeginMax: number;
  /**
   * When no dictionary actor is found, a subject or object noun phrase of at most this many
   * words becomes an actor coded by its own text ("THE MINISTRY OF MAGIC"); 0 switches it off.
   */
  newActorLength: number;
}

/** PETRARCH's defaults (its release PETR_config.ini). */
export const DEFAULT_CODING_OPTIONS: ImportedCodingOptions = {
  requireDyad: true,
  commaMin: 2,
  commaMax: 8,
  commaEndMin: 2,
  commaEndMax: 8,
  commaBeginMin: 0,
  commaBeginMax: 0,
  newActorLength: 0,
};

const OPTION_KEYS: Record<string, keyof Omit<ImportedCodingOptions, "requireDyad">> = {
  comma_min: "commaMin",
  comma_max: "commaMax",
  comma_emin: "commaEndMin",
  comma_emax: "commaEndMax",
  comma_bmin: "commaBeginMin",
  comma_bmax: "commaBeginMax",
  new_actor_length: "newActorLength",
};

/** Options from PETRARCH's `key = value` names (require_dyad, comma_min, …); unknown keys and bad values are ignored. */
export function codingOptions(values: Readonly<Record<string, string>>, base: ImportedCodingOptions = DEFAULT_CODING_OPTIONS): ImportedCodingOptions {
  const options = { ...base };
  for (const [key, value] of Object.entries(values)) {
    const name = key.toLowerCase();
    if (name === "require_dyad") {
      if (/^(?:true|false)$/i.test(value.trim())) options.requireDyad = value.trim().toLowerCase() === "true";
      continue;
    }
    const field = OPTION_KEYS[name];
    const number = Number.parseInt(value.trim(), 10);
    if (field && Number.isFinite(number) && number >= 0) options[field] = number;
  }
  return options;
}

/** The same compiled dictionaries with other coding options (cheap: the lookups are shared). */
export function withCodingOptions(verbs: ImportedVerbCoder, values: Readonly<Record<string, string>>): ImportedVerbCoder {
  return { ...verbs, options: codingOptions(values, verbs.options) };
}

export interface ImportedVerbCoder {
  options: ImportedCodingOptions;
  /** Verb forms keyed by their first word, longest first. */
  formsByFirstWord: Map<string, VerbForm[]>;
  /** Patterns of each block, most specific first (longer patterns, then file order). */
  patternsByBlock: Map<number, ImportedVerbPattern[]>;
  blocks: readonly ImportedVerbBlock[];
  /** Each synset's members as lower-cased word sequences (plurals included where allowed). */
  synsets: Map<string, string[][]>;
  discards: CompiledDiscard[];
  /** Actors and agents of the import, composed PETRARCH's way; absent when it has none (parley's own actors are used). */
  actors?: ImportedActorLexicon;
  /** Keep parley's own actor mentions where the imported ones leave gaps (`--with-builtin`). */
  keepBuiltinActors?: boolean;
}

const lower = (phrase: ImportedPhrase): string[] => phrase.words.map((word) => word.text.toLowerCase());

const VOWELS = /[aeiou]/;

/**
 * The regular forms PETRARCH generates for a verb word: -S, -ED, -ING, with the usual spelling
 * changes (e-drop, y → ie, doubled final consonant after a single short vowel). "-ES" is only
 * added after sibilants, so a misspelling such as "departes" stays unknown, as it does there.
 */
export function regularVerbForms(word: string): string[] {
  const forms = new Set<string>([word]);
  if (word.endsWith("e")) {
    forms.add(`${word}s`).add(`${word}d`).add(`${word.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(word)) {
    forms.add(`${word.slice(0, -1)}ies`).add(`${word.slice(0, -1)}ied`).add(`${word}ing`);
  } else {
    forms.add(/(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);
    forms.add(`${word}ed`).add(`${word}ing`);
    // admit → admitted: one vowel before a final consonant (not w, x, y) in a short word.
    const last = word.at(-1) ?? "";
    const beforeLast = word.at(-2) ?? "";
    const third = word.at(-3) ?? "";
    if (/[bcdfgklmnprstvz]/.test(last) && VOWELS.test(beforeLast) && !VOWELS.test(third) && word.length <= 6) {
      forms.add(`${word}${last}ed`).add(`${word}${last}ing`);
    }
  }
  return [...forms];
}

function verbForms(verb: ImportedVerb, block: number): VerbForm[] {
  const base = lower(verb.phrase);
  const forms: VerbForm[] = [{ words: base, head: verb.head, verb, block }];
  if (verb.regularForms) {
    const headWord = base[verb.head] ?? "";
    for (const form of regularVerbForms(headWord)) {
      if (form === headWord) continue;
      const words = base.slice();
      words[verb.head] = form;
      forms.push({ words, head: verb.head, verb, block });
    }
  }
  for (const form of verb.forms) {
    const words = lower(form);
    // The inflecting word keeps its place unless the form is shorter than the phrase.
    forms.push({ words, head: Math.min(verb.head, words.length - 1), verb, block });
  }
  return forms;
}

/** Elements a pattern requires: more of them makes it more specific. */
export function patternWeight(tokens: readonly PatternToken[]): number {
  let weight = 0;
  for (const token of tokens) {
    switch (token.kind) {
      case "choice":
        weight += Math.max(...token.options.map((option) => patternWeight(option)), 0);
        break;
      case "noun":
        weight += patternWeight(token.tokens);
        break;
      case "preposition":
        weight += 1 + patternWeight(token.object);
        break;
      default:
        weight += 1;
    }
  }
  return weight;
}

function expandSynsets(imported: ImportedDictionaries): Map<string, string[][]> {
  const expanded = new Map<string, string[][]>();
  const visit = (name: string, seen: Set<string>): string[][] => {
    const done = expanded.get(name);
    if (done) return done;
    const synset = imported.synsets.get(name);
    if (!synset || seen.has(name)) return [];
    seen.add(name);
    const sequences: string[][] = [];
    for (const member of synset.members) {
      if (member.kind === "synset") {
        sequences.push(...visit(member.name, seen));
        continue;
      }
      const words = lower(member.phrase);
      sequences.push(words);
      if (member.plural && words.length > 0) {
        const plural = words.slice();
        plural[plural.length - 1] = regularPlural((plural.at(-1) ?? "").toUpperCase()).toLowerCase();
        sequences.push(plural);
      }
    }
    // Longer members first, so "austrian gold florin" is tried before "austrian".
    sequences.sort((a, b) => b.length - a.length);
    expanded.set(name, sequences);
    return sequences;
  };
  for (const name of imported.synsets.keys()) visit(name, new Set());
  return expanded;
}

/** Everything the pattern coder needs from imported dictionaries, built once per coder. */
export function compileImportedVerbs(imported: ImportedDictionaries, options: { keepBuiltinActors?: boolean } = {}): ImportedVerbCoder {
  const formsByFirstWord = new Map<string, VerbForm[]>();
  imported.verbBlocks.forEach((block, b) => {
    for (const verb of block.verbs) {
      for (const form of verbForms(verb, b)) {
        const first = form.words[0];
        if (first === undefined) continue;
        const list = formsByFirstWord.get(first) ?? [];
        list.push(form);
        formsByFirstWord.set(first, list);
      }
    }
  });
  for (const list of formsByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  const patternsByBlock = new Map<number, ImportedVerbPattern[]>();
  for (const pattern of imported.patterns) {
    const list = patternsByBlock.get(pattern.block) ?? [];
    list.push(pattern);
    patternsByBlock.set(pattern.block, list);
  }
  for (const list of patternsByBlock.values()) {
    const weight = new Map(list.map((pattern, order) => [pattern, { w: patternWeight(pattern.before) + patternWeight(pattern.after), order }]));
    list.sort((a, b) => (weight.get(b)?.w ?? 0) - (weight.get(a)?.w ?? 0) || (weight.get(a)?.order ?? 0) - (weight.get(b)?.order ?? 0));
  }

  const discards: CompiledDiscard[] = imported.discards.map((discard) => ({
    words: lower(discard.phrase),
    lastStem: discard.phrase.words.at(-1)?.stem ?? false,
    story: discard.story,
    text: discard.phrase.text,
  }));

  const compiled: ImportedVerbCoder = { options: codingOptions(imported.options ?? {}), formsByFirstWord, patternsByBlock, blocks: imported.verbBlocks, synsets: expandSynsets(imported), discards };
  if (imported.actors.length > 0) compiled.actors = compileImportedActors(imported);
  if (options.keepBuiltinActors) compiled.keepBuiltinActors = true;
  return compiled;
}
