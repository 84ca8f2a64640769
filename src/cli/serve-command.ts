/**
 * `parley serve`: the HTTP API and the dashboard over the event store (src/serve/). With
 * `--sample` it first ingests the bundled sample corpus (`npm start` does this), which changes
 * nothing when the articles are already stored.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApp } from "../serve/app.js";
import { ListenError, startServer } from "../serve/server.js";
import { openServingStore } from "../store/serving.js";
import { dictionaryVersion } from "../store/versions.js";
import { coderForOption, DICTIONARY_OPTIONS, DICTIONARY_USAGE } from "./dictionaries-option.js";
import { DB_USAGE, runIngest } from "./ingest-command.js";
import { UsageError, type CommandIO } from "./io.js";

export const SAMPLE_CORPUS = fileURLToPath(new URL("../../examples/sample-corpus.jsonl", import.meta.url));

export const SERVE_USAGE = `usage: parley serve [options]
Serves the HTTP API (JSON; described at /openapi.json) and the dashboard at /.
Read-only unless --token is given: only then does POST /ingest exist, and it requires the token.

options:
${DB_USAGE}  --host HOST               address to listen on (default 127.0.0.1: this machine only)
  --port N                  port (default 8080; 0 picks a free one)
  --token TOKEN             enable POST /ingest for clients sending "Authorization: Bearer TOKEN"
                            (or set PARLEY_TOKEN)
  --cors ORIGIN[,ORIGIN]    allow browser pages from these origins to call the API (default: none)
  --sample                  first ingest the bundled sample corpus (examples/sample-corpus.jsonl)
  --readers N               store connections for concurrent requests (default 4)
  --timeout SECONDS         longest a request may take before a 503 (default 30)
${DICTIONARY_USAGE}  -h, --help                show this help
`;

function wholeNumber(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

/** Resolves when the process is asked to stop (Ctrl-C, kill). */
function stopSignal(): Promise<string> {
  return new Promise((resolveStop) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolveStop(signal));
  });
}

export async function runServe(args: string[], io: CommandIO, stop: Promise<string> = stopSignal()): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...DICTIONARY_OPTIONS,
      db: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string" },
      token: { type: "string" },
      cors: { type: "string" },
      sample: { type: "boolean", default: false },
      readers: { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(SERVE_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`parley serve takes no inputs (got "${positionals[0]}"); ingest them with "parley ingest" or POST /ingest`);
  const port = wholeNumber("port", values.port, 8080, 0, 65535);
  const readers = wholeNumber("readers", values.readers, 4, 1, 64);
  const timeoutSeconds = wholeNumber("timeout", values.timeout, 30, 1, 3600);
  const token = values.token ?? process.env["PARLEY_TOKEN"];
  if (token !== undefined && token.length < 8) throw new UsageError("--token must be at least 8 characters");
  const corsOrigins = values.cors?.split(",").map((origin) => origin.trim()).filter((origin) => origin !== "");
  for (const origin of corsOrigins ?? []) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new UsageError(`--cors takes origins such as http://localhost:5173, got "${origin}"`);
  }

  if (values.sample) {
    if (!existsSync(SAMPLE_CORPUS)) throw new UsageError(`the sample corpus is missing: ${SAMPLE_CORPUS}`);
    const status = await runIngest([SAMPLE_CORPUS, ...(values.db ? ["--db", values.db] : [])], io);
    if (status !== 0) return status;
  }
  const coder = coderForOption(values.dictionaries, values["with-builtin"], io);
  const store = await openServingStore(values.db, { readers, writable: token !== undefined });
  try {
    const app = createApp({
      store,
      coder,
      ...(token ? { token } : {}),
      ...(corsOrigins && corsOrigins.length > 0 ? { corsOrigins } : {}),
      timeoutMs: timeoutSeconds * 1000,
      dictionaryVersion: dictionaryVersion(values.dictionaries, values["with-builtin"]),
    });
    const server = await startServer(app, { host: values.host, port }).catch((error: unknown) => {
      throw error instanceof ListenError ? new UsageError(error.message) : error;
    });
    if (!["127.0.0.1", "::1", "localhost"].includes(values.host)) {
      io.warn(`listening on ${values.host}: other machines can reach the API${token ? " (writing needs the token)" : " (read-only)"}`);
    }
    io.out(`parley serve: listening on ${server.url} (${store.kind} ${store.location}${token ? ", POST /ingest enabled" : ", read-only"})\n`);
    const signal = await stop;
    io.info(`parley serve: ${signal}: stopping`);
    const { drained } = await server.close();
    if (!drained) {
      // Queries still running hold store connections that cannot be closed under them, and
      // would keep the process alive: leave without waiting (nothing uncommitted is kept anyway).
      io.warn("requests still running 15 s after the stop signal: leaving without waiting for them");
      process.exit(0);
    }
  } finally {
    await store.close();
  }
  return 0;
}
