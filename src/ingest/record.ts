import type { DocMeta } from "../document/types.js";

/** One document read from the input, ready to code. */
export interface InputDocument {
  kind: "document";
  meta: DocMeta;
  text: string;
  /** Where it came from, for messages: "file.jsonl:12" or "seed.txt". */
  where: string;
}

/** An input record that cannot be coded, with the reason. The run goes on. */
export interface InputFailure {
  kind: "failure";
  where: string;
  reason: string;
}

/** An input record deliberately not coded (not English, a duplicate, empty), with the reason. */
export interface InputSkip {
  kind: "skipped";
  where: string;
  reason: string;
}

export type InputRecord = InputDocument | InputFailure | InputSkip;

/** A problem that stops the run (binary input, unreadable file): reported in one line. */
export class InputError extends Error {
  constructor(
    readonly where: string,
    reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = "InputError";
  }
}
