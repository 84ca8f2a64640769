/**
 * Everything `parley code` can read, as one stream of input records: plain text, JSONL, HTML pages,
 * RSS/Atom feeds (their linked pages fetched with `follow`), WARC and WARC.gz files, any of them
 * gzipped, whole directories (recursively, by type) and standard input. Formats are told by file
 * extension, then by content.
 *
 * Memory stays bounded: JSONL is read line by line and WARC record by record; only formats that
 * are one document per file (text, HTML, a feed) are read whole, up to `maxFileBytes`.
 *
 * Every record ends up as a document, a skip with its reason, or a failure with its reason; a
 * problem with the run itself (a missing file, binary data given as text) throws InputError before
 * anything is read.
 */
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, extname, join, relative } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { constants as zlibConstants, createGunzip, gunzipSync } from "node:zlib";
import type { DocMeta } from "../document/types.js";
import { decode, guessBomlessUtf16 } from "./encoding.js";
import { FeedError, looksLikeFeed, parseFeed, type FeedItem, type ParsedFeed } from "./feed.js";
import { articleText, extractArticle } from "./html.js";
import { HttpClient, HttpError } from "./http-client.js";
import { parseJsonlLine } from "./jsonl.js";
import { peek } from "./peek.js";
import { InputError, type InputDocument, type InputRecord } from "./record.js";
import { detectFormat } from "./sniff.js";
import { parseHttpResponse, readWarc, type WarcHeader, type WarcRecord } from "./warc.js";

export type ReadFormat = "auto" | "text" | "jsonl" | "html" | "feed" | "warc";
export const READ_FORMATS: readonly ReadFormat[] = ["auto", "text", "jsonl", "html", "feed", "warc"];

type ConcreteFormat = Exclude<ReadFormat, "auto">;

export interface ReadOptions {
  /** Input format, or "auto" (default): by extension, then by content. */
  format?: ReadFormat;
  /** Publication date (YYYY-MM-DD) for records that carry none (`--date`). */
  date?: string;
  /** Last resort for the publication date, with a warning: today's date (default: UTC today). */
  today?: string;
  /** Fetch the page each feed item links to and code its main text instead of the summary. */
  follow?: boolean;
  /** HTTP client for `follow` (default: a polite client with its defaults). */
  client?: HttpClient;
  /** Standard input, read when `paths` is empty or "-" (default: process.stdin). */
  stdin?: () => AsyncIterable<Uint8Array> | Uint8Array;
  /** Warnings that are not about one record (a damaged feed, ignored files, a date guessed). */
  warn?: (line: string) => void;
  /** Largest text, HTML or feed file read whole. Default 64 MiB. */
  maxFileBytes?: number;
  signal?: AbortSignal;
  /** Called as input bytes are read, for a progress display (see src/cli/progress.ts). */
  onProgress?: (progress: InputProgress) => void;
}

export interface InputProgress {
  /** Bytes of input files read so far (as stored: compressed files count compressed). */
  bytesDone: number;
  /** All input files together; undefined when reading standard input or a pipe. */
  bytesTotal?: number;
  /** The input being read. */
  current: string;
}

/** What building a record from a page, a feed item or a WARC record needs to know. */
export interface RecordContext {
  date?: string;
  today: string;
  warn: (line: string) => void;
  follow: boolean;
  client?: HttpClient;
  signal?: AbortSignal;
}

const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** How much of an input is looked at to tell its format. */
const SNIFF_BYTES = 64 * 1024;

const EXTENSION_FORMATS: Record<string, ConcreteFormat | "xml"> = {
  ".txt": "text",
  ".text": "text",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".shtml": "html",
  ".rss": "feed",
  ".atom": "feed",
  ".rdf": "feed",
  ".xml": "xml",
  ".warc": "warc",
};

/** One input to read: a file (from the command line or found in a directory) or standard input. */
interface Source {
  /** For messages: the path as given, or "<stdin>". */
  where: string;
  /** Document id for one-document inputs: the file name, or the path below the directory given. */
  id: string;
  path?: string;
  /** Given on the command line (problems stop the run) or found in a directory (problems are records). */
  explicit: boolean;
}

/** Read every input, in order, as input records. */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputRecord> {
  const format = options.format ?? "auto";
  if (!READ_FORMATS.includes(format)) throw new InputError("--input", `unknown input format "${format}"`);
  const context: RecordContext = {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    warn: options.warn ?? (() => undefined),
    follow: options.follow ?? false,
  };
  if (options.date !== undefined) context.date = options.date;
  if (options.signal) context.signal = options.signal;
  if (context.follow) context.client = options.client ?? new HttpClient();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

  // Check every path before reading any, so that a typo stops the run before any output.
  const inputs = paths.length === 0 ? ["-"] : paths;
  const kinds: ("stdin" | "file" | "stream" | "directory")[] = [];
  for (const path of inputs) {
    if (path === "-") {
      kinds.push("stdin");
      continue;
    }
    const kind = await pathKind(path);
    if (kind === "file") await checkExplicitFile(path, format);
    kinds.push(kind);
  }

  const progress = options.onProgress ? await progressCounter(inputs, kinds, format, options.onProgress) : undefined;
  const open = (path: string, stream: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> => (progress ? progress(path, stream) : stream);
  for (const [i, path] of inputs.entries()) {
    const kind = kinds[i];
    if (kind === "stdin") {
      const stdin = options.stdin ? options.stdin() : process.stdin;
      const stream = stdin instanceof Uint8Array ? oneChunk(stdin) : stdin;
      yield* readSource({ where: "<stdin>", id: "stdin", explicit: true }, open("<stdin>", stream), format, context, maxFileBytes);
    } else if (kind === "file" || kind === "stream") {
      yield* readSource({ where: path, id: basename(path), path, explicit: true }, open(path, fileStream(path)), format, context, maxFileBytes);
    } else {
      for await (const file of walk(path, format, context.warn)) {
        const source: Source = { where: file, id: relative(path, file), path: file, explicit: false };
        yield* readSource(source, open(file, fileStream(file)), format, context, maxFileBytes);
      }
    }
  }
}

/**
 * Count bytes as they are read. The total is known up front for files and directories (their
 * files are listed once more for it), not for standard input or pipes.
 */
async function progressCounter(
  inputs: string[],
  kinds: ("stdin" | "file" | "stream" | "directory")[],
  format: ReadFormat,
  report: (progress: InputProgress) => void,
): Promise<(where: string, stream: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>> {
  let total: number | undefined = 0;
  for (const [i, path] of inputs.entries()) {
    const kind = kinds[i];
    if (kind === "stdin" || kind === "stream") total = undefined;
    if (total === undefined) break;
    if (kind === "file") total += (await stat(path)).size;
    if (kind === "directory") for await (const file of walk(path, format, () => undefined)) total += (await stat(file)).size;
  }
  let done = 0;
  return (where, stream) =>
    (async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of stream) {
        done += chunk.byteLength;
        report(total === undefined ? { bytesDone: done, current: where } : { bytesDone: done, bytesTotal: total, current: where });
        yield chunk;
      }
    })();
}

async function pathKind(path: string): Promise<"file" | "stream" | "directory"> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return "directory";
    if (info.isFile()) return "file";
    // A named pipe or device (/dev/stdin, <(zcat x)) can be read once only: no looking ahead.
    if (info.isFIFO() || info.isCharacterDevice()) return "stream";
    throw new InputError(path, "not a regular file or directory");
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, describeFsError(error));
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  return (error as Error).message;
}

/** A file named on the command line: readable, and not binary if it is to be read as text. */
async function checkExplicitFile(path: string, format: ReadFormat): Promise<void> {
  let head: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(8192);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new InputError(path, describeFsError(error));
  }
  const resolved = format === "auto" ? formatOf(path, head) : format;
  if ((resolved === "text" || resolved === "jsonl") && !isGzip(head) && looksBinary(head)) throw new InputError(path, binaryReason());
}

function binaryReason(): string {
  return "binary input (contains NUL or control bytes); expected text, JSONL, HTML, a feed or a WARC file";
}

/** Files below a directory, sorted, hidden ones left out; with format "auto", only types parley reads. */
async function* walk(directory: string, format: ReadFormat, warn: (line: string) => void): AsyncGenerator<string> {
  const ignored = new Map<string, number>();
  async function* visit(dir: string): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      warn(`${dir}: cannot read directory (${describeFsError(error)})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        yield* visit(path);
        continue;
      }
      // Symbolic links to files are read; links to directories are not followed (no loops).
      const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile() === true);
      if (!isFile) continue;
      if (format === "auto" && !readableByName(entry.name)) {
        const extension = extname(entry.name).toLowerCase();
        ignored.set(extension, (ignored.get(extension) ?? 0) + 1);
        continue;
      }
      yield path;
    }
  }
  yield* visit(directory);
  if (ignored.size > 0) {
    const total = [...ignored.values()].reduce((sum, count) => sum + count, 0);
    const kinds = [...ignored.keys()].sort().join(", ");
    warn(`${directory}: ${total} file${total === 1 ? "" : "s"} of other types ignored (${kinds})`);
  }
}

/** Known extensions, gzipped ones, and files without an extension (crawlers save pages so). */
function readableByName(name: string): boolean {
  const inner = name.toLowerCase().replace(/\.gz$/, "");
  const extension = extname(inner);
  return extension === "" || extension in EXTENSION_FORMATS;
}

function fileStream(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: 256 * 1024 });
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}


function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The start of gzipped data, decompressed as far as the bytes at hand allow. */
function gunzipHead(head: Buffer): Buffer {
  try {
    return gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}

/**
 * Binary data, not text: NUL bytes (unless UTF-16, which encoding detection handles) or many
 * control characters. Legacy single-byte encodings are text and pass.
 */
export function looksBinary(head: Uint8Array): boolean {
  const sample = head.subarray(0, 8192);
  if (sample.length === 0) return false;
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return false;
  if (guessBomlessUtf16(sample) !== undefined) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  }
  return control / sample.length > 0.02;
}


/** The format of an input from its name, then its first bytes. */
export function formatOf(name: string | undefined, head: Buffer): ConcreteFormat {
  const lower = name?.toLowerCase();
  if (lower && /\.warc(\.gz)?$/.test(lower)) return "warc";
  const byName = lower ? EXTENSION_FORMATS[extname(lower.replace(/\.gz$/, ""))] : undefined;
  const content = isGzip(head) ? gunzipHead(head) : head;
  if (byName && byName !== "xml") return byName;
  const sniffed = sniffFormat(content);
  // An .xml file is a feed unless it is a page; if it is neither, reading it as a feed says so.
  return byName === "xml" && sniffed !== "html" && sniffed !== "warc" ? "feed" : sniffed;
}

function sniffFormat(head: Buffer): ConcreteFormat {
  if (head.subarray(0, 8).toString("latin1").startsWith("WARC/")) return "warc";
  // Only the start matters; the encoding is settled later, ASCII markup reads the same in all of them.
  const text = guessBomlessUtf16(head) !== undefined ? decode(head).text : head.toString("latin1");
  const start = text.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "");
  if (looksLikeFeed(start)) return "feed";
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start) || /<html[\s>][\s\S]*<\/?(?:head|body)[\s>]/i.test(start.slice(0, 4096))) return "html";
  // A JSONL record longer than the sniffed head cannot be parsed from it; its start still shows.
  if (!start.includes("\n") && /^\s*\{\s*"/.test(start) && start.length >= SNIFF_BYTES) return "jsonl";
  return detectFormat(undefined, start);
}

async function* readSource(source: Source, stream: AsyncIterable<Uint8Array>, requested: ReadFormat, context: RecordContext, maxFileBytes: number): AsyncGenerator<InputRecord> {
  let peeked: { head: Buffer; all: AsyncIterable<Uint8Array> };
  try {
    peeked = await peek(stream, SNIFF_BYTES);
  } catch (error) {
    if (source.explicit) throw new InputError(source.where, describeFsError(error));
    yield { kind: "failure", where: source.where, reason: `cannot read (${describeFsError(error)})` };
    return;
  }
  const { head, all } = peeked;
  const format = requested === "auto" ? formatOf(source.path ? basename(source.path) : undefined, head) : requested;
  const gzipped = isGzip(head);

  if (format === "warc") {
    // The WARC reader undoes gzip itself, member by member, stepping over damage.
    yield* warcRecords(source, all, context);
    return;
  }
  const bytes = gzipped ? gunzipStream(all) : all;
  const content = gzipped ? gunzipHead(head) : head;
  if ((format === "text" || format === "jsonl") && looksBinary(content)) {
    if (source.explicit) throw new InputError(source.where, binaryReason());
    yield { kind: "failure", where: source.where, reason: binaryReason() };
    return;
  }
  if (format === "jsonl") {
    yield* jsonlRecords(source, bytes, context);
    return;
  }
  const whole = await readWhole(bytes, maxFileBytes);
  if ("error" in whole) {
    yield { kind: "failure", where: source.where, reason: whole.error };
    return;
  }
  if (format === "text") {
    yield textRecord(source, whole.bytes, context);
  } else if (format === "html") {
    const html = decode(whole.bytes).text;
    yield pageRecord(html, source.where, { id: source.id }, context);
  } else {
    yield* feedRecords(decode(whole.bytes).text, source.where, undefined, context);
  }
}

function gunzipStream(stream: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const gunzip = createGunzip();
  const input = Readable.from(stream);
  input.on("error", (error) => gunzip.destroy(error));
  return input.pipe(gunzip);
}

async function readWhole(stream: AsyncIterable<Uint8Array>, max: number): Promise<{ bytes: Buffer } | { error: string }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += chunk.byteLength;
      if (total > max) return { error: `too large to read as one document (over ${formatBytes(max)}); split it, or give it as JSONL or WARC` };
      chunks.push(chunk);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_")) return { error: `corrupt or truncated gzip data (${(error as Error).message})` };
    return { error: `cannot read (${describeFsError(error)})` };
  }
  return { bytes: Buffer.concat(chunks) };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** The publication date: the record's own, else --date, else a crawl date, else today (with a warning). */
function chooseDate(where: string, own: string | undefined, crawled: string | undefined, context: RecordContext): string {
  const date = own ?? context.date ?? crawled;
  if (date) return date;
  context.warn(`${where}: no publication date found and no --date given; using today's date ${context.today}`);
  return context.today;
}

function textRecord(source: Source, bytes: Buffer, context: RecordContext): InputRecord {
  const text = decode(bytes).text;
  if (!context.date) context.warn(`${source.where}: no --date given; using today's date ${context.today} as the publication date`);
  const meta: DocMeta = { id: source.id, date: context.date ?? context.today };
  return { kind: "document", meta, text, where: source.where };
}

async function* jsonlRecords(source: Source, stream: AsyncIterable<Uint8Array>, context: RecordContext): AsyncGenerator<InputRecord> {
  const lines = createInterface({ input: Readable.from(stream), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const raw of lines) {
      number += 1;
      const line = (number === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
      if (line === "") continue;
      yield parseJsonlLine(line, `${source.where}:${number}`, context.date);
    }
  } catch (error) {
    yield { kind: "failure", where: `${source.where}:${number + 1}`, reason: `cannot read further (${(error as Error).message})` };
  } finally {
    lines.close();
  }
}

/**
 * A page as an input record. `fallback` gives the id and address when the page names none, and
 * the date it was crawled (WARC-Date) as a last-resort publication date.
 */
export function pageRecord(html: string, where: string, fallback: { id: string; url?: string; crawled?: string }, context: RecordContext): InputRecord {
  let article;
  try {
    article = extractArticle(html, fallback.url);
  } catch (error) {
    return { kind: "failure", where, reason: `cannot read the page (${(error as Error).message})` };
  }
  if (!article) return { kind: "skipped", where, reason: "no article text found in the page" };
  const url = article.canonicalUrl ?? fallback.url;
  const meta: DocMeta = { id: fallback.url ?? fallback.id, date: chooseDate(where, article.published, fallback.crawled, context) };
  if (article.title) meta.title = article.title;
  if (url) meta.url = url;
  if (article.site) meta.source = article.site;
  return { kind: "document", meta, text: articleText(article), where };
}

/**
 * A feed's items as input records. Damage to the feed as a whole is a warning; an item that cannot
 * be read is a failure; the other items are read.
 */
export async function* feedRecords(text: string, where: string, feedUrl: string | undefined, context: RecordContext): AsyncGenerator<InputRecord> {
  let feed: ParsedFeed;
  try {
    feed = parseFeed(text, feedUrl);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    yield { kind: "failure", where, reason: error.message };
    return;
  }
  for (const problem of feed.problems) {
    if (problem.where === "feed") context.warn(`${where}: ${problem.reason}`);
    else yield { kind: "failure", where: `${where}:${problem.where}`, reason: problem.reason };
  }
  for (const item of feed.items) yield await feedItemRecord(item, feed, `${where}:item ${item.index}`, context);
}

/** A feed item as an input record: its summary, or with `follow` the page it links to. */
export async function feedItemRecord(item: FeedItem, feed: ParsedFeed, where: string, context: RecordContext): Promise<InputRecord> {
  const summary = itemDocument(item, feed, where, context);
  if (!context.follow || !item.link || !context.client) return summary ?? { kind: "skipped", where, reason: "empty item (no title, summary or content)" };
  let reason: string;
  try {
    const page = await context.client.get(item.link, {}, context.signal);
    if (page.contentType && !/html|xml/i.test(page.contentType)) {
      reason = `the linked page is not HTML (${page.contentType.split(";")[0]})`;
    } else {
      const record = pageRecord(decode(page.body, page.contentType).text, where, { id: item.guid ?? item.link, url: page.url }, { ...context, date: item.published ?? context.date ?? feed.updated });
      if (record.kind === "document") {
        // The feed names the article better than a page that may have been redirected.
        record.meta.id = item.guid ?? item.link;
        record.meta.title ??= item.title;
        return record;
      }
      reason = record.reason;
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    reason = `cannot fetch the linked page (${error.message})`;
  }
  if (summary && summary.text.includes("\n")) {
    context.warn(`${where}: ${reason}; coding the feed's summary instead`);
    return summary;
  }
  return { kind: "failure", where, reason };
}

function itemDocument(item: FeedItem, feed: ParsedFeed, where: string, context: RecordContext): InputDocument | undefined {
  const lines = item.title ? [item.title, ...item.paragraphs] : item.paragraphs;
  if (lines.length === 0) return undefined;
  const meta: DocMeta = { id: item.guid ?? item.link ?? where, date: chooseDate(where, item.published, feed.updated, context) };
  if (item.title) meta.title = item.title;
  if (item.link) meta.url = item.link;
  const source = hostOf(item.link) ?? feed.title;
  if (source) meta.source = source;
  return { kind: "document", meta, text: lines.join("\n"), where };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

/** Record types whose blocks can hold an article. */
function wantedWarcBlock(header: WarcHeader): boolean {
  if (header.contentLength === 0) return false;
  const type = (header.contentType ?? "").toLowerCase();
  if (header.type === "response") return type === "" || type.startsWith("application/http");
  if (header.type === "resource") return /html/.test(type);
  // WET files: the plain text Common Crawl extracted.
  if (header.type === "conversion") return type === "" || type.startsWith("text/plain");
  return false;
}

/**
 * A WARC file's pages as input records: response (and resource) records of HTML are extracted,
 * conversion records of plain text (WET) taken as they are. Requests, metadata and the like are not
 * articles and produce no record; responses that are not HTML pages are skipped with the reason.
 */
async function* warcRecords(source: Source, stream: AsyncIterable<Uint8Array>, context: RecordContext): AsyncGenerator<InputRecord> {
  for await (const entry of readWarc(stream, { wantBlock: wantedWarcBlock })) {
    if (entry.kind === "problem") {
      yield { kind: "failure", where: `${source.where}:record ${entry.record}`, reason: entry.reason };
      continue;
    }
    const record = warcRecord(entry, `${source.where}:record ${entry.number}`, context);
    if (record) yield record;
  }
}

function warcRecord(entry: WarcRecord, where: string, context: RecordContext): InputRecord | undefined {
  if (!wantedWarcBlock(entry)) return undefined;
  if (entry.blockOmitted === "too-large") return { kind: "skipped", where, reason: `record too large (${entry.contentLength} bytes)` };
  const block = entry.block;
  if (!block) return undefined;
  const crawled = entry.date ? /^\d{4}-\d{2}-\d{2}/.exec(entry.date)?.[0] : undefined;
  const id = entry.targetUri ?? where;
  if (entry.type === "conversion") {
    const meta: DocMeta = { id, date: chooseDate(where, undefined, crawled, context) };
    if (entry.targetUri) {
      meta.url = entry.targetUri;
      const host = hostOf(entry.targetUri);
      if (host) meta.source = host;
    }
    return { kind: "document", meta, text: decode(block, entry.contentType).text, where };
  }
  let body = block;
  let contentType = entry.contentType;
  if (entry.type === "response") {
    const response = parseHttpResponse(block);
    if ("error" in response) return { kind: "failure", where, reason: response.error };
    if (response.status < 200 || response.status >= 300) return { kind: "skipped", where, reason: `HTTP ${response.status}` };
    body = response.body;
    contentType = response.headers.get("content-type");
    const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const html = mediaType === "" ? /^\s*(<!doctype html|<html|<head|<body)/i.test(body.subarray(0, 1024).toString("latin1")) : /html/.test(mediaType);
    if (!html) return { kind: "skipped", where, reason: `not an HTML page (${mediaType || "unknown type"})` };
  }
  const fallback: { id: string; url?: string; crawled?: string } = { id };
  if (entry.targetUri) fallback.url = entry.targetUri;
  if (crawled) fallback.crawled = crawled;
  return pageRecord(decode(body, contentType).text, where, fallback, context);
}
