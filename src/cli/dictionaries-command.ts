import { parseArgs } from "node:util";
import { loadBuiltinDictionaries } from "../actors/load.js";
import { checkDictionaries, type Finding } from "../dictionaries/check.js";
import { toActorDictionaries } from "../dictionaries/coder.js";
import { loadForeignDictionaries } from "../dictionaries/load.js";
import { loadBuiltinLexicon } from "../events/lexicon.js";
import { UsageError, type CommandIO } from "./io.js";

export const DICTIONARIES_USAGE = `usage: parley dictionaries check [--dictionaries DIR|FILE] [--json]
Checks the built-in dictionaries (or PETRARCH/TABARI ones) for problems: lines that do not load,
duplicate names and ids, people whose roles overlap with different codes, unknown codes, and
entries or patterns that can never match. Exits 1 when there are errors.
`;

/** `parley dictionaries check`. Returns the exit code. */
export async function runDictionaries(args: string[], io: CommandIO): Promise<number> {
  const [action, ...rest] = args;
  if (action === "--help" || action === "-h" || action === undefined) {
    io.out(DICTIONARIES_USAGE);
    return action === undefined ? 2 : 0;
  }
  if (action !== "check") throw new UsageError(`unknown dictionaries action "${action}" (try "parley dictionaries check")`);
  const { values } = parseArgs({ args: rest, options: { dictionaries: { type: "string" }, json: { type: "boolean", default: false } } });
  let findings: Finding[];
  if (values.dictionaries) {
    const imported = loadForeignDictionaries(values.dictionaries);
    findings = checkDictionaries(toActorDictionaries(imported, false), loadBuiltinLexicon(), imported.problems);
  } else {
    const actors = loadBuiltinDictionaries();
    findings = checkDictionaries(actors, loadBuiltinLexicon());
  }
  const errors = findings.filter((finding) => finding.severity === "error").length;
  if (values.json) io.out(`${JSON.stringify({ errors, warnings: findings.length - errors, findings })}\n`);
  else {
    for (const finding of findings) io.out(`${finding.severity} ${finding.kind} ${finding.where}: ${finding.message}\n`);
    io.out(`${errors} error${errors === 1 ? "" : "s"}, ${findings.length - errors} warning${findings.length - errors === 1 ? "" : "s"}\n`);
  }
  return errors > 0 ? 1 : 0;
}
