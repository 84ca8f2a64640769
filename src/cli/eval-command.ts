import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { evaluate, formatReport } from "../eval/evaluate.js";
import { parseValidationXml } from "../eval/validation-xml.js";
import { InputError } from "../ingest/record.js";
import { coderForOption, DICTIONARY_OPTIONS, DICTIONARY_USAGE } from "./dictionaries-option.js";
import { UsageError, type CommandIO } from "./io.js";

export const EVAL_USAGE = `usage: parley eval SUITE.xml [options]
Codes every record of a PETRARCH validation file from its raw text and scores the events.

options:
${DICTIONARY_USAGE}  --json        print one JSON object (records, exact, precision, recall, f1, levels, categories)
  --verbose     also print every miss: expected, produced, and the --explain trace
  -h, --help    show this help
`;

/** `parley eval`: score the coder against a validation suite. Returns the exit code. */
export async function runEval(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...DICTIONARY_OPTIONS,
      json: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(EVAL_USAGE);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError("give exactly one validation file (parley eval SUITE.xml)");
  let xml: string;
  try {
    xml = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, code === "ENOENT" ? "no such file" : (error as Error).message);
  }
  const suite = parseValidationXml(xml, file);
  for (const problem of suite.problems) io.warn(`${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`);
  if (suite.records.length === 0) throw new InputError(file, "no validation records (<Sentence> with <Text>) found");
  const report = evaluate(suite.records, coderForOption(values.dictionaries, values["with-builtin"], io, suite.environment));
  if (values.json) {
    const { misses, ...summary } = report;
    io.out(`${JSON.stringify(values.verbose ? report : { ...summary, misses: misses.map((miss) => miss.id) })}\n`);
  } else {
    io.out(formatReport(report, values.verbose));
  }
  return 0;
}
