/**
 * A polite HTTP GET for feeds and the pages they link to: one request at a time per host with a
 * pause between them, conditional requests (ETag, Last-Modified), retries with exponential backoff
 * on network errors, 429 and 5xx (honouring Retry-After), a timeout, and a cap on body size.
 * The clock, the sleep and `fetch` itself are injectable so tests run against a local server
 * without waiting.
 */

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Minimum pause between the end of one request to a host and the start of the next. Default 1 s. */
  hostDelayMs?: number;
  /** Attempts after the first for transient failures. Default 3. */
  retries?: number;
  /** First backoff; doubled on each retry. Default 2 s. */
  backoffMs?: number;
  /** Longest wait for one backoff, also the cap on Retry-After. Default 5 min. */
  maxBackoffMs?: number;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Bodies larger than this are refused. Default 16 MiB. */
  maxBytes?: number;
  userAgent?: string;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export interface ConditionalHeaders {
  etag?: string;
  lastModified?: string;
}

export interface HttpResult {
  status: number;
  /** The address after redirects. */
  url: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Empty for 304 Not Modified. */
  body: Uint8Array;
  /** How many attempts it took. */
  attempts: number;
}

/** A request that failed for good (after retries, or with a status that is not worth retrying). */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly url: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

export const DEFAULT_USER_AGENT = "parley (political event coder; feed reader)";

/** Wait `ms`, or less if `signal` aborts (then resolve early: callers check the signal). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

export class HttpClient {
  private readonly fetch: typeof fetch;
  private readonly hostDelayMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly userAgent: string;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  /** Per host: when the next request may start. */
  private readonly nextAllowed = new Map<string, number>();

  constructor(options: HttpClientOptions = {}) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.hostDelayMs = options.hostDelayMs ?? 1000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 2000;
    this.maxBackoffMs = options.maxBackoffMs ?? 300_000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.sleep = options.sleep ?? delay;
    this.now = options.now ?? Date.now;
  }

  /**
   * GET `url`. Resolves with 2xx and 304 responses; throws HttpError for other statuses (after
   * retries for the transient ones) and for network failures that outlast the retries.
   */
  async get(url: string, conditional: ConditionalHeaders = {}, signal?: AbortSignal): Promise<HttpResult> {
    const host = hostOf(url);
    let lastError = "";
    for (let attempt = 1; attempt <= this.retries + 1; attempt += 1) {
      if (signal?.aborted) throw new HttpError(url, "aborted");
      await this.waitForHost(host, signal);
      let retryAfterMs: number | undefined;
      try {
        const result = await this.request(url, conditional, attempt, signal);
        if (result.status === 304 || (result.status >= 200 && result.status < 300)) return result;
        lastError = `HTTP ${result.status}`;
        if (!RETRYABLE_STATUS.has(result.status)) throw new HttpError(url, lastError, result.status);
        retryAfterMs = result.retryAfterMs;
      } catch (error) {
        if (error instanceof HttpError) throw error;
        lastError = describeFetchError(error);
      } finally {
        this.nextAllowed.set(host, this.now() + this.hostDelayMs);
      }
      if (attempt <= this.retries) {
        const backoff = Math.min(this.maxBackoffMs, Math.max(retryAfterMs ?? 0, this.backoffMs * 2 ** (attempt - 1)));
        await this.sleep(backoff, signal);
      }
    }
    throw new HttpError(url, `${lastError} (after ${this.retries + 1} attempts)`);
  }

  private async waitForHost(host: string, signal?: AbortSignal): Promise<void> {
    const wait = (this.nextAllowed.get(host) ?? 0) - this.now();
    if (wait > 0) await this.sleep(wait, signal);
  }

  private async request(url: string, conditional: ConditionalHeaders, attempt: number, signal?: AbortSignal): Promise<HttpResult & { retryAfterMs?: number }> {
    const headers: Record<string, string> = {
      "user-agent": this.userAgent,
      accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
    };
    if (conditional.etag) headers["if-none-match"] = conditional.etag;
    if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const response = await this.fetch(url, { headers, redirect: "follow", signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    const result: HttpResult & { retryAfterMs?: number } = { status: response.status, url: response.url || url, body: new Uint8Array(0), attempts: attempt };
    const contentType = response.headers.get("content-type");
    if (contentType) result.contentType = contentType;
    const etag = response.headers.get("etag");
    if (etag) result.etag = etag;
    const lastModified = response.headers.get("last-modified");
    if (lastModified) result.lastModified = lastModified;
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"), this.now());
    if (retryAfter !== undefined) result.retryAfterMs = retryAfter;
    if (response.status >= 200 && response.status < 300) result.body = await readBody(response, this.maxBytes, url);
    else await response.body?.cancel();
    return result;
  }
}

async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new HttpError(url, `response larger than ${maxBytes} bytes`);
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new HttpError(url, `response larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Retry-After as seconds or as an HTTP date, in milliseconds from now. */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === "TimeoutError") return "timed out";
  if (cause?.code) return `network error (${cause.code})`;
  return `network error (${cause?.message ?? (error as Error).message})`;
}
