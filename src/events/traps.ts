import type { Doc } from "../document/doc.js";
import type { VerbGroup } from "../document/types.js";

/**
 * Traps indexed by each word they contain, so a verb is checked only against traps that could cover
 * it. A trap guards the words it names; its `*` stands for a filler ("strike * chord"), never for the verb.
 */
const indexes = new WeakMap<readonly string[][], Map<string, string[][]>>();

function trapIndex(traps: readonly string[][]): Map<string, string[][]> {
  let index = indexes.get(traps);
  if (!index) {
    index = new Map();
    for (const trap of traps) {
      for (const word of new Set(trap)) {
        if (word === "*") continue;
        const list = index.get(word) ?? [];
        list.push(trap);
        index.set(word, list);
      }
    }
    indexes.set(traps, index);
  }
  return index;
}

/**
 * The first trap phrase ("heart attack", "ceasefire") that covers the verb group's head, if any:
 * a verb inside one is not the event its lemma suggests.
 */
export function trapsIn(doc: Doc, traps: readonly string[][], group: VerbGroup): string | undefined {
  const sentence = doc.sentences[group.sentence];
  const headToken = doc.tokens[group.head];
  if (!sentence || !headToken) return undefined;
  const index = trapIndex(traps);
  const byForm = index.get(headToken.normal);
  const byLemma = headToken.lemma === headToken.normal ? undefined : index.get(headToken.lemma);
  if (!byForm && !byLemma) return undefined;
  const candidates = byForm && byLemma ? new Set([...byForm, ...byLemma]) : ((byForm ?? byLemma) as readonly string[][]);
  for (const trap of candidates) {
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
