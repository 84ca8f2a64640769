import { DEFAULT_ACTOR_VOCABULARY, loadCountryCodes } from "../actors/codes.js";
import { phraseTokens } from "../actors/actor-index.js";
import { splitCaseMarker, type ActorDictionaries, type DictionaryProblem } from "../actors/load.js";
import type { VerbLexicon } from "../events/lexicon.js";

export type FindingKind = "duplicate" | "conflicting-dates" | "unknown-code" | "unreachable" | "load";

export interface Finding {
  kind: FindingKind;
  /** Errors make `parley dictionaries check` fail; warnings are worth a look. */
  severity: "error" | "warning";
  /** Where: "people/americas-europe.tsv: donald-trump" or "verbs.tsv:151". */
  where: string;
  message: string;
}

/** A phrase and the entry it belongs to, as the trie sees it. */
interface PhraseOwner {
  entry: string;
  kind: string;
}

const normalise = (phrase: string): string => phraseTokens(splitCaseMarker(phrase).text).join(" ").toLowerCase();

/**
 * Checks the actor dictionaries and the verb lexicon together, as `parley dictionaries check`
 * does: problems the loaders met; the same phrase claimed by two entries of one kind (only the
 * first can ever match, so the second is unreachable for it) and entries with no reachable name;
 * people whose roles overlap with different codes; codes whose first part is no known country,
 * region or international type; agent codes outside CAMEO's list. The lexicon loader itself
 * reports verb patterns with codes outside the codebook and patterns that repeat an earlier one.
 */
export function checkDictionaries(actors: ActorDictionaries, lexicon: VerbLexicon, loadProblems: readonly DictionaryProblem[] = []): Finding[] {
  const findings: Finding[] = [];
  for (const problem of [...loadProblems, ...actors.problems, ...lexicon.problems]) {
    findings.push({ kind: "load", severity: "error", where: `${problem.file}${problem.line ? `:${problem.line}` : ""}`, message: problem.message });
  }

  // Phrases claimed by several entries of one kind: the first wins, the others never match it.
  const owners = new Map<string, PhraseOwner>();
  const reachable = new Map<string, number>();
  const claim = (phrase: string, owner: PhraseOwner): void => {
    const key = `${owner.kind}|${normalise(phrase)}`;
    reachable.set(owner.entry, reachable.get(owner.entry) ?? 0);
    const first = owners.get(key);
    if (first && first.entry !== owner.entry) {
      findings.push({ kind: "duplicate", severity: "warning", where: owner.entry, message: `"${phrase}" is also a name of ${first.entry}, which wins: unreachable here` });
      return;
    }
    if (!first) owners.set(key, owner);
    reachable.set(owner.entry, (reachable.get(owner.entry) ?? 0) + 1);
  };
  for (const country of actors.countries) {
    for (const name of [...country.names, ...country.capitals, ...country.seats, ...country.adjectives]) claim(name, { entry: `country ${country.code}`, kind: "place" });
  }
  for (const organisation of actors.organisations) {
    for (const name of organisation.names) claim(name, { entry: `organisation ${organisation.code}`, kind: "organisation" });
  }
  for (const person of actors.people) {
    for (const name of person.names) claim(name, { entry: `person ${person.id}`, kind: "person" });
  }
  for (const [entry, count] of reachable) {
    if (count === 0) findings.push({ kind: "unreachable", severity: "error", where: entry, message: "every name is claimed by an earlier entry: it can never match" });
  }

  const ids = new Set<string>();
  for (const person of actors.people) {
    if (ids.has(person.id)) findings.push({ kind: "duplicate", severity: "error", where: `person ${person.id}`, message: "the id is used twice" });
    ids.add(person.id);
  }

  // Roles that overlap with different codes leave the person's code on those days to chance.
  for (const person of actors.people) {
    const roles = [...person.roles].sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""));
    for (let i = 0; i < roles.length; i += 1) {
      for (let j = i + 1; j < roles.length; j += 1) {
        const a = roles[i];
        const b = roles[j];
        if (!a || !b || a.code === b.code) continue;
        const overlapStart = (a.from ?? "") > (b.from ?? "") ? (a.from ?? "") : (b.from ?? "");
        const overlapEnd = (a.to ?? "9999-12-31") < (b.to ?? "9999-12-31") ? (a.to ?? "9999-12-31") : (b.to ?? "9999-12-31");
        // A handover day, where one office ends as the next begins, is not a conflict.
        if (overlapStart < overlapEnd) {
          findings.push({ kind: "conflicting-dates", severity: "warning", where: `person ${person.id}`, message: `${a.code} and ${b.code} both hold from ${overlapStart || "the start"} to ${overlapEnd}` });
        }
      }
    }
  }

  // Codes: the first three letters must name a country, a region or an international type.
  // Country codes are facts, not a user's dictionary: the built-in list always counts.
  const countries = new Set([...loadCountryCodes(), ...actors.countries.map((country) => country.code)]);
  const organisationCodes = new Set(actors.organisations.map((organisation) => organisation.code));
  const vocabulary = DEFAULT_ACTOR_VOCABULARY;
  const knownStart = (code: string): boolean => {
    const first = code.slice(0, 3);
    return countries.has(first) || vocabulary.regions.has(first) || vocabulary.types.has(first) || vocabulary.knownGroups.has(first) || vocabulary.religions.has(first);
  };
  const checkCode = (code: string, where: string): void => {
    if (!knownStart(code)) findings.push({ kind: "unknown-code", severity: "error", where, message: `${code} starts with no known country, region or actor type` });
  };
  for (const organisation of actors.organisations) checkCode(organisation.code, `organisation ${organisation.code}`);
  // A person may hold an organisation's own code (a group's leader), checked with the organisation.
  const checkPersonCode = (code: string, where: string): void => {
    if (!organisationCodes.has(code)) checkCode(code, where);
  };
  for (const person of actors.people) {
    for (const role of person.roles) checkPersonCode(role.code, `person ${person.id}`);
    if (person.fallback) checkPersonCode(person.fallback, `person ${person.id}`);
  }
  // CAMEO's type codes, plus the two agents the Phoenix dictionaries add: clergy (REL) and parties (PTY).
  const agentCodes = new Set([...vocabulary.types, "REL", "PTY"]);
  const knownSegment = (segment: string): boolean => agentCodes.has(segment) || vocabulary.religions.has(segment) || vocabulary.knownGroups.has(segment);
  for (const agent of actors.agents) {
    if (!(agent.agent.match(/.{3}/g) ?? [agent.agent]).every(knownSegment)) findings.push({ kind: "unknown-code", severity: "error", where: `agent ${agent.words[0] ?? ""}`, message: `${agent.agent} is not a CAMEO agent code` });
  }

  return findings;
}
