import type { DatePrecision } from "../document/types.js";
import { wink } from "../nlp/wink.js";
import {
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

  constructor(dictionaries: ActorDictionaries) {
    this.dictionaries = dictionaries;
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
    const tokens = phraseTokens(text);
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

let builtin: ActorIndex | undefined;

export function builtinActorIndex(): ActorIndex {
  builtin ??= new ActorIndex(loadBuiltinDictionaries());
  return builtin;
}
