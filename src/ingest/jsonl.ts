import type { DocMeta } from "../document/types.js";
import { parseIsoDate } from "../time/expressions.js";
import type { InputRecord } from "./record.js";

/**
 * JSONL input: one document per line, `{"id","date","text","title"?,"url"?,"source"?}`. A bad line
 * becomes a failure naming the line and the reason; the lines around it are still coded.
 */
export function* readJsonl(text: string, file: string, defaultDate: string | undefined): Generator<InputRecord> {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    yield parseJsonlLine(line, `${file}:${i + 1}`, defaultDate);
  }
}

function field(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

export function parseJsonlLine(line: string, where: string, defaultDate: string | undefined): InputRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { kind: "failure", where, reason: `malformed JSON (${(error as Error).message})` };
  }
  return recordOf(value, where, defaultDate);
}

/**
 * One parsed JSON value as an input record: `{"id","date","text","title"?,"url"?,"source"?}`, else
 * a failure naming `where` and the reason. Shared by JSONL lines and the server's POST /ingest.
 */
export function recordOf(value: unknown, where: string, defaultDate: string | undefined): InputRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "failure", where, reason: "expected a JSON object with id, date and text" };
  }
  const record = value as Record<string, unknown>;
  const text = record["text"];
  if (typeof text !== "string") return { kind: "failure", where, reason: 'missing "text" (a string)' };
  const id = field(record, "id");
  if (!id) return { kind: "failure", where, reason: 'missing "id"' };
  const rawDate = field(record, "date") ?? defaultDate;
  if (!rawDate) return { kind: "failure", where, reason: 'missing "date" (YYYY-MM-DD) and no --date given' };
  // Accept full timestamps ("2022-01-19T10:00:00Z") by their calendar day.
  const date = parseIsoDate(rawDate.slice(0, 10));
  if (!date || (rawDate.length > 10 && !/^\d{4}-\d{2}-\d{2}[T ]/.test(rawDate))) {
    return { kind: "failure", where, reason: `invalid "date" ${JSON.stringify(rawDate)} (expected YYYY-MM-DD)` };
  }
  const meta: DocMeta = { id, date };
  const title = field(record, "title");
  const url = field(record, "url");
  const source = field(record, "source");
  if (title) meta.title = title;
  if (url) meta.url = url;
  if (source) meta.source = source;
  const body = title && !text.startsWith(title) ? `${title}\n${text}` : text;
  return { kind: "document", meta, text: body, where };
}
