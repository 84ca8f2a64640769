import { parseArgs } from "node:util";
import { availableParallelism } from "node:os";
import { observeAhead, DEFAULT_LOOKAHEAD } from "../clean/paragraph-dedup.js";
import { createEventWriter, OUTPUT_FORMATS, type OutputFormat } from "../output/writer.js";
import { loadCountryCodes } from "../actors/codes.js";
import type { Coder } from "../pipeline.js";
import { codingResult, type CodingResult, type ExplainMode } from "./coding-jobs.js";
import { HeapTrimmer, TRIM_EVERY_CHARACTERS } from "./coding-heap.js";
import type { CodingPool } from "./coding-pool.js";
import { coderForOption, DICTIONARY_OPTIONS, DICTIONARY_USAGE } from "./dictionaries-option.js";
import { inputRecords, readingOptions } from "./input-options.js";
import { UsageError, type CommandIO } from "./io.js";
import { createProgress } from "./progress.js";
import { codePrepared, RecordCoder, type PreparedDocument } from "./record-coder.js";

/**
 * Documents go to worker threads in batches of up to this many documents or characters: one
 * message then carries enough work that passing it costs little, and few enough that every
 * thread stays busy and memory stays bounded.
 */
const BATCH_DOCUMENTS = 16;
const BATCH_CHARACTERS = 64 * 1024;
/** Batches queued per worker thread before the main thread waits for the oldest. */
const BATCHES_PER_JOB = 4;
/**
 * The main thread is one of the N jobs: it codes a batch itself whenever every worker already
 * has this many waiting. N - 1 workers plus the main thread keep N cores busy with one V8 heap,
 * wink model and dictionary set fewer than N workers would need (~100 MB each), and the main
 * thread's reading and screening fit in between.
 */
const WORKER_QUEUE = 4;
/** Output is written in chunks of about this size: one write per event costs a system call each. */
const OUTPUT_CHUNK = 16 * 1024;

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
  const output = chunkedOutput(io.out, OUTPUT_CHUNK);
  const writer = createEventWriter(format as OutputFormat, output.write, { countryCodes: coder?.index.countryCodes ?? loadCountryCodes(), runTime });
  const explain: ExplainMode = { events: values.explain, cleaning: values["explain-clean"] };

  const emit = (prepared: PreparedDocument, done: CodingResult): void => {
    if (done.explanation !== undefined) output.write(done.explanation);
    const coded = records.account(prepared, { sentences: done.sentences, events: done.events });
    if (coded && !explain.events && !explain.cleaning) {
      if ("lines" in done.output) output.write(done.output.lines);
      else writer.write(done.output.coded);
    }
    progress.update(records.tally);
  };
  const heap = new HeapTrimmer(TRIM_EVERY_CHARACTERS);
  const codeOne = (prepared: PreparedDocument): CodingResult => {
    const result = codingResult(codePrepared(localCoder(), prepared), explain, format as OutputFormat);
    if (jobs === 1) heap.note(prepared.text.length);
    return result;
  };
  const codeHere = (prepared: PreparedDocument): void => emit(prepared, codeOne(prepared));

  // With one job the pipeline runs here; with N, N - 1 worker threads code batches of documents
  // while this thread reads, screens, writes and codes a batch whenever the workers are busy.
  // Batches are emitted in input order with a bounded number in flight. Threads start only once a
  // batch fills: an input smaller than one batch is coded here, sooner than a thread could start.
  let pool: CodingPool | undefined;
  let batch: PreparedDocument[] = [];
  let batchCharacters = 0;
  const inFlight: Array<{ batch: PreparedDocument[]; results: Promise<CodingResult[]> | CodingResult[] }> = [];
  const drainOne = async (): Promise<void> => {
    const head = inFlight.shift();
    if (!head) return;
    const results = await head.results;
    head.batch.forEach((prepared, i) => {
      const result = results[i];
      if (result) emit(prepared, result);
    });
  };
  const codeBatchHere = (documents: PreparedDocument[]): CodingResult[] => documents.map(codeOne);
  const submit = async (): Promise<void> => {
    // Imported here: worker threads are only started once a batch fills, never for --jobs 1.
    pool ??= new (await import("./coding-pool.js")).CodingPool(jobs - 1, { ...(values.dictionaries ? { dictionaries: values.dictionaries } : {}), withBuiltin: values["with-builtin"] }, { explain, format: format as OutputFormat });
    inFlight.push({ batch, results: pool.saturated(WORKER_QUEUE) ? codeBatchHere(batch) : pool.code(batch) });
    batch = [];
    batchCharacters = 0;
    if (inFlight.length >= jobs * BATCHES_PER_JOB) await drainOne();
  };
  try {
    // Documents are counted for boilerplate learning as they arrive, and coded a little later.
    for await (const record of observeAhead(inputs, DEFAULT_LOOKAHEAD, (item) => records.observe(item))) {
      const prepared = records.prepare(record);
      progress.update(records.tally);
      if (!prepared) continue;
      if (jobs === 1) {
        codeHere(prepared);
        continue;
      }
      // Reading and screening make garbage here too, whether or not this thread codes the document.
      heap.note(prepared.text.length);
      batch.push(prepared);
      batchCharacters += prepared.text.length;
      const full = batch.length >= BATCH_DOCUMENTS || batchCharacters >= BATCH_CHARACTERS;
      if (full && (pool || batch.length > 1)) await submit();
    }
    if (!pool) batch.forEach(codeHere);
    else if (batch.length > 0) await submit();
    while (inFlight.length > 0) await drainOne();
  } finally {
    output.flush();
    await pool?.close();
  }
  progress.done();
  const { tally } = records;
  const documents = tally.coded + tally.skipped + tally.failed;
  io.info(`parley: ${documents} document${documents === 1 ? "" : "s"}: ${tally.coded} coded (${tally.events} events), ${tally.skipped} skipped, ${tally.failed} failed`);
  return 0;
}

/** A sink that gathers small writes and passes them on in chunks of about `size` characters. */
function chunkedOutput(out: (text: string) => void, size: number): { write: (text: string) => void; flush: () => void } {
  let pending: string[] = [];
  let length = 0;
  const flush = (): void => {
    if (length === 0) return;
    out(pending.join(""));
    pending = [];
    length = 0;
  };
  return {
    write: (text) => {
      pending.push(text);
      length += text.length;
      if (length >= size) flush();
    },
    flush,
  };
}
