import { readdirSync } from "node:fs";
import { compiled, moduleFile, type CompiledSource } from "../dictionaries/compiled-cache.js";
import type { DatePrecision } from "../document/types.js";
import { wink } from "../nlp/wink.js";
import { dataPath } from "../paths.js";
import {
  BUILTIN_FILES,
  loadBuiltinDictionaries,
  roleAt,
  splitCaseMarker,
  type ActorDictionaries,
  type AgentEntry,
  type CountryEntry,
  type OrganisationEntry,
  type PersonEntry,
} from "./load.js";
import { TokenTrie, type TrieKeyed, type TrieMatch } from "./trie.js";

/** What a dictionary phrase stands for. */
export type ActorEntryRef =
  | { kind: "country" | "demonym" | "capital"; country: string; rule: string; exact?: string[] }
  | { kind: "seat"; country: string; rule: string; exact?: string[] }
  | { kind: "organisation"; code: string; rule: string; exact?: string[] }
  | { kind: "person"; person: PersonEntry; rule: string; exact?: string[] }
  | { kind: "agent"; agent: string; sector: string; rule: string; exact?: string[] };

const NEEDS_TOKENIZER = /[-'’&/]/;

/**
 * Splits a dictionary phrase into the tokens wink-nlp would make of it, so phrases and text meet
 * on the same units ("al-Qaeda" is three tokens to wink, "U.S." one). Plain phrases are split on
 * spaces; only phrases with hyphens or apostrophes pay for a wink parse.
 */
export function phraseTokens(phrase: string): string[] {
  if (!NEEDS_TOKENIZER.test(phrase)) return phrase.split(/\s+/).filter(Boolean);
  const nlp = wink();
  return nlp
    .readDoc(phrase)
    .tokens()
    .out()
    .filter((token) => token.trim() !== "");
}

/**
 * The fields that hold phrases: a country's names (0), demonyms (1), capitals (2) and seats (3),
 * an organisation's names (4), an agent's words (5), a person's names (6).
 */
type PhraseField = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The phrases of one field of one entry: the country names of entry 12, the words of agent 3, … */
function phrasesOf(dictionaries: ActorDictionaries, field: PhraseField, entry: number): readonly string[] {
  switch (field) {
    case 0:
      return dictionaries.countries[entry]?.names ?? [];
    case 1:
      return dictionaries.countries[entry]?.adjectives ?? [];
    case 2:
      return dictionaries.countries[entry]?.capitals ?? [];
    case 3:
      return dictionaries.countries[entry]?.seats ?? [];
    case 4:
      return dictionaries.organisations[entry]?.names ?? [];
    case 5:
      return dictionaries.agents[entry]?.words ?? [];
    case 6:
      return dictionaries.people[entry]?.names ?? [];
  }
}

/** What a phrase of that field and entry stands for: a new entry each time (exact-case tokens are set on it). */
function entryRef(dictionaries: ActorDictionaries, field: PhraseField, entry: number, phrase: string): ActorEntryRef {
  if (field <= 3) {
    const code = (dictionaries.countries[entry] as CountryEntry).code;
    if (field === 0) return { kind: "country", country: code, rule: `country:${code}` };
    if (field === 1) return { kind: "demonym", country: code, rule: `country:${code}` };
    return field === 2 ? { kind: "capital", country: code, rule: `capital:${code}` } : { kind: "seat", country: code, rule: `seat:${code}` };
  }
  if (field === 4) {
    const { code } = dictionaries.organisations[entry] as OrganisationEntry;
    return { kind: "organisation", code, rule: `organisation:${code}` };
  }
  if (field === 5) {
    const agent = dictionaries.agents[entry] as AgentEntry;
    return { kind: "agent", agent: agent.agent, sector: agent.sector, rule: `agent:${agent.agent}:${phrase}` };
  }
  const person = dictionaries.people[entry] as PersonEntry;
  return { kind: "person", person, rule: `person:${person.id}` };
}

/** Every phrase, with where it is, in dictionary order: the order in which entries share a phrase. */
function forEachPhrase(dictionaries: ActorDictionaries, visit: (phrase: string, field: PhraseField, entry: number, item: number) => void): void {
  const each = (field: PhraseField, entry: number): void => phrasesOf(dictionaries, field, entry).forEach((phrase, item) => visit(phrase, field, entry, item));
  // A country's names, demonyms, capitals and seats, then the next country's.
  dictionaries.countries.forEach((_country, entry) => {
    for (const field of [0, 1, 2, 3] as const) each(field, entry);
  });
  dictionaries.organisations.forEach((_organisation, entry) => each(4, entry));
  dictionaries.agents.forEach((_agent, entry) => each(5, entry));
  dictionaries.people.forEach((_person, entry) => each(6, entry));
}

const FIRST_WORD = /\S+/;

/**
 * The phrases grouped by their first lower-case token, each group in dictionary order, a phrase
 * given by three numbers: its field (PhraseField), entry and position in that field. A phrase
 * wink must split is tokenized here, and its tokens are added to `tokenized`.
 */
export function phrasesByFirstWord(dictionaries: ActorDictionaries, tokenized: Map<string, string[]>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  forEachPhrase(dictionaries, (phrase, field, entry, item) => {
    const { text } = splitCaseMarker(phrase);
    let tokens = tokenized.get(text);
    if (tokens === undefined && NEEDS_TOKENIZER.test(text)) tokenized.set(text, (tokens = phraseTokens(text)));
    // A plain phrase is split on spaces (phraseTokens): its first token is its first run of non-spaces.
    const firstWord = (tokens ? tokens[0] : FIRST_WORD.exec(text)?.[0])?.toLowerCase();
    if (firstWord === undefined) return;
    const group = groups.get(firstWord);
    if (group) group.push(field, entry, item);
    else groups.set(firstWord, [field, entry, item]);
  });
  return groups;
}

/** After this many lookups (a long run: about 2,000 sentences) every waiting phrase is inserted. */
const FILL_ALL_AFTER = 50_000;

/**
 * The actor trie, filled one first word at a time. Building all ~10,000 built-in phrases into
 * the trie took ~40 ms of each `parley code` start-up (a tenth) and 7 MB of heap, and a document
 * starts lookups at only a few hundred different words. The phrases wait, grouped by their first lower-case token
 * (the grouping is in the compiled cache), until a lookup starts at that word (its surface form or
 * lemma); the group is then inserted in dictionary order, so the trie is as if built at once:
 * every phrase below a first word is in place before a lookup walks there, and entries sharing a
 * phrase keep their order. A long run inserts the rest after FILL_ALL_AFTER lookups, and lookups
 * go straight to the trie from then on.
 */
class ActorTrie extends TokenTrie<ActorEntryRef> {
  private readonly waiting: Map<string, number[]>;
  private lookups = 0;

  constructor(
    private readonly dictionaries: ActorDictionaries,
    private readonly tokenized: ReadonlyMap<string, string[]>,
    groups: ReadonlyMap<string, number[]>,
  ) {
    super();
    // A copy: the groups may be shared (the compiled cache's value), and this one empties.
    this.waiting = new Map(groups);
  }

  override insert(tokens: readonly string[], value: ActorEntryRef): void {
    if (this.waiting.size > 0 && tokens[0] !== undefined) this.fill(tokens[0]);
    super.insert(tokens, value);
  }

  override matchesAt(start: number, keys: (position: number) => readonly string[] | undefined): TrieMatch<ActorEntryRef>[] {
    if (this.waiting.size > 0) this.beforeLookup(keys(start) ?? []);
    return super.matchesAt(start, keys);
  }

  override matchTokens(tokens: readonly TrieKeyed[], start: number, end: number): TrieMatch<ActorEntryRef>[] {
    const first = tokens[start];
    if (this.waiting.size > 0 && first) this.beforeLookup(first.lemma === first.normal ? [first.normal] : [first.normal, first.lemma]);
    return super.matchTokens(tokens, start, end);
  }

  /** Inserts the phrases a lookup starting with these keys can reach (or, after enough lookups, all of them). */
  private beforeLookup(firstKeys: readonly string[]): void {
    this.lookups += 1;
    if (this.lookups >= FILL_ALL_AFTER) this.fillAll();
    else for (const key of firstKeys) this.fill(key);
  }

  override get size(): number {
    this.fillAll();
    return super.size;
  }

  private fill(firstWord: string): void {
    const group = this.waiting.get(firstWord);
    if (!group) return;
    this.waiting.delete(firstWord);
    for (let k = 0; k < group.length; k += 3) {
      const [field, entry, item] = [group[k] as PhraseField, group[k + 1] as number, group[k + 2] as number];
      const phrase = phrasesOf(this.dictionaries, field, entry)[item] as string;
      const ref = entryRef(this.dictionaries, field, entry, phrase);
      const { text, exactCase } = splitCaseMarker(phrase);
      const tokens = this.tokenized.get(text) ?? phraseTokens(text);
      if (exactCase) ref.exact = tokens;
      super.insert(
        tokens.map((token) => token.toLowerCase()),
        ref,
      );
    }
  }

  private fillAll(): void {
    for (const firstWord of [...this.waiting.keys()]) this.fill(firstWord);
  }
}

/**
 * All actor dictionaries compiled into one token trie, built once per process (or per
 * `--dictionaries` set) and shared by every document. The trie fills as lookups need it (see
 * ActorTrie).
 */
export class ActorIndex {
  readonly trie: TokenTrie<ActorEntryRef>;
  readonly people = new Map<string, PersonEntry>();
  readonly countryCodes = new Set<string>();
  readonly dictionaries: ActorDictionaries;

  /**
   * `tokenized`: phrase → tokens already known (from the compiled cache), so wink need not run;
   * `groups`: the phrases by first word (phrasesByFirstWord, from the compiled cache).
   */
  constructor(dictionaries: ActorDictionaries, tokenized?: ReadonlyMap<string, string[]>, groups?: ReadonlyMap<string, number[]>) {
    this.dictionaries = dictionaries;
    for (const country of dictionaries.countries) this.countryCodes.add(country.code);
    for (const person of dictionaries.people) this.people.set(person.id, person);
    if (groups && tokenized) {
      this.trie = new ActorTrie(dictionaries, tokenized, groups);
    } else {
      const known = new Map(tokenized);
      this.trie = new ActorTrie(dictionaries, known, phrasesByFirstWord(dictionaries, known));
    }
  }

  /**
   * The code a person holds on a date: a dated role, else their fallback. For a date known only to
   * the month or year ("In 2012, then-President Morsi …"), any role held during that period counts.
   */
  personCode(personId: string, date: string, precision: DatePrecision = "day"): string | undefined {
    const person = this.people.get(personId);
    if (!person) return undefined;
    if (precision === "day") return roleAt(person, date);
    const last = precision === "year" ? `${date.slice(0, 4)}-12-31` : `${date.slice(0, 7)}-31`;
    const held = person.roles.find((role) => (role.from === undefined || role.from <= last) && (role.to === undefined || role.to >= date));
    return held?.code ?? person.fallback;
  }
}

/** The tokens of the phrases that need wink to split them: the slow part of building an index. */
export function tokenizedPhrases(dictionaries: ActorDictionaries): Map<string, string[]> {
  const tokenized = new Map<string, string[]>();
  phrasesByFirstWord(dictionaries, tokenized);
  return tokenized;
}

/** The built-in dictionaries parsed, their phrases tokenized and grouped: what the compiled cache keeps. */
export interface CompiledActors {
  dictionaries: ActorDictionaries;
  tokenized: Map<string, string[]>;
  groups: Map<string, number[]>;
}

function isCompiledActors(value: unknown): value is CompiledActors {
  const candidate = value as Partial<CompiledActors> | null;
  const dictionaries = candidate?.dictionaries;
  return (
    typeof candidate === "object" &&
    candidate?.tokenized instanceof Map &&
    candidate.groups instanceof Map &&
    typeof dictionaries === "object" &&
    dictionaries !== null &&
    [dictionaries.countries, dictionaries.agents, dictionaries.organisations, dictionaries.people, dictionaries.problems].every(Array.isArray)
  );
}

/** The data files and code the built-in actor index is derived from. */
function builtinActorSources(): CompiledSource[] {
  let people: string[] = [];
  try {
    people = readdirSync(dataPath(BUILTIN_FILES.people)).filter((name) => name.endsWith(".tsv")).sort();
  } catch {
    // A missing folder is reported by the loader itself.
  }
  return [
    dataPath(BUILTIN_FILES.countries),
    dataPath(BUILTIN_FILES.agents),
    dataPath(BUILTIN_FILES.organisations),
    ...people.map((name) => dataPath(BUILTIN_FILES.people + name)),
    moduleFile(import.meta.url, "./load.js"),
    new URL(import.meta.url),
  ];
}

/** The built-in dictionaries and their phrase tokens, from the compiled cache when it is current. */
export function compiledBuiltinActors(): CompiledActors {
  return compiled(
    "actors",
    builtinActorSources(),
    () => {
      const dictionaries = loadBuiltinDictionaries();
      // Grouping tokenizes the phrases that need wink, once, into `tokenized`.
      const tokenized = new Map<string, string[]>();
      return { dictionaries, groups: phrasesByFirstWord(dictionaries, tokenized), tokenized };
    },
    isCompiledActors,
  );
}

let builtin: ActorIndex | undefined;

export function builtinActorIndex(): ActorIndex {
  if (builtin) return builtin;
  const { dictionaries, tokenized, groups } = compiledBuiltinActors();
  builtin = new ActorIndex(dictionaries, tokenized, groups);
  return builtin;
}
