import type { InputRecord } from "../ingest/record.js";
import { READ_FORMATS, readInputs, type InputProgress, type ReadFormat } from "../ingest/read-inputs.js";
import { parseIsoDate } from "../time/expressions.js";
import { UsageError, type CommandIO } from "./io.js";

/** `--input` and `--date`, shared by the commands that read news (`code`, `ingest`), checked once. */
export function readingOptions(values: { input?: string | undefined; date?: string | undefined }): { format: ReadFormat; date?: string } {
  const input = values.input ?? "auto";
  if (!(READ_FORMATS as readonly string[]).includes(input)) throw new UsageError(`--input must be one of ${READ_FORMATS.join(", ")}, got "${input}"`);
  if (values.date === undefined) return { format: input as ReadFormat };
  const date = parseIsoDate(values.date);
  if (!date) throw new UsageError(`invalid --date "${values.date}": expected a real calendar date as YYYY-MM-DD`);
  return { format: input as ReadFormat, date };
}

/** The records of a run's inputs, read the same way by `code` and `ingest`. */
export function inputRecords(
  paths: string[],
  reading: { format: ReadFormat; date?: string },
  run: { io: CommandIO; runTime: Date; follow: boolean; warn: (line: string) => void; onProgress: (progress: InputProgress) => void },
): AsyncGenerator<InputRecord> {
  return readInputs(paths, {
    format: reading.format,
    ...(reading.date ? { date: reading.date } : {}),
    today: run.runTime.toISOString().slice(0, 10),
    follow: run.follow,
    stdin: () => run.io.readStdin(),
    warn: run.warn,
    onProgress: run.onProgress,
  });
}
