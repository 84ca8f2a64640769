/**
 * A typed client for `parley serve`'s JSON API (the contract is docs in /openapi.json). Every call
 * goes to the same origin the dashboard was served from; a non-2xx answer becomes an ApiError
 * carrying the server's own one-line message, which the views show as is.
 */

import type { DyadRow, IngestSummary, Network, NetworkEdge, NetworkNode, Period } from "../../src/store/api-shapes.js";

// Shapes the server sends as the store gives them (one definition for both sides); DyadPoint is the dashboard's name for a dyad row.
export type { IngestSummary, Network, NetworkEdge, NetworkNode, Period };
export type DyadPoint = DyadRow;

export type Quad = 1 | 2 | 3 | 4;
export type Span = [start: number, end: number];

export interface Event {
  id: string;
  date: string;
  datePrecision: string;
  source: string;
  sourceCountry: string | null;
  sourceAgent: string | null;
  target: string | null;
  targetCountry: string | null;
  targetAgent: string | null;
  code: string;
  codeLabel: string;
  root: string;
  quad: Quad;
  goldstein: number;
  ploverEvent: string | null;
  ploverMode: string | null;
  numMentions: number;
  numSources: number;
  numArticles: number;
  firstArticle: string | null;
  sentence: string | null;
}

export interface Spans {
  source: Span | null;
  target: Span | null;
  verb: Span | null;
}

export interface Mention {
  articleId: string;
  title: string | null;
  url: string | null;
  publisher: string;
  published: string | null;
  /** Index of the sentence in its article. */
  sentence: number;
  /** The sentence's text; spans are offsets into it. */
  text: string;
  spans: Spans;
  rule: string;
  /** 0–1 or 0–100 (the server sends percent): formatConfidence reads both. */
  confidence: number | null;
}

export interface ArticleMention extends Mention {
  eventId: string;
  code: string;
  codeLabel: string;
  source: string;
  target: string | null;
  quad: Quad;
  goldstein: number;
}

export interface Article {
  id: string;
  title: string | null;
  url: string | null;
  publisher: string;
  published: string | null;
  language: string | null;
  duplicateOf: string | null;
  text: string;
}

export interface StoreVersion {
  id: string | number;
  kind: string;
  parleyVersion: string;
  dictionaryVersion: string;
  started: string;
}

export interface Status {
  store: "duckdb" | "postgres";
  readOnly: boolean;
  ingest: boolean;
  articles: number;
  events: number;
  mentions: number;
  firstDate: string | null;
  lastDate: string | null;
  versions: StoreVersion[];
}

export interface DyadSeries {
  source: string;
  target: string;
  by: Period;
  both: boolean;
  series: DyadPoint[];
}

export type TopKind = "actors" | "dyads" | "codes";

export interface TopRow {
  key: string;
  events: number;
  mentions: number;
  label?: string;
  source?: string;
  target?: string;
}

export interface ActorEntry {
  code: string;
  name: string;
  kind: "person" | "country" | "organisation" | "agent";
  detail: string;
}

export interface CodeEntry {
  code: string;
  label: string;
  quad: Quad;
  goldstein: number;
  plover: string | null;
}

export interface CodedEvent {
  sentence: number;
  date: string;
  datePrecision: string;
  source: string;
  target: string | null;
  code: string;
  codeLabel: string;
  root: string;
  quad: Quad;
  goldstein: number;
  /** The contract says a string; the server sends {event, mode, context}: both are read. */
  plover: string | { event: string; mode?: string; context?: string } | null;
  text: string;
  spans: Spans;
  rule: string[];
}

/** One article for POST /ingest: `{"id", "date", "text", "title"?, "url"?, "source"?}` (checked by the server). */
export type IngestArticle = Record<string, unknown>;

export interface Page {
  total: number;
  limit: number;
  offset: number;
}

/** Query parameters: unset and empty values are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly parameter: string | null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorBody {
  error?: { status?: number; message?: string; parameter?: string };
}

export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

interface RequestOptions {
  method?: "GET" | "POST";
  json?: unknown;
  /** Extra request headers (POST /ingest's Authorization). */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  const init: RequestInit = { method: options.method ?? "GET", headers };
  if (options.json !== undefined) {
    init.body = JSON.stringify(options.json);
    headers["Content-Type"] = "application/json";
  }
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(`cannot reach the parley server (${path.split("?")[0]})`, 0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    throw new ApiError(error?.message ?? `${response.status} ${response.statusText} from ${path.split("?")[0]}`, response.status, error?.parameter ?? null);
  }
  if (body === null) throw new ApiError(`the server sent no JSON for ${path.split("?")[0]}`, response.status, null);
  return body as T;
}

const get = <T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> => request<T>(path + queryString(query), { signal });

export const api = {
  status: (signal?: AbortSignal) => get<Status>("/status", {}, signal),
  events: (query: Query, signal?: AbortSignal) => get<Page & { events: Event[] }>("/events", query, signal),
  event: (id: string, signal?: AbortSignal) => get<{ event: Event; mentions: Mention[] }>(`/events/${encodeURIComponent(id)}`, {}, signal),
  dyad: (query: Query, signal?: AbortSignal) => get<DyadSeries>("/dyad", query, signal),
  top: (kind: TopKind, query: Query = {}, signal?: AbortSignal) => get<{ kind: TopKind; rows: TopRow[] }>(`/top/${kind}`, query, signal),
  network: (query: Query, signal?: AbortSignal) => get<Network>("/network", query, signal),
  article: (id: string, signal?: AbortSignal) => get<{ article: Article; mentions: ArticleMention[] }>(`/articles/${encodeURIComponent(id)}`, {}, signal),
  actors: (q: string, limit = 12, signal?: AbortSignal) => get<{ query: string; actors: ActorEntry[] }>("/actors", { q, limit }, signal),
  codes: (signal?: AbortSignal) => get<{ codes: CodeEntry[] }>("/codes", {}, signal),
  code: (body: { text: string; date?: string; title?: string }, signal?: AbortSignal) =>
    request<{ events: CodedEvent[] }>("/code", { method: "POST", json: body, signal }),
  /** Stores articles (only on a server started with --token): at most 1,000 and 5 MiB per call. */
  ingest: (articles: readonly IngestArticle[], token: string, signal?: AbortSignal) =>
    request<IngestSummary>("/ingest", { method: "POST", json: { articles }, headers: { Authorization: `Bearer ${token}` }, signal }),
};
