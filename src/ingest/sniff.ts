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
