import { readFileSync } from "node:fs";

/** A mistake in how the command was called: reported in one line with exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** What a command may do to the outside world; tests pass their own. */
export interface CommandIO {
  out(text: string): void;
  /** A warning about the input (one line, no trailing newline). */
  warn(line: string): void;
  /** A summary line, printed to stderr. */
  info(line: string): void;
  readStdin(): Uint8Array;
  now(): Date;
}

export const processIO: CommandIO = {
  out: (text) => {
    process.stdout.write(text);
  },
  warn: (line) => {
    process.stderr.write(`parley: ${line}\n`);
  },
  info: (line) => {
    process.stderr.write(`${line}\n`);
  },
  readStdin: () => readFileSync(0),
  now: () => new Date(),
};
