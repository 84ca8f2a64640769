import type { CodedEvent } from "../document/types.js";

/**
 * Coded events as RFC 4180 CSV: a header row, then one record per event. The functions return
 * records without a line terminator; RFC 4180 separates records with CRLF (`CSV_EOL`).
 */
export const CSV_EOL = "\r\n";

/** Column names, in output order. */
export const CSV_COLUMNS: readonly string[] = [
  "doc",
  "sentence",
  "date",
  "date_precision",
  "source",
  "target",
  "code",
  "root",
  "quad",
  "goldstein",
  "plover_event",
  "plover_mode",
  "plover_context",
  "source_start",
  "source_end",
  "target_start",
  "target_end",
  "verb_start",
  "verb_end",
  "rule",
  "text",
];

/** Separator between the entries of the `rule` column. */
export const RULE_SEPARATOR = "; ";

export function csvHeader(): string {
  return CSV_COLUMNS.map(csvField).join(",");
}

export function formatCsv(event: CodedEvent): string {
  const { source, target, verb } = event.spans;
  const values: string[] = [
    event.doc,
    String(event.sentence),
    event.date,
    event.datePrecision,
    event.source,
    event.target ?? "",
    event.code,
    event.root,
    String(event.quad),
    String(event.goldstein),
    event.plover.event,
    event.plover.mode,
    event.plover.context,
    source === null ? "" : String(source[0]),
    source === null ? "" : String(source[1]),
    target === null ? "" : String(target[0]),
    target === null ? "" : String(target[1]),
    String(verb[0]),
    String(verb[1]),
    event.rule.join(RULE_SEPARATOR),
    event.text,
  ];
  return values.map(csvField).join(",");
}

/**
 * A field quoted when RFC 4180 requires it (it holds a comma, a double quote, CR or LF), with
 * embedded quotes doubled. Other fields are written bare, so plain values stay easy to grep.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
