import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { DocMeta } from "../document/types.js";
import { readJsonl } from "../ingest/jsonl.js";
import { InputError, type InputRecord } from "../ingest/record.js";
import { assertText, detectFormat, type InputFormat } from "../ingest/sniff.js";
import { createEventWriter, OUTPUT_FORMATS, type OutputFormat } from "../output/writer.js";
import { builtinCoder, processDocument } from "../pipeline.js";
import { parseIsoDate } from "../time/expressions.js";
import { explainDocument } from "./explain.js";
import { UsageError, type CommandIO } from "./io.js";

export const CODE_USAGE = `usage: parley code [FILE ...] [options]
Codes news text into CAMEO + PLOVER events. Reads FILEs, or standard input when none (or "-").

options:
  --input text|jsonl|auto   input format (default auto: by extension, then content)
  --date YYYY-MM-DD         publication date of plain-text input (and JSONL records without one)
  --format jsonl|csv|gdelt  output format (default jsonl)
  --explain                 print, per sentence, the actors, verb groups and why events were or were not coded
  -h, --help                show this help
`;

const INPUT_FORMATS = ["text", "jsonl", "auto"] as const;
type InputOption = (typeof INPUT_FORMATS)[number];

interface Source {
  name: string;
  where: string;
  bytes: Uint8Array;
}

function readSources(files: readonly string[], io: CommandIO): Source[] {
  if (files.length === 0) return [{ name: "stdin", where: "<stdin>", bytes: io.readStdin() }];
  return files.map((file) => {
    if (file === "-") return { name: "stdin", where: "<stdin>", bytes: io.readStdin() };
    try {
      return { name: basename(file), where: file, bytes: readFileSync(file) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory (give files)" : code === "EACCES" ? "permission denied" : (error as Error).message;
      throw new InputError(file, reason);
    }
  });
}

function* recordsOf(source: Source, format: InputOption, date: string | undefined, today: string, io: CommandIO): Generator<InputRecord> {
  const text = assertText(source.bytes, source.where);
  const kind: InputFormat = format === "auto" ? detectFormat(source.name === "stdin" ? undefined : source.name, text) : format;
  if (kind === "jsonl") {
    yield* readJsonl(text, source.where, date);
    return;
  }
  if (!date) io.warn(`${source.where}: no --date given; using today's date ${today} as the publication date`);
  const meta: DocMeta = { id: source.name, date: date ?? today };
  yield { kind: "document", meta, text, where: source.where };
}

/** `parley code`: read, code and write events. Returns the exit code. */
export async function runCode(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      input: { type: "string", default: "auto" },
      date: { type: "string" },
      format: { type: "string", default: "jsonl" },
      explain: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(CODE_USAGE);
    return 0;
  }
  const input = values.input as string;
  if (!(INPUT_FORMATS as readonly string[]).includes(input)) throw new UsageError(`--input must be one of ${INPUT_FORMATS.join(", ")}, got "${input}"`);
  const format = values.format as string;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")}, got "${format}"`);
  let date: string | undefined;
  if (values.date !== undefined) {
    const parsed = parseIsoDate(values.date);
    if (!parsed) throw new UsageError(`invalid --date "${values.date}": expected a real calendar date as YYYY-MM-DD`);
    date = parsed;
  }

  // Read everything first: a missing or binary file stops the run before any output.
  const sources = readSources(positionals, io);
  const runTime = io.now();
  const today = runTime.toISOString().slice(0, 10);
  const coder = builtinCoder();
  const writer = createEventWriter(format as OutputFormat, io.out, { countryCodes: coder.index.countryCodes, runTime });
  const tally = { coded: 0, skipped: 0, failed: 0, events: 0 };

  for (const source of sources) {
    for (const record of recordsOf(source, input as InputOption, date, today, io)) {
      if (record.kind === "failure") {
        io.warn(`${record.where}: ${record.reason}`);
        tally.failed += 1;
        continue;
      }
      if (record.kind === "skipped") {
        io.warn(`${record.where}: skipped: ${record.reason}`);
        tally.skipped += 1;
        continue;
      }
      if (record.text.trim() === "") {
        io.warn(`${record.where}: skipped: empty text`);
        tally.skipped += 1;
        continue;
      }
      const doc = processDocument(coder, record.meta, record.text);
      if (doc.sentences.length === 0) {
        io.warn(`${record.where}: skipped: nothing left after removing boilerplate`);
        tally.skipped += 1;
        continue;
      }
      if (values.explain) io.out(explainDocument(doc));
      else writer.write(doc);
      tally.coded += 1;
      tally.events += doc.events.length;
    }
  }
  const documents = tally.coded + tally.skipped + tally.failed;
  io.info(`parley: ${documents} document${documents === 1 ? "" : "s"}: ${tally.coded} coded (${tally.events} events), ${tally.skipped} skipped, ${tally.failed} failed`);
  return 0;
}
