/**
 * Reads PETRARCH (and TABARI) agent dictionaries: `PHRASE {PLURAL} [~CODE]` lines plus
 * substitution sets `!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON` used as `CONGRESS!PERSON! [~LEG]`.
 *
 * Plurals: `{X}` gives the plural, `{}` says there is none, no braces means the regular plural of
 * the last word is added. Phrases built from a substitution set get no generated plural (the set
 * lists the forms), as in PETRARCH.
 */
import type { DictionaryProblem, ImportedAgent, ImportedPhrase } from "./types.js";
import { meaningfulLines } from "./text.js";
import { LineError, parsePhrase, pluralPhrase, splitBrackets } from "./phrase.js";

export interface AgentFileResult {
  agents: ImportedAgent[];
  problems: DictionaryProblem[];
}

const SUBSTITUTION = /^!([^!\s]+)!\s*=\s*(.*)$/;

/** `[~GOV]` → GOV appended; `[NGO~]` → NGO put before the actor code. */
function parseAgentCode(group: string, warn: (message: string) => void): { code: string; prefix: boolean } {
  const g = group.replace(/\s+/g, "");
  if (/^~[^~]+$/.test(g)) return { code: g.slice(1), prefix: false };
  if (/^[^~]+~$/.test(g)) return { code: g.slice(0, -1), prefix: true };
  if (/^[^~]+$/.test(g)) {
    warn(`agent code "[${group}]" has no "~"; read as "[~${g}]"`);
    return { code: g, prefix: false };
  }
  throw new LineError(`cannot read agent code "[${group}]"`);
}

/** Every text obtained by replacing each `!MARKER!` with each member of its set. */
function expandMarkers(text: string, sets: Map<string, string[]>): string[] {
  const open = text.indexOf("!");
  if (open < 0) return [text];
  const close = text.indexOf("!", open + 1);
  if (close < 0) throw new LineError(`substitution marker in "${text.trim()}" is not closed by "!"`);
  const name = text.slice(open + 1, close);
  const members = sets.get(name);
  if (!members) throw new LineError(`substitution marker "!${name}!" is not defined above`);
  const tail = expandMarkers(text.slice(close + 1), sets);
  return members.flatMap((m) => tail.map((t) => text.slice(0, open) + m + t));
}

export function parseAgentFile(text: string, file: string, stems: boolean): AgentFileResult {
  const agents: ImportedAgent[] = [];
  const problems: DictionaryProblem[] = [];
  const sets = new Map<string, string[]>();

  for (const { line, text: raw } of meaningfulLines(text)) {
    const t = raw.trim();
    try {
      if (t.startsWith("!") && t.includes("=") && !t.includes("[")) {
        const m = SUBSTITUTION.exec(t);
        if (!m) throw new LineError(`cannot read substitution set "${t}"`);
        const members = m[2]!.split(",").map((s) => s.trim()).filter((s) => s !== "");
        if (members.length === 0) throw new LineError(`substitution set "!${m[1]}!" is empty`);
        sets.set(m[1]!, members);
        continue;
      }
      const parts = splitBrackets(t);
      if (parts.groups.length === 0) throw new LineError(`agent "${t}" has no [code]`);
      if (parts.groups.length > 1) throw new LineError(`agent "${parts.before.trim()}" has more than one [code]`);
      const { code, prefix } = parseAgentCode(parts.groups[0]!, (message) => problems.push({ file, line, message }));

      let base = parts.before;
      let plural: string | undefined; // undefined: no braces
      const brace = base.indexOf("{");
      if (brace >= 0) {
        const end = base.indexOf("}", brace);
        if (end < 0) throw new LineError(`"{" without "}" in "${t}"`);
        plural = base.slice(brace + 1, end).trim();
        base = base.slice(0, brace);
      } else if (base.includes("}")) {
        throw new LineError(`"}" without "{" in "${t}"`);
      }

      const names: ImportedPhrase[] = [];
      if (base.includes("!")) {
        for (const form of expandMarkers(base, sets)) names.push(parsePhrase(form, stems));
        if (plural) for (const form of expandMarkers(plural, sets)) names.push(parsePhrase(form, stems));
      } else {
        const phrase = parsePhrase(base, stems);
        names.push(phrase);
        // A stem already covers its plural.
        if (plural === undefined && !phrase.words[phrase.words.length - 1]!.stem) names.push(pluralPhrase(phrase));
        else if (plural !== undefined && plural !== "") names.push(parsePhrase(plural, stems));
      }
      agents.push({ names, code, prefix, file, line });
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      problems.push({ file, line, message: err.message });
    }
  }
  return { agents, problems };
}
