import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseHttpResponse, readWarc, type WarcEntry, type WarcInput, type WarcOptions, type WarcRecord } from "../../src/ingest/warc.js";
import { fixturePath } from "../helpers.js";
import { gzipPerRecord, httpResponse, requestRecord, responseRecord, sampleCrawl, warcinfoRecord, warcRecord } from "./warc-builder.js";

const dir = mkdtempSync(join(tmpdir(), "parley-warc-"));
let files = 0;
function file(bytes: Buffer, name = "test.warc"): string {
  files += 1;
  const path = join(dir, `${files}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

async function collect(input: WarcInput, options?: WarcOptions): Promise<WarcEntry[]> {
  const entries: WarcEntry[] = [];
  for await (const entry of readWarc(input, options)) entries.push(entry);
  return entries;
}

function records(entries: WarcEntry[]): WarcRecord[] {
  return entries.filter((entry): entry is WarcRecord => entry.kind === "record");
}

function problems(entries: WarcEntry[]): string[] {
  return entries.flatMap((entry) => (entry.kind === "problem" ? [`${entry.record}: ${entry.reason}`] : []));
}

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const pageA = "<html><body><p>Turkey and Egypt signed a deal.</p></body></html>";
const pageB = "<html><body><p>Iran warned Israel.</p></body></html>";
const crawl = (): Buffer[] => [
  warcinfoRecord(),
  requestRecord("https://a.example/1"),
  responseRecord("https://a.example/1", pageA),
  warcRecord({ type: "metadata", uri: "https://a.example/1", contentType: "application/warc-fields", block: "fetchTimeMs: 120\r\n" }),
  requestRecord("https://b.example/2"),
  responseRecord("https://b.example/2", pageB),
];

function expectCrawl(entries: WarcEntry[]): void {
  expect(problems(entries)).toEqual([]);
  const read = records(entries);
  expect(read.map((record) => record.type)).toEqual(["warcinfo", "request", "response", "metadata", "request", "response"]);
  expect(read.map((record) => record.number)).toEqual([1, 2, 3, 4, 5, 6]);
  const response = read[2];
  expect(response?.targetUri).toBe("https://a.example/1");
  expect(response?.date).toBe("2024-01-23T10:00:00Z");
  expect(response?.contentType).toBe("application/http; msgtype=response");
  expect(response?.headers.get("warc-type")).toBe("response");
  expect(response?.block?.equals(httpResponse(pageA))).toBe(true);
  expect(read[5]?.block?.toString("utf8")).toContain("Iran warned Israel.");
}

describe("readWarc: well-formed files", () => {
  it("reads an uncompressed WARC record by record", async () => {
    expectCrawl(await collect(file(Buffer.concat(crawl()))));
  });

  it("reads a WARC.gz with one gzip member per record", async () => {
    expectCrawl(await collect(file(gzipPerRecord(crawl()), "test.warc.gz")));
  });

  it("reads a WARC.gz compressed as a single member, whatever the file is called", async () => {
    expectCrawl(await collect(file(gzipSync(Buffer.concat(crawl())), "no-extension")));
  });

  it("reads from a stream in small chunks, plain and compressed", async () => {
    expectCrawl(await collect(chunked(Buffer.concat(crawl()), 7)));
    expectCrawl(await collect(chunked(gzipPerRecord(crawl()), 13)));
  });

  it("accepts WARC/1.0 with an angle-bracketed target URI and LF-only line ends", async () => {
    const record = Buffer.from("WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: <http://old.example/>\nContent-Type: text/html\nContent-Length: 5\n\nhello\n\n");
    const read = records(await collect(file(record)));
    expect(read).toHaveLength(1);
    expect(read[0]?.version).toBe("WARC/1.0");
    expect(read[0]?.targetUri).toBe("http://old.example/");
    expect(read[0]?.block?.toString()).toBe("hello");
  });

  it("keeps only the blocks asked for, and skips blocks that are too large", async () => {
    const entries = await collect(file(gzipPerRecord(crawl()), "t.warc.gz"), {
      wantBlock: (header) => header.type === "response",
      maxBlockBytes: httpResponse(pageB).length,
    });
    const read = records(entries);
    expect(read.map((record) => record.blockOmitted ?? "kept")).toEqual(["not-wanted", "not-wanted", "too-large", "not-wanted", "not-wanted", "kept"]);
    expect(read[5]?.block?.toString()).toContain("Iran warned Israel");
  });
});

describe("readWarc: the committed sample crawl", () => {
  it("is what sampleCrawl() builds, record for record", async () => {
    const read = records(await collect(fixturePath("warc/sample.warc.gz")));
    const built = records(await collect(chunked(Buffer.concat(sampleCrawl()), 4096)));
    expect(read.map((record) => [record.type, record.targetUri])).toEqual(built.map((record) => [record.type, record.targetUri]));
    expect(read.every((record, i) => record.block?.equals(built[i]?.block ?? Buffer.alloc(0)))).toBe(true);
    expect(read).toHaveLength(11);
  });
});

describe("readWarc: damaged files (reported, the rest kept)", () => {
  it("reports a record cut off by the end of an uncompressed file", async () => {
    const whole = Buffer.concat(crawl());
    const entries = await collect(file(whole.subarray(0, whole.length - 30)));
    expect(records(entries).map((record) => record.number)).toEqual([1, 2, 3, 4, 5]);
    expect(problems(entries)).toEqual([expect.stringMatching(/^6: truncated: the input ends 26 bytes before the end of the record/)]);
  });

  it("reports a WARC.gz cut off inside a member and keeps the records before it", async () => {
    const whole = gzipPerRecord(crawl());
    const entries = await collect(file(whole.subarray(0, whole.length - 40), "cut.warc.gz"));
    expect(records(entries).map((record) => record.type)).toEqual(["warcinfo", "request", "response", "metadata", "request"]);
    expect(problems(entries)).toEqual(["6: truncated: the input ends inside compressed data (an interrupted download?)"]);
  });

  it("steps over a corrupt gzip member to the next one", async () => {
    const members = crawl().map((record) => gzipSync(record));
    const damaged = Buffer.from(members[2] ?? Buffer.alloc(0));
    // Overwrite the middle of the deflate data: the member can no longer be decompressed.
    damaged.fill(0xff, 20, damaged.length - 20);
    const entries = await collect(file(Buffer.concat([members[0], members[1], damaged, members[3], members[4], members[5]].map((member) => member ?? Buffer.alloc(0))), "bad.warc.gz"));
    const read = records(entries);
    expect(read.map((record) => record.type)).toEqual(["warcinfo", "request", "metadata", "request", "response"]);
    expect(read[4]?.block?.toString()).toContain("Iran warned Israel.");
    const reported = problems(entries);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/^3: .*corrupt gzip data .*reading resumes at byte \d+/);
  });

  it("streams a member too large to inflate in one piece, and reports it cut off", async () => {
    // Random text compresses poorly: one member of several megabytes, as a file gzipped whole is.
    const noise = randomBytes(6 * 1024 * 1024).toString("base64");
    const records = [responseRecord("https://a.example/1", pageA), warcRecord({ type: "resource", uri: "https://a.example/noise", contentType: "text/plain", block: noise }), responseRecord("https://b.example/2", pageB)];
    const whole = gzipSync(Buffer.concat(records));
    expect(whole.length).toBeGreaterThan(4 * 1024 * 1024);
    const entries = await collect(file(whole, "big.warc.gz"), { wantBlock: (header) => header.type === "response" });
    expect(problems(entries)).toEqual([]);
    expect(entries.map((entry) => (entry.kind === "record" ? entry.targetUri : entry.kind))).toEqual(["https://a.example/1", "https://a.example/noise", "https://b.example/2"]);
    const cut = await collect(file(whole.subarray(0, whole.length - 20), "big-cut.warc.gz"));
    expect(cut.filter((entry) => entry.kind === "record")).toHaveLength(2);
    expect(problems(cut)).toEqual(["3: truncated: the input ends inside compressed data (an interrupted download?) (the record is cut off)"]);
  });

  it("reads members with optional header fields and zero padding between them", async () => {
    const plain = gzipSync(responseRecord("https://a.example/1", pageA));
    // FLG.FNAME: a zero-terminated file name follows the fixed header.
    const named = Buffer.concat([plain.subarray(0, 3), Buffer.from([0x08]), plain.subarray(4, 10), Buffer.from("page.warc\0"), plain.subarray(10)]);
    const bytes = Buffer.concat([named, Buffer.alloc(16), gzipSync(responseRecord("https://b.example/2", pageB))]);
    const entries = await collect(file(bytes, "named.warc.gz"));
    expect(problems(entries)).toEqual([]);
    expect(records(entries).map((record) => record.targetUri)).toEqual(["https://a.example/1", "https://b.example/2"]);
  });

  it("steps over garbage between gzip members", async () => {
    const bytes = Buffer.concat([gzipSync(responseRecord("https://a.example/1", pageA)), Buffer.from("not gzip at all"), gzipSync(responseRecord("https://b.example/2", pageB))]);
    const entries = await collect(chunked(bytes, 5));
    expect(records(entries).map((record) => record.targetUri)).toEqual(["https://a.example/1", "https://b.example/2"]);
    expect(problems(entries)).toEqual([expect.stringMatching(/^2: bytes that are not gzip data at byte \d+; reading resumes at byte \d+$/)]);
  });

  it("skips bytes between records that are not a record, and a record without Content-Length", async () => {
    const noLength = Buffer.from("WARC/1.1\r\nWARC-Type: resource\r\n\r\nsome text\r\n\r\n");
    const bytes = Buffer.concat([responseRecord("https://a.example/1", pageA), Buffer.from("garbage line\r\nmore garbage\r\n"), noLength, responseRecord("https://b.example/2", pageB)]);
    const entries = await collect(file(bytes));
    expect(records(entries).map((record) => record.targetUri)).toEqual(["https://a.example/1", "https://b.example/2"]);
    expect(problems(entries)).toEqual(["2: 28 bytes that are not a WARC record skipped", "2: record header without Content-Length; skipped", "2: 11 bytes that are not a WARC record skipped"]);
  });

  it("reports a file that is no WARC at all", async () => {
    const entries = await collect(file(Buffer.from("just some text\nand more\n")));
    expect(records(entries)).toEqual([]);
    expect(problems(entries)).toEqual(["1: 24 bytes at the end that are not a WARC record skipped"]);
  });
});

describe("readWarc: bounded memory", () => {
  it("streams a 256 MB multi-member WARC.gz without holding it", async () => {
    const body = `<html><body>${"<p>Padding paragraph of an imaginary article, repeated. </p>".repeat(900)}</body></html>`;
    const member = gzipSync(responseRecord("https://big.example/page", body));
    const recordBytes = gunzipSync(member).length;
    const count = Math.ceil((256 * 1024 * 1024) / recordBytes);
    async function* big(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < count; i += 1) yield member;
    }
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let read = 0;
    for await (const entry of readWarc(big(), { wantBlock: (header) => header.number % 100 === 0 })) {
      if (entry.kind === "record") read += 1;
      if (read % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(read).toBe(count);
    // The whole input is 256 MB decompressed; the reader holds about one record and a few chunks.
    expect(peak - before).toBeLessThan(96 * 1024 * 1024);
  });
});

describe("parseHttpResponse", () => {
  it("splits status, headers and payload", () => {
    const parsed = parseHttpResponse(httpResponse("<p>hi</p>", { headers: { "Set-Cookie": "a=1" } }));
    expect(parsed).toMatchObject({ status: 200 });
    if ("error" in parsed) throw new Error(parsed.error);
    expect(parsed.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(parsed.body.toString()).toBe("<p>hi</p>");
  });

  it("undoes chunked transfer encoding and gzip content encoding as wget stores them", () => {
    const compressed = gzipSync(Buffer.from("<p>Compressed page</p>"));
    const chunks = Buffer.concat([Buffer.from(`${(10).toString(16)}\r\n`), compressed.subarray(0, 10), Buffer.from(`\r\n${(compressed.length - 10).toString(16)}\r\n`), compressed.subarray(10), Buffer.from("\r\n0\r\n\r\n")]);
    const block = Buffer.concat([Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"), chunks]);
    const parsed = parseHttpResponse(block);
    if ("error" in parsed) throw new Error(parsed.error);
    expect(parsed.body.toString()).toBe("<p>Compressed page</p>");
  });

  it("leaves a payload already decoded by the crawler alone, and rejects what is not HTTP", () => {
    const parsed = parseHttpResponse(Buffer.from("HTTP/1.1 301 Moved\nLocation: /x\n\n"));
    expect(parsed).toMatchObject({ status: 301 });
    expect(parseHttpResponse(Buffer.from("GET / HTTP/1.1\r\n\r\n"))).toEqual({ error: 'not an HTTP response (status line "GET / HTTP/1.1")' });
    expect(parseHttpResponse(Buffer.from("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip"))).toEqual({ error: 'cannot undo Content-Encoding "gzip"' });
  });
});
