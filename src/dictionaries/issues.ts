/**
 * Reads PETRARCH issue files (Phoenix.IssueCoding.txt): `<ISSUE CATEGORY="...">` sections of
 * `phrase [CODE]` lines and `~phrase` / `~~phrase` exclusions (a match cancels issue coding for the
 * sentence / story). Phrases expand as PETRARCH documents: `n:word` adds the plural, `v:word` the
 * -S, -ED and -ING forms, and `a+b` stands for both "a b" and "a-b".
 */
import type { DictionaryProblem, ImportedIssue } from "./types.js";
import { meaningfulLines } from "./text.js";
import { LineError, regularPlural, splitBrackets } from "./phrase.js";

export interface IssueFileResult {
  issues: ImportedIssue[];
  problems: DictionaryProblem[];
}

/** PETRARCH's regular verb forms: base, +S, +ED (+D after E), +ING (dropping a final E). */
function verbForms(base: string): string[] {
  if (base.endsWith("E")) return [base, base + "S", base + "D", base.slice(0, -1) + "ING"];
  return [base, base + "S", base + "ED", base + "ING"];
}

function expandPart(part: string): string[] {
  if (part.startsWith("N:") || part.startsWith("V:")) {
    const word = part.slice(2);
    if (word === "") throw new LineError(`"${part}" has no word`);
    return part.startsWith("N:") ? [word, regularPlural(word)] : verbForms(word);
  }
  return [part];
}

function product(lists: string[][], joins: string[]): string[] {
  let out = [""];
  lists.forEach((list, i) => {
    const next: string[] = [];
    for (const head of out) {
      for (const item of list) {
        if (i === 0) next.push(item);
        else for (const j of joins) next.push(head + j + item);
      }
    }
    out = next;
  });
  return out;
}

/** Every form an issue phrase stands for, upper-cased. */
export function expandIssuePhrase(text: string): string[] {
  const tokens = text.toUpperCase().trim().split(/\s+/).filter((t) => t !== "");
  if (tokens.length === 0) throw new LineError("empty issue phrase");
  const perToken = tokens.map((token) => {
    const parts = token.split("+");
    if (parts.some((p) => p === "")) throw new LineError(`"+" must join two words in "${token}"`);
    return product(parts.map(expandPart), [" ", "-"]);
  });
  return [...new Set(product(perToken, [" "]))];
}

export function parseIssueFile(text: string, file: string): IssueFileResult {
  const issues: ImportedIssue[] = [];
  const problems: DictionaryProblem[] = [];
  let category = "";
  for (const { line, text: raw } of meaningfulLines(text)) {
    const t = raw.trim();
    try {
      if (/^<ISSUE\b/i.test(t)) {
        category = /CATEGORY\s*=\s*"([^"]*)"/i.exec(t)?.[1] ?? "";
        continue;
      }
      if (/^<\/ISSUE\s*>/i.test(t)) {
        category = "";
        continue;
      }
      if (t.startsWith("~")) {
        const scope = t.startsWith("~~") ? "story" : "sentence";
        const forms = expandIssuePhrase(t.slice(scope === "story" ? 2 : 1));
        issues.push({ kind: "exclusion", scope, forms, category, file, line, text: t });
        continue;
      }
      const parts = splitBrackets(t);
      if (parts.groups.length === 0) throw new LineError(`issue phrase "${t}" has no [code]`);
      if (parts.groups.length > 1) throw new LineError(`issue phrase "${parts.before.trim()}" has more than one [code]`);
      const code = parts.groups[0]!;
      if (code === "") throw new LineError(`issue phrase has an empty code "[]"`);
      issues.push({ kind: "issue", code, forms: expandIssuePhrase(parts.before), category, file, line, text: t });
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      problems.push({ file, line, message: err.message });
    }
  }
  return { issues, problems };
}
