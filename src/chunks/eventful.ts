import type { Doc } from "../document/doc.js";

/**
 * Which sentences can hold an event: those that name an actor or have a pronoun. An event's source
 * is always an actor of its own sentence (subject, by-phrase, speaker, a shared subject) or a pronoun
 * that stands for an earlier one, so a sentence with neither ("The economy grew by 2.5 percent") is
 * not worth its phrases, clauses and frames. In news that is a sixth to a half of all sentences.
 */
export function sentencesThatMayHoldEvents(doc: Doc): boolean[] {
  const eventful = new Array<boolean>(doc.sentences.length).fill(false);
  for (const mention of doc.actors) eventful[mention.sentence] = true;
  for (const sentence of doc.sentences) {
    if (eventful[sentence.index]) continue;
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t += 1) {
      if (doc.tokens[t]?.pos === "PRON") {
        eventful[sentence.index] = true;
        break;
      }
    }
  }
  return eventful;
}
