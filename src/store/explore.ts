/**
 * The questions the HTTP API and the dashboard ask: pages of events and articles, one event or
 * article with its mentions (for provenance), the actor network of a period, and the store's
 * status. Every value from a request is bound as a parameter (filter.ts).
 */
import type { SqlRow, SqlValue } from "./connection.js";
import { dateBound, eventConditions, SqlParams, where, type EventConditions } from "./filter.js";
import type { SqlReader } from "./queries.js";
import type { EventRecord } from "./rows.js";
import type { Network, NetworkEdge } from "./api-shapes.js";

/** A stored event as the API shows it: the event record (its id as text) with its counts. */
export interface StoredEvent extends Omit<EventRecord, "id" | "baseCode" | "ploverContext" | "place"> {
  id: string;
  numMentions: number;
  numSources: number;
  numArticles: number;
  firstArticle: string;
  /** The sentence of the event's first mention (by article, then position). */
  sentence: string | null;
}

export type Span = [start: number, end: number] | null;

export interface StoredMention {
  eventId: string;
  articleId: string;
  title: string | null;
  url: string | null;
  publisher: string;
  published: string | null;
  /** The sentence's index in its article. */
  sentence: number;
  /** The sentence; spans are offsets into it (end exclusive). */
  text: string | null;
  spans: { source: Span; target: Span; verb: Span };
  rule: string | null;
  confidence: number | null;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

const EVENT_COLUMNS =
  "e.id, CAST(e.date AS VARCHAR) AS date, e.date_precision, e.source, e.source_country, e.source_agent, e.target, e.target_country, " +
  "e.target_agent, e.code, e.root, e.quad, e.goldstein, e.plover_event, e.plover_mode, e.num_mentions, e.num_sources, e.num_articles, e.first_article";

const MENTION_COLUMNS =
  "m.event_id, m.article_id, a.title, a.url, m.publisher, CAST(a.published AS VARCHAR) AS published, m.sentence, m.sentence_text, " +
  "m.source_start, m.source_end, m.target_start, m.target_end, m.verb_start, m.verb_end, m.rule, m.confidence";

const text = (value: SqlValue | undefined): string | null => (value === null || value === undefined ? null : String(value));

function eventOf(row: SqlRow, sentence: string | null): StoredEvent {
  return {
    id: String(row["id"]),
    date: String(row["date"]),
    datePrecision: String(row["date_precision"]),
    source: String(row["source"]),
    sourceCountry: text(row["source_country"]),
    sourceAgent: text(row["source_agent"]),
    target: text(row["target"]),
    targetCountry: text(row["target_country"]),
    targetAgent: text(row["target_agent"]),
    code: String(row["code"]),
    root: String(row["root"]),
    quad: Number(row["quad"]),
    goldstein: Number(row["goldstein"]),
    ploverEvent: text(row["plover_event"]),
    ploverMode: text(row["plover_mode"]),
    numMentions: Number(row["num_mentions"]),
    numSources: Number(row["num_sources"]),
    numArticles: Number(row["num_articles"]),
    firstArticle: String(row["first_article"]),
    sentence,
  };
}

function span(row: SqlRow, side: "source" | "target" | "verb"): Span {
  const start = row[`${side}_start`];
  const end = row[`${side}_end`];
  return start === null || end === null || start === undefined || end === undefined ? null : [Number(start), Number(end)];
}

function mentionOf(row: SqlRow): StoredMention {
  return {
    eventId: String(row["event_id"]),
    articleId: String(row["article_id"]),
    title: text(row["title"]),
    url: text(row["url"]),
    publisher: String(row["publisher"]),
    published: text(row["published"]),
    sentence: Number(row["sentence"]),
    text: text(row["sentence_text"]),
    spans: { source: span(row, "source"), target: span(row, "target"), verb: span(row, "verb") },
    rule: text(row["rule"]),
    confidence: row["confidence"] === null || row["confidence"] === undefined ? null : Number(row["confidence"]),
  };
}

/** A list of integer parameters as "$4, $5, $6". */
function placeholders(values: readonly SqlValue[], params: SqlParams): string {
  return values.map((value) => params.add(value)).join(", ");
}

/** The first mention's sentence of each event id. */
async function firstSentences(sql: SqlReader, ids: readonly number[]): Promise<Map<string, string | null>> {
  const sentences = new Map<string, string | null>();
  if (ids.length === 0) return sentences;
  const params = new SqlParams();
  const rows = await sql.all(
    `SELECT event_id, sentence_text FROM mentions WHERE event_id IN (${placeholders(ids, params)}) ORDER BY event_id, article_id, ordinal`,
    params.values,
  );
  for (const row of rows) {
    const id = String(row["event_id"]);
    if (!sentences.has(id)) sentences.set(id, text(row["sentence_text"]));
  }
  return sentences;
}

/**
 * Events a filter selects, newest first, one page at a time, with the total. The page is found by
 * its ids first (sorting two columns, not all of them), then its rows are read by primary key.
 */
export async function eventPage(sql: SqlReader, filter: EventConditions, limit: number, offset: number): Promise<Page<StoredEvent>> {
  // With a text search, one pass gives the page's ids and the total (a window count over the
  // filtered rows), so the sentences are searched once, not once for the count and once for the
  // page. Without one, a count and a top-N sort are each cheaper than sorting every row the
  // window would keep.
  const countPass = async (): Promise<number> => {
    const countParams = new SqlParams();
    const [count] = await sql.all(`SELECT COUNT(*) AS n FROM events e ${where(eventConditions(filter, countParams, "e."))}`, countParams.values);
    return Number(count?.["n"] ?? 0);
  };
  const windowed = filter.text !== undefined && filter.text.trim() !== "";
  const params = new SqlParams();
  const conditions = where(eventConditions(filter, params, "e."));
  const page = await sql.all(
    `SELECT e.id${windowed ? ", COUNT(*) OVER () AS total" : ""} FROM events e ${conditions} ORDER BY e.date DESC, e.id ` +
      `LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
    params.values,
  );
  // Past the last page the window has no row to report the total on.
  const total = windowed && page.length > 0 ? Number(page[0]?.["total"] ?? 0) : await countPass();
  const ids = page.map((row) => Number(row["id"]));
  const rowParams = new SqlParams();
  const rows = ids.length === 0 ? [] : await sql.all(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id IN (${placeholders(ids, rowParams)})`, rowParams.values);
  const byId = new Map(rows.map((row) => [Number(row["id"]), row]));
  const sentences = await firstSentences(sql, ids);
  const items: StoredEvent[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) items.push(eventOf(row, sentences.get(String(id)) ?? null));
  }
  return { total, limit, offset, items };
}

/** One event and every mention of it, with the articles they are in; undefined when unknown. */
export async function eventDetail(sql: SqlReader, id: number): Promise<{ event: StoredEvent; mentions: StoredMention[] } | undefined> {
  const [row] = await sql.all(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = $1`, [id]);
  if (!row) return undefined;
  const mentions = (
    await sql.all(`SELECT ${MENTION_COLUMNS} FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE m.event_id = $1 ORDER BY a.published, m.article_id, m.ordinal`, [id])
  ).map(mentionOf);
  return { event: eventOf(row, mentions[0]?.text ?? null), mentions };
}

export interface StoredArticle {
  id: string;
  title: string | null;
  url: string | null;
  publisher: string | null;
  published: string | null;
  /** Event mentions coded from it. */
  events: number;
}

export interface ArticleFilter {
  from?: string;
  to?: string;
  /** Words searched (case-insensitively) in the title and text. */
  text?: string;
}

/** Stored articles, newest first, with how many event mentions each has. */
export async function articlePage(sql: SqlReader, filter: ArticleFilter, limit: number, offset: number): Promise<Page<StoredArticle>> {
  const conditionsOf = (params: SqlParams): string => {
    const conditions: string[] = [];
    if (filter.from) conditions.push(`a.published >= CAST(${params.add(dateBound(filter.from, "from"))} AS DATE)`);
    if (filter.to) conditions.push(`a.published <= CAST(${params.add(dateBound(filter.to, "to"))} AS DATE)`);
    const words = filter.text?.trim().toLowerCase();
    if (words) {
      const placeholder = params.add(words);
      conditions.push(`(strpos(lower(COALESCE(a.title, '')), ${placeholder}) > 0 OR strpos(lower(a.text), ${placeholder}) > 0)`);
    }
    return where(conditions);
  };
  const countParams = new SqlParams();
  const [count] = await sql.all(`SELECT COUNT(*) AS n FROM articles a ${conditionsOf(countParams)}`, countParams.values);
  const params = new SqlParams();
  const rows = await sql.all(
    `SELECT a.id, a.title, a.url, a.source, CAST(a.published AS VARCHAR) AS published FROM articles a ${conditionsOf(params)} ` +
      `ORDER BY a.published DESC, a.id LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
    params.values,
  );
  const counts = new Map<string, number>();
  if (rows.length > 0) {
    const countsParams = new SqlParams();
    const ids = rows.map((row) => String(row["id"]));
    for (const row of await sql.all(`SELECT article_id, COUNT(*) AS n FROM mentions WHERE article_id IN (${placeholders(ids, countsParams)}) GROUP BY article_id`, countsParams.values)) {
      counts.set(String(row["article_id"]), Number(row["n"]));
    }
  }
  return {
    total: Number(count?.["n"] ?? 0),
    limit,
    offset,
    items: rows.map((row) => ({
      id: String(row["id"]),
      title: text(row["title"]),
      url: text(row["url"]),
      publisher: text(row["source"]),
      published: text(row["published"]),
      events: counts.get(String(row["id"])) ?? 0,
    })),
  };
}

export interface ArticleMention extends StoredMention {
  code: string;
  source: string;
  target: string | null;
  quad: number;
  goldstein: number;
}

export interface ArticleDetail {
  article: {
    id: string;
    title: string | null;
    url: string | null;
    publisher: string | null;
    published: string | null;
    language: string | null;
    duplicateOf: string | null;
    text: string;
  };
  mentions: ArticleMention[];
}

/** One article, its cleaned text and the events coded from it; undefined when unknown. */
export async function articleDetail(sql: SqlReader, id: string): Promise<ArticleDetail | undefined> {
  const [row] = await sql.all(
    "SELECT id, title, url, source, CAST(published AS VARCHAR) AS published, language, duplicate_of, text FROM articles WHERE id = $1",
    [id],
  );
  if (!row) return undefined;
  const rows = await sql.all(
    `SELECT ${MENTION_COLUMNS}, e.code, e.source AS event_source, e.target AS event_target, e.quad, e.goldstein ` +
      "FROM mentions m JOIN events e ON e.id = m.event_id LEFT JOIN articles a ON a.id = m.article_id WHERE m.article_id = $1 ORDER BY m.ordinal",
    [id],
  );
  return {
    article: {
      id: String(row["id"]),
      title: text(row["title"]),
      url: text(row["url"]),
      publisher: text(row["source"]),
      published: text(row["published"]),
      language: text(row["language"]),
      duplicateOf: text(row["duplicate_of"]),
      text: String(row["text"] ?? ""),
    },
    mentions: rows.map((mention) => ({
      ...mentionOf(mention),
      code: String(mention["code"]),
      source: String(mention["event_source"]),
      target: text(mention["event_target"]),
      quad: Number(mention["quad"]),
      goldstein: Number(mention["goldstein"]),
    })),
  };
}

export interface NetworkOptions {
  /** Nodes are countries (RUS) or whole actor codes (RUSGOV). */
  level: "country" | "actor";
  /** Edges with fewer events are left out. */
  minEvents: number;
  /** At most this many edges, the heaviest. */
  limit: number;
}

export type { Network, NetworkEdge };

/** Who acts on whom in a period: weighted directed edges and the nodes they join. */
export async function network(sql: SqlReader, filter: EventConditions, options: NetworkOptions): Promise<Network> {
  const params = new SqlParams();
  const [from, to] = options.level === "country" ? ["source_country", "target_country"] : ["source", "target"];
  const conditions = [...eventConditions(filter, params), `${from} IS NOT NULL`, `${to} IS NOT NULL`, `${from} <> ${to}`];
  const rows = await sql.all(
    `SELECT ${from} AS s, ${to} AS t, COUNT(*) AS events, SUM(CASE WHEN quad <= 2 THEN 1 ELSE 0 END) AS cooperation, ` +
      `SUM(CASE WHEN quad >= 3 THEN 1 ELSE 0 END) AS conflict, SUM(goldstein) AS goldstein_sum, AVG(goldstein) AS goldstein_mean ` +
      `FROM events ${where(conditions)} GROUP BY 1, 2 HAVING COUNT(*) >= ${params.add(options.minEvents)} ` +
      `ORDER BY events DESC, s, t LIMIT ${params.add(options.limit)}`,
    params.values,
  );
  const edges = rows.map((row) => ({
    source: String(row["s"]),
    target: String(row["t"]),
    events: Number(row["events"]),
    cooperation: Number(row["cooperation"]),
    conflict: Number(row["conflict"]),
    goldsteinSum: Math.round(Number(row["goldstein_sum"]) * 1e6) / 1e6,
    goldsteinMean: Math.round(Number(row["goldstein_mean"]) * 1e6) / 1e6,
  }));
  const weights = new Map<string, number>();
  for (const edge of edges) {
    weights.set(edge.source, (weights.get(edge.source) ?? 0) + edge.events);
    weights.set(edge.target, (weights.get(edge.target) ?? 0) + edge.events);
  }
  const nodes = [...weights].map(([id, events]) => ({ id, events })).sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
  return { nodes, edges };
}

export interface StoreStatus {
  articles: number;
  events: number;
  mentions: number;
  firstDate: string | null;
  lastDate: string | null;
  versions: Array<{ id: number; kind: string; parleyVersion: string; dictionaryVersion: string; started: string }>;
}

/** How much the store holds, the dates it spans and the runs that wrote it (newest first). */
export async function storeStatus(sql: SqlReader): Promise<StoreStatus> {
  const [counts] = await sql.all(
    "SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM mentions) AS mentions, " +
      "(SELECT CAST(MIN(date) AS VARCHAR) FROM events) AS first_date, (SELECT CAST(MAX(date) AS VARCHAR) FROM events) AS last_date",
  );
  const versions = await sql.all(
    "SELECT id, kind, parley_version, dictionary_version, CAST(started AS VARCHAR) AS started FROM versions ORDER BY id DESC LIMIT 20",
  );
  return {
    articles: Number(counts?.["articles"] ?? 0),
    events: Number(counts?.["events"] ?? 0),
    mentions: Number(counts?.["mentions"] ?? 0),
    firstDate: text(counts?.["first_date"]),
    lastDate: text(counts?.["last_date"]),
    versions: versions.map((row) => ({
      id: Number(row["id"]),
      kind: String(row["kind"]),
      parleyVersion: String(row["parley_version"]),
      dictionaryVersion: String(row["dictionary_version"]),
      started: String(row["started"]),
    })),
  };
}
