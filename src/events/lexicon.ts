/**
 * Reads the CAMEO verb lexicon in `data/events/` (format and matching semantics:
 * data/events/README.md):
 *
 * - `verbs.tsv`        code, verb lemmas, frame, optional intent code, note;
 * - `synsets.tsv`      named noun sets used in frames as `&NAME`;
 * - `traps.tsv`        token sequences that must never yield an event;
 * - `speech-verbs.tsv` verbs that introduce reported speech.
 *
 * A bad line never stops loading: it is skipped and reported as a `LexiconProblem` (file, 1-based
 * line, message), and every good line still loads. The matcher itself lives elsewhere; this
 * module only turns the text into patterns and checks them.
 */
import { existsSync, readFileSync } from "node:fs";
import { compiled } from "../dictionaries/compiled-cache.js";
import { dataPath } from "../paths.js";

export interface PrepConstraint {
  /** Preposition heading the PP, lower case ("with", "on", "out_of"). */
  prep: string;
  /** Allowed head-noun lemmas of the PP's noun phrase (regular plurals included); absent = any. */
  heads?: ReadonlySet<string>;
  /** The actor inside this PP is the event's target. */
  isTarget: boolean;
}

export interface VerbPattern {
  /** Where the pattern was written: "verbs.tsv:123". */
  id: string;
  /** CAMEO event code, e.g. "043"; "---" for a blocking pattern (see `noEvent`). */
  code: string;
  /**
   * The frame is known not to be an event ("met the deadline", "released a report"): when this is
   * the most specific match, nothing is coded, so weaker patterns of the same verb are blocked.
   */
  noEvent: boolean;
  /** Verb lemmas, particle verbs joined with "_" ("pull_out"). */
  verbs: string[];
  /** Allowed head-noun lemmas of the direct object (regular plurals included); absent = any. */
  objectHeads?: ReadonlySet<string>;
  /** The actor in the direct object is the event's target (the object must contain an actor). */
  objectIsTarget: boolean;
  /** Prepositional phrases that must follow the verb. */
  preps: PrepConstraint[];
  /** Code to use under an intention marker ("wants to", "will"); absent = the lead's root table. */
  intentCode?: string;
  /** +2 per head-noun constraint, +1 per target slot: the highest-scoring matching pattern wins. */
  specificity: number;
  /** The frame as written, for explanations ("&AGREEMENT with $T"). */
  frame: string;
  note?: string;
}

export interface LexiconProblem {
  file: string;
  /** 1-based line number; 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export interface VerbLexicon {
  /** Patterns per verb lemma, most specific first (ties keep file order). */
  byVerb: ReadonlyMap<string, VerbPattern[]>;
  /** All patterns in file order. */
  patterns: VerbPattern[];
  /** Trap phrases as lower-case token lists; "*" stands for any one token. */
  traps: string[][];
  speechVerbs: ReadonlySet<string>;
  /** Synonym sets by name without "&", as written (no plural expansion). */
  synsets: ReadonlyMap<string, ReadonlySet<string>>;
  problems: LexiconProblem[];
}

export interface LexiconFiles {
  verbs: string;
  synsets: string;
  traps: string;
  speechVerbs: string;
}

export interface LexiconFileNames {
  verbs: string;
  synsets: string;
  traps: string;
  speechVerbs: string;
}

const DEFAULT_NAMES: LexiconFileNames = {
  verbs: "verbs.tsv",
  synsets: "synsets.tsv",
  traps: "traps.tsv",
  speechVerbs: "speech-verbs.tsv",
};

/** Prepositions a frame may name; anything else is almost certainly a typo that would never match. */
const PREPOSITIONS: ReadonlySet<string> = new Set([
  "about", "above", "across", "after", "against", "along", "alongside", "amid", "amidst", "among",
  "amongst", "around", "as", "at", "before", "behind", "below", "beneath", "beside", "besides",
  "between", "beyond", "by", "despite", "during", "for", "from", "in", "inside", "into", "near",
  "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "regarding", "since",
  "through", "throughout", "to", "toward", "towards", "under", "until", "upon", "via", "with",
  "within", "without", "out_of", "away_from", "because_of", "instead_of", "on_behalf_of",
]);

const VERB_LEMMA = /^[a-z][a-z'-]*(?:_[a-z'-]+)*$/;
const NOUN_LEMMA = /^[a-z0-9][a-z0-9'.-]*(?:_[a-z0-9'.-]+)*$/;
const SYNSET_NAME = /^[A-Z][A-Z0-9_]*$/;
const EVENT_CODE = /^\d{3,4}$/;
/** Code column value for "this frame is not an event". */
export const NO_EVENT_CODE = "---";

const VERB_HEADER = ["code", "verbs", "frame", "intent", "note"];
const SYNSET_HEADER = ["name", "words"];
const TRAP_HEADER = ["phrase", "note"];
const SPEECH_HEADER = ["verbs", "note"];

interface DataLine {
  line: number;
  cells: string[];
}

/**
 * Splits a tab-separated file into data lines, skipping blank lines and `#` comments. The first
 * remaining line must be the header; a missing or different header is reported and that line is
 * then read as data.
 */
function readTsv(text: string, file: string, header: string[], problems: LexiconProblem[]): DataLine[] {
  const rows: DataLine[] = [];
  let sawHeader = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const cells = raw.split("\t").map((cell) => cell.trim());
    if (!sawHeader) {
      sawHeader = true;
      if (cells[0] === header[0]) {
        // Trailing optional columns may be left out of the header, but the ones present must match.
        if (cells.some((cell, k) => cell !== header[k])) {
          problems.push({ file, line: i + 1, message: `header should read "${header.join("<TAB>")}"` });
        }
        continue;
      }
      problems.push({ file, line: i + 1, message: `missing header "${header.join("<TAB>")}"; reading this line as data` });
    }
    rows.push({ line: i + 1, cells });
  }
  return rows;
}

/** Regular English plural, so a set written with lemmas also matches an unlemmatised plural. */
function pluralOf(noun: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return noun + "es";
  if (/[^aeiou]y$/.test(noun)) return noun.slice(0, -1) + "ies";
  return noun + "s";
}

function withPlurals(words: Iterable<string>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const word of words) {
    out.add(word);
    // A multi-word head joined with "_" pluralises its last word ("war_crime" → "war_crimes").
    out.add(pluralOf(word));
  }
  return out;
}

function parseSynsets(text: string, file: string, problems: LexiconProblem[]): Map<string, Set<string>> {
  const synsets = new Map<string, Set<string>>();
  for (const { line, cells } of readTsv(text, file, SYNSET_HEADER, problems)) {
    const [rawName = "", rawWords = ""] = cells;
    const name = rawName.startsWith("&") ? rawName.slice(1) : rawName;
    if (!SYNSET_NAME.test(name)) {
      problems.push({ file, line, message: `bad synset name "${rawName}" (want &UPPER_CASE)` });
      continue;
    }
    if (synsets.has(name)) {
      problems.push({ file, line, message: `synset &${name} is defined twice` });
      continue;
    }
    const words = splitWords(rawWords);
    const bad = words.filter((w) => !NOUN_LEMMA.test(w));
    if (words.length === 0 || bad.length > 0) {
      problems.push({ file, line, message: words.length === 0 ? `synset &${name} has no words` : `bad word(s) in &${name}: ${bad.join(", ")}` });
      continue;
    }
    synsets.set(name, new Set(words));
  }
  return synsets;
}

function splitWords(cell: string): string[] {
  return cell.split("|").map((w) => w.trim()).filter((w) => w !== "");
}

interface Slot {
  heads?: ReadonlySet<string>;
  headsKey?: string;
  isTarget: boolean;
}

/** Reads one frame slot: `$T`, `{a|b}`, `&NAME`, `{a|b}$T` or `&NAME$T`. Returns an error string on failure. */
function parseSlot(token: string, synsets: ReadonlyMap<string, ReadonlySet<string>>): Slot | string {
  if (token === "$T") return { isTarget: true };
  const isTarget = token.endsWith("$T");
  const body = isTarget ? token.slice(0, -2) : token;
  let words: string[];
  let key: string;
  if (body.startsWith("{")) {
    if (!body.endsWith("}")) return `unbalanced braces in "${token}"`;
    words = splitWords(body.slice(1, -1));
    if (words.length === 0) return `empty set "${token}"`;
    const bad = words.filter((w) => !NOUN_LEMMA.test(w));
    if (bad.length > 0) return `bad word(s) in ${token}: ${bad.join(", ")}`;
    key = [...words].sort().join("|");
  } else if (body.startsWith("&")) {
    const name = body.slice(1);
    const set = synsets.get(name);
    if (set === undefined) return `unknown synset "&${name}"`;
    words = [...set];
    key = "&" + name;
  } else {
    return `unknown frame element "${token}"`;
  }
  return { heads: withPlurals(words), headsKey: key, isTarget };
}

interface ParsedFrame {
  objectHeads?: ReadonlySet<string>;
  objectIsTarget: boolean;
  preps: PrepConstraint[];
  specificity: number;
  /** Canonical form, to find two lines that say the same thing. */
  key: string;
}

function parseFrame(frame: string, synsets: ReadonlyMap<string, ReadonlySet<string>>): ParsedFrame | string {
  // A brace set is one element even if someone wrote spaces inside it.
  const tokens: string[] = frame.match(/\{[^}]*\}(?:\$T)?|\S+/g) ?? [];
  if (tokens.length === 0) return "empty frame (write - for none)";
  if (tokens.includes("-")) {
    return tokens.length === 1 ? { objectIsTarget: false, preps: [], specificity: 0, key: "-" } : `"-" must stand alone in a frame`;
  }
  let objectHeads: ReadonlySet<string> | undefined;
  let objectKey = "";
  let objectIsTarget = false;
  const preps: PrepConstraint[] = [];
  const prepKeys: string[] = [];
  let specificity = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (/^[a-z]/.test(token)) {
      if (!PREPOSITIONS.has(token)) return `unknown preposition "${token}"`;
      const next = tokens[i + 1];
      if (next === undefined) return `preposition "${token}" needs $T, {set} or &NAME after it`;
      const slot = parseSlot(next, synsets);
      if (typeof slot === "string") return slot;
      i++;
      const constraint: PrepConstraint = { prep: token, isTarget: slot.isTarget };
      if (slot.heads !== undefined) constraint.heads = slot.heads;
      preps.push(constraint);
      prepKeys.push(`${token}:${slot.headsKey ?? ""}:${slot.isTarget ? "T" : ""}`);
      specificity += (slot.heads !== undefined ? 2 : 0) + (slot.isTarget ? 1 : 0);
      continue;
    }
    const slot = parseSlot(token, synsets);
    if (typeof slot === "string") return slot;
    if (slot.isTarget) {
      if (objectIsTarget) return `the direct object is marked $T twice`;
      objectIsTarget = true;
      specificity += 1;
    }
    if (slot.heads !== undefined) {
      if (objectHeads !== undefined) return `two head-noun sets for the direct object ("${token}")`;
      objectHeads = slot.heads;
      objectKey = slot.headsKey ?? "";
      specificity += 2;
    }
  }
  if (preps.filter((p) => p.isTarget).length + (objectIsTarget ? 1 : 0) > 1) {
    return "more than one $T target slot";
  }
  const key = [`obj:${objectKey}:${objectIsTarget ? "T" : ""}`, ...prepKeys.sort()].join(" ");
  const parsed: ParsedFrame = { objectIsTarget, preps, specificity, key };
  if (objectHeads !== undefined) parsed.objectHeads = objectHeads;
  return parsed;
}

function checkCode(code: string, knownCodes: ReadonlySet<string> | undefined): string | undefined {
  if (!EVENT_CODE.test(code)) return `bad CAMEO event code "${code}" (want 3 or 4 digits)`;
  if (knownCodes !== undefined && !knownCodes.has(code)) return `code ${code} is not in the CAMEO codebook`;
  return undefined;
}

function parseVerbs(
  text: string,
  file: string,
  synsets: ReadonlyMap<string, ReadonlySet<string>>,
  knownCodes: ReadonlySet<string> | undefined,
  problems: LexiconProblem[],
): VerbPattern[] {
  const patterns: VerbPattern[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of readTsv(text, file, VERB_HEADER, problems)) {
    const report = (message: string): void => {
      problems.push({ file, line, message });
    };
    const [code = "", verbCell = "", frameCell = "", intentCell = "", noteCell = ""] = cells;
    if (cells.length < 3) {
      report("need at least 3 tab-separated columns: code, verbs, frame");
      continue;
    }
    const noEvent = code === NO_EVENT_CODE;
    const codeProblem = noEvent ? undefined : checkCode(code, knownCodes);
    if (codeProblem !== undefined) {
      report(codeProblem);
      continue;
    }
    const verbs = splitWords(verbCell);
    const badVerbs = verbs.filter((v) => !VERB_LEMMA.test(v));
    if (verbs.length === 0 || badVerbs.length > 0) {
      report(verbs.length === 0 ? "no verbs" : `bad verb lemma(s): ${badVerbs.join(", ")}`);
      continue;
    }
    if (new Set(verbs).size !== verbs.length) {
      report("a verb is listed twice on this line");
      continue;
    }
    const frame = parseFrame(frameCell, synsets);
    if (typeof frame === "string") {
      report(frame);
      continue;
    }
    let intentCode: string | undefined;
    if (intentCell !== "" && noEvent) {
      report("a --- (no event) line cannot have an intent code");
      continue;
    }
    if (intentCell !== "") {
      const intentProblem = checkCode(intentCell, knownCodes);
      if (intentProblem !== undefined) {
        report(`intent: ${intentProblem}`);
        continue;
      }
      if (!intentCell.startsWith("03") && !intentCell.startsWith("13")) {
        report(`intent code ${intentCell} is not an intent code (want 03x or 13x)`);
        continue;
      }
      intentCode = intentCell;
    }
    const duplicates = verbs.filter((v) => seen.has(`${v} ${frame.key}`));
    if (duplicates.length > 0) {
      const first = seen.get(`${duplicates[0]} ${frame.key}`);
      report(`same verb and frame as ${file}:${first}: ${duplicates.join(", ")}`);
      continue;
    }
    for (const v of verbs) seen.set(`${v} ${frame.key}`, line);
    const pattern: VerbPattern = {
      id: `${file}:${line}`,
      code,
      noEvent,
      verbs,
      objectIsTarget: frame.objectIsTarget,
      preps: frame.preps,
      specificity: frame.specificity,
      frame: frameCell,
    };
    if (frame.objectHeads !== undefined) pattern.objectHeads = frame.objectHeads;
    if (intentCode !== undefined) pattern.intentCode = intentCode;
    if (noteCell !== "") pattern.note = noteCell;
    patterns.push(pattern);
  }
  return patterns;
}

function parseTraps(text: string, file: string, problems: LexiconProblem[]): string[][] {
  const traps: string[][] = [];
  for (const { line, cells } of readTsv(text, file, TRAP_HEADER, problems)) {
    const tokens = (cells[0] ?? "").split(/\s+/).filter((t) => t !== "");
    if (tokens.length === 0 || tokens.every((t) => t === "*")) {
      problems.push({ file, line, message: "a trap needs at least one real token" });
      continue;
    }
    if (tokens.some((t) => t !== t.toLowerCase())) {
      problems.push({ file, line, message: "trap phrases are lower case" });
      continue;
    }
    traps.push(tokens);
  }
  return traps;
}

function parseSpeechVerbs(text: string, file: string, problems: LexiconProblem[]): Set<string> {
  const verbs = new Set<string>();
  for (const { line, cells } of readTsv(text, file, SPEECH_HEADER, problems)) {
    const words = splitWords(cells[0] ?? "");
    const bad = words.filter((w) => !VERB_LEMMA.test(w));
    if (words.length === 0 || bad.length > 0) {
      problems.push({ file, line, message: words.length === 0 ? "no verbs" : `bad verb lemma(s): ${bad.join(", ")}` });
      continue;
    }
    for (const w of words) verbs.add(w);
  }
  return verbs;
}

/**
 * Parses the four lexicon files. `knownCodes` (e.g. from `parseCodebookCodes`) turns on the check
 * that every code exists in the CAMEO codebook; without it only the code's shape is checked.
 */
export function parseVerbLexicon(
  files: LexiconFiles,
  names: LexiconFileNames = DEFAULT_NAMES,
  knownCodes?: ReadonlySet<string>,
): VerbLexicon {
  const problems: LexiconProblem[] = [];
  const synsets = parseSynsets(files.synsets, names.synsets, problems);
  const patterns = parseVerbs(files.verbs, names.verbs, synsets, knownCodes, problems);
  const traps = parseTraps(files.traps, names.traps, problems);
  const speechVerbs = parseSpeechVerbs(files.speechVerbs, names.speechVerbs, problems);

  const byVerb = new Map<string, VerbPattern[]>();
  for (const pattern of patterns) {
    for (const verb of pattern.verbs) {
      const list = byVerb.get(verb);
      if (list === undefined) byVerb.set(verb, [pattern]);
      else list.push(pattern);
    }
  }
  // Array.prototype.sort is stable, so equal specificity keeps file order.
  for (const list of byVerb.values()) list.sort((a, b) => b.specificity - a.specificity);

  return { byVerb, patterns, traps, speechVerbs, synsets, problems };
}

/**
 * Event codes from a codebook TSV: the column headed `code` (else the first column), keeping
 * 3- and 4-digit codes. Works for data/cameo/codes.tsv and the reference cameo_codes_merged.tsv.
 */
export function parseCodebookCodes(text: string): Set<string> {
  const codes = new Set<string>();
  let column = -1;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const cells = raw.split("\t").map((c) => c.trim());
    if (column < 0) {
      column = Math.max(0, cells.indexOf("code"));
      if (cells.includes("code")) continue;
    }
    const code = cells[column] ?? "";
    if (EVENT_CODE.test(code)) codes.add(code);
  }
  return codes;
}

let builtin: VerbLexicon | undefined;

function isVerbLexicon(value: unknown): value is VerbLexicon {
  const candidate = value as Partial<VerbLexicon> | null;
  return (
    typeof candidate === "object" &&
    candidate?.byVerb instanceof Map &&
    candidate.speechVerbs instanceof Set &&
    candidate.synsets instanceof Map &&
    Array.isArray(candidate.patterns) &&
    Array.isArray(candidate.traps) &&
    Array.isArray(candidate.problems)
  );
}

/**
 * The lexicon shipped in data/events/, loaded once (from the compiled cache when it matches the
 * files). Codes are checked against data/cameo/codes.tsv when that file exists.
 */
export function loadBuiltinLexicon(): VerbLexicon {
  if (builtin !== undefined) return builtin;
  const names = [DEFAULT_NAMES.verbs, DEFAULT_NAMES.synsets, DEFAULT_NAMES.traps, DEFAULT_NAMES.speechVerbs];
  const codebook = dataPath("cameo/codes.tsv");
  const sources = [...names.map((name) => dataPath(`events/${name}`)), codebook, new URL(import.meta.url)];
  builtin = compiled("lexicon", sources, parseBuiltinLexicon, isVerbLexicon);
  return builtin;
}

function parseBuiltinLexicon(): VerbLexicon {
  const read = (name: string): string => readFileSync(dataPath(`events/${name}`), "utf8");
  const codebook = dataPath("cameo/codes.tsv");
  const knownCodes = existsSync(codebook) ? parseCodebookCodes(readFileSync(codebook, "utf8")) : undefined;
  return parseVerbLexicon(
    {
      verbs: read(DEFAULT_NAMES.verbs),
      synsets: read(DEFAULT_NAMES.synsets),
      traps: read(DEFAULT_NAMES.traps),
      speechVerbs: read(DEFAULT_NAMES.speechVerbs),
    },
    DEFAULT_NAMES,
    knownCodes,
  );
}
