/**
 * A one-line progress display on stderr while `parley code` / `parley watch` work through their
 * input — only when stderr is a terminal (not when it is a file, a pipe or CI), so logs stay clean.
 *
 * API
 *   const progress = createProgress({ stream?, label?, intervalMs?, now? });
 *   progress.enabled                 false when the stream is not a TTY (or TERM=dumb): every call
 *                                    below is then a no-op, so the CLI loop needs no checks
 *   progress.update(state)           state = { coded, skipped, failed, bytesDone?, bytesTotal?,
 *                                    current? }; redrawn at most every intervalMs (default 100 ms)
 *   progress.suspend(() => io.warn(…))  erase the line, write something else, redraw: use it for
 *                                    every warning printed while the line is shown
 *   progress.done()                  erase the line for good (before the summary line)
 *   formatProgress(state, seconds, width) → string   the line itself (pure; tested)
 *
 * The line: `parley [######------] 45% 12.3/27.0 MB | 1,234 records: 1,100 coded, 120 skipped,
 * 14 failed | 85/s | news.warc.gz`; without byte counts the bar and percentage are left out. It is
 * cut to the terminal width (a wrapped line could not be erased with one carriage return).
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressState {
  coded: number;
  skipped: number;
  failed: number;
  /** Input bytes consumed so far and in all, when known (files; not stdin or feeds). */
  bytesDone?: number;
  bytesTotal?: number;
  /** What is being read now, e.g. a file name. */
  current?: string;
}

export interface ProgressOptions {
  /** Default process.stderr. */
  stream?: ProgressStream;
  label?: string;
  /** Least time between two redraws (default 100 ms). */
  intervalMs?: number;
  /** Clock in milliseconds, for tests. */
  now?: () => number;
  /** Environment, for tests (default process.env): TERM=dumb disables the line. */
  env?: Record<string, string | undefined>;
}

const BAR_WIDTH = 20;
const DEFAULT_COLUMNS = 80;
const ERASE_LINE = "\r\x1b[K";

// Made on first use: building a number format costs start-up time every command would pay.
let integerFormat: Intl.NumberFormat | undefined;
const integer = {
  format: (value: number): string => (integerFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })).format(value),
};

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

/** The progress line, without control characters, at most `width` characters. */
export function formatProgress(state: ProgressState, elapsedSeconds: number, width = DEFAULT_COLUMNS, label = "parley"): string {
  const records = state.coded + state.skipped + state.failed;
  const parts: string[] = [];
  if (state.bytesTotal !== undefined && state.bytesTotal > 0 && state.bytesDone !== undefined) {
    const fraction = Math.min(1, Math.max(0, state.bytesDone / state.bytesTotal));
    const filled = Math.round(fraction * BAR_WIDTH);
    parts.push(`[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${Math.floor(fraction * 100)}% ${megabytes(state.bytesDone)}/${megabytes(state.bytesTotal)} MB`);
  }
  parts.push(
    `${integer.format(records)} record${records === 1 ? "" : "s"}: ${integer.format(state.coded)} coded, ${integer.format(state.skipped)} skipped, ${integer.format(state.failed)} failed`,
  );
  if (elapsedSeconds > 0) parts.push(`${integer.format(records / elapsedSeconds)}/s`);
  if (state.current) parts.push(state.current);
  const line = `${label} ${parts.join(" | ")}`;
  // One column is kept free: writing the last column makes some terminals wrap.
  const room = Math.max(10, width - 1);
  return line.length <= room ? line : `${line.slice(0, room - 1)}…`;
}

export interface Progress {
  readonly enabled: boolean;
  update(state: ProgressState): void;
  suspend<T>(write: () => T): T;
  done(): void;
}

class TerminalProgress implements Progress {
  readonly enabled = true;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private state: ProgressState | undefined;
  private shown = false;
  private finished = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {
    this.started = now();
  }

  update(state: ProgressState): void {
    if (this.finished) return;
    this.state = { ...state };
    const time = this.now();
    if (time - this.lastDraw < this.intervalMs) return;
    this.draw(time);
  }

  suspend<T>(write: () => T): T {
    if (this.finished || !this.shown) return write();
    this.erase();
    try {
      return write();
    } finally {
      this.draw(this.now());
    }
  }

  done(): void {
    if (this.finished) return;
    this.erase();
    this.finished = true;
  }

  private draw(time: number): void {
    if (!this.state) return;
    const line = formatProgress(this.state, (time - this.started) / 1000, this.stream.columns ?? DEFAULT_COLUMNS, this.label);
    this.stream.write(`${ERASE_LINE}${line}`);
    this.shown = true;
    this.lastDraw = time;
  }

  private erase(): void {
    if (this.shown) this.stream.write(ERASE_LINE);
    this.shown = false;
  }
}

const SILENT: Progress = {
  enabled: false,
  update: () => undefined,
  suspend: (write) => write(),
  done: () => undefined,
};

/** A progress line on `stream` (default stderr) when it is a terminal; otherwise a silent one. */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  if (stream.isTTY !== true || env["TERM"] === "dumb") return SILENT;
  return new TerminalProgress(stream, options.label ?? "parley", options.intervalMs ?? 100, options.now ?? (() => performance.now()));
}
