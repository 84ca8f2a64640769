/**
 * Reads the `[Dictionaries]` section of a PETRARCH config file (PETR_config.ini), a Python
 * ConfigParser file: `key = value` or `key: value`, indented lines continue the previous value,
 * lines starting with `#` or `;` are comments. The `[Options]` that change what is coded
 * (require_dyad, comma_*) are kept in `options`. Other sections and options (text files, Stanford
 * paths) concern the PETRARCH program, not its dictionaries, and are ignored.
 */
import type { DictionaryProblem } from "./types.js";

export interface ConfigEntry {
  /** File name as written; relative names are resolved by the loader. */
  name: string;
  line: number;
}

export interface DictionaryConfig {
  /**
   * Coding options of the `[Options]` section that change what is coded (require_dyad,
   * new_actor_length and the comma_* clause lengths), lower-cased key → value as written.
   */
  options?: Record<string, string>;
  verbs?: ConfigEntry;
  actors: ConfigEntry[];
  agents?: ConfigEntry;
  discards?: ConfigEntry;
  issues?: ConfigEntry;
}

const KEYS = {
  verbfile_name: "verbs",
  actorfile_list: "actors",
  agentfile_name: "agents",
  discardfile_name: "discards",
  issuefile_name: "issues",
} as const;
type Key = keyof typeof KEYS;

/** `[Options]` keys that change what gets coded; the rest concern PETRARCH's own running. */
const CODING_OPTIONS = /^(?:require_dyad|new_actor_length|comma_(?:min|max|emin|emax|bmin|bmax))$/;

/** PETRARCH refuses to start without these. */
const REQUIRED: Key[] = ["verbfile_name", "actorfile_list", "agentfile_name", "discardfile_name"];

export function isConfigText(text: string): boolean {
  return /^\s*\[Dictionaries\]\s*$/im.test(text) || /^\s*(?:verbfile_name|actorfile_list)\s*[=:]/im.test(text);
}

export function parseConfig(text: string, file: string): { config: DictionaryConfig; problems: DictionaryProblem[] } {
  const problems: DictionaryProblem[] = [];
  const values = new Map<Key, { value: string; line: number }>();
  const options: Record<string, string> = {};
  let section = "";
  let sawSection = false;
  let last: Key | undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, "");
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) {
      if (trimmed === "") last = undefined;
      continue;
    }
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      if (section === "dictionaries") sawSection = true;
      last = undefined;
      continue;
    }
    if (section === "options") {
      const option = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(trimmed);
      const key = option?.[1]?.toLowerCase() ?? "";
      if (option && CODING_OPTIONS.test(key)) options[key] = (option[2] ?? "").replace(/\s[#;].*$/, "").trim();
      continue;
    }
    if (section !== "dictionaries") continue;
    if (/^\s/.test(raw) && last) {
      values.get(last)!.value += " " + trimmed; // continuation line
      continue;
    }
    const m = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(trimmed);
    if (!m) {
      problems.push({ file, line, message: `cannot read "${trimmed}"` });
      continue;
    }
    const key = m[1]!.toLowerCase();
    last = undefined;
    if (!(key in KEYS)) continue;
    const k = key as Key;
    if (values.has(k)) problems.push({ file, line, message: `${k} is set twice; using this one` });
    // Python keeps text after " #" as part of the value; nobody means that in a file name.
    values.set(k, { value: m[2]!.replace(/\s[#;].*$/, "").trim(), line });
    last = k;
  }

  const config: DictionaryConfig = { actors: [] };
  if (Object.keys(options).length > 0) config.options = options;
  if (!sawSection) problems.push({ file, line: 0, message: "no [Dictionaries] section" });
  else {
    for (const k of REQUIRED) {
      if (!values.has(k)) problems.push({ file, line: 0, message: `[Dictionaries] has no ${k}` });
    }
  }
  for (const [k, { value, line }] of values) {
    const names = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
    if (names.length === 0) {
      problems.push({ file, line, message: `${k} names no file` });
      continue;
    }
    const kind = KEYS[k];
    if (kind === "actors") {
      config.actors = names.map((name) => ({ name, line }));
    } else {
      if (names.length > 1) problems.push({ file, line, message: `${k} names ${names.length} files; using the first` });
      config[kind] = { name: names[0]!, line };
    }
  }
  return { config, problems };
}
