import { READ_FORMATS, type ReadFormat } from "../ingest/read-inputs.js";
import { parseIsoDate } from "../time/expressions.js";
import { UsageError } from "./io.js";

/** `--input` and `--date`, shared by the commands that read news (`code`, `ingest`), checked once. */
export function readingOptions(values: { input?: string | undefined; date?: string | undefined }): { format: ReadFormat; date?: string } {
  const input = values.input ?? "auto";
  if (!(READ_FORMATS as readonly string[]).includes(input)) throw new UsageError(`--input must be one of ${READ_FORMATS.join(", ")}, got "${input}"`);
  if (values.date === undefined) return { format: input as ReadFormat };
  const date = parseIsoDate(values.date);
  if (!date) throw new UsageError(`invalid --date "${values.date}": expected a real calendar date as YYYY-MM-DD`);
  return { format: input as ReadFormat, date };
}
