/**
 * Builds WARC files for tests: records as the spec lays them out (version line, header fields,
 * blank line, block, CR LF CR LF), HTTP responses as crawlers store them, and gzip files with one
 * member per record as Common Crawl writes them.
 */
import { gzipSync } from "node:zlib";

export interface RecordSpec {
  type: string;
  uri?: string;
  date?: string;
  contentType?: string;
  block: Buffer | string;
  version?: string;
  /** Extra header lines, written as given. */
  fields?: Record<string, string>;
  /** Override the Content-Length written (to build damaged records). */
  contentLength?: number;
}

let serial = 0;

export function warcRecord(spec: RecordSpec): Buffer {
  const block = typeof spec.block === "string" ? Buffer.from(spec.block, "utf8") : spec.block;
  serial += 1;
  const lines = [
    spec.version ?? "WARC/1.1",
    `WARC-Type: ${spec.type}`,
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(serial).padStart(12, "0")}>`,
    `WARC-Date: ${spec.date ?? "2024-01-23T10:00:00Z"}`,
  ];
  if (spec.uri) lines.push(`WARC-Target-URI: ${spec.uri}`);
  if (spec.contentType) lines.push(`Content-Type: ${spec.contentType}`);
  for (const [name, value] of Object.entries(spec.fields ?? {})) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${spec.contentLength ?? block.length}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "utf8"), block, Buffer.from("\r\n\r\n")]);
}

/** The block of a response record: status line, header fields, blank line, payload. */
export function httpResponse(body: Buffer | string, options: { status?: number; contentType?: string; headers?: Record<string, string> } = {}): Buffer {
  const payload = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const status = options.status ?? 200;
  const lines = [`HTTP/1.1 ${status} ${status === 200 ? "OK" : "Status"}`];
  if (options.contentType !== "") lines.push(`Content-Type: ${options.contentType ?? "text/html; charset=utf-8"}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${payload.length}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), payload]);
}

export function responseRecord(uri: string, html: Buffer | string, options: Parameters<typeof httpResponse>[1] & { date?: string } = {}): Buffer {
  const spec: RecordSpec = { type: "response", uri, contentType: "application/http; msgtype=response", block: httpResponse(html, options) };
  if (options.date) spec.date = options.date;
  return warcRecord(spec);
}

export function requestRecord(uri: string): Buffer {
  return warcRecord({ type: "request", uri, contentType: "application/http; msgtype=request", block: `GET ${new URL(uri).pathname} HTTP/1.1\r\nHost: ${new URL(uri).host}\r\n\r\n` });
}

export function warcinfoRecord(): Buffer {
  return warcRecord({ type: "warcinfo", contentType: "application/warc-fields", block: "software: parley-tests\r\nformat: WARC File Format 1.1\r\n" });
}

/** One gzip member per record, concatenated: the WARC.gz convention. */
export function gzipPerRecord(records: Buffer[]): Buffer {
  return Buffer.concat(records.map((record) => gzipSync(record)));
}

/** An article page with the clutter real pages have around the text. */
export function articlePage(title: string, paragraphs: string[], options: { published?: string; site?: string; charset?: string } = {}): string {
  const meta = [
    options.charset ? `<meta charset="${options.charset}">` : "",
    `<meta property="og:title" content="${title}">`,
    options.published ? `<meta property="article:published_time" content="${options.published}">` : "",
    options.site ? `<meta property="og:site_name" content="${options.site}">` : "",
  ].join("");
  return `<!DOCTYPE html><html lang="en"><head>${meta}<title>${title} | ${options.site ?? "News"}</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>${title}</h1>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n")}
</article>
<aside><h2>Related</h2><ul><li><a href="/other">Another story about something else entirely</a></li></ul></aside></main>
<footer><p>Copyright 2024 Example Media. All rights reserved.</p></footer></body></html>`;
}

const SAMPLE_PARAGRAPHS: Record<string, string[]> = {
  erdogan: [
    "Turkish President Recep Tayyip Erdogan met Egyptian President Abdel Fattah al-Sisi in Cairo on Wednesday, the first visit of a Turkish leader to Egypt in more than a decade.",
    "The two leaders signed agreements on trade and energy and pledged to raise bilateral trade to 15 billion dollars within five years, officials said.",
  ],
  kyiv: [
    "Russian forces attacked Kyiv with drones and missiles overnight, Ukrainian officials said on Thursday, damaging power stations across the region.",
    "Ukraine's air force said it shot down most of the drones, and President Volodymyr Zelenskiy called on allies to send more air defence systems.",
  ],
  geneve: [
    "Le ministre français des affaires étrangères a rencontré son homologue suisse à Genève mardi pour discuter de la coopération régionale.",
    "Iran and the United States held indirect talks in Geneva on Tuesday, Swiss diplomats said, the first such meeting this year.",
  ],
};

/**
 * The crawl in test/fixtures/warc/sample.warc.gz: warcinfo; for each of three articles a request,
 * a response and a metadata record; a robots.txt response; a 404; a windows-1252 page declared in
 * the HTTP header; a gzip-encoded page stored as wget stores it (chunked, compressed).
 */
export function sampleCrawl(): Buffer[] {
  serial = 0;
  const records: Buffer[] = [warcinfoRecord()];
  const pages: [string, string, string][] = [
    ["https://news.example.com/2024/09/04/erdogan-cairo", "Erdogan visits Cairo", "erdogan"],
    ["https://wire.example.org/kyiv-attack", "Russia strikes Kyiv", "kyiv"],
  ];
  for (const [uri, title, key] of pages) {
    records.push(requestRecord(uri));
    records.push(responseRecord(uri, articlePage(title, SAMPLE_PARAGRAPHS[key] ?? [], { published: "2024-09-04T08:00:00Z", site: new URL(uri).hostname }), { date: "2024-09-04T10:00:00Z" }));
    records.push(warcRecord({ type: "metadata", uri, contentType: "application/warc-fields", block: "fetchTimeMs: 87\r\n" }));
  }
  records.push(responseRecord("https://news.example.com/robots.txt", "User-agent: *\nDisallow:\n", { contentType: "text/plain" }));
  records.push(responseRecord("https://news.example.com/gone", "<html><body>Not found</body></html>", { status: 404 }));
  const geneva = articlePage("Rencontre à Genève", SAMPLE_PARAGRAPHS["geneve"] ?? [], { published: "2024-09-03" });
  records.push(responseRecord("https://journal.example.ch/geneve", Buffer.from(geneva, "latin1"), { contentType: "text/html; charset=ISO-8859-1" }));
  const compressed = gzipSync(Buffer.from(articlePage("Talks in Geneva", [SAMPLE_PARAGRAPHS["geneve"]?.[1] ?? "", SAMPLE_PARAGRAPHS["kyiv"]?.[1] ?? ""], { published: "2024-09-03" })));
  const chunked = Buffer.concat([Buffer.from(`${compressed.length.toString(16)}\r\n`), compressed, Buffer.from("\r\n0\r\n\r\n")]);
  const wget = Buffer.concat([Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"), chunked]);
  records.push(warcRecord({ type: "response", uri: "https://wire.example.org/geneva-talks", contentType: "application/http; msgtype=response", block: wget }));
  return records;
}
