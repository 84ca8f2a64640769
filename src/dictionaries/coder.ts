import { ActorIndex } from "../actors/actor-index.js";
import { loadBuiltinDictionaries, type ActorDictionaries, type AgentEntry, type OrganisationEntry, type PersonEntry, type PersonRole } from "../actors/load.js";
import { compileImportedVerbs } from "../events/imported/compile.js";
import { createCoder, type Coder } from "../pipeline.js";
import { loadForeignDictionaries, type NamedDictionaryFiles } from "./load.js";
import type { ImportedActor, ImportedDictionaries } from "./types.js";

export interface ForeignCoderOptions {
  /** Keep the built-in dictionaries of every kind too (default: imported kinds replace them). */
  withBuiltin?: boolean;
  /** Pick these files in a folder (a validation file's `<Environment>`), as a config would. */
  named?: NamedDictionaryFiles;
}

export interface ForeignCoder {
  coder: Coder;
  imported: ImportedDictionaries;
}

/** Codes that stand for "no actor" or "discard" in the old coders. */
const NULL_CODES = new Set(["---", "###"]);

/**
 * An imported actor becomes a person-like entry when its codes are dated (its code depends on the
 * event's date, as for people) and an organisation-like entry otherwise. Its id is where it was
 * written, so `rule` points the user back to their own dictionary line.
 */
function convertActor(actor: ImportedActor): { person?: PersonEntry; organisation?: OrganisationEntry } {
  const names = actor.names.map((name) => name.text);
  const codes = actor.codes.filter((code) => !NULL_CODES.has(code.code) && /^(?:[A-Z]{3})+$/.test(code.code));
  if (codes.length === 0 || names.length === 0) return {};
  const dated = codes.filter((code) => code.from !== undefined || code.to !== undefined);
  if (dated.length === 0) return { organisation: { code: codes[0]?.code ?? "", names, sector: "" } };
  const roles: PersonRole[] = dated.map((code) => ({ code: code.code, ...(code.from ? { from: code.from } : {}), ...(code.to ? { to: code.to } : {}) }));
  const person: PersonEntry = { id: `${actor.file.split("/").pop() ?? "actors"}-${actor.line}`.toLowerCase().replace(/[^a-z0-9]+/g, "-"), names, roles };
  const fallback = codes.find((code) => code.from === undefined && code.to === undefined);
  if (fallback) person.fallback = fallback.code;
  return { person };
}

/** The imported actors and agents in parley's own dictionary shapes. */
export function toActorDictionaries(imported: ImportedDictionaries, withBuiltin: boolean): ActorDictionaries {
  const builtin = loadBuiltinDictionaries();
  const people: PersonEntry[] = [];
  const organisations: OrganisationEntry[] = [];
  for (const actor of imported.actors) {
    const { person, organisation } = convertActor(actor);
    if (person) people.push(person);
    if (organisation) organisations.push(organisation);
  }
  const agents: AgentEntry[] = imported.agents
    .filter((agent) => /^(?:[A-Z]{3})+$/.test(agent.code))
    .map((agent) => ({ words: agent.names.map((name) => name.text), agent: agent.code, sector: "" }));
  const hasActors = imported.actors.length > 0;
  const hasAgents = imported.agents.length > 0;
  return {
    countries: withBuiltin || !hasActors ? builtin.countries : [],
    agents: [...(withBuiltin || !hasAgents ? builtin.agents : []), ...agents],
    organisations: [...(withBuiltin || !hasActors ? builtin.organisations : []), ...organisations],
    people: [...(withBuiltin || !hasActors ? builtin.people : []), ...people],
    problems: [],
  };
}

/**
 * A coder over dictionaries in PETRARCH-1, PETRARCH-2/Phoenix or TABARI format (`--dictionaries`).
 * Each kind the user gives (actors, agents) replaces the built-in one unless `withBuiltin`.
 */
export function createForeignCoder(path: string, options: ForeignCoderOptions = {}): ForeignCoder {
  const imported = loadForeignDictionaries(path, options.named);
  const index = new ActorIndex(toActorDictionaries(imported, options.withBuiltin ?? false));
  const importedVerbs = imported.verbBlocks.length > 0 ? compileImportedVerbs(imported, { keepBuiltinActors: options.withBuiltin ?? false }) : undefined;
  return { coder: createCoder(importedVerbs ? { index, importedVerbs } : { index }), imported };
}
