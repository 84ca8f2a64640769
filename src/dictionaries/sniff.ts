/**
 * Tells what a dictionary file is (actors, agents, verbs, ...) and which coder wrote it, from its
 * name when that is telling and from its content otherwise.
 */
import { basename, extname } from "node:path";
import type { DictionaryFormat, DictionaryKind, FileFormat } from "./types.js";
import { meaningfulLines } from "./text.js";
import { isConfigText } from "./config.js";

/** Files a dictionary folder may hold that are never dictionaries. */
const NOT_DICTIONARY = /^(?:\..*|readme.*|license.*|licence.*|notice.*|copying.*|changelog.*)$/i;
const NOT_DICTIONARY_EXT = new Set([".xml", ".md", ".py", ".pyc", ".json", ".log", ".pdf", ".tex", ".rng", ".gz", ".zip", ".csv", ".tsv"]);

/** The kind a file name announces (`Phoenix.agents.txt`, `Levant.actors`, `PETR_config.ini`), if any. */
export function kindFromName(path: string): DictionaryKind | undefined {
  const name = basename(path).toLowerCase();
  if (extname(name) === ".ini") return "config";
  // Whole name parts, so "factory.txt" is no actor file: "verbpatterns", "IssueCoding" still count.
  const parts = name.split(/[^a-z]+/);
  const has = (prefix: string): boolean => parts.some((p) => p.startsWith(prefix));
  if (has("verb")) return "verbs";
  if (has("agent")) return "agents";
  if (has("actor")) return "actors";
  if (has("discard")) return "discards";
  if (has("issue")) return "issues";
  return undefined;
}

/** False for names that are certainly not dictionaries (README, LICENSE, .xml, ...). */
export function mayBeDictionary(path: string): boolean {
  const name = basename(path);
  return !NOT_DICTIONARY.test(name) && !NOT_DICTIONARY_EXT.has(extname(name).toLowerCase());
}

/** The kind the content looks like, or undefined when it looks like no dictionary. */
export function kindFromContent(text: string): DictionaryKind | undefined {
  if (isConfigText(text)) return "config";
  let headers = 0;
  let patterns = 0;
  let issueTags = 0;
  let agentCodes = 0;
  let substitutions = 0;
  let bracketLines = 0;
  let indentedCodes = 0;
  let plain = 0;
  let plainUpper = 0;
  for (const { text: line, indented } of meaningfulLines(text)) {
    const t = line.trim();
    if (t.startsWith("---") && t.includes("[")) headers++;
    else if (/^-\s.*\*/.test(t)) patterns++;
    else if (/^<\/?ISSUE\b/i.test(t)) issueTags++;
    else if (/^!\S+!\s*=/.test(t)) substitutions++;
    else if (t.includes("[")) {
      bracketLines++;
      if (/\[\s*~|~\s*\]/.test(t)) agentCodes++;
      if (indented && t.startsWith("[")) indentedCodes++;
    } else {
      plain++;
      if (!/[a-z]/.test(t)) plainUpper++;
    }
  }
  if (issueTags > 0) return "issues";
  if (headers > 0 || patterns >= 2) return "verbs";
  if (substitutions > 0 || (agentCodes > 0 && agentCodes * 2 >= bracketLines)) return "agents";
  if (bracketLines > 0 || indentedCodes > 0) return "actors";
  // Discard lists are upper-case phrases; running text (a licence, a README) is not.
  if (plain > 0 && plainUpper * 2 >= plain) return "discards";
  return undefined;
}

/** TABARI wrote `;` comments; PETRARCH files use `#` or `<!-- -->` (sometimes `;` too). */
function onlySemicolonComments(text: string): boolean {
  if (text.includes("<!")) return false;
  let semicolon = false;
  for (const line of text.split("\n")) {
    if (!line.includes("#") && !line.includes(";")) continue;
    let depth = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === "[") depth++;
      else if (ch === "]") depth = Math.max(0, depth - 1);
      else if (depth === 0 && ch === "#") return false;
      else if (depth === 0 && ch === ";") {
        semicolon = true;
        break;
      }
    }
  }
  return semicolon;
}

/** The coder a file of `kind` was written for. */
export function formatFromContent(kind: DictionaryKind, text: string): FileFormat {
  if (kind === "verbs") return verbFormat(text);
  if (kind === "actors" || kind === "agents") return onlySemicolonComments(text) ? "tabari" : "petrarch";
  return "petrarch";
}

/**
 * TABARI verb files have no `--- NAME [code] ---` blocks. PETRARCH-2 files differ from
 * PETRARCH-1 by their `(...)` and `{...}` phrase groups, transformations and section banner.
 */
function verbFormat(text: string): DictionaryFormat {
  if (/^#+\s*VERB PATTERNS/m.test(text)) return "petrarch2";
  let headers = 0;
  let p2 = 0;
  for (const { text: line } of meaningfulLines(text)) {
    const t = line.trim();
    if (t.startsWith("---")) headers++;
    else if (t.startsWith("~")) p2++;
    else if (t.startsWith("-") && (/[()]/.test(t) || /\{[^|}]*\}/.test(t))) p2++;
  }
  if (headers === 0) return "tabari";
  return p2 > 0 ? "petrarch2" : "petrarch1";
}
