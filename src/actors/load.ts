/**
 * Loads the built-in actor dictionaries in `data/actors/` (format: data/actors/README.md).
 *
 * Every file is tab-separated text with a header line. A bad line never stops loading: it is
 * skipped and reported as a `DictionaryProblem` (file, 1-based line, message), and every good line
 * still loads. Phrases keep their optional leading `=` case marker; use `splitCaseMarker` to read it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dataPath } from "../paths.js";

export interface DictionaryProblem {
  file: string;
  /** 1-based line number; 0 when the problem concerns the whole file (e.g. it cannot be read). */
  line: number;
  message: string;
}

export interface CountryEntry {
  /** CAMEO country code, e.g. "RUS". */
  code: string;
  /** ISO 3166-1 alpha-2 code, or "" for entities without one (historical states). */
  iso2: string;
  names: string[];
  adjectives: string[];
  capitals: string[];
  seats: string[];
}

export interface AgentEntry {
  /** Agent nouns, singular and plural forms. */
  words: string[];
  /** CAMEO agent code, e.g. "GOV". */
  agent: string;
  /** PLOVER sector code, e.g. "GOV", or "" when PLOVER has no matching sector. */
  sector: string;
}

export interface OrganisationEntry {
  /** CAMEO actor code, e.g. "IGOUNO", "PSEREBHAM" (always a multiple of three letters). */
  code: string;
  names: string[];
  /** PLOVER sector code, or "" (e.g. for intergovernmental organisations). */
  sector: string;
}

export interface PersonRole {
  /** CAMEO actor code held during the period, e.g. "RUSGOV". */
  code: string;
  /** First day, YYYY-MM-DD, inclusive; absent = open. */
  from?: string;
  /** Last day, YYYY-MM-DD, inclusive; absent = open (still holds it). */
  to?: string;
}

export interface PersonEntry {
  /** Stable lower-case id, e.g. "vladimir-putin". */
  id: string;
  names: string[];
  roles: PersonRole[];
  /** Code to use when no dated role covers a date (e.g. former leaders: "USAELI"). */
  fallback?: string;
}

export interface ActorDictionaries {
  countries: CountryEntry[];
  agents: AgentEntry[];
  organisations: OrganisationEntry[];
  people: PersonEntry[];
  problems: DictionaryProblem[];
}

export interface ParseResult<T> {
  entries: T[];
  problems: DictionaryProblem[];
}

/** A phrase prefixed with this must match with exact case ("=US" matches "US", never "us"). */
export const CASE_MARKER = "=";

/** Splits the optional `=` case marker off a dictionary phrase. */
export function splitCaseMarker(phrase: string): { text: string; exactCase: boolean } {
  return phrase.startsWith(CASE_MARKER)
    ? { text: phrase.slice(CASE_MARKER.length), exactCase: true }
    : { text: phrase, exactCase: false };
}

export const COUNTRY_COLUMNS = ["code", "iso2", "names", "adjectives", "capitals", "seats"] as const;
export const AGENT_COLUMNS = ["words", "agent", "sector", "note"] as const;
export const ORGANISATION_COLUMNS = ["code", "names", "sector", "note"] as const;
export const PEOPLE_COLUMNS = ["id", "names", "roles", "note"] as const;

const COUNTRY_CODE = /^[A-Z]{3}$/;
const ISO2_CODE = /^[A-Z]{2}$/;
/** One or more three-letter CAMEO segments: "GOV", "RUSGOV", "IGOUNO", "PSEREBHAM". */
const ACTOR_CODE = /^(?:[A-Z]{3})+$/;
const SECTOR_CODE = /^[A-Z]{3}$/;
const PERSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Thrown inside a row parser to reject the row; caught and turned into a problem. */
class BadLine extends Error {}

interface Row {
  line: number;
  field: (name: string) => string;
}

/**
 * Splits a table into rows keyed by the expected columns. Comment (`#`) and blank lines are
 * skipped; the first other line must be exactly the expected header.
 */
function readRows(
  text: string,
  file: string,
  columns: readonly string[],
  problems: DictionaryProblem[],
): Row[] {
  const rows: Row[] = [];
  let headerSeen = false;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, "");
    const lineNo = i + 1;
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const cells = raw.split("\t").map((c) => c.trim());
    if (!headerSeen) {
      headerSeen = true;
      if (cells.join("\t") !== columns.join("\t")) {
        problems.push({
          file,
          line: lineNo,
          message: `header must be "${columns.join("<TAB>")}", found "${cells.join("<TAB>")}"`,
        });
        return rows;
      }
      continue;
    }
    if (cells.length > columns.length) {
      problems.push({ file, line: lineNo, message: `${cells.length} fields, expected at most ${columns.length}` });
      continue;
    }
    rows.push({
      line: lineNo,
      field: (name: string) => cells[columns.indexOf(name)] ?? "",
    });
  }
  if (!headerSeen) problems.push({ file, line: 0, message: "no header line" });
  return rows;
}

/** Parses a `|`-separated field of phrases; rejects empty alternatives and bare markers. */
function phrases(value: string, column: string, required: boolean): string[] {
  if (value === "") {
    if (required) throw new BadLine(`${column} is empty`);
    return [];
  }
  const out = value.split("|").map((p) => p.trim());
  for (const p of out) {
    if (p === "" || p === CASE_MARKER) throw new BadLine(`${column} has an empty alternative`);
  }
  return out;
}

function code(value: string, column: string, pattern: RegExp): string {
  if (!pattern.test(value)) throw new BadLine(`${column} "${value}" is not a valid code`);
  return value;
}

function optionalSector(value: string): string {
  return value === "" ? "" : code(value, "sector", SECTOR_CODE);
}

/** Runs `parseRow` on every row, collecting problems for rows it rejects. */
function parseTable<T>(
  text: string,
  file: string,
  columns: readonly string[],
  parseRow: (row: Row) => T,
): ParseResult<T> {
  const problems: DictionaryProblem[] = [];
  const entries: T[] = [];
  for (const row of readRows(text, file, columns, problems)) {
    try {
      entries.push(parseRow(row));
    } catch (err) {
      if (!(err instanceof BadLine)) throw err;
      problems.push({ file, line: row.line, message: err.message });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

/** Lower-cased phrase text without the case marker, for duplicate checks. */
function phraseKey(phrase: string): string {
  return splitCaseMarker(phrase).text.toLowerCase();
}

/**
 * Remembers which entry claimed a key so a second claim can be rejected. `owner` names the
 * claiming entry so a phrase repeated inside one entry (a name that is also its capital) is fine.
 */
class Claims {
  private readonly seen = new Map<string, { owner: string; line: number }>();
  check(key: string, owner: string, what: string): void {
    const prior = this.seen.get(key);
    if (prior && prior.owner !== owner) {
      throw new BadLine(`${what} "${key}" already used on line ${prior.line}`);
    }
  }
  add(key: string, owner: string, line: number): void {
    if (!this.seen.has(key)) this.seen.set(key, { owner, line });
  }
}

export function parseCountries(text: string, file: string): ParseResult<CountryEntry> {
  const codes = new Claims();
  const isos = new Claims();
  const phraseClaims = new Claims();
  return parseTable(text, file, COUNTRY_COLUMNS, (row) => {
    const entry: CountryEntry = {
      code: code(row.field("code"), "code", COUNTRY_CODE),
      iso2: row.field("iso2") === "" ? "" : code(row.field("iso2"), "iso2", ISO2_CODE),
      names: phrases(row.field("names"), "names", true),
      adjectives: phrases(row.field("adjectives"), "adjectives", false),
      capitals: phrases(row.field("capitals"), "capitals", false),
      seats: phrases(row.field("seats"), "seats", false),
    };
    const owner = `${row.line}`;
    codes.check(entry.code, owner, "code");
    if (entry.iso2 !== "") isos.check(entry.iso2, owner, "iso2");
    const all = [...entry.names, ...entry.adjectives, ...entry.capitals, ...entry.seats].map(phraseKey);
    for (const key of all) phraseClaims.check(key, owner, "phrase");
    codes.add(entry.code, owner, row.line);
    if (entry.iso2 !== "") isos.add(entry.iso2, owner, row.line);
    for (const key of all) phraseClaims.add(key, owner, row.line);
    return entry;
  });
}

export function parseAgents(text: string, file: string): ParseResult<AgentEntry> {
  const wordClaims = new Claims();
  return parseTable(text, file, AGENT_COLUMNS, (row) => {
    const entry: AgentEntry = {
      words: phrases(row.field("words"), "words", true),
      agent: code(row.field("agent"), "agent", ACTOR_CODE),
      sector: optionalSector(row.field("sector")),
    };
    const owner = `${row.line}`;
    const keys = entry.words.map(phraseKey);
    for (const key of keys) wordClaims.check(key, owner, "word");
    for (const key of keys) wordClaims.add(key, owner, row.line);
    return entry;
  });
}

export function parseOrganisations(text: string, file: string): ParseResult<OrganisationEntry> {
  const nameClaims = new Claims();
  return parseTable(text, file, ORGANISATION_COLUMNS, (row) => {
    const entry: OrganisationEntry = {
      code: code(row.field("code"), "code", ACTOR_CODE),
      names: phrases(row.field("names"), "names", true),
      sector: optionalSector(row.field("sector")),
    };
    const owner = `${row.line}`;
    const keys = entry.names.map(phraseKey);
    for (const key of keys) nameClaims.check(key, owner, "name");
    for (const key of keys) nameClaims.add(key, owner, row.line);
    return entry;
  });
}

/** Parses `CODE:FROM..TO` (either date may be empty) or a bare fallback `CODE`. */
function parseRoles(value: string): { roles: PersonRole[]; fallback?: string } {
  if (value === "") throw new BadLine("roles is empty");
  const roles: PersonRole[] = [];
  let fallback: string | undefined;
  for (const part of value.split("|").map((p) => p.trim())) {
    if (part === "") throw new BadLine("roles has an empty alternative");
    const colon = part.indexOf(":");
    if (colon < 0) {
      if (fallback !== undefined) throw new BadLine(`more than one fallback code ("${fallback}", "${part}")`);
      fallback = code(part, "fallback", ACTOR_CODE);
      continue;
    }
    const roleCode = code(part.slice(0, colon), "role code", ACTOR_CODE);
    const span = part.slice(colon + 1);
    const dots = span.indexOf("..");
    if (dots < 0) throw new BadLine(`role "${part}" needs FROM..TO (either side may be empty)`);
    const from = span.slice(0, dots);
    const to = span.slice(dots + 2);
    for (const d of [from, to]) {
      if (d !== "" && !isValidDate(d)) throw new BadLine(`role "${part}": "${d}" is not a valid YYYY-MM-DD date`);
    }
    if (from !== "" && to !== "" && from > to) throw new BadLine(`role "${part}": from is after to`);
    const role: PersonRole = { code: roleCode };
    if (from !== "") role.from = from;
    if (to !== "") role.to = to;
    roles.push(role);
  }
  return fallback === undefined ? { roles } : { roles, fallback };
}

export function parsePeople(text: string, file: string): ParseResult<PersonEntry> {
  const ids = new Claims();
  return parseTable(text, file, PEOPLE_COLUMNS, (row) => {
    const id = row.field("id");
    if (!PERSON_ID.test(id)) throw new BadLine(`id "${id}" must be lower-case words joined by "-"`);
    const names = phrases(row.field("names"), "names", true);
    const { roles, fallback } = parseRoles(row.field("roles"));
    const owner = `${row.line}`;
    ids.check(id, owner, "id");
    ids.add(id, owner, row.line);
    const entry: PersonEntry = { id, names, roles };
    if (fallback !== undefined) entry.fallback = fallback;
    return entry;
  });
}

/**
 * The code a person stands for on `date` (YYYY-MM-DD): the dated role covering that day, else the
 * fallback. When several roles cover the day (a handover day, or a minister who is also party
 * leader) the one that started latest wins, ties going to the one listed first.
 */
export function roleAt(person: PersonEntry, date: string): string | undefined {
  let best: PersonRole | undefined;
  for (const role of person.roles) {
    if (role.from !== undefined && date < role.from) continue;
    if (role.to !== undefined && date > role.to) continue;
    if (best === undefined || (role.from ?? "") > (best.from ?? "")) best = role;
  }
  return best?.code ?? person.fallback;
}

export const BUILTIN_FILES = {
  countries: "actors/countries.tsv",
  agents: "actors/agents.tsv",
  organisations: "actors/organisations.tsv",
  /** A folder: every `*.tsv` in it is a people file (split by region so each stays reviewable). */
  people: "actors/people/",
} as const;

function readBuiltin<T>(
  relative: string,
  parse: (text: string, file: string) => ParseResult<T>,
  problems: DictionaryProblem[],
): T[] {
  let text: string;
  try {
    text = readFileSync(dataPath(relative), "utf8");
  } catch (err) {
    problems.push({ file: relative, line: 0, message: `cannot read: ${(err as Error).message}` });
    return [];
  }
  const result = parse(text, relative);
  problems.push(...result.problems);
  return result.entries;
}

function readBuiltinFolder<T>(
  relative: string,
  parse: (text: string, file: string) => ParseResult<T>,
  problems: DictionaryProblem[],
): T[] {
  let files: string[];
  try {
    files = readdirSync(dataPath(relative)).filter((name) => name.endsWith(".tsv")).sort();
  } catch (err) {
    problems.push({ file: relative, line: 0, message: `cannot read: ${(err as Error).message}` });
    return [];
  }
  return files.flatMap((name) => readBuiltin(relative + name, parse, problems));
}

let cached: ActorDictionaries | undefined;

/** Reads and parses the built-in files once; later calls return the same object. */
export function loadBuiltinDictionaries(): ActorDictionaries {
  if (cached) return cached;
  const problems: DictionaryProblem[] = [];
  cached = {
    countries: readBuiltin(BUILTIN_FILES.countries, parseCountries, problems),
    agents: readBuiltin(BUILTIN_FILES.agents, parseAgents, problems),
    organisations: readBuiltin(BUILTIN_FILES.organisations, parseOrganisations, problems),
    people: readBuiltinFolder(BUILTIN_FILES.people, parsePeople, problems),
    problems,
  };
  return cached;
}
