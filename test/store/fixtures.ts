import type { CodedArticle, EventRecord } from "../../src/store/rows.js";
import { eventId, eventKey } from "../../src/store/rows.js";

/** A small hand-made event (merge key from its fields). */
export function event(date: string, source: string, target: string | null, code: string, goldstein = 1, quad = 1): EventRecord {
  return {
    id: eventId(eventKey({ date, source, target, code, place: "" })),
    date,
    datePrecision: "day",
    source,
    sourceCountry: source.slice(0, 3),
    sourceAgent: source.length > 3 ? source.slice(3, 6) : null,
    target,
    targetCountry: target ? target.slice(0, 3) : null,
    targetAgent: target && target.length > 3 ? target.slice(3, 6) : null,
    code,
    baseCode: code.slice(0, 3),
    root: code.slice(0, 2),
    quad,
    goldstein,
    ploverEvent: "CONSULT",
    ploverMode: null,
    ploverContext: null,
    place: "",
  };
}

/** An article reporting `events`, one mention each (sentence = position). */
export function article(id: string, source: string | null, events: EventRecord[], duplicateOf: string | null = null): CodedArticle {
  return {
    article: {
      id,
      docId: `doc-${id}`,
      url: source ? `https://${source}/${id}` : null,
      source,
      title: `Title ${id}`,
      published: events[0]?.date ?? "2024-01-01",
      language: "eng",
      hash: `hash-${id}`,
      duplicateOf,
      text: `Text of ${id}`,
    },
    events: duplicateOf ? [] : events,
    mentions: duplicateOf
      ? []
      : events.map((e, ordinal) => ({
          eventId: e.id,
          ordinal,
          sentence: ordinal,
          sentenceText: `sentence ${ordinal}`,
          spans: { source: [0, 3] as [number, number], target: null, verb: [4, 8] as [number, number] },
          rule: "test",
          confidence: null,
        })),
  };
}
