/**
 * Watching feeds: poll a list of RSS/Atom feeds on a schedule and hand over only the articles not
 * seen before. Feeds are fetched with conditional requests (ETag / Last-Modified, so an unchanged
 * feed costs a 304), politely (see HttpClient), and what has been seen is kept in a state file so
 * that a restart does not code anything twice.
 *
 * The state file is JSON, written atomically (temporary file, then rename) after each feed:
 *   { "version": 1,
 *     "feeds": { "<feed url>": { "etag", "lastModified", "checkedAt", "status", "failures", "items": [keys] } },
 *     "seen": { "<item key>": "<YYYY-MM-DD last seen>" } }
 * An item's key is its guid, else its link, else a hash of its title and text. Keys are forgotten
 * once they are in no feed's latest version and were last seen more than `retainDays` ago, so the
 * file stays as small as the feeds themselves.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { decode } from "./encoding.js";
import { FeedError, parseFeed, type FeedItem } from "./feed.js";
import { HttpError, type HttpClient } from "./http-client.js";
import { feedItemRecord, type RecordContext } from "./read-inputs.js";
import { InputError, type InputRecord } from "./record.js";

export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** When the feed was last polled (ISO time). */
  checkedAt?: string;
  /** Outcome of the last poll: "200", "304" or the error. */
  status?: string;
  /** Polls in a row that failed. */
  failures?: number;
  /** Keys of the items in the feed's latest version. */
  items?: string[];
}

export interface WatchState {
  version: 1;
  feeds: Record<string, FeedState>;
  /** Item key → day (YYYY-MM-DD) it was last seen in a feed. */
  seen: Record<string, string>;
}

export function emptyState(): WatchState {
  return { version: 1, feeds: {}, seen: {} };
}

/** The feed list: one http(s) URL per line; blank lines and lines starting with "#" are ignored. */
export function parseFeedList(text: string, where: string): string[] {
  const feeds: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (line === "" || line.startsWith("#")) return;
    let url: URL;
    try {
      url = new URL(line);
    } catch {
      throw new InputError(`${where}:${i + 1}`, `not a URL: ${JSON.stringify(line)}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new InputError(`${where}:${i + 1}`, `not an http(s) URL: ${JSON.stringify(line)}`);
    if (!feeds.includes(url.href)) feeds.push(url.href);
  });
  if (feeds.length === 0) throw new InputError(where, "no feed URLs (one per line; # starts a comment)");
  return feeds;
}

/** Read the state file; a missing file is a first run. A damaged one stops the run rather than re-coding everything. */
export function loadState(path: string): WatchState {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw new InputError(path, `cannot read the state file (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(path, "the state file is not valid JSON (fix or delete it; deleting it codes every current item again)");
  }
  const state = value as Partial<WatchState> | null;
  if (!state || state.version !== 1 || typeof state.feeds !== "object" || typeof state.seen !== "object" || state.feeds === null || state.seen === null) {
    throw new InputError(path, "not a parley watch state file (version 1)");
  }
  return { version: 1, feeds: state.feeds, seen: state.seen };
}

export function saveState(path: string, state: WatchState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, path);
}

/** What identifies an item across polls. */
export function itemKey(item: FeedItem): string {
  if (item.guid) return item.guid;
  if (item.link) return item.link;
  const hash = createHash("sha1").update(`${item.title ?? ""}\n${item.paragraphs.join("\n")}`).digest("hex");
  return `sha1:${hash}`;
}

export interface PollOptions {
  client: HttpClient;
  statePath: string;
  /** Code the page each new item links to instead of its summary. */
  follow: boolean;
  now: () => Date;
  /** Called for each new item, in the order the articles were published (oldest first). */
  onRecord: (record: InputRecord) => void | Promise<void>;
  warn: (line: string) => void;
  /** Keys not in any feed any more are forgotten after this many days. Default 30. */
  retainDays?: number;
  signal?: AbortSignal;
}

export interface RoundSummary {
  round: number;
  feeds: number;
  /** Feeds that answered 304 Not Modified. */
  notModified: number;
  /** Feeds that could not be fetched or read. */
  failed: number;
  /** Items not seen before, handed to `onRecord`. */
  newItems: number;
}

/** Poll every feed once, handing over new items and updating (and saving) the state. */
export async function pollFeeds(feeds: readonly string[], state: WatchState, options: PollOptions, round = 1): Promise<RoundSummary> {
  const summary: RoundSummary = { round, feeds: feeds.length, notModified: 0, failed: 0, newItems: 0 };
  for (const url of feeds) {
    if (options.signal?.aborted) break;
    const feedState = (state.feeds[url] ??= {});
    const outcome = await pollFeed(url, feedState, state, options);
    if (outcome === "not-modified") summary.notModified += 1;
    else if (outcome === "failed") summary.failed += 1;
    else summary.newItems += outcome;
    saveState(options.statePath, state);
  }
  forgetOldItems(state, options.now(), options.retainDays ?? 30);
  saveState(options.statePath, state);
  return summary;
}

async function pollFeed(url: string, feedState: FeedState, state: WatchState, options: PollOptions): Promise<number | "not-modified" | "failed"> {
  const checkedAt = options.now();
  feedState.checkedAt = checkedAt.toISOString();
  const fail = (reason: string): "failed" => {
    options.warn(`${url}: ${reason}`);
    feedState.status = reason;
    feedState.failures = (feedState.failures ?? 0) + 1;
    return "failed";
  };
  let response;
  try {
    const conditional: { etag?: string; lastModified?: string } = {};
    if (feedState.etag) conditional.etag = feedState.etag;
    if (feedState.lastModified) conditional.lastModified = feedState.lastModified;
    response = await options.client.get(url, conditional, options.signal);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return fail(`cannot fetch the feed (${error.message})`);
  }
  const today = checkedAt.toISOString().slice(0, 10);
  if (response.status === 304) {
    feedState.status = "304";
    feedState.failures = 0;
    for (const key of feedState.items ?? []) if (key in state.seen) state.seen[key] = today;
    return "not-modified";
  }
  let feed;
  try {
    feed = parseFeed(decode(response.body, response.contentType).text, response.url);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return fail(error.message);
  }
  for (const problem of feed.problems) options.warn(problem.where === "feed" ? `${url}: ${problem.reason}` : `${url}:${problem.where}: ${problem.reason}`);

  const context: RecordContext = { today, warn: options.warn, follow: options.follow, client: options.client };
  if (options.signal) context.signal = options.signal;
  const keys: string[] = [];
  let fresh = 0;
  // Feeds list the newest first; handing items over oldest first keeps the output in time order.
  for (const item of [...feed.items].reverse()) {
    const key = itemKey(item);
    keys.push(key);
    if (key in state.seen) {
      state.seen[key] = today;
      continue;
    }
    // Stopped half-way: the items handled are remembered, the validators are not, so the next
    // run fetches the feed in full and picks up the rest.
    if (options.signal?.aborted) return fresh;
    await options.onRecord(await feedItemRecord(item, feed, `${url}:item ${item.index}`, context));
    state.seen[key] = today;
    fresh += 1;
  }
  feedState.items = keys.reverse();
  feedState.status = String(response.status);
  feedState.failures = 0;
  // Validators are stored only once every item of this version has been handled: a crash before
  // that fetches the feed in full again, and the items already handled are known by their keys.
  if (response.etag) feedState.etag = response.etag;
  else delete feedState.etag;
  if (response.lastModified) feedState.lastModified = response.lastModified;
  else delete feedState.lastModified;
  return fresh;
}

function forgetOldItems(state: WatchState, now: Date, retainDays: number): void {
  const current = new Set<string>();
  for (const feed of Object.values(state.feeds)) for (const key of feed.items ?? []) current.add(key);
  const cutoff = new Date(now.getTime() - retainDays * 86_400_000).toISOString().slice(0, 10);
  for (const [key, day] of Object.entries(state.seen)) {
    if (!current.has(key) && day < cutoff) delete state.seen[key];
  }
}

export interface WatchOptions extends PollOptions {
  feeds: readonly string[];
  /** Time from the start of one round to the start of the next. */
  everyMs: number;
  /** Poll one round and return. */
  once: boolean;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRound?: (summary: RoundSummary) => void;
}

/** Poll round after round until `once`, or until the signal aborts. Returns the last round's summary. */
export async function watchFeeds(options: WatchOptions): Promise<RoundSummary | undefined> {
  const state = loadState(options.statePath);
  let last: RoundSummary | undefined;
  for (let round = 1; ; round += 1) {
    const started = options.now().getTime();
    last = await pollFeeds(options.feeds, state, options, round);
    options.onRound?.(last);
    if (options.once || options.signal?.aborted) return last;
    await options.sleep(Math.max(0, started + options.everyMs - options.now().getTime()), options.signal);
    if (options.signal?.aborted) return last;
  }
}
