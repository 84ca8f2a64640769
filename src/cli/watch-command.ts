import { appendFileSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { HttpClient, delay } from "../ingest/http-client.js";
import { InputError, type InputRecord } from "../ingest/record.js";
import { parseFeedList, watchFeeds, type RoundSummary } from "../ingest/watch.js";
import { formatJsonl } from "../output/jsonl.js";
import { builtinCoder } from "../pipeline.js";
import { UsageError, type CommandIO } from "./io.js";
import { emptyTally, RecordCoder, type Tally } from "./record-coder.js";

export const WATCH_USAGE = `usage: parley watch FEEDS.txt [options]
Polls the RSS/Atom feeds listed in FEEDS.txt (one URL per line, # starts a comment) and codes the
articles it has not seen before into JSONL events. Unchanged feeds cost a conditional request;
what was seen is remembered across restarts in a state file.

options:
  --every DURATION     time between polls (default 15m; e.g. 90s, 15m, 2h)
  --once               poll every feed once, then exit
  --follow             fetch each new item's page and code its main text (default: the feed's summary)
  --state FILE         where feeds and seen items are remembered (default FEEDS.txt.state.json)
  --out FILE           append events to FILE (default standard output)
  --delay DURATION     pause between two requests to the same host (default 1s)
  --retries N          retries of a failed request, with exponential backoff (default 3)
  --timeout DURATION   timeout of one request (default 30s)
  -h, --help           show this help
`;

/** What tests (and embedders) can replace: the network, the passing of time, the stop signal. */
export interface WatchDeps {
  fetch?: typeof fetch;
  /** Waits between rounds and before retries; tests make it return at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Stops the loop; by default SIGINT and SIGTERM do. */
  signal?: AbortSignal;
  /** Time for the politeness delay and Retry-After (default Date.now). */
  clock?: () => number;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "15m", "1h", "1h30m", "500ms"; a bare number is seconds. */
export function parseDuration(text: string, option: string): number {
  const value = text.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== value) {
    throw new UsageError(`invalid ${option} "${text}": expected a duration such as 90s, 15m or 2h`);
  }
  return parts.reduce((total, part) => total + Number(part[1]) * (UNITS[part[2] ?? "s"] ?? 1000), 0);
}


/** `parley watch`: poll feeds and code new articles until stopped (or once). Returns the exit code. */
export async function runWatch(args: string[], io: CommandIO, deps: WatchDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      every: { type: "string", default: "15m" },
      once: { type: "boolean", default: false },
      follow: { type: "boolean", default: false },
      state: { type: "string" },
      out: { type: "string" },
      delay: { type: "string", default: "1s" },
      retries: { type: "string", default: "3" },
      timeout: { type: "string", default: "30s" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(WATCH_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "give the file that lists the feeds (parley watch FEEDS.txt)" : "give exactly one feed list file");
  const listPath = positionals[0] ?? "";
  const everyMs = parseDuration(values.every ?? "15m", "--every");
  if (everyMs < 1000) throw new UsageError(`--every must be at least 1s, got "${values.every}"`);
  const hostDelayMs = parseDuration(values.delay ?? "1s", "--delay");
  const timeoutMs = parseDuration(values.timeout ?? "30s", "--timeout");
  const retries = Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new UsageError(`--retries must be a whole number from 0 to 10, got "${values.retries}"`);

  let listText: string;
  try {
    listText = readFileSync(listPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(listPath, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory (give the feed list file)" : (error as Error).message);
  }
  const feeds = parseFeedList(listText, listPath);
  const statePath = values.state ?? `${listPath}.state.json`;
  const outPath = values.out;

  const sleep = deps.sleep ?? delay;
  const clientOptions: ConstructorParameters<typeof HttpClient>[0] = { hostDelayMs, retries, timeoutMs, sleep };
  if (deps.fetch) clientOptions.fetch = deps.fetch;
  if (deps.clock) clientOptions.now = deps.clock;
  const client = new HttpClient(clientOptions);

  // Without a signal from the caller, Ctrl-C ends the loop after the feed being polled.
  const controller = deps.signal ? undefined : new AbortController();
  const signal = deps.signal ?? controller?.signal;
  const stop = (): void => controller?.abort();
  if (controller) {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }

  const write = (text: string): void => {
    if (outPath) appendFileSync(outPath, text);
    else io.out(text);
  };
  const coder = builtinCoder();
  const records = new RecordCoder((line) => io.warn(line));
  // Feeds arrive a few items at a time: each article is counted for boilerplate learning, then coded.
  const onRecord = (record: InputRecord): void => {
    records.observe(record);
    const doc = records.code(coder, record);
    if (doc && doc.events.length > 0) write(doc.events.map((event) => `${formatJsonl(event)}\n`).join(""));
  };
  const onRound = (summary: RoundSummary): void => {
    io.info(describeRound(summary, records.tally));
    records.tally = emptyTally();
  };

  try {
    const options: Parameters<typeof watchFeeds>[0] = {
      feeds,
      statePath,
      everyMs,
      once: values.once ?? false,
      follow: values.follow ?? false,
      client,
      sleep,
      now: () => io.now(),
      onRecord,
      onRound,
      warn: (line) => io.warn(line),
    };
    if (signal) options.signal = signal;
    const last = await watchFeeds(options);
    // A single poll in which no feed could be fetched is worth a non-zero exit (for cron and scripts).
    return values.once && last !== undefined && last.feeds > 0 && last.failed === last.feeds ? 1 : 0;
  } finally {
    if (controller) {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    }
  }
}

function describeRound(summary: RoundSummary, tally: Tally): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const feeds = `${plural(summary.feeds, "feed")} (${summary.notModified} not modified, ${summary.failed} failed)`;
  const items = `${plural(summary.newItems, "new item")}: ${tally.coded} coded (${plural(tally.events, "event")}), ${tally.skipped} skipped, ${tally.failed} failed`;
  return `parley watch: round ${summary.round}: ${feeds}, ${items}`;
}
