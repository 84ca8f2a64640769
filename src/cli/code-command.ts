import { parseArgs } from "node:util";
import type { Doc } from "../document/doc.js";
import { READ_FORMATS, readInputs, type ReadFormat } from "../ingest/read-inputs.js";
import { observeAhead, DEFAULT_LOOKAHEAD } from "../clean/paragraph-dedup.js";
import { createEventWriter, OUTPUT_FORMATS, type OutputFormat } from "../output/writer.js";
import { parseIsoDate } from "../time/expressions.js";
import { explainDocument } from "./explain.js";
import { coderForOption, DICTIONARY_OPTIONS, DICTIONARY_USAGE } from "./dictionaries-option.js";
import { UsageError, type CommandIO } from "./io.js";
import { createProgress } from "./progress.js";
import { RecordCoder } from "./record-coder.js";

export const CODE_USAGE = `usage: parley code [INPUT ...] [options]
Codes news into CAMEO + PLOVER events. INPUTs are files or directories (read recursively): plain text,
JSONL, HTML pages, RSS/Atom feeds, WARC/WARC.gz, any of them gzipped; standard input when none (or "-").

options:
  --input auto|text|jsonl|html|feed|warc   input format (default auto: by extension, then content)
  --date YYYY-MM-DD         publication date for inputs that carry none
  --format jsonl|csv|gdelt  output format (default jsonl)
${DICTIONARY_USAGE}  --follow                  for feeds: fetch each item's page and code its main text
  --keep-duplicates         code near-duplicate articles too (default: a copy is skipped)
  --explain                 print, per sentence, the actors, verb groups and why events were or were not coded
  --explain-clean           print, per document, what cleaning removed and why
  -h, --help                show this help
`;

/** `parley code`: read, screen, code and write events. Returns the exit code. */
export async function runCode(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...DICTIONARY_OPTIONS,
      input: { type: "string", default: "auto" },
      date: { type: "string" },
      format: { type: "string", default: "jsonl" },
      follow: { type: "boolean", default: false },
      "keep-duplicates": { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
      "explain-clean": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(CODE_USAGE);
    return 0;
  }
  const input = values.input as string;
  if (!(READ_FORMATS as readonly string[]).includes(input)) throw new UsageError(`--input must be one of ${READ_FORMATS.join(", ")}, got "${input}"`);
  const format = values.format as string;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")}, got "${format}"`);
  let date: string | undefined;
  if (values.date !== undefined) {
    const parsed = parseIsoDate(values.date);
    if (!parsed) throw new UsageError(`invalid --date "${values.date}": expected a real calendar date as YYYY-MM-DD`);
    date = parsed;
  }

  const runTime = io.now();
  const progress = createProgress();
  const warn = (line: string): void => progress.suspend(() => io.warn(line));
  const coder = coderForOption(values.dictionaries, values["with-builtin"], io);
  const records = new RecordCoder(coder, warn, { keepDuplicates: values["keep-duplicates"] });
  const inputs = readInputs(positionals, {
    format: input as ReadFormat,
    ...(date ? { date } : {}),
    today: runTime.toISOString().slice(0, 10),
    follow: values.follow,
    stdin: () => io.readStdin(),
    warn,
    onProgress: (state) => progress.update({ ...records.tally, ...state }),
  });
  const writer = createEventWriter(format as OutputFormat, io.out, { countryCodes: coder.index.countryCodes, runTime });

  // Documents are counted for boilerplate learning as they arrive, and coded a little later.
  for await (const record of observeAhead(inputs, DEFAULT_LOOKAHEAD, (item) => records.observe(item))) {
    const doc = records.code(record);
    progress.update(records.tally);
    if (!doc) continue;
    if (values["explain-clean"]) io.out(explainCleaning(doc));
    if (values.explain) io.out(explainDocument(doc));
    else if (!values["explain-clean"]) writer.write(doc);
  }
  progress.done();
  const { tally } = records;
  const documents = tally.coded + tally.skipped + tally.failed;
  io.info(`parley: ${documents} document${documents === 1 ? "" : "s"}: ${tally.coded} coded (${tally.events} events), ${tally.skipped} skipped, ${tally.failed} failed`);
  return 0;
}

/** What cleaning removed from one document and why. */
function explainCleaning(doc: Doc): string {
  const removals = doc.messages.filter((message) => message.stage === "clean");
  const lines = [`# ${doc.meta.id}: ${removals.length === 0 ? "nothing removed" : `${removals.length} removed`}`];
  for (const message of removals) lines.push(`  ${message.line ? `line ${message.line}: ` : ""}${message.reason}`);
  return `${lines.join("\n")}\n`;
}
