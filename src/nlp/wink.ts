import { createRequire } from "node:module";
import type WinkNLP from "wink-nlp";
import type { WinkMethods } from "wink-nlp";
import { loadWinkModel } from "./wink-model.js";

/**
 * The process's single wink-nlp instance. A second instance silently breaks custom patterns
 * learnt by the first, and loading the model costs ~40 ms, so every stage shares this one.
 *
 * wink-nlp and its model are loaded on first use, not imported: a thread that never tokenizes
 * (the main thread of `parley code --jobs N`) should not pay for them in time or memory. wink-nlp
 * is required as the CommonJS module it is, which spares the ES-module wrapper a scan of its source.
 *
 * Only sentence splitting and POS tagging run: parley uses no wink entities, negation flags or
 * sentiment, and leaving those steps out halves wink's time per sentence. Tokens, tags, lemmas
 * and sentence spans are the same either way (checked on 20,000 benchmark lines). The model comes
 * from parley's own loader, which leaves those steps' models out and loads in half the time.
 */
let instance: WinkMethods | undefined;

export function wink(): WinkMethods {
  if (instance) return instance;
  const winkNLP = createRequire(import.meta.url)("wink-nlp") as typeof WinkNLP;
  instance = winkNLP(loadWinkModel(), ["sbd", "pos"]);
  return instance;
}
