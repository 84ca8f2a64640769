/**
 * Loads dictionaries written for PETRARCH-1, PETRARCH-2 (Phoenix) or TABARI, for
 * `--dictionaries DIR|FILE`. Accepts
 * - a PETRARCH config file (PETR_config.ini): the files its [Dictionaries] section names,
 *   looked up next to it, then in `dictionaries/` beside or below it (PETRARCH's own layout is
 *   data/config/PETR_config.ini with data/dictionaries/);
 * - a folder: the config file in it if there is one, else every dictionary file in it,
 *   recognised by name (`*.actors.txt`, `Levant.verbs`, ...) or by content;
 * - a single dictionary file, recognised the same way.
 *
 * Nothing in a user's dictionary makes this throw: every bad line, unreadable or missing file is a
 * `DictionaryProblem` (file, line, message) and everything else still loads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join } from "node:path";
import type {
  DictionaryFormat,
  DictionaryKind,
  DictionaryProblem,
  FileFormat,
  ImportedDictionaries,
  ImportedFile,
} from "./types.js";
import { decodeDictionary } from "./text.js";
import { isConfigText, parseConfig, type DictionaryConfig } from "./config.js";
import { formatFromContent, kindFromContent, kindFromName, mayBeDictionary } from "./sniff.js";
import { parseActorFile } from "./actors.js";
import { parseAgentFile } from "./agents.js";
import { parseVerbFile } from "./verbs.js";
import { parseDiscardFile } from "./discards.js";
import { parseIssueFile } from "./issues.js";

type DictionaryFileKind = Exclude<DictionaryKind, "config">;

interface PlannedFile {
  path: string;
  kind: DictionaryFileKind;
  text: string;
}

function emptyResult(): ImportedDictionaries {
  return {
    format: "unknown",
    actors: [],
    agents: [],
    verbBlocks: [],
    patterns: [],
    synsets: new Map(),
    transformations: [],
    discards: [],
    issues: [],
    problems: [],
    files: [],
    options: {},
  };
}

/** The file's text, or undefined after recording why it could not be read. */
function readText(path: string, problems: DictionaryProblem[]): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    problems.push({ file: path, line: 0, message: `cannot read: ${(err as Error).message}` });
    return undefined;
  }
  const decoded = decodeDictionary(bytes);
  if (decoded.latin1) problems.push({ file: path, line: 0, message: "not UTF-8; read as Latin-1" });
  return decoded.text;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Where PETRARCH would find a file its config names. */
function configCandidates(configPath: string, name: string): string[] {
  if (isAbsolute(name)) return [name];
  const dir = dirname(configPath);
  return [join(dir, name), join(dir, "dictionaries", name), join(dir, "..", "dictionaries", name)];
}

function planFromConfig(configPath: string, text: string, result: ImportedDictionaries): PlannedFile[] {
  const { config, problems } = parseConfig(text, configPath);
  result.problems.push(...problems);
  result.files.push({ path: configPath, kind: "config", format: "petrarch", entries: 0 });
  if (config.options) result.options = { ...config.options };
  return planNamed(configPath, config, result);
}

/** The files a config (or a validation file's `<Environment>`) names, looked up beside `configPath`. */
function planNamed(configPath: string, config: DictionaryConfig, result: ImportedDictionaries): PlannedFile[] {
  const wanted: Array<{ kind: DictionaryFileKind; key: string; name: string; line: number }> = [];
  if (config.verbs) wanted.push({ kind: "verbs", key: "verbfile_name", ...config.verbs });
  for (const a of config.actors) wanted.push({ kind: "actors", key: "actorfile_list", ...a });
  if (config.agents) wanted.push({ kind: "agents", key: "agentfile_name", ...config.agents });
  if (config.discards) wanted.push({ kind: "discards", key: "discardfile_name", ...config.discards });
  if (config.issues) wanted.push({ kind: "issues", key: "issuefile_name", ...config.issues });
  const planned: PlannedFile[] = [];
  for (const w of wanted) {
    const candidates = configCandidates(configPath, w.name);
    const found = candidates.find(isFile);
    if (!found) {
      result.problems.push({
        file: configPath,
        line: w.line,
        message: `${w.key} names "${w.name}", which is neither beside the config nor in a dictionaries/ folder beside or above it`,
      });
      continue;
    }
    const fileText = readText(found, result.problems);
    if (fileText !== undefined) planned.push({ path: found, kind: w.kind, text: fileText });
  }
  return planned;
}

function planFolder(dir: string, result: ImportedDictionaries): PlannedFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    result.problems.push({ file: dir, line: 0, message: `cannot read folder: ${(err as Error).message}` });
    return [];
  }
  const paths = names.map((n) => join(dir, n)).filter((p) => isFile(p) && mayBeDictionary(p));
  const configs = paths.filter((p) => kindFromName(p) === "config");
  for (const configPath of configs) {
    const text = readText(configPath, result.problems);
    if (text === undefined || !isConfigText(text)) continue;
    const others = configs.filter((c) => c !== configPath);
    if (others.length > 0) {
      result.problems.push({ file: dir, line: 0, message: `several config files; using ${basename(configPath)}` });
    }
    const fromConfig = planFromConfig(configPath, text, result);
    if (fromConfig.length > 0) return fromConfig;
    // A config copied without its files (the validation folder names the Phoenix set): read
    // what the folder does hold rather than nothing.
    result.problems.push({ file: configPath, line: 0, message: "none of the files it names are here; reading the folder's dictionary files instead" });
    break;
  }
  const planned: PlannedFile[] = [];
  for (const path of paths) {
    const text = readText(path, result.problems);
    if (text === undefined) continue;
    if (kindFromName(path) === "config" || isConfigText(text)) continue;
    const kind = kindFromName(path) ?? kindFromContent(text);
    if (kind === undefined || kind === "config") continue;
    if (kind !== "actors" && planned.some((p) => p.kind === kind)) {
      result.problems.push({
        file: path,
        line: 0,
        message: `a second ${kind} file in the folder; loading it too (a PETR_config.ini would say which to use)`,
      });
    }
    planned.push({ path, kind, text });
  }
  if (planned.length === 0) result.problems.push({ file: dir, line: 0, message: "no dictionary files found" });
  return planned;
}

function planSingle(path: string, result: ImportedDictionaries): PlannedFile[] {
  if (!mayBeDictionary(path)) {
    result.problems.push({ file: path, line: 0, message: "not a dictionary file (README, licence, XML, ...)" });
    return [];
  }
  const text = readText(path, result.problems);
  if (text === undefined) return [];
  const named = kindFromName(path);
  if (named === "config" || isConfigText(text)) return planFromConfig(path, text, result);
  const kind = named ?? kindFromContent(text);
  if (kind === undefined || kind === "config") {
    result.problems.push({ file: path, line: 0, message: "cannot tell what kind of dictionary this is" });
    return [];
  }
  return [{ path, kind, text }];
}

/** Dictionary file names chosen by the caller, e.g. a PETRARCH validation file's `<Environment>`. */
export interface NamedDictionaryFiles {
  verbs?: string;
  actors?: string[];
  agents?: string;
  discards?: string;
  issues?: string;
}

/** The named files that exist in `dir`, as a config would name them; undefined when none does. */
function namedConfig(dir: string, named: NamedDictionaryFiles): DictionaryConfig | undefined {
  const present = (name: string | undefined): { name: string; line: number } | undefined =>
    name !== undefined && isFile(isAbsolute(name) ? name : join(dir, name)) ? { name, line: 0 } : undefined;
  const config: DictionaryConfig = { actors: [] };
  for (const name of named.actors ?? []) {
    const entry = present(name);
    if (entry) config.actors.push(entry);
  }
  for (const kind of ["verbs", "agents", "discards", "issues"] as const) {
    const entry = present(named[kind]);
    if (entry) config[kind] = entry;
  }
  const any = config.actors.length > 0 || config.verbs || config.agents || config.discards || config.issues;
  return any ? config : undefined;
}

/**
 * Reads PETRARCH-1, PETRARCH-2/Phoenix or TABARI dictionaries from a folder, config or file. With
 * `named` and a folder, the named files that are in the folder are read (and nothing else), as
 * when PETRARCH runs a validation file whose `<Environment>` names its dictionaries.
 */
export function loadForeignDictionaries(pathToDirOrFile: string, named?: NamedDictionaryFiles): ImportedDictionaries {
  const result = emptyResult();
  let planned: PlannedFile[];
  if (!existsSync(pathToDirOrFile)) {
    result.problems.push({ file: pathToDirOrFile, line: 0, message: "no such file or folder" });
    return result;
  }
  try {
    const isDir = statSync(pathToDirOrFile).isDirectory();
    const config = isDir && named ? namedConfig(pathToDirOrFile, named) : undefined;
    planned = config
      ? planNamed(join(pathToDirOrFile, "environment"), config, result)
      : isDir
        ? planFolder(pathToDirOrFile, result)
        : planSingle(pathToDirOrFile, result);
  } catch (err) {
    result.problems.push({ file: pathToDirOrFile, line: 0, message: `cannot read: ${(err as Error).message}` });
    return result;
  }
  importPlanned(planned, result);
  return result;
}

/** Parses the planned files into `result`. The verb file's format decides for the whole set. */
function importPlanned(planned: PlannedFile[], result: ImportedDictionaries): void {
  const formats = new Map<PlannedFile, FileFormat>(planned.map((p) => [p, formatFromContent(p.kind, p.text)]));
  const verbFile = planned.find((p) => p.kind === "verbs");
  const setFormat: FileFormat | undefined = verbFile ? formats.get(verbFile) : undefined;
  if (setFormat === "tabari") {
    for (const p of planned) if (p.kind === "actors" || p.kind === "agents") formats.set(p, "tabari");
  }

  for (const p of planned) {
    const format = formats.get(p)!;
    const stems = format === "tabari";
    const file: ImportedFile = { path: p.path, kind: p.kind, format, entries: 0 };
    switch (p.kind) {
      case "actors": {
        const r = parseActorFile(p.text, p.path, stems);
        result.actors.push(...r.actors);
        result.problems.push(...r.problems);
        file.entries = r.actors.length;
        break;
      }
      case "agents": {
        const r = parseAgentFile(p.text, p.path, stems);
        result.agents.push(...r.agents);
        result.problems.push(...r.problems);
        file.entries = r.agents.length;
        break;
      }
      case "verbs": {
        const r = parseVerbFile(p.text, p.path, format as DictionaryFormat);
        const offset = result.verbBlocks.length;
        for (const pattern of r.patterns) pattern.block += offset;
        result.verbBlocks.push(...r.blocks);
        result.patterns.push(...r.patterns);
        for (const [name, synset] of r.synsets) {
          if (result.synsets.has(name)) {
            result.problems.push({ file: p.path, line: synset.line, message: `synset "&${name}" is also defined in another verb file; this one wins` });
          }
          result.synsets.set(name, synset);
        }
        result.transformations.push(...r.transformations);
        result.problems.push(...r.problems);
        file.entries = r.patterns.length + r.blocks.reduce((n, b) => n + b.verbs.length, 0);
        break;
      }
      case "discards": {
        const r = parseDiscardFile(p.text, p.path);
        result.discards.push(...r.discards);
        result.problems.push(...r.problems);
        file.entries = r.discards.length;
        break;
      }
      case "issues": {
        const r = parseIssueFile(p.text, p.path);
        result.issues.push(...r.issues);
        result.problems.push(...r.problems);
        file.entries = r.issues.length;
        break;
      }
    }
    result.files.push(file);
  }

  if (setFormat !== undefined) result.format = setFormat;
  else if (result.files.some((f) => f.format === "tabari")) result.format = "tabari";
  else if (result.files.some((f) => f.kind !== "config")) result.format = "petrarch";
}
