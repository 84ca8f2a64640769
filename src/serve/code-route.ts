/**
 * POST /code: a text in, its events out, nothing stored. The same pipeline and output fields as
 * `parley code` (JSON lines), so what the dashboard's "code a text" box shows is what the CLI prints.
 */
import type { CodedEvent } from "../document/types.js";
import { code } from "../index.js";
import type { Coder } from "../pipeline.js";
import { parseIsoDate } from "../time/expressions.js";
import { ApiError } from "./query-params.js";

export interface CodeRequest {
  text: string;
  /** Publication date: relative dates in the text resolve against it. */
  date: string;
  title?: string;
}

/** Checks a POST /code body: {text, date?, title?}. */
export function readCodeRequest(body: unknown, today: string): CodeRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ApiError(400, 'expected a JSON object: {"text": "...", "date": "YYYY-MM-DD"}');
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!["text", "date", "title"].includes(key)) throw new ApiError(400, `unknown field "${key}" (fields: text, date, title)`, key);
  }
  const text = record["text"];
  if (typeof text !== "string" || text.trim() === "") throw new ApiError(400, '"text" must be a non-empty string', "text");
  const date = record["date"] ?? today;
  if (typeof date !== "string" || !parseIsoDate(date)) throw new ApiError(400, `"date" must be a calendar date as YYYY-MM-DD, got ${JSON.stringify(date)}`, "date");
  const title = record["title"];
  if (title !== undefined && typeof title !== "string") throw new ApiError(400, '"title" must be a string', "title");
  return { text, date, ...(title ? { title } : {}) };
}

export type CodedEventOutput = Omit<CodedEvent, "doc">;

export function codeText(coder: Coder, request: CodeRequest): CodedEventOutput[] {
  const events = code(request.text, { date: request.date, coder, id: "request", ...(request.title ? { title: request.title } : {}) });
  return events.map(({ doc: _doc, ...event }) => event);
}
