import { readFileSync } from "node:fs";
import { InputError } from "../ingest/record.js";
import { processIO, UsageError, type CommandIO } from "./io.js";

const USAGE = `usage: parley <command> [options]

commands:
  code [INPUT ...]  code news (text, JSONL, HTML, feeds, WARC, folders) into CAMEO + PLOVER events
  watch FEEDS.txt   poll RSS/Atom feeds and code new articles as they appear
  eval SUITE.xml    score the coder against a PETRARCH validation file
  dictionaries check  check the dictionaries for duplicates, date conflicts, unknown codes, dead entries
  ingest [INPUT ...]
                    code news into the event database (./parley.duckdb or --db postgres://…)
  recode            code the stored articles again after a dictionary or lexicon update
  query "SQL"       run a read-only SQL query on the event database
  dyad A B          how relations between two actors moved, per month (--by) with sparklines
  top actors|dyads|codes
                    the most frequent actors, dyads or event codes
  events            list stored events (--actor, --code, --from, --to, --limit)
  export            export events as parquet, csv, jsonl or GDELT 2.0 event + mentions tables
  serve             the HTTP API and the dashboard (http://127.0.0.1:8080)

Run "parley <command> --help" for a command's options.
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Entry point. User mistakes (bad options, unreadable or binary input) end with one line on
 * stderr and a non-zero exit; only a bug in parley itself shows a stack trace. Each command's module
 * is imported when that command runs: the store drivers (DuckDB, pg) and the server would cost
 * `parley code` a few hundred milliseconds of start-up.
 */
export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      case "-v":
      case "--version":
        io.out(`${version()}\n`);
        return 0;
      case "code":
        return await (await import("./code-command.js")).runCode(rest, io);
      case "eval":
        return await (await import("./eval-command.js")).runEval(rest, io);
      case "dictionaries":
        return await (await import("./dictionaries-command.js")).runDictionaries(rest, io);
      case "watch":
        return await (await import("./watch-command.js")).runWatch(rest, io);
      case "ingest":
        return await (await import("./ingest-command.js")).runIngest(rest, io);
      case "recode":
        return await (await import("./ingest-command.js")).runRecode(rest, io);
      case "query":
        return await (await import("./store-commands.js")).runQuery(rest, io);
      case "dyad":
        return await (await import("./store-commands.js")).runDyad(rest, io);
      case "top":
        return await (await import("./store-commands.js")).runTop(rest, io);
      case "events":
        return await (await import("./store-commands.js")).runEvents(rest, io);
      case "export":
        return await (await import("./store-commands.js")).runExport(rest, io);
      case "serve":
        return await (await import("./serve-command.js")).runServe(rest, io);
      default:
        throw new UsageError(`unknown command "${command}" (try "parley --help")`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.warn(error.message);
      if (error instanceof UsageError && command === "code") io.info((await import("./code-command.js")).CODE_USAGE.split("\n")[0] ?? "");
      return 2;
    }
    // node:util parseArgs reports unknown or malformed options with these codes.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.warn((error as Error).message);
      return 2;
    }
    throw error;
  }
}
