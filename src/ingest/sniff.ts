import { InputError } from "./record.js";

/** How much of an input is inspected to decide whether it is text. */
const SNIFF_BYTES = 8192;
/** Share of undecodable bytes above which an input is not UTF-8 text. */
const MAX_BAD_SHARE = 0.01;

/**
 * Reject binary or non-text input with a one-line error instead of coding garbage: NUL bytes or
 * a noticeable share of bytes that are not valid UTF-8 in the first 8 KiB.
 */
export function assertText(buffer: Uint8Array, where: string): string {
  const head = buffer.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw new InputError(where, "binary input (contains NUL bytes); expected UTF-8 text or JSONL");
  const text = new TextDecoder("utf-8").decode(buffer);
  const headText = new TextDecoder("utf-8").decode(head);
  let bad = 0;
  for (const char of headText) if (char === "\uFFFD") bad += 1;
  if (headText.length > 0 && bad / headText.length > MAX_BAD_SHARE) {
    throw new InputError(where, "not UTF-8 text (undecodable bytes); expected UTF-8 text or JSONL");
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

export type InputFormat = "text" | "jsonl";

/** Decide the input format from the file name, then from the content. */
export function detectFormat(name: string | undefined, text: string): InputFormat {
  if (name && /\.(jsonl|ndjson)$/i.test(name)) return "jsonl";
  if (name && /\.(txt|text)$/i.test(name)) return "text";
  const firstLine = text.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
  if (firstLine.startsWith("{")) {
    try {
      const value: unknown = JSON.parse(firstLine);
      if (typeof value === "object" && value !== null && "text" in value) return "jsonl";
    } catch {
      return "text";
    }
  }
  return "text";
}
