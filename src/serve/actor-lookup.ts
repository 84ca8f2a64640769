/**
 * Dictionary look-up (`GET /actors?q=raisi`): which actor codes a name, a country, an
 * organisation or an agent word stands for, with a person's dated roles. Built once from the
 * built-in actor dictionaries; a query matches entries whose names contain every query word as
 * the start of one of their words, best matches first.
 */
import { loadBuiltinDictionaries, roleAt, type ActorDictionaries, type PersonEntry } from "../actors/load.js";

export type ActorKind = "person" | "country" | "organisation" | "agent";

export interface ActorMatch {
  /** The code the entry stands for now (a person: the role held today, else their fallback). */
  code: string;
  name: string;
  kind: ActorKind;
  /** A person's roles with their dates; a country's adjectives; an agent's words. */
  detail: string;
}

interface Entry extends ActorMatch {
  /** Every name form, folded (lower case, no accents). */
  keys: string[];
}

/** Lower case without accents, for accent-blind matching ("Erdoğan" = "erdogan"). */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function personDetail(person: PersonEntry): string {
  const roles = person.roles.map((role) => `${role.code} ${role.from ?? "…"} to ${role.to ?? "now"}`);
  if (person.fallback) roles.push(`otherwise ${person.fallback}`);
  return roles.join("; ");
}

function entriesOf(dictionaries: ActorDictionaries, today: string): Entry[] {
  const entries: Entry[] = [];
  for (const country of dictionaries.countries) {
    const name = country.names[0] ?? country.code;
    const detail = country.adjectives.length > 0 ? `country; ${country.adjectives.slice(0, 3).join(", ")}` : "country";
    entries.push({ code: country.code, name, kind: "country", detail, keys: [...country.names, ...country.adjectives, country.code].map(fold) });
  }
  for (const organisation of dictionaries.organisations) {
    const name = organisation.names[0] ?? organisation.code;
    entries.push({
      code: organisation.code,
      name,
      kind: "organisation",
      detail: organisation.names.slice(1, 4).join(", "),
      keys: [...organisation.names, organisation.code].map(fold),
    });
  }
  for (const agent of dictionaries.agents) {
    const name = agent.words[0] ?? agent.agent;
    entries.push({ code: agent.agent, name, kind: "agent", detail: `agent: ${agent.words.slice(0, 4).join(", ")}`, keys: agent.words.map(fold) });
  }
  for (const person of dictionaries.people) {
    const code = roleAt(person, today) ?? person.roles[person.roles.length - 1]?.code ?? "";
    if (code === "") continue;
    entries.push({ code, name: person.names[0] ?? person.id, kind: "person", detail: personDetail(person), keys: person.names.map(fold) });
  }
  return entries;
}

/** How well folded query words match a folded name: 3 exact, 2 prefix of the name, 1 words' prefixes, 0 none. */
function score(key: string, query: string, words: readonly string[]): number {
  if (key === query) return 3;
  if (key.startsWith(query)) return 2;
  const keyWords = key.split(" ");
  return words.every((word) => keyWords.some((keyWord) => keyWord.startsWith(word))) ? 1 : 0;
}

/** CAMEO's role codes in words (from the CAMEO manual's actor codebook), for labels. */
const ROLE_NAMES: Record<string, string> = {
  GOV: "government", MIL: "military", REB: "rebels", OPP: "opposition", CVL: "civilians", BUS: "business",
  MED: "media", JUD: "judiciary", LEG: "legislature", COP: "police", ELI: "elites", SPY: "intelligence",
  PTY: "party", CRM: "criminals", EDU: "education", HLH: "health", REF: "refugees", LAB: "labour",
  AGR: "agriculture", ENV: "environment", HRI: "human rights", IGO: "intergovernmental organisation",
  NGO: "non-governmental organisation", MNC: "multinational company", UAF: "armed group", INS: "insurgents",
  SEP: "separatists", REL: "religious", MOD: "moderates", RAD: "radicals", DEV: "development", SET: "settlers",
};

export class ActorLookup {
  private readonly entries: Entry[];
  private readonly names = new Map<string, string>();

  constructor(dictionaries: ActorDictionaries = loadBuiltinDictionaries(), today: string = new Date().toISOString().slice(0, 10)) {
    this.entries = entriesOf(dictionaries, today);
    for (const country of dictionaries.countries) this.names.set(country.code, country.names[0] ?? country.code);
    for (const organisation of dictionaries.organisations) this.names.set(organisation.code, organisation.names[0] ?? organisation.code);
  }

  /**
   * An actor code in words: an organisation's or country's name, else the country and the roles
   * ("RUSGOV" → "Russia: government"); undefined when no part is known.
   */
  label(code: string): string | undefined {
    const known = this.names.get(code);
    if (known) return known;
    const chunks = code.match(/.{3}/g) ?? [];
    const country = chunks[0] ? this.names.get(chunks[0]) : undefined;
    const roles = chunks.slice(country ? 1 : 0).map((chunk) => ROLE_NAMES[chunk] ?? this.names.get(chunk));
    if (!country && roles.every((role) => role === undefined)) return undefined;
    const words = roles.filter((role): role is string => role !== undefined);
    return country ? (words.length > 0 ? `${country}: ${words.join(", ")}` : country) : words.join(", ");
  }

  /** Entries matching `query`, best first (then people and countries before agent words), at most `limit`. */
  find(query: string, limit: number): ActorMatch[] {
    const folded = fold(query);
    if (folded === "") return [];
    const words = folded.split(" ");
    const kindOrder: Record<ActorKind, number> = { person: 0, country: 1, organisation: 2, agent: 3 };
    const scored: Array<{ entry: Entry; score: number }> = [];
    for (const entry of this.entries) {
      let best = 0;
      for (const key of entry.keys) best = Math.max(best, score(key, folded, words));
      // A code typed as such ("IRNGOV") finds the entries that stand for it.
      if (entry.code.toLowerCase() === folded.replace(/ /g, "")) best = Math.max(best, 2);
      if (best > 0) scored.push({ entry, score: best });
    }
    scored.sort((a, b) => b.score - a.score || kindOrder[a.entry.kind] - kindOrder[b.entry.kind] || a.entry.name.localeCompare(b.entry.name));
    return scored.slice(0, limit).map(({ entry }) => ({ code: entry.code, name: entry.name, kind: entry.kind, detail: entry.detail }));
  }
}
