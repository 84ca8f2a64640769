import type { Doc } from "../document/doc.js";
import { findClauses, type ClauseOptions } from "./clauses.js";
import { findPhrases } from "./phrases.js";
import { findVerbGroups, type VerbGroupOptions } from "./verb-groups.js";

export type ChunkStageOptions = VerbGroupOptions &
  ClauseOptions & {
    /**
     * Per sentence, whether to read its noun phrases and clauses (see sentencesThatMayHoldEvents);
     * verb groups are read everywhere, so explanations can name every verb. All sentences when absent.
     */
    eventful?: readonly boolean[];
  };

/** Stage 3: verb groups, noun and prepositional phrases, and clauses, sentence by sentence. */
export function chunk(doc: Doc, options: ChunkStageOptions): void {
  for (const sentence of doc.sentences) {
    const offset = doc.verbGroups.length;
    const groups = findVerbGroups(doc, sentence, options);
    doc.verbGroups.push(...groups);
    if (options.eventful && !options.eventful[sentence.index]) continue;
    doc.chunks.push(...findPhrases(doc, sentence));
    for (const group of groups) doc.chunks.push({ kind: "VG", tokenStart: group.tokenStart, tokenEnd: group.tokenEnd, sentence: sentence.index, head: group.head });
    const clauseOffset = doc.clauses.length;
    for (const clause of findClauses(doc, sentence, groups, offset, options)) {
      // Clause parents are numbered within the sentence; the document numbers them globally.
      if (clause.parent !== undefined) clause.parent += clauseOffset;
      doc.clauses.push(clause);
    }
  }
}
