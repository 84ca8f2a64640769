/**
 * Which characters of a text to mark as source, verb or target (no DOM here: highlight.ts draws them).
 * Spans may overlap (one sentence, several events); an overlapping span is clipped to the part not yet
 * marked, so every character is marked at most once and the text is kept whole.
 */
import type { Span, Spans } from "./api.js";

export type Role = "source" | "verb" | "target";
export const ROLES: readonly Role[] = ["source", "verb", "target"];

export interface RoleSpan {
  role: Role;
  start: number;
  end: number;
  /** Shown on hover, e.g. the actor code or event code. */
  title?: string;
}

/** The spans of one mention, as role spans (missing roles left out). */
export function roleSpans(spans: Spans, titles: Partial<Record<Role, string>> = {}, offset = 0): RoleSpan[] {
  const result: RoleSpan[] = [];
  for (const role of ROLES) {
    const span: Span | null = spans[role];
    if (!span) continue;
    const title = titles[role];
    result.push({ role, start: span[0] + offset, end: span[1] + offset, ...(title ? { title } : {}) });
  }
  return result;
}

/** Spans in text order, clipped to the text and to each other. */
export function arrangeSpans(textLength: number, spans: readonly RoleSpan[]): RoleSpan[] {
  const ordered = [...spans]
    .map((span) => ({ ...span, start: Math.max(0, span.start), end: Math.min(textLength, span.end) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const arranged: RoleSpan[] = [];
  let markedUpTo = 0;
  for (const span of ordered) {
    const start = Math.max(span.start, markedUpTo);
    if (span.end <= start) continue;
    arranged.push({ ...span, start });
    markedUpTo = span.end;
  }
  return arranged;
}

