/**
 * Compiled forms of the built-in data, kept on disk so that a command starts without parsing the
 * dictionaries or running the tokenizer over thousands of dictionary phrases (~200 ms → ~20 ms).
 *
 * An entry is keyed by a hash of everything its value is derived from: the data files' contents,
 * the files of the code that compiles them, parley's and wink's versions and the Node version
 * (the v8 serialization format). Any change — a line appended to a dictionary, a parser fix —
 * gives a new key, so a stale entry is never read; it is rebuilt and replaced. Each installation
 * (the sources' paths) has its own entry, so two checkouts sharing the folder do not rebuild each
 * other's at every run. The cache is only a speed-up: an unreadable, corrupt or unwritable cache
 * falls back to compiling in memory.
 *
 * Folder: $PARLEY_CACHE_DIR, else $XDG_CACHE_HOME/parley, else ~/.cache/parley.
 * PARLEY_CACHE_DIR=off turns the cache off.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { dataDir } from "../paths.js";

/** Bump when the envelope below changes shape. */
const ENVELOPE_FORMAT = "parley-compiled/1";

interface Envelope {
  format: string;
  key: string;
  value: unknown;
}

/** Where compiled entries live, or undefined when caching is off. */
export function compiledCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env["PARLEY_CACHE_DIR"];
  if (explicit === "off") return undefined;
  if (explicit) return explicit;
  const xdg = env["XDG_CACHE_HOME"];
  if (xdg) return join(xdg, "parley");
  try {
    return join(homedir(), ".cache", "parley");
  } catch {
    return undefined;
  }
}

let toolVersions: string | undefined;

/** parley's, wink-nlp's and the wink model's versions, and Node's: part of every key. */
function versions(): string {
  if (toolVersions !== undefined) return toolVersions;
  const require = createRequire(import.meta.url);
  const versionOf = (manifest: string): string => {
    try {
      return (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version ?? "?";
    } catch {
      return "?";
    }
  };
  const packageVersion = (name: string): string => {
    try {
      return versionOf(require.resolve(`${name}/package.json`));
    } catch {
      return "?";
    }
  };
  toolVersions = [
    `parley ${versionOf(join(dataDir, "..", "package.json"))}`,
    `wink-nlp ${packageVersion("wink-nlp")}`,
    `wink-eng-lite-web-model ${packageVersion("wink-eng-lite-web-model")}`,
    `node ${process.versions.node}`,
  ].join("\n");
  return toolVersions;
}

/** A file a compiled value is derived from: a path, or a module's `import.meta.url`. */
export type CompiledSource = string | URL;

/** The hash of the sources' contents (a missing file hashes as missing, so its return changes it too). */
export function compiledKey(name: string, sources: readonly CompiledSource[]): string {
  const hash = createHash("sha256");
  hash.update(`${ENVELOPE_FORMAT}\n${name}\n${versions()}\n`);
  for (const source of sources) {
    const path = source instanceof URL ? fileURLToPath(source) : source;
    hash.update(`\0${path}\0`);
    try {
      hash.update(readFileSync(path));
    } catch {
      hash.update("\0missing\0");
    }
  }
  return hash.digest("hex").slice(0, 32);
}

function readEntry(file: string, key: string): { found: true; value: unknown } | { found: false } {
  try {
    const envelope = deserialize(readFileSync(file)) as Partial<Envelope> | null;
    if (envelope && envelope.format === ENVELOPE_FORMAT && envelope.key === key) return { found: true, value: envelope.value };
  } catch {
    // Missing, truncated or corrupt: compile again.
  }
  return { found: false };
}

/**
 * The part of an entry's file name shared by all versions of one installation's entry: a hash of
 * the name and the sources' paths. Two checkouts or installs of parley use different paths, so
 * each keeps its own entry instead of replacing the other's at every run.
 */
function entrySlot(name: string, sources: readonly CompiledSource[]): string {
  const paths = sources.map((source) => (source instanceof URL ? fileURLToPath(source) : source));
  return `${name}-${createHash("sha256").update(`${name}\0${paths.join("\0")}`).digest("hex").slice(0, 12)}`;
}

/** An entry file of the format before slots (`name-<key>.v8`), which nothing reads any more. */
const UNSLOTTED_ENTRY = /^[^-]+-[0-9a-f]{32}\.v8$/;

/** Writes atomically (temp file + rename) so a concurrent reader never sees half a file. */
function writeEntry(dir: string, slot: string, key: string, value: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${slot}-${key}.v8`);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, serialize({ format: ENVELOPE_FORMAT, key, value } satisfies Envelope));
    renameSync(temp, file);
    // This installation's entries of older data or code are dead: remove them (best effort).
    for (const other of readdirSync(dir)) {
      const dead = (other.startsWith(`${slot}-`) && other.endsWith(".v8")) || UNSLOTTED_ENTRY.test(other);
      if (dead && other !== `${slot}-${key}.v8`) rmSync(join(dir, other), { force: true });
    }
  } catch {
    // A read-only or full disk only costs speed.
  }
}

export interface CompiledOptions {
  /** Cache folder; default `compiledCacheDir()`; undefined = no cache. */
  dir?: string | undefined;
}

/**
 * The compiled value of `name`: read from the cache when an entry for the sources' current
 * contents exists, else `compile()`d and stored. `compile` must return structured-cloneable data
 * (objects, arrays, Maps, Sets, no class instances or functions); `isValid` guards against an
 * entry that deserializes but does not have the expected shape.
 */
export function compiled<T>(
  name: string,
  sources: readonly CompiledSource[],
  compile: () => T,
  isValid: (value: unknown) => value is T,
  options: CompiledOptions = { dir: compiledCacheDir() },
): T {
  const dir = "dir" in options ? options.dir : compiledCacheDir();
  if (dir === undefined) return compile();
  const key = compiledKey(name, sources);
  const slot = entrySlot(name, sources);
  const entry = readEntry(join(dir, `${slot}-${key}.v8`), key);
  if (entry.found && isValid(entry.value)) return entry.value;
  const value = compile();
  writeEntry(dir, slot, key, value);
  return value;
}

/**
 * The file of a module next to `base` (an `import.meta.url`), as it runs: `.js` under dist/,
 * `.ts` when the sources run directly (tests). `relative` is written with `.js`.
 */
export function moduleFile(base: string, relative: string): URL {
  return new URL(base.endsWith(".ts") ? relative.replace(/\.js$/, ".ts") : relative, base);
}
