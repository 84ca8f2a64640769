/**
 * WARC and WARC.gz files (ISO 28500, 1.0 and 1.1), read record by record as a stream: only the
 * record being read is ever in memory, so a multi-gigabyte Common Crawl file costs no more than
 * its largest page. Compressed files are recognised by their bytes, not their name; gzip files
 * of one member per record (the WARC convention) and single-member files both work.
 *
 * Damage is reported and skipped: bytes that are not a record are passed over to the next
 * "WARC/" line, a record cut off by the end of the input is reported, and a corrupt gzip member
 * (or garbage between members) is stepped over to the next member header, from a file or a pipe.
 * The only loss is inside a member too large to inflate in one piece, where zlib streams and an
 * error costs the output of its last step.
 */
import { createReadStream } from "node:fs";
import * as zlib from "node:zlib";
import { brotliDecompressSync, constants as zlibConstants, createGunzip, gunzipSync, inflateRawSync, inflateSync, type Gunzip } from "node:zlib";
import { peek } from "./peek.js";

/** The header of a record, before its content block is read. */
export interface WarcHeader {
  /** 1-based number of the record in the file (records lost to damage are not counted). */
  number: number;
  /** "WARC/1.0" or "WARC/1.1". */
  version: string;
  /** WARC-Type, lower case: "response", "request", "metadata", "warcinfo", "resource", "revisit"... */
  type: string;
  /** Every header field, names in lower case. */
  headers: ReadonlyMap<string, string>;
  targetUri?: string;
  /** WARC-Date as written (ISO 8601). */
  date?: string;
  /** Content-Type of the block ("application/http; msgtype=response" for HTTP responses). */
  contentType?: string;
  contentLength: number;
}

export interface WarcRecord extends WarcHeader {
  kind: "record";
  /** The content block, when the caller wanted it and it is not larger than `maxBlockBytes`. */
  block?: Buffer;
  /** Why `block` is absent. */
  blockOmitted?: "not-wanted" | "too-large";
}

/** Damage found while reading; the records around it are still read. */
export interface WarcProblem {
  kind: "problem";
  /** Number of the record concerned (for damage between records: the number the next record gets). */
  record: number;
  reason: string;
}

export type WarcEntry = WarcRecord | WarcProblem;

export interface WarcOptions {
  /** Whether to keep a record's block; blocks not wanted are skipped without being held in memory. Default: all. */
  wantBlock?: (header: WarcHeader) => boolean;
  /** Blocks larger than this are skipped (pages are far smaller; videos are not wanted). Default 16 MiB. */
  maxBlockBytes?: number;
}

/** A file path (seekable: corrupt gzip members can be stepped over) or a byte stream such as stdin. */
export type WarcInput = string | AsyncIterable<Uint8Array>;

export const DEFAULT_MAX_BLOCK_BYTES = 16 * 1024 * 1024;
/** A record header larger than this is not a header: the reader resynchronises. */
const MAX_HEADER_BYTES = 256 * 1024;
const READ_CHUNK_BYTES = 256 * 1024;
/**
 * Compressed bytes are handed to zlib in slices of this size, and the next slice only once the
 * output of the last has been consumed: decompressed data in memory stays around one slice's worth.
 */
const INFLATE_SLICE_BYTES = 64 * 1024;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
/**
 * A gzip member whose compressed size exceeds this is streamed instead of inflated in one piece
 * (WARC records compress to some tens of kilobytes).
 */
const MAX_MEMBER_IN_MEMORY = 4 * 1024 * 1024;
/** zlib.crc32 arrived in Node 20.15; without it the length in the gzip trailer is still checked. */
const crc32: ((data: Buffer) => number) | undefined = (zlib as { crc32?: (data: Buffer) => number }).crc32;

interface ReaderState {
  /** Records read so far. */
  count: number;
  /** Number of the record whose block is being read, if any: damage cuts it off. */
  reading?: number;
}

/** Read a WARC or WARC.gz file or stream, yielding each record (and each piece of damage) in order. */
export async function* readWarc(input: WarcInput, options: WarcOptions = {}): AsyncGenerator<WarcEntry> {
  const state: ReaderState = { count: 0 };
  const file = typeof input === "string" ? createReadStream(input, { highWaterMark: READ_CHUNK_BYTES }) : undefined;
  const { gzip, stream } = await peekGzip(file ?? (input as AsyncIterable<Uint8Array>));
  const bytes = (gzip ? gunzipMembers(stream) : stream)[Symbol.asyncIterator]();
  try {
    for (;;) {
      try {
        yield* readRecords(bytes, state, options);
        return;
      } catch (error) {
        if (!(error instanceof GzipDamage)) throw error;
        const record = state.reading ?? state.count + 1;
        const cut = state.reading !== undefined ? " (the record is cut off)" : "";
        state.reading = undefined;
        yield { kind: "problem", record, reason: `${error.message}${cut}` };
        // After damage the reader starts afresh at the next gzip member, which begins a record.
      }
    }
  } finally {
    await bytes.return?.(undefined);
    file?.destroy();
  }
}

/** Raised inside the record reader where compressed data is damaged; reading goes on after it. */
class GzipDamage extends Error {
  override name = "GzipDamage";
}

/** Look at a stream's first bytes without losing them. */
async function peekGzip(input: AsyncIterable<Uint8Array>): Promise<{ gzip: boolean; stream: AsyncIterable<Uint8Array> }> {
  const { head, all } = await peek(input, GZIP_MAGIC.length);
  const gzip = head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  return { gzip, stream: all };
}

/**
 * Decompress a gzip stream of any number of members. WARC.gz files hold one member per record, so
 * members are normally small: each is inflated on its own, which tells exactly where it ends and
 * lets reading step over a corrupt member to the next one without losing its neighbours. A member
 * too large for that (a video, or a file compressed as one member) is streamed through zlib.
 * Damage produces a GzipDamage marker in the output; reading goes on after it.
 */
async function* gunzipMembers(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer | GzipDamage> {
  /** Compressed bytes received and not yet decoded; `offset` is the position of their first byte. */
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  /** Do not try the current member again before this many bytes are pending (it was incomplete). */
  let retryAt = 0;
  /** Set while looking for the next member after damage: what went wrong. */
  let damage: string | undefined;
  let streaming: Inflater | undefined;

  const drop = (bytes: number): void => {
    pending = pending.subarray(bytes);
    offset += bytes;
  };
  /** Decode whole members from `pending`; returns output and markers, stops when more input is needed. */
  function* decodeMembers(ended: boolean): Generator<Buffer | GzipDamage | "stream"> {
    while (pending.length > 0) {
      if (damage !== undefined) {
        const found = pending.indexOf(GZIP_MAGIC);
        if (found < 0) {
          // Keep a possible partial header at the end.
          drop(Math.max(0, pending.length - (GZIP_MAGIC.length - 1)));
          return;
        }
        drop(found);
        yield new GzipDamage(`${damage}; reading resumes at byte ${offset}`);
        damage = undefined;
      }
      // Zero bytes between members are padding some writers add.
      let zeros = 0;
      while (zeros < pending.length && pending[zeros] === 0) zeros += 1;
      drop(zeros);
      if (pending.length === 0) return;
      if (pending.length < retryAt && !ended) return;
      const header = gzipHeaderLength(pending);
      if (header === "invalid") {
        damage = `bytes that are not gzip data at byte ${offset}`;
        drop(1);
        continue;
      }
      if (header === "incomplete") return;
      let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
      try {
        inflated = inflateRawSync(pending.subarray(header), { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      } catch (error) {
        if (isTruncation(error) && !ended) {
          // Retries wait for twice the input, so the work stays linear; past the limit, stream.
          if (pending.length * 2 > MAX_MEMBER_IN_MEMORY) {
            yield "stream";
            return;
          }
          retryAt = pending.length * 2;
          return;
        }
        damage = isTruncation(error) ? "truncated: the input ends inside compressed data (an interrupted download?)" : `corrupt gzip data at byte ${offset} (${(error as Error).message})`;
        drop(1);
        continue;
      }
      const end = header + inflated.engine.bytesWritten;
      if (pending.length < end + 8) {
        if (!ended) {
          retryAt = end + 8;
          return;
        }
        damage = "truncated: the input ends inside a gzip trailer";
        drop(1);
        continue;
      }
      retryAt = 0;
      const trailerOk = pending.readUInt32LE(end + 4) === inflated.buffer.length >>> 0 && (crc32 === undefined || pending.readUInt32LE(end) === crc32(inflated.buffer) >>> 0);
      if (!trailerOk) {
        damage = `corrupt gzip data at byte ${offset} (checksum mismatch)`;
        drop(1);
        continue;
      }
      drop(end + 8);
      if (inflated.buffer.length > 0) yield inflated.buffer;
    }
  }

  for await (const chunk of source) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    if (streaming === undefined) {
      for (const item of decodeMembers(false)) {
        if (item !== "stream") {
          yield item;
          continue;
        }
        streaming = new Inflater(offset);
      }
    }
    while (streaming !== undefined && pending.length > 0) {
      const slice = pending.subarray(0, INFLATE_SLICE_BYTES);
      const result = await streaming.write(slice);
      yield* result.output;
      if (result.error === undefined) {
        drop(slice.length);
        continue;
      }
      // zlib consumed input only up to the damage; look for the next member after that point,
      // and after the start of the member that failed.
      drop(Math.max(streaming.start + 1, streaming.start + streaming.consumed, offset) - offset);
      damage = `corrupt gzip data (${result.error.message})`;
      streaming = undefined;
      for (const item of decodeMembers(false)) if (item !== "stream") yield item;
    }
  }
  if (streaming !== undefined) {
    const result = await streaming.end();
    yield* result.output;
    if (result.error !== undefined) {
      yield new GzipDamage(isTruncation(result.error) ? "truncated: the input ends inside compressed data (an interrupted download?)" : `corrupt gzip data (${result.error.message})`);
    }
    return;
  }
  for (const item of decodeMembers(true)) if (item !== "stream") yield item;
  if (damage !== undefined) yield new GzipDamage(damage.startsWith("truncated") ? damage : `${damage}; no readable gzip member follows`);
}

function isTruncation(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "Z_BUF_ERROR" || /unexpected end of file/i.test((error as Error).message);
}

/**
 * Length of the gzip member header at the start of `bytes` (RFC 1952: fixed 10 bytes, then the
 * optional extra field, file name, comment and header CRC the flags announce).
 */
function gzipHeaderLength(bytes: Buffer): number | "incomplete" | "invalid" {
  if (bytes.length < 10) return bytes.length >= 1 && bytes[0] !== GZIP_MAGIC[0] ? "invalid" : "incomplete";
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1] || bytes[2] !== GZIP_MAGIC[2]) return "invalid";
  const flags = bytes[3] ?? 0;
  if ((flags & 0xe0) !== 0) return "invalid";
  let position = 10;
  if (flags & 0x04) {
    if (bytes.length < position + 2) return "incomplete";
    position += 2 + bytes.readUInt16LE(position);
  }
  for (const flag of [0x08, 0x10]) {
    if (!(flags & flag)) continue;
    const zero = bytes.indexOf(0, position);
    if (zero < 0) return bytes.length - position > MAX_HEADER_BYTES ? "invalid" : "incomplete";
    position = zero + 1;
  }
  if (flags & 0x02) position += 2;
  return position <= bytes.length ? position : "incomplete";
}

/** One zlib gunzip stream driven slice by slice, its output collected as it comes. */
class Inflater {
  private readonly gunzip: Gunzip = createGunzip({ chunkSize: INFLATE_SLICE_BYTES });
  private output: Buffer[] = [];
  private error: Error | undefined;
  private ended = false;
  private wake: (() => void) | undefined;

  /** @param start position of the member this stream starts at in the compressed input */
  constructor(readonly start: number) {
    this.gunzip.on("data", (chunk: Buffer) => this.output.push(chunk));
    this.gunzip.on("error", (error: Error) => {
      this.error ??= error;
      this.notify();
    });
    this.gunzip.on("end", () => {
      this.ended = true;
      this.notify();
    });
  }

  /** Compressed bytes zlib has consumed so far. */
  get consumed(): number {
    return this.gunzip.bytesWritten;
  }

  async write(bytes: Buffer): Promise<{ output: Buffer[]; error?: Error }> {
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      this.gunzip.write(bytes, () => this.notify());
    });
    return this.take();
  }

  async end(): Promise<{ output: Buffer[]; error?: Error }> {
    if (!this.ended && this.error === undefined) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.gunzip.end();
      });
    }
    return this.take();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private take(): { output: Buffer[]; error?: Error } {
    const output = this.output;
    this.output = [];
    if (this.error !== undefined) {
      this.gunzip.destroy();
      return { output, error: this.error };
    }
    return { output };
  }
}

/** Pulls bytes from a stream on demand; holds only what has been read and not yet consumed. */
class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;
  private ended = false;
  constructor(private readonly iterator: AsyncIterator<Uint8Array | GzipDamage>) {}

  private get available(): number {
    return this.buffer.length - this.position;
  }

  /** Append the next chunk; false at the end of the stream. */
  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    // The bytes before the damage belong to a member that cannot be read to its end.
    if (next.value instanceof GzipDamage) throw next.value;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.buffer = this.available === 0 ? chunk : Buffer.concat([this.buffer.subarray(this.position), chunk]);
    this.position = 0;
    return true;
  }

  /**
   * The next line without its CR LF (or LF). A line longer than `max` comes back cut at `max`
   * with `complete: false`; undefined at the end of the stream.
   */
  async readLine(max: number): Promise<{ line: Buffer; complete: boolean; bytes: number } | undefined> {
    let searchFrom = this.position;
    for (;;) {
      const newline = this.buffer.indexOf(0x0a, searchFrom);
      if (newline >= 0 && newline - this.position <= max) {
        const end = newline > this.position && this.buffer[newline - 1] === 0x0d ? newline - 1 : newline;
        const line = this.buffer.subarray(this.position, end);
        const bytes = newline + 1 - this.position;
        this.position = newline + 1;
        return { line, complete: true, bytes };
      }
      if (this.available > max) {
        const line = this.buffer.subarray(this.position, this.position + max);
        this.position += max;
        return { line, complete: false, bytes: max };
      }
      // Everything available has been searched; after the pull, search only the new bytes.
      const searched = this.available;
      if (!(await this.pull())) {
        if (this.available === 0) return undefined;
        const line = this.buffer.subarray(this.position);
        this.position = this.buffer.length;
        return { line, complete: false, bytes: line.length };
      }
      searchFrom = this.position + searched;
    }
  }

  /** Read exactly `length` bytes into a new buffer, or fewer at the end of the stream. */
  async read(length: number): Promise<Buffer> {
    if (this.available >= length) {
      const bytes = Buffer.from(this.buffer.subarray(this.position, this.position + length));
      this.position += length;
      return bytes;
    }
    const target = Buffer.allocUnsafe(length);
    let filled = 0;
    for (;;) {
      const take = Math.min(this.available, length - filled);
      this.buffer.copy(target, filled, this.position, this.position + take);
      this.position += take;
      filled += take;
      if (filled === length || !(await this.pull())) break;
    }
    return filled === length ? target : target.subarray(0, filled);
  }

  /** Skip `length` bytes without keeping them; returns how many were skipped. */
  async skip(length: number): Promise<number> {
    let skipped = 0;
    for (;;) {
      const take = Math.min(this.available, length - skipped);
      this.position += take;
      skipped += take;
      if (skipped === length || !(await this.pull())) return skipped;
    }
  }
}

const VERSION_LINE = /^WARC\/\d+\.\d+$/;

/** Parse records from a decompressed byte stream. Errors of the stream itself are thrown. */
async function* readRecords(source: AsyncIterator<Uint8Array | GzipDamage>, state: ReaderState, options: WarcOptions): AsyncGenerator<WarcEntry> {
  const reader = new ByteReader(source);
  const maxBlock = options.maxBlockBytes ?? DEFAULT_MAX_BLOCK_BYTES;
  let skipped = 0;
  for (;;) {
    const first = await reader.readLine(MAX_HEADER_BYTES);
    if (first === undefined) break;
    const version = first.line.toString("latin1").trim();
    if (!first.complete || !VERSION_LINE.test(version)) {
      // Blank lines end every record; anything else is damage, skipped up to the next "WARC/" line.
      if (version !== "" || !first.complete) skipped += first.bytes;
      continue;
    }
    if (skipped > 0) {
      yield { kind: "problem", record: state.count + 1, reason: `${skipped} bytes that are not a WARC record skipped` };
      skipped = 0;
    }
    const header = await readHeaderFields(reader);
    if (header.problem) {
      yield { kind: "problem", record: state.count + 1, reason: header.problem };
      if (header.ended) break;
      continue;
    }
    state.count += 1;
    const record = describe(state.count, version, header.fields);
    const contentLength = Number(header.fields.get("content-length"));
    if (!Number.isSafeInteger(contentLength) || contentLength < 0) {
      yield { kind: "problem", record: state.count, reason: `invalid Content-Length ${JSON.stringify(header.fields.get("content-length") ?? "")}; record skipped` };
      continue;
    }
    const wanted = options.wantBlock ? options.wantBlock(record) : true;
    state.reading = state.count;
    if (!wanted || contentLength > maxBlock) {
      const got = await reader.skip(contentLength);
      state.reading = undefined;
      if (got < contentLength) {
        yield truncated(state.count, contentLength, got);
        break;
      }
      yield { ...record, kind: "record", blockOmitted: wanted ? "too-large" : "not-wanted" };
      continue;
    }
    const block = await reader.read(contentLength);
    state.reading = undefined;
    if (block.length < contentLength) {
      yield truncated(state.count, contentLength, block.length);
      break;
    }
    yield { ...record, kind: "record", block };
  }
  if (skipped > 0) yield { kind: "problem", record: state.count + 1, reason: `${skipped} bytes at the end that are not a WARC record skipped` };
}

function truncated(record: number, expected: number, got: number): WarcProblem {
  return { kind: "problem", record, reason: `truncated: the input ends ${expected - got} bytes before the end of the record (${got} of ${expected} bytes)` };
}

interface HeaderFields {
  fields: Map<string, string>;
  problem?: string;
  ended?: boolean;
}

/** Header fields up to the blank line; continuation lines (leading space or tab) are joined. */
async function readHeaderFields(reader: ByteReader): Promise<HeaderFields> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  let total = 0;
  for (;;) {
    const next = await reader.readLine(MAX_HEADER_BYTES);
    if (next === undefined) return { fields, problem: "truncated: the input ends inside a record header", ended: true };
    total += next.bytes;
    if (!next.complete || total > MAX_HEADER_BYTES) return { fields, problem: "record header too long; skipped" };
    const line = next.line.toString("utf8");
    if (line === "") break;
    if ((line.startsWith(" ") || line.startsWith("\t")) && last !== undefined) {
      fields.set(last, `${fields.get(last) ?? ""} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    fields.set(last, line.slice(colon + 1).trim());
  }
  if (!fields.has("content-length")) return { fields, problem: "record header without Content-Length; skipped" };
  return { fields };
}

function describe(number: number, version: string, fields: Map<string, string>): WarcHeader {
  const header: WarcHeader = {
    number,
    version,
    type: (fields.get("warc-type") ?? "").toLowerCase(),
    headers: fields,
    contentLength: Number(fields.get("content-length")),
  };
  // WARC 1.0 examples wrap the URI in angle brackets; 1.1 does not.
  const uri = fields.get("warc-target-uri")?.replace(/^<(.*)>$/, "$1");
  if (uri) header.targetUri = uri;
  const date = fields.get("warc-date");
  if (date) header.date = date;
  const contentType = fields.get("content-type");
  if (contentType) header.contentType = contentType;
  return header;
}

/** An HTTP response as stored in a WARC response record. */
export interface HttpResponse {
  status: number;
  /** Header fields, names in lower case; repeated fields joined with ", ". */
  headers: Map<string, string>;
  /** The payload with transfer and content encodings undone. */
  body: Buffer;
}

/**
 * Split a response record's block into status, headers and payload, undoing chunked transfer
 * encoding and gzip/deflate/brotli content encoding when the stored bytes still carry them
 * (Common Crawl stores payloads decoded and renames the headers to X-Crawler-*; wget does not).
 */
export function parseHttpResponse(block: Buffer): HttpResponse | { error: string } {
  let headerEnd = block.indexOf("\r\n\r\n");
  let separator = 4;
  const lfEnd = block.indexOf("\n\n");
  if (headerEnd < 0 || (lfEnd >= 0 && lfEnd < headerEnd)) {
    headerEnd = lfEnd;
    separator = 2;
  }
  if (headerEnd < 0) return { error: "HTTP response without the blank line that ends its header" };
  const lines = block.subarray(0, headerEnd).toString("latin1").split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(lines[0] ?? "");
  if (!status) return { error: `not an HTTP response (status line ${JSON.stringify((lines[0] ?? "").slice(0, 40))})` };
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }
  let body = block.subarray(headerEnd + separator);
  if (/\bchunked\b/i.test(headers.get("transfer-encoding") ?? "")) body = dechunk(body) ?? body;
  const encoding = (headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (encoding !== "" && encoding !== "identity" && body.length > 0) {
    const decoded = decodeContentEncoding(body, encoding);
    if (decoded === undefined) return { error: `cannot undo Content-Encoding "${encoding}"` };
    body = decoded;
  }
  return { status: Number(status[1]), headers, body };
}

/** Undo chunked transfer coding; undefined when the body is not chunked after all. */
function dechunk(body: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let position = 0;
  for (;;) {
    const lineEnd = body.indexOf("\r\n", position);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(body.subarray(position, lineEnd).toString("latin1").split(";")[0]?.trim() ?? "", 16);
    if (!Number.isFinite(size) || size < 0) return undefined;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > body.length) {
      parts.push(body.subarray(start));
      return Buffer.concat(parts);
    }
    parts.push(body.subarray(start, start + size));
    position = start + size + 2;
  }
}

function decodeContentEncoding(body: Buffer, encoding: string): Buffer | undefined {
  // A flush on a cut-off stream keeps what could be decompressed instead of failing on the whole page.
  const lenient = { finishFlush: zlibConstants.Z_SYNC_FLUSH };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(body, lenient);
    if (encoding === "br") return brotliDecompressSync(body);
    if (encoding === "deflate") {
      // "deflate" is meant to be zlib-wrapped, but servers send raw deflate too.
      try {
        return inflateSync(body, lenient);
      } catch {
        return inflateRawSync(body, lenient);
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
