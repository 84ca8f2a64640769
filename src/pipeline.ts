import { builtinActorIndex, type ActorIndex } from "./actors/actor-index.js";
import { findActors } from "./actors/match.js";
import { chunk } from "./chunks/chunk.js";
import { sentencesThatMayHoldEvents } from "./chunks/eventful.js";
import { clean } from "./clean/clean.js";
import { Doc } from "./document/doc.js";
import type { DocMeta } from "./document/types.js";
import { codeEvents } from "./events/code-events.js";
import { codeImportedEvents } from "./events/imported/code.js";
import type { ImportedVerbCoder } from "./events/imported/compile.js";
import { loadBuiltinLexicon, type VerbLexicon } from "./events/lexicon.js";
import { tokenize } from "./nlp/tokenize.js";

/** Everything that is built once and shared by all documents: dictionaries, lexicon, lookups. */
export interface Coder {
  index: ActorIndex;
  lexicon: VerbLexicon;
  /** Verb lemmas known to the lexicon, plain and with particles, plus speech verbs. */
  verbLemmas: ReadonlySet<string>;
  /** Verb patterns imported from PETRARCH/TABARI dictionaries: when present, they code the events. */
  importedVerbs?: ImportedVerbCoder;
}

export interface CoderOptions {
  index?: ActorIndex;
  lexicon?: VerbLexicon;
  importedVerbs?: ImportedVerbCoder;
}

export function createCoder(options: CoderOptions = {}): Coder {
  const index = options.index ?? builtinActorIndex();
  const lexicon = options.lexicon ?? loadBuiltinLexicon();
  const verbLemmas = new Set<string>([...lexicon.byVerb.keys(), ...lexicon.speechVerbs]);
  return options.importedVerbs ? { index, lexicon, verbLemmas, importedVerbs: options.importedVerbs } : { index, lexicon, verbLemmas };
}

let defaultCoder: Coder | undefined;

export function builtinCoder(): Coder {
  defaultCoder ??= createCoder();
  return defaultCoder;
}

/**
 * Run every stage over one document, in order: clean → nlp → actors → chunks → events (with
 * time). The returned Doc holds the text, all annotations, the events and the messages.
 */
export function processDocument(coder: Coder, meta: DocMeta, raw: string): Doc {
  const doc = new Doc(meta, raw);
  clean(doc);
  tokenize(doc);
  findActors(doc, { index: coder.index, verbLemmas: coder.verbLemmas });
  if (coder.importedVerbs) {
    // Imported dictionaries find their own actors, so every sentence is read.
    chunk(doc, { verbLemmas: coder.verbLemmas, speechVerbs: coder.lexicon.speechVerbs });
    codeImportedEvents(doc, { verbs: coder.importedVerbs, index: coder.index });
  } else {
    const eventful = sentencesThatMayHoldEvents(doc);
    chunk(doc, { verbLemmas: coder.verbLemmas, speechVerbs: coder.lexicon.speechVerbs, eventful });
    codeEvents(doc, { lexicon: coder.lexicon, index: coder.index, eventful });
  }
  return doc;
}
