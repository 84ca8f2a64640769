import { existsSync } from "node:fs";
import { createForeignCoder } from "../dictionaries/coder.js";
import type { NamedDictionaryFiles } from "../dictionaries/load.js";
import { InputError } from "../ingest/record.js";
import { builtinCoder, type Coder } from "../pipeline.js";
import type { CommandIO } from "./io.js";

/**
 * The coder for `--dictionaries PATH [--with-builtin]`: the built-in one without the option,
 * else one over the user's PETRARCH/TABARI dictionaries. Problems in them are reported with file
 * and line, and everything else still loads. `named` picks files in a --dictionaries folder (a
 * validation file's `<Environment>`).
 */
export function coderForOption(path: string | undefined, withBuiltin: boolean, io: CommandIO, named?: NamedDictionaryFiles): Coder {
  if (path === undefined) return builtinCoder();
  if (!existsSync(path)) throw new InputError(path, "no such file or directory (--dictionaries)");
  const { coder, imported } = createForeignCoder(path, { withBuiltin, ...(named ? { named } : {}) });
  for (const problem of imported.problems) io.warn(`${problem.file}${problem.line > 0 ? `:${problem.line}` : ""}: ${problem.message}`);
  if (imported.files.length === 0) throw new InputError(path, "no PETRARCH or TABARI dictionary files found (--dictionaries)");
  const counts = `${imported.actors.length} actors, ${imported.agents.length} agents, ${imported.patterns.length} verb patterns`;
  io.info(`parley: dictionaries ${path} (${imported.format}): ${counts}`);
  return coder;
}

export const DICTIONARY_OPTIONS = {
  dictionaries: { type: "string" },
  "with-builtin": { type: "boolean", default: false },
} as const;

export const DICTIONARY_USAGE = `  --dictionaries DIR|FILE   PETRARCH-1, PETRARCH-2/Phoenix or TABARI dictionaries (a folder, a
                            PETRARCH config .ini, or one file); each kind given replaces the built-in one
  --with-builtin            keep the built-in dictionaries alongside --dictionaries
`;
