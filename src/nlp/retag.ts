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
