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
  type PersonEntry,
} from "./load.js";
import { TokenTrie } from "./trie.js";

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
 * All actor dictionaries compiled into one token trie, built once per process (or per
 * `--dictionaries` set) and shared by every document.
 */
export class ActorIndex {
  readonly trie = new TokenTrie<ActorEntryRef>();
  readonly people = new Map<string, PersonEntry>();
  readonly countryCodes = new Set<string>();
  readonly dictionaries: ActorDictionaries;

  private readonly tokenized: ReadonlyMap<string, string[]> | undefined;

  /** `tokenized`: phrase → tokens already known (from the compiled cache), so wink need not run. */
  constructor(dictionaries: ActorDictionaries, tokenized?: ReadonlyMap<string, string[]>) {
    this.dictionaries = dictionaries;
    this.tokenized = tokenized;
    for (const country of dictionaries.countries) {
      this.countryCodes.add(country.code);
      const rule = `country:${country.code}`;
      for (const name of country.names) this.add(name, { kind: "country", country: country.code, rule });
      for (const name of country.adjectives) this.add(name, { kind: "demonym", country: country.code, rule });
      for (const name of country.capitals) this.add(name, { kind: "capital", country: country.code, rule: `capital:${country.code}` });
      for (const name of country.seats) this.add(name, { kind: "seat", country: country.code, rule: `seat:${country.code}` });
    }
    for (const organisation of dictionaries.organisations) {
      for (const name of organisation.names) {
        this.add(name, { kind: "organisation", code: organisation.code, rule: `organisation:${organisation.code}` });
      }
    }
    for (const agent of dictionaries.agents) {
      for (const word of agent.words) {
        this.add(word, { kind: "agent", agent: agent.agent, sector: agent.sector, rule: `agent:${agent.agent}:${word}` });
      }
    }
    for (const person of dictionaries.people) {
      this.people.set(person.id, person);
      for (const name of person.names) this.add(name, { kind: "person", person, rule: `person:${person.id}` });
    }
  }

  private add(phrase: string, ref: ActorEntryRef): void {
    const { text, exactCase } = splitCaseMarker(phrase);
    const tokens = this.tokenized?.get(text) ?? phraseTokens(text);
    if (exactCase) ref.exact = tokens;
    this.trie.insert(
      tokens.map((token) => token.toLowerCase()),
      ref,
    );
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

/** Every phrase of the dictionaries, as written (case marker and all). */
function allPhrases(dictionaries: ActorDictionaries): string[] {
  const phrases: string[] = [];
  for (const country of dictionaries.countries) phrases.push(...country.names, ...country.adjectives, ...country.capitals, ...country.seats);
  for (const organisation of dictionaries.organisations) phrases.push(...organisation.names);
  for (const agent of dictionaries.agents) phrases.push(...agent.words);
  for (const person of dictionaries.people) phrases.push(...person.names);
  return phrases;
}

/** The tokens of the phrases that need wink to split them: the slow part of building an index. */
export function tokenizedPhrases(dictionaries: ActorDictionaries): Map<string, string[]> {
  const tokenized = new Map<string, string[]>();
  for (const phrase of allPhrases(dictionaries)) {
    const { text } = splitCaseMarker(phrase);
    if (NEEDS_TOKENIZER.test(text) && !tokenized.has(text)) tokenized.set(text, phraseTokens(text));
  }
  return tokenized;
}

/** The built-in dictionaries parsed and their phrases tokenized: what the compiled cache keeps. */
export interface CompiledActors {
  dictionaries: ActorDictionaries;
  tokenized: Map<string, string[]>;
}

function isCompiledActors(value: unknown): value is CompiledActors {
  const candidate = value as Partial<CompiledActors> | null;
  const dictionaries = candidate?.dictionaries;
  return (
    typeof candidate === "object" &&
    candidate?.tokenized instanceof Map &&
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
      return { dictionaries, tokenized: tokenizedPhrases(dictionaries) };
    },
    isCompiledActors,
  );
}

let builtin: ActorIndex | undefined;

export function builtinActorIndex(): ActorIndex {
  if (builtin) return builtin;
  const { dictionaries, tokenized } = compiledBuiltinActors();
  builtin = new ActorIndex(dictionaries, tokenized);
  return builtin;
}
