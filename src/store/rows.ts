/**
 * Coded documents as store rows. Articles are keyed by a hash of their id, URL and raw text, so
 * the same input gives the same key on every run; events by a hash of the merge key (date,
 * source, target, code, place), so every mention of one event lands on one row.
 */
import { createHash } from "node:crypto";
import { parseActorCode } from "../actors/codes.js";
import type { CodedEvent, DocMeta } from "../document/types.js";
import type { SqlValue } from "./connection.js";
import { mentionConfidence } from "../events/confidence.js";

export interface ArticleRecord {
  id: string;
  docId: string;
  url: string | null;
  /** Publisher: DocMeta.source, else the URL's host; null when neither is known. */
  source: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  /** SHA-256 of the cleaned text. */
  hash: string;
  /** Article id of the original when this one is a syndicated copy. */
  duplicateOf: string | null;
  /** Cleaned text, kept for `parley recode`. */
  text: string;
}

export interface EventRecord {
  id: number;
  date: string;
  datePrecision: string;
  source: string;
  sourceCountry: string | null;
  sourceAgent: string | null;
  target: string | null;
  targetCountry: string | null;
  targetAgent: string | null;
  code: string;
  baseCode: string;
  root: string;
  quad: number;
  goldstein: number;
  ploverEvent: string | null;
  ploverMode: string | null;
  ploverContext: string | null;
  /** Where the event happened; "" when not known (parley does not geocode yet). */
  place: string;
}

export interface MentionRecord {
  eventId: number;
  ordinal: number;
  sentence: number;
  sentenceText: string | null;
  spans: { source: [number, number] | null; target: [number, number] | null; verb: [number, number] | null };
  rule: string;
  confidence: number | null;
}

/** One article with what was coded from it. A syndicated copy has no events of its own. */
export interface CodedArticle {
  article: ArticleRecord;
  events: EventRecord[];
  mentions: MentionRecord[];
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The article key: stable for the same input record across runs. */
export function articleId(meta: DocMeta, rawText: string): string {
  return sha256(`${meta.id}\u0000${meta.url ?? ""}\u0000${rawText}`).slice(0, 32);
}

/** The GDELT-style merge key of an event. */
export function eventKey(event: { date: string; source: string; target: string | null; code: string; place: string }): string {
  return [event.date, event.source, event.target ?? "", event.code, event.place].join("|");
}

/** A positive 52-bit integer from the merge key: exact in a JS number and a BIGINT. */
export function eventId(key: string): number {
  return Number.parseInt(sha256(key).slice(0, 13), 16);
}

export function textHash(text: string): string {
  return sha256(text);
}

/** The CAMEO country and first role of an actor code ("RUSGOV" → RUS, GOV). */
export function actorParts(code: string | null, countryCodes: ReadonlySet<string>): { country: string | null; agent: string | null } {
  if (!code) return { country: null, agent: null };
  const parts = parseActorCode(code, countryCodes);
  return { country: parts.country || null, agent: parts.type1 || null };
}

export function eventRecord(event: CodedEvent, countryCodes: ReadonlySet<string>, place = ""): EventRecord {
  const source = actorParts(event.source, countryCodes);
  const target = actorParts(event.target, countryCodes);
  return {
    id: eventId(eventKey({ ...event, place })),
    date: event.date,
    datePrecision: event.datePrecision,
    source: event.source,
    sourceCountry: source.country,
    sourceAgent: source.agent,
    target: event.target,
    targetCountry: target.country,
    targetAgent: target.agent,
    code: event.code,
    baseCode: event.code.slice(0, 3),
    root: event.root,
    quad: event.quad,
    goldstein: event.goldstein,
    ploverEvent: event.plover.event || null,
    ploverMode: event.plover.mode || null,
    ploverContext: event.plover.context || null,
    place,
  };
}

/** Events and mentions of one coded document. */
export function codedEvents(events: readonly CodedEvent[], countryCodes: ReadonlySet<string>): { events: EventRecord[]; mentions: MentionRecord[] } {
  const records: EventRecord[] = [];
  const mentions: MentionRecord[] = [];
  events.forEach((event, ordinal) => {
    const record = eventRecord(event, countryCodes);
    records.push(record);
    mentions.push({
      eventId: record.id,
      ordinal,
      sentence: event.sentence,
      sentenceText: event.text,
      spans: event.spans,
      rule: event.rule.join(" "),
      confidence: mentionConfidence(event),
    });
  });
  return { events: records, mentions };
}

// Row layouts, in the column order of schema.ts.

export function articleRow(article: ArticleRecord, versionId: number): SqlValue[] {
  const { id, docId, url, source, title, published, language, hash, duplicateOf, text } = article;
  return [id, docId, url, source, title, published, language, hash, duplicateOf, text, versionId];
}

export function eventRow(event: EventRecord, firstArticle: string, versionId: number): SqlValue[] {
  return [
    event.id,
    event.date,
    event.datePrecision,
    event.source,
    event.sourceCountry,
    event.sourceAgent,
    event.target,
    event.targetCountry,
    event.targetAgent,
    event.code,
    event.baseCode,
    event.root,
    event.quad,
    event.goldstein,
    event.ploverEvent,
    event.ploverMode,
    event.ploverContext,
    event.place,
    0,
    0,
    0,
    firstArticle,
    versionId,
  ];
}

/** The publisher an article counts as for NumSources: its source, else (unknown) the article itself. */
export function publisherOf(article: ArticleRecord): string {
  return article.source ?? article.id;
}

export function mentionRow(mention: MentionRecord, articleId: string, publisher: string, versionId: number): SqlValue[] {
  const { spans } = mention;
  return [
    mention.eventId,
    articleId,
    mention.ordinal,
    mention.sentence,
    mention.sentenceText,
    spans.source?.[0] ?? null,
    spans.source?.[1] ?? null,
    spans.target?.[0] ?? null,
    spans.target?.[1] ?? null,
    spans.verb?.[0] ?? null,
    spans.verb?.[1] ?? null,
    mention.rule,
    mention.confidence,
    versionId,
    publisher,
  ];
}
