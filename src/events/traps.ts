import type { Doc } from "../document/doc.js";
import type { VerbGroup } from "../document/types.js";

/**
 * The first trap phrase ("heart attack", "ceasefire") that covers the verb group's head, if any:
 * a verb inside one is not the event its lemma suggests.
 */
export function trapsIn(doc: Doc, traps: readonly string[][], group: VerbGroup): string | undefined {
  const sentence = doc.sentences[group.sentence];
  if (!sentence) return undefined;
  for (const trap of traps) {
    const length = trap.length;
    const earliest = Math.max(sentence.tokenStart, group.head - length + 1);
    for (let start = earliest; start <= group.head && start + length <= sentence.tokenEnd; start += 1) {
      let fits = true;
      for (let k = 0; k < length && fits; k += 1) {
        const word = trap[k];
        const token = doc.tokens[start + k];
        fits = word === "*" || (token !== undefined && (token.normal === word || token.lemma === word));
      }
      if (fits) return trap.join(" ");
    }
  }
  return undefined;
}
