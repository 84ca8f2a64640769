import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * The process's single wink-nlp instance. A second instance silently breaks custom patterns
 * learnt by the first, and loading the model costs ~100 ms, so every stage shares this one.
 */
let instance: WinkMethods | undefined;

export function wink(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
