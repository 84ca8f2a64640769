/**
 * A local feed server for tests (127.0.0.1, ephemeral port) that behaves like a real one: ETag and
 * Last-Modified validators with 304 answers to conditional requests, pages for --follow, and
 * endpoints that fail a set number of times before answering.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FeedEntry {
  guid: string;
  title: string;
  description: string;
  pubDate: string;
  link?: string;
}

export interface RequestLog {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

export class FeedServer {
  readonly requests: RequestLog[] = [];
  /** Feed path → its entries (newest first, as feeds list them) and version. */
  private readonly feeds = new Map<string, { entries: FeedEntry[]; version: number }>();
  private readonly pages = new Map<string, string>();
  /** Path → statuses to answer before behaving normally. */
  private readonly failures = new Map<string, { statuses: number[]; retryAfter?: string }>();
  private server: Server | undefined;
  base = "";

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const path = request.url ?? "/";
      const log = (status: number): void => {
        this.requests.push({ path, headers: request.headers, status });
      };
      const failing = this.failures.get(path);
      const status = failing?.statuses.shift();
      if (status !== undefined) {
        log(status);
        response.writeHead(status, failing?.retryAfter ? { "retry-after": failing.retryAfter } : {});
        response.end("temporarily unavailable");
        return;
      }
      const feed = this.feeds.get(path);
      if (feed) {
        const etag = `"v${feed.version}"`;
        const lastModified = new Date(Date.UTC(2024, 0, feed.version)).toUTCString();
        if (request.headers["if-none-match"] === etag) {
          log(304);
          response.writeHead(304, { etag, "last-modified": lastModified });
          response.end();
          return;
        }
        log(200);
        response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag, "last-modified": lastModified });
        response.end(this.rss(feed.entries));
        return;
      }
      const page = this.pages.get(path);
      if (page !== undefined) {
        log(200);
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(page);
        return;
      }
      log(404);
      response.writeHead(404);
      response.end("not found");
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Publish a feed (or a new version of it): its ETag changes. */
  setFeed(path: string, entries: FeedEntry[]): void {
    const version = (this.feeds.get(path)?.version ?? 0) + 1;
    this.feeds.set(path, { entries, version });
  }

  setPage(path: string, html: string): void {
    this.pages.set(path, html);
  }

  failNext(path: string, statuses: number[], retryAfter?: string): void {
    this.failures.set(path, retryAfter === undefined ? { statuses: [...statuses] } : { statuses: [...statuses], retryAfter });
  }

  requestsFor(path: string): RequestLog[] {
    return this.requests.filter((request) => request.path === path);
  }

  private rss(entries: FeedEntry[]): string {
    const items = entries
      .map(
        (entry) => `<item><title>${entry.title}</title><guid isPermaLink="false">${entry.guid}</guid><link>${entry.link ?? `${this.base}/articles/${entry.guid}`}</link>
<pubDate>${entry.pubDate}</pubDate><description>${entry.description}</description></item>`,
      )
      .join("\n");
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Local Wire</title><link>${this.base}/</link>\n${items}\n</channel></rss>`;
  }
}

export const STORIES: FeedEntry[] = [
  { guid: "story-3", title: "Iran warns Israel", description: "Iran warned Israel against any attack on Friday.", pubDate: "Fri, 01 Mar 2024 10:00:00 GMT" },
  { guid: "story-2", title: "Russia attacks Ukraine", description: "Russian troops attacked Ukraine on Thursday.", pubDate: "Thu, 29 Feb 2024 10:00:00 GMT" },
  { guid: "story-1", title: "Erdogan visits Cairo", description: "Turkish President Recep Tayyip Erdogan met Egyptian President Abdel Fattah al-Sisi in Cairo on Wednesday.", pubDate: "Wed, 28 Feb 2024 10:00:00 GMT" },
];

export const LATE_STORY: FeedEntry = { guid: "story-4", title: "China praises Brazil", description: "China praised Brazil for its mediation on Saturday.", pubDate: "Sat, 02 Mar 2024 10:00:00 GMT" };
