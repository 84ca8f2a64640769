/**
 * What produced the events: parley's own version and a fingerprint of the dictionaries, so a
 * store can tell which events a dictionary or lexicon update would change (`parley recode`).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { dataDir } from "../paths.js";

export function parleyVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** Files under `path` (or `path` itself), sorted, for hashing. */
function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.name.startsWith(".") ? [] : filesUnder(join(path, entry.name))));
}

function fingerprint(path: string): string {
  const hash = createHash("sha256");
  for (const file of filesUnder(path)) {
    hash.update(file.slice(path.length));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * "builtin-<hash of data/>" for the built-in dictionaries and lexicon; for `--dictionaries PATH`,
 * "<name>-<hash of its files>" (plus the built-in fingerprint with `--with-builtin`).
 */
export function dictionaryVersion(dictionaries?: string, withBuiltin = false): string {
  const builtin = `builtin-${fingerprint(dataDir)}`;
  if (dictionaries === undefined) return builtin;
  const own = `${basename(dictionaries)}-${fingerprint(dictionaries)}`;
  return withBuiltin ? `${own}+${builtin}` : own;
}
