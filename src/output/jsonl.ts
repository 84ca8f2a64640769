import type { CodedEvent } from "../document/types.js";

/**
 * One coded event as a single JSON line (no line terminator; the writer appends "\n").
 *
 * The object is rebuilt field by field so the key order is always that of the `CodedEvent`
 * interface, whatever order the event was assembled in: diffs between runs stay readable and
 * line-based tools see the same layout for every record.
 */
export function formatJsonl(event: CodedEvent): string {
  const ordered: CodedEvent = {
    doc: event.doc,
    sentence: event.sentence,
    date: event.date,
    datePrecision: event.datePrecision,
    source: event.source,
    target: event.target,
    code: event.code,
    root: event.root,
    quad: event.quad,
    goldstein: event.goldstein,
    plover: { event: event.plover.event, mode: event.plover.mode, context: event.plover.context },
    text: event.text,
    spans: {
      source: event.spans.source === null ? null : [event.spans.source[0], event.spans.source[1]],
      target: event.spans.target === null ? null : [event.spans.target[0], event.spans.target[1]],
      verb: [event.spans.verb[0], event.spans.verb[1]],
    },
    rule: [...event.rule],
  };
  // JSON.stringify escapes "\n" and "\r" inside strings, so the result is always one line.
  return JSON.stringify(ordered);
}
