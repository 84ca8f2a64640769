import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpClient } from "../../src/ingest/http-client.js";
import type { InputDocument, InputRecord } from "../../src/ingest/record.js";
import { emptyState, itemKey, loadState, parseFeedList, pollFeeds, watchFeeds, type PollOptions, type WatchState } from "../../src/ingest/watch.js";
import { FeedServer, LATE_STORY, STORIES } from "./feed-server.js";

const dir = mkdtempSync(join(tmpdir(), "parley-watch-"));
let states = 0;
const newStatePath = (): string => {
  states += 1;
  return join(dir, `state-${states}.json`);
};

/** A clock that only moves when something sleeps: waits are recorded instead of taken. */
class FakeTime {
  now = Date.UTC(2024, 2, 2, 12, 0, 0);
  readonly sleeps: number[] = [];
  readonly clock = (): number => this.now;
  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.now += ms;
  };
}

let server: FeedServer;
beforeAll(async () => {
  server = await new FeedServer().start();
});
afterAll(async () => {
  await server.stop();
});

function client(time: FakeTime, options: { hostDelayMs?: number; retries?: number; backoffMs?: number } = {}): HttpClient {
  return new HttpClient({ hostDelayMs: 0, backoffMs: 1000, ...options, sleep: time.sleep, now: time.clock });
}

function pollOptions(statePath: string, time: FakeTime, records: InputRecord[], overrides: Partial<PollOptions> = {}): PollOptions & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    client: client(time),
    statePath,
    follow: false,
    now: () => new Date(time.now),
    onRecord: (record) => {
      records.push(record);
    },
    warn: (line) => warnings.push(line),
    warnings,
    ...overrides,
  };
}

const titles = (records: InputRecord[]): (string | undefined)[] => records.map((record) => (record.kind === "document" ? record.meta.title : `${record.kind}: ${record.reason}`));

describe("parseFeedList", () => {
  it("reads one URL per line, ignoring comments, blank lines and repeats", () => {
    const text = "# world news\nhttps://a.example/feed.xml\n\n  http://b.example/rss  \nhttps://a.example/feed.xml\n";
    expect(parseFeedList(text, "feeds.txt")).toEqual(["https://a.example/feed.xml", "http://b.example/rss"]);
  });

  it("names the line of an entry that is not an http(s) URL, and an empty list", () => {
    expect(() => parseFeedList("https://a.example/\nnews.example.com/rss\n", "feeds.txt")).toThrow(/^feeds\.txt:2: not a URL: "news\.example\.com\/rss"$/);
    expect(() => parseFeedList("ftp://a.example/feed\n", "feeds.txt")).toThrow(/^feeds\.txt:1: not an http\(s\) URL/);
    expect(() => parseFeedList("# nothing\n", "feeds.txt")).toThrow(/no feed URLs/);
  });
});

describe("HttpClient against a local server", () => {
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("sends conditional requests and returns 304 with an empty body", async () => {
    server.setFeed("/conditional.xml", STORIES);
    const time = new FakeTime();
    const http = client(time);
    const first = await http.get(server.url("/conditional.xml"));
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"v\d+"$/);
    expect(first.lastModified).toBeDefined();
    const second = await http.get(server.url("/conditional.xml"), { etag: first.etag ?? "", lastModified: first.lastModified ?? "" });
    expect(second.status).toBe(304);
    expect(second.body).toHaveLength(0);
    const sent = server.requestsFor("/conditional.xml")[1]?.headers;
    expect(sent?.["if-none-match"]).toBe(first.etag);
    expect(sent?.["if-modified-since"]).toBe(first.lastModified);
    expect(sent?.["user-agent"]).toMatch(/^parley/);
  });

  it("retries transient failures with exponential backoff, honouring Retry-After", async () => {
    server.setFeed("/flaky.xml", STORIES);
    server.failNext("/flaky.xml", [503, 500]);
    const time = new FakeTime();
    const result = await client(time, { retries: 3 }).get(server.url("/flaky.xml"));
    expect(result.status).toBe(200);
    expect(result.attempts).toBe(3);
    expect(time.sleeps).toEqual([1000, 2000]);

    server.failNext("/flaky.xml", [429], "7");
    const later = new FakeTime();
    await client(later).get(server.url("/flaky.xml"));
    expect(later.sleeps).toEqual([7000]);
  });

  it("gives up after the retries, and does not retry what will not change", async () => {
    server.failNext("/down.xml", [503, 503, 503]);
    const time = new FakeTime();
    await expect(client(time, { retries: 2 }).get(server.url("/down.xml"))).rejects.toThrow("HTTP 503 (after 3 attempts)");
    expect(server.requestsFor("/down.xml")).toHaveLength(3);
    const other = new FakeTime();
    await expect(client(other).get(server.url("/no-such-feed.xml"))).rejects.toThrow(/^HTTP 404$/);
    expect(server.requestsFor("/no-such-feed.xml")).toHaveLength(1);
    expect(other.sleeps).toEqual([]);
  });

  it("reports a refused connection as a network error after its retries", async () => {
    // A port that was just free: nothing listens there any more.
    const closed = await new FeedServer().start();
    await closed.stop();
    const time = new FakeTime();
    await expect(client(time, { retries: 1 }).get(closed.url("/feed.xml"))).rejects.toThrow(/network error \(ECONNREFUSED\) \(after 2 attempts\)/);
    expect(time.sleeps).toEqual([1000]);
  });

  it("waits between requests to the same host, not between hosts", async () => {
    server.setFeed("/polite.xml", STORIES);
    const time = new FakeTime();
    const http = client(time, { hostDelayMs: 2500 });
    await http.get(server.url("/polite.xml"));
    await http.get(server.url("/polite.xml"));
    time.now += 1000;
    await http.get(server.url("/polite.xml"));
    expect(time.sleeps).toEqual([2500, 1500]);
    // "localhost" is another host name for the politeness map, so no wait.
    await http.get(server.url("/polite.xml").replace("127.0.0.1", "localhost")).catch(() => undefined);
    expect(time.sleeps).toEqual([2500, 1500]);
  });
});

describe("pollFeeds", () => {
  it("hands over new items oldest first, then nothing on a 304, then only what is new", async () => {
    server.setFeed("/wire.xml", STORIES);
    const statePath = newStatePath();
    const time = new FakeTime();
    const state = emptyState();
    const records: InputRecord[] = [];
    const options = pollOptions(statePath, time, records);
    const feeds = [server.url("/wire.xml")];

    const first = await pollFeeds(feeds, state, options, 1);
    expect(first).toEqual({ round: 1, feeds: 1, notModified: 0, failed: 0, newItems: 3 });
    expect(titles(records)).toEqual(["Erdogan visits Cairo", "Russia attacks Ukraine", "Iran warns Israel"]);
    const doc = records[1] as InputDocument;
    expect(doc.meta).toEqual({ id: "story-2", date: "2024-02-29", title: "Russia attacks Ukraine", url: server.url("/articles/story-2"), source: "127.0.0.1" });
    expect(doc.text).toBe("Russia attacks Ukraine\nRussian troops attacked Ukraine on Thursday.");
    expect(doc.where).toBe(`${server.url("/wire.xml")}:item 2`);

    records.length = 0;
    const second = await pollFeeds(feeds, state, options, 2);
    expect(second).toEqual({ round: 2, feeds: 1, notModified: 1, failed: 0, newItems: 0 });
    expect(server.requestsFor("/wire.xml").at(-1)).toMatchObject({ status: 304, headers: { "if-none-match": '"v1"' } });

    server.setFeed("/wire.xml", [LATE_STORY, ...STORIES]);
    const third = await pollFeeds(feeds, state, options, 3);
    expect(third.newItems).toBe(1);
    expect(titles(records)).toEqual(["China praises Brazil"]);
    expect(options.warnings).toEqual([]);
  });

  it("remembers across a restart: a new process codes nothing twice", async () => {
    server.setFeed("/restart.xml", STORIES);
    const statePath = newStatePath();
    const feeds = [server.url("/restart.xml")];
    const before: InputRecord[] = [];
    await pollFeeds(feeds, loadState(statePath), pollOptions(statePath, new FakeTime(), before));
    expect(before).toHaveLength(3);

    const saved = JSON.parse(readFileSync(statePath, "utf8")) as WatchState;
    expect(saved.feeds[feeds[0] ?? ""]).toMatchObject({ etag: '"v1"', status: "200", failures: 0, items: ["story-3", "story-2", "story-1"] });
    expect(Object.keys(saved.seen).sort()).toEqual(["story-1", "story-2", "story-3"]);

    // The feed changed while parley was not running: the restart sees the old items and the new one.
    server.setFeed("/restart.xml", [LATE_STORY, ...STORIES]);
    const after: InputRecord[] = [];
    const summary = await pollFeeds(feeds, loadState(statePath), pollOptions(statePath, new FakeTime(), after));
    expect(summary.newItems).toBe(1);
    expect(titles(after)).toEqual(["China praises Brazil"]);
  });

  it("stopped half-way through a feed, resumes with the items not yet handled", async () => {
    server.setFeed("/interrupted.xml", STORIES);
    const statePath = newStatePath();
    const feeds = [server.url("/interrupted.xml")];
    const controller = new AbortController();
    const before: InputRecord[] = [];
    const options = pollOptions(statePath, new FakeTime(), before, { signal: controller.signal });
    options.onRecord = (record) => {
      before.push(record);
      controller.abort();
    };
    await pollFeeds(feeds, loadState(statePath), options);
    expect(titles(before)).toEqual(["Erdogan visits Cairo"]);
    expect(loadState(statePath).feeds[feeds[0] ?? ""]?.etag).toBeUndefined();

    const after: InputRecord[] = [];
    await pollFeeds(feeds, loadState(statePath), pollOptions(statePath, new FakeTime(), after));
    expect(server.requestsFor("/interrupted.xml").map((request) => request.status)).toEqual([200, 200]);
    expect(titles(after)).toEqual(["Russia attacks Ukraine", "Iran warns Israel"]);
  });

  it("goes on with the other feeds when one cannot be fetched or is not a feed", async () => {
    server.setFeed("/good.xml", STORIES);
    server.setPage("/not-a-feed.html", "<html><body>hello</body></html>");
    const statePath = newStatePath();
    const records: InputRecord[] = [];
    const options = pollOptions(statePath, new FakeTime(), records, { client: client(new FakeTime(), { retries: 0 }) });
    const summary = await pollFeeds([server.url("/missing.xml"), server.url("/not-a-feed.html"), server.url("/good.xml")], emptyState(), options);
    expect(summary).toMatchObject({ feeds: 3, failed: 2, newItems: 3 });
    expect(options.warnings).toHaveLength(2);
    expect(options.warnings[0]).toBe(`${server.url("/missing.xml")}: cannot fetch the feed (HTTP 404)`);
    expect(options.warnings[1]?.startsWith(`${server.url("/not-a-feed.html")}: not an RSS or Atom feed`)).toBe(true);
    const saved = loadState(statePath);
    expect(saved.feeds[server.url("/missing.xml")]).toMatchObject({ status: "cannot fetch the feed (HTTP 404)", failures: 1 });
  });

  it("follows links to code the full article when asked", async () => {
    const story = { ...STORIES[2], guid: "followed", link: server.url("/pages/followed") };
    server.setFeed("/follow.xml", [story as (typeof STORIES)[number]]);
    server.setPage(
      "/pages/followed",
      `<html><head><meta property="og:title" content="Erdogan in Cairo: full story"><meta property="article:published_time" content="2024-02-28"></head><body><article><h1>Erdogan in Cairo: full story</h1>
      <p>Turkish President Recep Tayyip Erdogan met Egyptian President Abdel Fattah al-Sisi in Cairo on Wednesday, the first such visit in more than a decade.</p>
      <p>The two leaders signed agreements on trade and energy and pledged to raise bilateral trade to 15 billion dollars within five years.</p></article></body></html>`,
    );
    const records: InputRecord[] = [];
    await pollFeeds([server.url("/follow.xml")], emptyState(), pollOptions(newStatePath(), new FakeTime(), records, { follow: true }));
    const doc = records[0] as InputDocument;
    expect(doc.meta.title).toBe("Erdogan in Cairo: full story");
    expect(doc.text.split("\n")).toHaveLength(3);
    expect(doc.text).toContain("15 billion dollars");
  });

  it("forgets keys that are in no feed any more after the retention period", async () => {
    server.setFeed("/forget.xml", [STORIES[0] ?? LATE_STORY]);
    const statePath = newStatePath();
    const state: WatchState = { version: 1, feeds: {}, seen: { "old-gone": "2023-01-01", "recent-gone": "2024-02-20", "story-3": "2023-01-01" } };
    await pollFeeds([server.url("/forget.xml")], state, pollOptions(statePath, new FakeTime(), []), 1);
    // story-3 is still in the feed: kept (and refreshed); the old key that left the feeds is dropped.
    expect(state.seen).toEqual({ "recent-gone": "2024-02-20", "story-3": "2024-03-02" });
  });
});

describe("state file and loop", () => {
  it("refuses a damaged state file instead of coding everything again", () => {
    const path = newStatePath();
    writeFileSync(path, "{ not json");
    expect(() => loadState(path)).toThrow(/not valid JSON/);
    writeFileSync(path, JSON.stringify({ version: 7 }));
    expect(() => loadState(path)).toThrow(/not a parley watch state file/);
  });

  it("keys items by guid, then link, then a hash of their text", () => {
    expect(itemKey({ index: 1, guid: "g", link: "l", paragraphs: [] })).toBe("g");
    expect(itemKey({ index: 1, link: "l", paragraphs: [] })).toBe("l");
    expect(itemKey({ index: 1, title: "t", paragraphs: ["p"] })).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(itemKey({ index: 1, title: "t", paragraphs: ["p"] })).not.toBe(itemKey({ index: 1, title: "t", paragraphs: ["q"] }));
  });

  it("polls round after round on schedule until stopped", async () => {
    server.setFeed("/loop.xml", STORIES);
    const time = new FakeTime();
    const controller = new AbortController();
    const rounds: number[] = [];
    const waits: number[] = [];
    const records: InputRecord[] = [];
    const base = pollOptions(newStatePath(), time, records);
    await watchFeeds({
      ...base,
      feeds: [server.url("/loop.xml")],
      everyMs: 15 * 60_000,
      once: false,
      signal: controller.signal,
      sleep: async (ms) => {
        waits.push(ms);
        time.now += ms;
        if (waits.length === 2) controller.abort();
      },
      onRound: (summary) => {
        rounds.push(summary.newItems);
        time.now += 5000;
      },
    });
    expect(rounds).toEqual([3, 0]);
    // The schedule runs from the start of each round: 15 minutes less the 5 s the round took.
    expect(waits).toEqual([895_000, 895_000]);
  });
});
