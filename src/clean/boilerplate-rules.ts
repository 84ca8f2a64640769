import { readFileSync } from "node:fs";
import { dataPath } from "../paths.js";

export type BoilerplateScope = "sentence" | "block-start" | "block" | "heading" | "line";

export interface BoilerplateRule {
  category: string;
  scope: BoilerplateScope;
  pattern: RegExp;
  /** "boilerplate.tsv:12", for explanations. */
  id: string;
}

const SCOPES: ReadonlySet<string> = new Set(["sentence", "block-start", "block", "heading", "line"]);

/** Parse data/clean/boilerplate.tsv (format documented in the file's header). */
export function parseBoilerplateRules(text: string, file: string): BoilerplateRule[] {
  const rules: BoilerplateRule[] = [];
  let headerSeen = false;
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    const [category, scope, pattern] = line.split("\t");
    const id = `${file}:${index + 1}`;
    if (!category || !scope || !pattern || !SCOPES.has(scope)) {
      throw new Error(`${id}: expected category, scope (sentence|block-start|block|heading|line) and pattern`);
    }
    rules.push({ category, scope: scope as BoilerplateScope, pattern: new RegExp(pattern, "i"), id });
  });
  return rules;
}

let builtin: BoilerplateRule[] | undefined;

export function builtinBoilerplateRules(): BoilerplateRule[] {
  builtin ??= parseBoilerplateRules(readFileSync(dataPath("clean/boilerplate.tsv"), "utf8"), "boilerplate.tsv");
  return builtin;
}
