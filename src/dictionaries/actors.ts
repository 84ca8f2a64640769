/**
 * Reads PETRARCH and TABARI actor dictionaries.
 *
 * An actor is a root phrase, optional `+SYNONYM` lines and codes, either on the root line
 * (`RUSSIA [RUS]`, TABARI also allows several: `ZIMBABWE [RHO <790606] [ZBW]`) or on following
 * indented lines (`\t[RUSGOV >080508]`). A root phrase with no code at all joins the next actor
 * that gets one, as PETRARCH does: the Phoenix files list name variants that way
 * (`LEONID_BREZHNEV_` / `SECRETARY_BREZHNEV` / `\t[RUSGOV 641014-821110]`).
 */
import type { ActorCode, DictionaryProblem, ImportedActor, ImportedPhrase } from "./types.js";
import { meaningfulLines } from "./text.js";
import { LineError, parseDictionaryDate, parsePhrase, splitBrackets } from "./phrase.js";

export interface ActorFileResult {
  actors: ImportedActor[];
  problems: DictionaryProblem[];
}

interface OpenActor {
  names: ImportedPhrase[];
  codes: ActorCode[];
  line: number;
  /** Some `[...]` was seen for it, good or bad: a later root phrase starts a new actor. */
  bracketSeen: boolean;
  /** Bad codes reported for it: if it ends with none, it was skipped for them. */
  codeErrors: number;
}

const BARE_DATES = /^\d{6,8}(?:\s*-\s*\d{6,8})?$/;

/** Reads one `[CODE]`, `[CODE <date]`, `[CODE >date]` or `[CODE date-date]` group. */
export function parseActorCode(group: string): ActorCode {
  const m = /^([^\s<>]*)\s*(.*)$/.exec(group)!;
  const code = m[1]!;
  const rest = m[2]!.trim();
  if (code === "" || BARE_DATES.test(code)) throw new LineError(`code missing in "[${group}]"`);
  if (rest === "") return { code };
  if (rest.startsWith("<")) return { code, to: parseDictionaryDate(rest.slice(1).trim()) };
  if (rest.startsWith(">")) return { code, from: parseDictionaryDate(rest.slice(1).trim()) };
  const dash = rest.indexOf("-");
  if (dash < 0) throw new LineError(`cannot read the date restriction in "[${group}]"`);
  const from = parseDictionaryDate(rest.slice(0, dash).trim());
  const to = parseDictionaryDate(rest.slice(dash + 1).trim());
  if (to < from) throw new LineError(`date range in "[${group}]" ends before it starts`);
  return { code, from, to };
}

/** `stems`: TABARI matching, where words not closed by `_` are stems. */
export function parseActorFile(text: string, file: string, stems: boolean): ActorFileResult {
  const actors: ImportedActor[] = [];
  const problems: DictionaryProblem[] = [];
  let current: OpenActor | undefined;

  const close = (): void => {
    if (!current) return;
    if (current.codes.length > 0) {
      actors.push({ names: current.names, codes: current.codes, file, line: current.line });
    } else {
      const extra = current.names.length > 1 ? ` (and ${current.names.length - 1} synonyms)` : "";
      const what = current.codeErrors > 0 ? "no usable code; skipped" : "no code";
      problems.push({ file, line: current.line, message: `actor "${current.names[0]!.text}"${extra} has ${what}` });
    }
    current = undefined;
  };

  const addCodes = (actor: OpenActor, groups: string[], line: number): void => {
    for (const group of groups) {
      actor.bracketSeen = true;
      try {
        actor.codes.push(parseActorCode(group));
      } catch (err) {
        if (!(err instanceof LineError)) throw err;
        actor.codeErrors++;
        problems.push({ file, line, message: err.message });
      }
    }
  };

  for (const { line, text: raw } of meaningfulLines(text)) {
    const t = raw.trim();
    if (t.includes("---STOP---")) break; // PETRARCH's end-of-dictionary marker
    try {
      if (t.startsWith("[")) {
        if (!current) throw new LineError(`code line "${t}" has no actor above it`);
        addCodes(current, splitBrackets(t).groups, line);
      } else if (t.startsWith("+")) {
        if (!current) throw new LineError(`synonym "${t}" has no actor above it`);
        const parts = splitBrackets(t.slice(1));
        current.names.push(parsePhrase(parts.before, stems));
        if (parts.groups.length > 0) {
          problems.push({ file, line, message: "codes on a synonym line apply to the whole actor" });
          addCodes(current, parts.groups, line);
        }
      } else {
        const parts = splitBrackets(t);
        const phrase = parsePhrase(parts.before, stems);
        if (current && !current.bracketSeen) {
          current.names.push(phrase);
        } else {
          close();
          current = { names: [phrase], codes: [], line, bracketSeen: false, codeErrors: 0 };
        }
        addCodes(current, parts.groups, line);
      }
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      problems.push({ file, line, message: err.message });
    }
  }
  close();
  problems.sort((a, b) => a.line - b.line);
  return { actors, problems };
}
