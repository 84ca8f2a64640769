import { parseArgs } from "node:util";
import { availableParallelism } from "node:os";
import { observeAhead, DEFAULT_LOOKAHEAD } from "../clean/paragraph-dedup.js";
import { codedDocument, createEventWriter, OUTPUT_FORMATS, type CodedDocument, type OutputFormat } from "../output/writer.js";
import { loadCountryCodes } from "../actors/codes.js";
import type { Coder } from "../pipeline.js";
import { explanationOf, type ExplainMode } from "./coding-jobs.js";
import { CodingPool } from "./coding-pool.js";
import { coderForOption, DICTIONARY_OPTIONS, DICTIONARY_USAGE } from "./dictionaries-option.js";
import { inputRecords, readingOptions } from "./input-options.js";
import { UsageError, type CommandIO } from "./io.js";
import { createProgress } from "./progress.js";
import { codePrepared, RecordCoder, type PreparedDocument } from "./record-coder.js";

/** Documents queued per worker: enough to keep every thread busy, few enough to bound memory. */
const IN_FLIGHT_PER_JOB = 8;

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
  -j, --jobs N              worker threads that code in parallel (default: the number of cores); output
                            keeps the input order
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
      jobs: { type: "string", short: "j" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(CODE_USAGE);
    return 0;
  }
  const reading = readingOptions(values);
  const format = values.format as string;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")}, got "${format}"`);

  const runTime = io.now();
  const progress = createProgress();
  const warn = (line: string): void => progress.suspend(() => io.warn(line));
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, got "${values.jobs}"`);
  // The main thread needs a coder only to code itself, or to report problems in user dictionaries.
  let coder = jobs === 1 || values.dictionaries !== undefined ? coderForOption(values.dictionaries, values["with-builtin"], io) : undefined;
  const localCoder = (): Coder => (coder ??= coderForOption(values.dictionaries, values["with-builtin"], io));
  const records = new RecordCoder(warn, { keepDuplicates: values["keep-duplicates"] });
  const inputs = inputRecords(positionals, reading, { io, runTime, follow: values.follow, warn, onProgress: (state) => progress.update({ ...records.tally, ...state }) });
  const writer = createEventWriter(format as OutputFormat, io.out, { countryCodes: coder?.index.countryCodes ?? loadCountryCodes(), runTime });
  const explain: ExplainMode = { events: values.explain, cleaning: values["explain-clean"] };

  const emit = (prepared: PreparedDocument, done: { coded: CodedDocument; sentences: number; explanation: string | undefined }): void => {
    if (done.explanation !== undefined) io.out(done.explanation);
    const coded = records.account(prepared, { sentences: done.sentences, events: done.coded.events.length });
    if (coded && !explain.events && !explain.cleaning) writer.write(done.coded);
    progress.update(records.tally);
  };
  const codeHere = (prepared: PreparedDocument): void => {
    const doc = codePrepared(localCoder(), prepared);
    emit(prepared, { coded: codedDocument(doc), sentences: doc.sentences.length, explanation: explanationOf(doc, explain) });
  };

  // With one job the pipeline runs here; with more, worker threads code while this thread reads,
  // screens and writes, and results are awaited in input order with a bounded number in flight.
  // Threads start only once a second document shows that there is more than one to code.
  let pool: CodingPool | undefined;
  let waiting: PreparedDocument | undefined;
  const inFlight: Array<{ prepared: PreparedDocument; result: ReturnType<CodingPool["code"]> }> = [];
  const submit = async (prepared: PreparedDocument): Promise<void> => {
    pool ??= new CodingPool(jobs, { ...(values.dictionaries ? { dictionaries: values.dictionaries } : {}), withBuiltin: values["with-builtin"] });
    inFlight.push({ prepared, result: pool.code(prepared, explain) });
    if (inFlight.length >= jobs * IN_FLIGHT_PER_JOB) await drainOne();
  };
  const drainOne = async (): Promise<void> => {
    const head = inFlight.shift();
    if (head) emit(head.prepared, await head.result);
  };
  try {
    // Documents are counted for boilerplate learning as they arrive, and coded a little later.
    for await (const record of observeAhead(inputs, DEFAULT_LOOKAHEAD, (item) => records.observe(item))) {
      const prepared = records.prepare(record);
      progress.update(records.tally);
      if (!prepared) continue;
      if (jobs === 1) codeHere(prepared);
      else if (!pool && !waiting) waiting = prepared;
      else {
        if (waiting) await submit(waiting);
        waiting = undefined;
        await submit(prepared);
      }
    }
    if (waiting) codeHere(waiting);
    while (inFlight.length > 0) await drainOne();
  } finally {
    await pool?.close();
  }
  progress.done();
  const { tally } = records;
  const documents = tally.coded + tally.skipped + tally.failed;
  io.info(`parley: ${documents} document${documents === 1 ? "" : "s"}: ${tally.coded} coded (${tally.events} events), ${tally.skipped} skipped, ${tally.failed} failed`);
  return 0;
}

