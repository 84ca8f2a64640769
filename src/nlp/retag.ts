import type { Doc } from "../document/doc.js";
import type { Sentence } from "../document/types.js";

/** Parts of speech that can open a verb's object or complement. */
const OBJECT_START = new Set(["DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON", "ADP"]);

/**
 * Headlines drop articles and auxiliaries, and the tagger then reads "Putin hosts Iranian
 * president" with "hosts" as a plural noun. A word tagged as a noun that directly follows an
 * actor, is inflected like a present-tense verb (-s), is a verb the lexicon knows, and is followed
 * by something that can start an object, is re-tagged as the verb it is.
 */
export function retagHeadlineVerbs(doc: Doc, sentence: Sentence, actorEnds: readonly number[], verbLemmas: ReadonlySet<string>): void {
  for (const end of actorEnds) {
    if (end >= sentence.tokenEnd - 1) continue;
    const candidate = doc.tokens[end];
    const next = doc.tokens[end + 1];
    if (!candidate || !next) continue;
    if (candidate.pos !== "NOUN" && candidate.pos !== "PROPN") continue;
    if (!candidate.normal.endsWith("s") || candidate.normal === candidate.lemma) continue;
    if (!verbLemmas.has(candidate.lemma) || !OBJECT_START.has(next.pos)) continue;
    candidate.pos = "VERB";
  }
}

/** What may follow a plural noun that ends a phrase. */
const PHRASE_END = new Set(["ADP", "PUNCT", "CCONJ", "SCONJ"]);

/**
 * The tagger reads some plural nouns after an adjective as verbs ("joint military exercises in the
 * South China Sea"). A verb form in -s right after an adjective, and ending the phrase, is a noun.
 */
export function retagPluralNouns(doc: Doc): void {
  for (const sentence of doc.sentences) {
    for (let i = sentence.tokenStart + 1; i < sentence.tokenEnd; i += 1) {
      const token = doc.tokens[i];
      const before = doc.tokens[i - 1];
      const after = i + 1 < sentence.tokenEnd ? doc.tokens[i + 1] : undefined;
      if (!token || !before || token.pos !== "VERB" || before.pos !== "ADJ") continue;
      if (!token.normal.endsWith("s") || token.normal === token.lemma || (after && !PHRASE_END.has(after.pos))) continue;
      token.pos = "NOUN";
    }
  }
}
