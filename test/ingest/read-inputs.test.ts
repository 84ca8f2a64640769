import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../../src/ingest/http-client.js";
import { formatOf, looksBinary, readInputs, type ReadOptions } from "../../src/ingest/read-inputs.js";
import type { InputDocument, InputRecord } from "../../src/ingest/record.js";
import { fixturePath } from "../helpers.js";
import { articlePage, gzipPerRecord, requestRecord, responseRecord, warcinfoRecord, warcRecord } from "./warc-builder.js";

const dir = mkdtempSync(join(tmpdir(), "parley-inputs-"));
let count = 0;
function file(name: string, content: string | Buffer): string {
  count += 1;
  const folder = join(dir, `f${count}`);
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function read(paths: string[], options: ReadOptions = {}): Promise<{ records: InputRecord[]; warnings: string[] }> {
  const warnings: string[] = [];
  const records: InputRecord[] = [];
  for await (const record of readInputs(paths, { today: "2030-01-01", warn: (line) => warnings.push(line), ...options })) records.push(record);
  return { records, warnings };
}

function documents(records: InputRecord[]): InputDocument[] {
  return records.filter((record): record is InputDocument => record.kind === "document");
}

function others(records: InputRecord[]): string[] {
  return records.flatMap((record) => (record.kind === "document" ? [] : [`${record.kind} ${record.where}: ${record.reason}`]));
}

const paragraphs = [
  "Turkish President Recep Tayyip Erdogan met Egyptian President Abdel Fattah al-Sisi in Cairo on Wednesday, the first visit of a Turkish leader to Egypt in more than a decade.",
  "The two leaders signed agreements on trade and energy and pledged to raise bilateral trade to 15 billion dollars within five years, officials from both governments said after the talks.",
  "Erdogan said Turkey was ready to work with Egypt to end the war in Gaza and to bring humanitarian aid to civilians there.",
];

describe("readInputs: one format at a time", () => {
  it("reads plain text as one document, warning when there is no date", async () => {
    const path = file("story.txt", "Headline here\nBody text follows.\n");
    const { records, warnings } = await read([path]);
    expect(records).toEqual([{ kind: "document", meta: { id: "story.txt", date: "2030-01-01" }, text: "Headline here\nBody text follows.\n", where: path }]);
    expect(warnings).toEqual([`${path}: no --date given; using today's date 2030-01-01 as the publication date`]);
    const dated = await read([path], { date: "2024-09-05" });
    expect(documents(dated.records)[0]?.meta.date).toBe("2024-09-05");
    expect(dated.warnings).toEqual([]);
  });

  it("reads JSONL line by line, a bad line a failure naming its number", async () => {
    const path = file("docs.jsonl", `${JSON.stringify({ id: "a", date: "2024-01-02", text: "One." })}\n{broken\n\n${JSON.stringify({ id: "b", date: "2024-01-03", text: "Two.", url: "https://x.example/b" })}\n`);
    const { records } = await read([path]);
    expect(documents(records).map((record) => [record.meta.id, record.where])).toEqual([["a", `${path}:1`], ["b", `${path}:4`]]);
    expect(others(records)).toEqual([expect.stringMatching(new RegExp(`^failure ${path}:2: malformed JSON`))]);
  });

  it("extracts an HTML page's article with its metadata, the title as the first line", async () => {
    const html = articlePage("Erdogan visits Cairo", paragraphs, { published: "2024-02-14T09:00:00+02:00", site: "Example News" }).replace("<head>", '<head><link rel="canonical" href="https://news.example.com/erdogan-cairo">');
    const path = file("page.html", html);
    const { records, warnings } = await read([path]);
    const [doc] = documents(records);
    expect(doc?.meta).toEqual({ id: "page.html", date: "2024-02-14", title: "Erdogan visits Cairo", url: "https://news.example.com/erdogan-cairo", source: "Example News" });
    expect(doc?.text.split("\n")).toEqual(["Erdogan visits Cairo", ...paragraphs]);
    expect(doc?.text).not.toMatch(/Home|Related|Copyright/);
    expect(warnings).toEqual([]);
  });

  it("skips a page without article text, with the reason", async () => {
    const path = file("empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>");
    expect(others((await read([path])).records)).toEqual([`skipped ${path}: no article text found in the page`]);
  });

  it("reads RSS 2.0, RSS 1.0 and Atom items with their links, dates and summaries", async () => {
    const { records } = await read([fixturePath("feeds/rss2.xml"), fixturePath("feeds/rss1.rdf"), fixturePath("feeds/atom.xml")]);
    expect(others(records)).toEqual([]);
    const docs = documents(records);
    expect(docs.map((doc) => doc.meta.id)).toEqual([
      "example-news-10001",
      "https://news.example.com/world/2024/01/22/outage",
      "https://news.example.com/world/2024/01/21/title-only",
      "https://rdf.example.net/a1",
      "tag:atom.example.org,2024:iran-warns",
      "tag:atom.example.org,2024:plain",
    ]);
    expect(docs[0]).toEqual({
      kind: "document",
      meta: { id: "example-news-10001", date: "2024-01-23", title: "Turkey and Egypt sign trade deal", url: "https://news.example.com/world/2024/01/23/turkey-egypt-trade", source: "news.example.com" },
      text: "Turkey and Egypt sign trade deal\nTurkey and Egypt signed a trade agreement in Cairo on Tuesday.\nThe deal doubles quotas & tariffs fall.",
      where: `${fixturePath("feeds/rss2.xml")}:item 1`,
    });
    expect(docs[2]?.text).toBe("Title only item");
    expect(docs[4]?.meta.url).toBe("https://atom.example.org/2024/03/iran-warns-israel");
    expect(docs[4]?.text).toBe("Iran warns Israel\nIran warned Israel against any attack on Friday.\nIsrael & the United States rejected the warning.");
  });

  it("keeps the readable items of truncated and malformed feeds and reports the rest", async () => {
    const truncated = fixturePath("feeds/truncated.xml");
    const malformed = fixturePath("feeds/malformed.xml");
    const { records, warnings } = await read([truncated, malformed]);
    expect(documents(records).map((doc) => doc.meta.title)).toEqual(["First complete item", "Second complete item", "Good item", "Another good item"]);
    expect(others(records)).toEqual([`failure ${truncated}:item 3: cut off (the file ends inside it)`, `failure ${malformed}:item 2: malformed XML inside the item`]);
    expect(warnings).toContain(`${truncated}: truncated: the text ends before the feed is closed`);
    expect(warnings.some((line) => line.startsWith(`${malformed}: malformed XML at line 11`))).toBe(true);
  });

  it("reports an XML file that is not a feed", async () => {
    const path = file("data.xml", "<?xml version='1.0'?><catalog><book/></catalog>");
    expect(others((await read([path])).records)).toEqual([`failure ${path}: not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root element)`]);
  });
});

describe("readInputs: WARC files", () => {
  const warc = (): Buffer[] => [
    warcinfoRecord(),
    requestRecord("https://news.example.com/erdogan"),
    responseRecord("https://news.example.com/erdogan", articlePage("Erdogan visits Cairo", paragraphs, { published: "2024-02-14", site: "Example News" }), { date: "2024-02-15T01:02:03Z" }),
    responseRecord("https://news.example.com/logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]), { contentType: "image/png" }),
    responseRecord("https://news.example.com/old", "", { status: 301, contentType: "" }),
    responseRecord("https://news.example.com/undated", articlePage("Undated story", paragraphs), { date: "2024-03-01T00:00:00Z" }),
    warcRecord({ type: "conversion", uri: "https://news.example.com/plain", contentType: "text/plain", block: "Plain headline\nRussia attacked Ukraine.", date: "2024-03-02T10:00:00Z" }),
  ];

  it("codes HTML responses, skips other responses with the reason, ignores requests and metadata", async () => {
    const path = file("crawl.warc.gz", gzipPerRecord(warc()));
    const { records } = await read([path]);
    const docs = documents(records);
    expect(docs.map((doc) => [doc.where, doc.meta.id, doc.meta.date])).toEqual([
      [`${path}:record 3`, "https://news.example.com/erdogan", "2024-02-14"],
      [`${path}:record 6`, "https://news.example.com/undated", "2024-03-01"],
      [`${path}:record 7`, "https://news.example.com/plain", "2024-03-02"],
    ]);
    expect(docs[0]?.text.split("\n")[0]).toBe("Erdogan visits Cairo");
    expect(docs[2]?.text).toBe("Plain headline\nRussia attacked Ukraine.");
    expect(others(records)).toEqual([`skipped ${path}:record 4: not an HTML page (image/png)`, `skipped ${path}:record 5: HTTP 301`]);
  });

  it("reads the sample crawl: HTML responses in any encoding and content coding, the rest skipped with reasons", async () => {
    const path = fixturePath("warc/sample.warc.gz");
    const { records, warnings } = await read([path]);
    expect(warnings).toEqual([]);
    expect(documents(records).map((doc) => [doc.where.slice(path.length), doc.meta.id, doc.meta.date, doc.meta.source])).toEqual([
      [":record 3", "https://news.example.com/2024/09/04/erdogan-cairo", "2024-09-04", "news.example.com"],
      [":record 6", "https://wire.example.org/kyiv-attack", "2024-09-04", "wire.example.org"],
      [":record 10", "https://journal.example.ch/geneve", "2024-09-03", "journal.example.ch"],
      [":record 11", "https://wire.example.org/geneva-talks", "2024-09-03", "wire.example.org"],
    ]);
    const [, , geneve, talks] = documents(records);
    expect(geneve?.text).toContain("Le ministre français des affaires étrangères a rencontré son homologue suisse à Genève");
    expect(talks?.text.split("\n")[0]).toBe("Talks in Geneva");
    expect(others(records)).toEqual([`skipped ${path}:record 8: not an HTML page (text/plain)`, `skipped ${path}:record 9: HTTP 404`]);
  });

  it("reads an uncompressed WARC from standard input, and reports damage with the rest kept", async () => {
    const whole = Buffer.concat(warc());
    const { records } = await read(["-"], { stdin: () => whole.subarray(0, whole.length - 10) });
    expect(documents(records).map((doc) => doc.where)).toEqual(["<stdin>:record 3", "<stdin>:record 6"]);
    expect(others(records).at(-1)).toMatch(/^failure <stdin>:record 7: truncated/);
  });
});

describe("readInputs: encodings", () => {
  const text = "Café owners in Zürich said the “deal” was fine.";
  it("decodes windows-1252 text, UTF-16 text with a BOM, and a page that declares its charset", async () => {
    const latin = file("latin.txt", Buffer.from(text.replace(/[“”]/g, '"'), "latin1"));
    const cp1252 = file("cp1252.txt", Buffer.concat([Buffer.from("Caf\xe9 owners in Z\xfcrich said the ", "latin1"), Buffer.from([0x93]), Buffer.from("deal"), Buffer.from([0x94]), Buffer.from(" was fine.")]));
    const utf16 = file("utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const page = articlePage("Zürich café", paragraphs.map((paragraph) => `${paragraph} Café.`), { charset: "windows-1252" });
    const html = file("page.html", Buffer.from(page, "latin1"));
    const { records } = await read([latin, cp1252, utf16, html], { date: "2024-01-01" });
    const docs = documents(records);
    expect(docs.map((doc) => doc.text.split("\n")[0])).toEqual([text.replace(/[“”]/g, '"'), text, text, "Zürich café"]);
    expect(docs[3]?.text).toContain("five years, officials from both governments said after the talks. Café.");
  });

  it("decodes a feed by its XML declaration", async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>F</title><item><title>Mus\xe9e ferm\xe9</title><description>L'\xe9t\xe9.</description></item></channel></rss>`;
    const path = file("feed.rss", Buffer.from(xml, "latin1"));
    const { records } = await read([path], { date: "2024-01-01" });
    expect(documents(records)[0]?.text).toBe("Musée fermé\nL'été.");
  });
});

describe("readInputs: directories, gzip, format detection and bad input", () => {
  it("walks a directory recursively in name order, by type, ignoring hidden and unknown files", async () => {
    const root = join(dir, "tree");
    mkdirSync(join(root, "b-sub", "deeper"), { recursive: true });
    writeFileSync(join(root, "a.txt"), "Text file.");
    writeFileSync(join(root, "b-sub", "page.htm"), articlePage("Nested page", paragraphs, { published: "2024-05-05" }));
    writeFileSync(join(root, "b-sub", "deeper", "docs.jsonl.gz"), gzipSync(`${JSON.stringify({ id: "z", date: "2024-01-01", text: "Zipped." })}\n`));
    writeFileSync(join(root, "c-crawl.warc"), Buffer.concat([responseRecord("https://w.example/1", articlePage("From a WARC", paragraphs, { published: "2024-06-06" }))]));
    writeFileSync(join(root, "d-saved-page"), articlePage("Saved without extension", paragraphs, { published: "2024-07-07" }));
    writeFileSync(join(root, "e-image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    writeFileSync(join(root, "e-style.css"), "body {}");
    writeFileSync(join(root, ".DS_Store"), Buffer.from([0, 0, 0, 1]));
    const { records, warnings } = await read([root], { date: "2024-01-01" });
    expect(others(records)).toEqual([]);
    expect(documents(records).map((doc) => [doc.meta.id, doc.text.split("\n")[0]])).toEqual([
      ["a.txt", "Text file."],
      ["z", "Zipped."],
      [join("b-sub", "page.htm"), "Nested page"],
      ["https://w.example/1", "From a WARC"],
      ["d-saved-page", "Saved without extension"],
    ]);
    expect(warnings).toEqual([`${root}: 2 files of other types ignored (.css, .png)`]);
  });

  it("reports progress in bytes read against the total", async () => {
    const a = file("a.txt", "x".repeat(1000));
    const b = file("b.jsonl", `${JSON.stringify({ id: "b", date: "2024-01-01", text: "y" })}\n`);
    const seen: string[] = [];
    await read([a, b], { date: "2024-01-01", onProgress: (progress) => seen.push(`${progress.bytesDone}/${progress.bytesTotal} ${progress.current}`) });
    expect(seen).toEqual([`1000/1042 ${a}`, `1042/1042 ${b}`]);
  });

  it("tells formats by content when the name does not", () => {
    expect(formatOf(undefined, Buffer.from("WARC/1.1\r\n"))).toBe("warc");
    expect(formatOf(undefined, gzipSync(Buffer.from("WARC/1.0\r\nWARC-Type: warcinfo\r\n")))).toBe("warc");
    expect(formatOf("x.xml", Buffer.from("<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>"))).toBe("feed");
    expect(formatOf(undefined, Buffer.from("  <!DOCTYPE html><html><body>"))).toBe("html");
    expect(formatOf(undefined, Buffer.from('{"id":"a","text":"x"}\n'))).toBe("jsonl");
    expect(formatOf(undefined, Buffer.from("Just words."))).toBe("text");
    expect(formatOf(undefined, Buffer.from(JSON.stringify({ id: "long", text: "word ".repeat(20_000) }).slice(0, 65_536)))).toBe("jsonl");
    expect(formatOf("page.html", Buffer.from("Just words."))).toBe("html");
  });

  it("tells binary data from text in legacy encodings", () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(true);
    expect(looksBinary(Buffer.from("Caf\xe9 \x93quoted\x94", "latin1"))).toBe(false);
    expect(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("text", "utf16le")]))).toBe(false);
  });

  it("stops before reading anything when a named file is missing or binary", async () => {
    const good = file("good.txt", "Fine.");
    const binary = file("image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    await expect(read([good, join(dir, "missing.txt")])).rejects.toThrow(/missing\.txt: no such file/);
    await expect(read([good, binary])).rejects.toThrow(/image\.txt: binary input/);
  });

  it("reports a truncated gzip file and a too-large file as failures", async () => {
    const zipped = gzipSync(Buffer.from("x".repeat(100_000)));
    const cut = file("cut.txt.gz", zipped.subarray(0, zipped.length - 20));
    const big = file("big.html", "<html><body><p>words</p></body></html>".repeat(100));
    expect(others((await read([cut], { date: "2024-01-01" })).records)).toEqual([expect.stringMatching(/^failure .*cut\.txt\.gz: corrupt or truncated gzip data \(unexpected end of file\)$/)]);
    expect(others((await read([big], { maxFileBytes: 1000 })).records)).toEqual([`failure ${big}: too large to read as one document (over 1000 bytes); split it, or give it as JSONL or WARC`]);
  });
});

describe("readInputs: --follow", () => {
  let server: Server;
  let base = "";
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? "");
      if (request.url === "/feed.xml") {
        response.writeHead(200, { "content-type": "application/rss+xml" });
        response.end(`<rss version="2.0"><channel><title>Local</title>
          <item><title>Erdogan visits Cairo</title><link>${base}/article</link><description>Short summary.</description><pubDate>Wed, 14 Feb 2024 08:00:00 GMT</pubDate></item>
          <item><title>Gone</title><link>${base}/missing</link><description>A summary of the missing page.</description></item>
          <item><title>Gone too</title><link>${base}/missing-too</link></item>
        </channel></rss>`);
      } else if (request.url === "/article") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(articlePage("Erdogan visits Cairo (full story)", paragraphs, { site: "Local News" }));
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("fetches each item's page and codes its main text, falling back to the summary", async () => {
    const response = await fetch(`${base}/feed.xml`);
    const path = file("local.xml", await response.text());
    const client = new HttpClient({ hostDelayMs: 0, retries: 0 });
    const { records, warnings } = await read([path], { follow: true, client });
    const docs = documents(records);
    expect(docs[0]?.meta).toEqual({ id: `${base}/article`, date: "2024-02-14", title: "Erdogan visits Cairo (full story)", url: `${base}/article`, source: "Local News" });
    expect(docs[0]?.text.split("\n").slice(1)).toEqual(paragraphs);
    expect(docs[1]?.text).toBe("Gone\nA summary of the missing page.");
    expect(warnings).toContain(`${path}:item 2: cannot fetch the linked page (HTTP 404); coding the feed's summary instead`);
    expect(others(records)).toEqual([`failure ${path}:item 3: cannot fetch the linked page (HTTP 404)`]);
    expect(hits).toEqual(["/feed.xml", "/article", "/missing", "/missing-too"]);
  });
});
