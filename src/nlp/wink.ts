import { createRequire } from "node:module";
import winkNLP, { type WinkMethods } from "wink-nlp";

/**
 * The process's single wink-nlp instance. A second instance silently breaks custom patterns
 * learnt by the first, and loading the model costs ~100 ms, so every stage shares this one.
 *
 * The model is required on first use, not imported: its 3 MB JSON is parsed when the module
 * loads, and a thread that never tokenizes (the main thread of `parley code --jobs N`) should
 * not pay for it in time or memory.
 *
 * Only sentence splitting and POS tagging run: parley uses no wink entities, negation flags or
 * sentiment, and leaving those steps out halves wink's time per sentence. Tokens, tags, lemmas
 * and sentence spans are the same either way (checked on 20,000 benchmark lines).
 */
let instance: WinkMethods | undefined;

type WinkModel = Parameters<typeof winkNLP>[0];

export function wink(): WinkMethods {
  if (instance) return instance;
  const model = createRequire(import.meta.url)("wink-eng-lite-web-model") as WinkModel;
  instance = winkNLP(model, ["sbd", "pos"]);
  return instance;
}
