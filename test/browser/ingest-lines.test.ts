/**
 * JSON lines for POST /ingest as the dashboard reads them (web/src/ingest-lines.ts): malformed lines
 * reported by number and left out, batches inside the API's limits, the server's problems by line.
 */
import { describe, expect, it } from "vitest";
import { batchArticles, parseJsonLines, problemWithLine } from "../../web/src/ingest-lines.js";

describe("parseJsonLines", () => {
  it("keeps each object with its line, skips blank lines, and reports the rest by line number", () => {
    const text = ['{"id": "a", "date": "2024-05-21", "text": "x"}', "", "  ", '{"id": "b", "text": ', "[1, 2]", '"just a string"', '{"id": "c"}\r', ""].join("\n");
    const { articles, malformed } = parseJsonLines(text);
    expect(articles).toEqual([
      { line: 1, article: { id: "a", date: "2024-05-21", text: "x" } },
      { line: 7, article: { id: "c" } },
    ]);
    expect(malformed.map(({ line }) => line)).toEqual([4, 5, 6]);
    expect(malformed[0]!.reason).toMatch(/^malformed JSON \(/);
    expect(malformed[1]!.reason).toMatch(/^expected a JSON object/);
  });

  it("finds nothing in an empty text", () => {
    expect(parseJsonLines("\n\n")).toEqual({ articles: [], malformed: [] });
  });
});

describe("batchArticles", () => {
  const numbered = (count: number, text = "x") => Array.from({ length: count }, (_, index) => ({ line: index + 1, article: { id: String(index), text } }));

  it("cuts at the article limit, keeping the order", () => {
    const batches = batchArticles(numbered(1201));
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 201]);
    expect(batches[1]![0]!.line).toBe(501);
    expect(batchArticles([])).toEqual([]);
  });

  it("cuts at the byte limit, counting UTF-8 bytes, and sends an oversized article alone", () => {
    // Each article is about 40 bytes of JSON; "é" is two bytes in UTF-8.
    const small = numbered(10, "é".repeat(10));
    const size = new TextEncoder().encode(JSON.stringify(small[0]!.article)).length + 1;
    expect(batchArticles(small, 500, size * 4).map((batch) => batch.length)).toEqual([4, 4, 2]);
    const withBig = [...numbered(2), { line: 3, article: { id: "big", text: "y".repeat(1000) } }, ...numbered(1)];
    expect(batchArticles(withBig, 500, 200).map((batch) => batch.map(({ line }) => line))).toEqual([[1, 2], [3], [1]]);
  });
});

describe("problemWithLine", () => {
  const batch = [
    { line: 4, article: {} },
    { line: 9, article: {} },
  ];

  it("names the article by its line instead of its index in the request", () => {
    expect(problemWithLine('articles[1]: missing "date" (YYYY-MM-DD) and no --date given', batch)).toBe('line 9: missing "date" (YYYY-MM-DD) and no --date given');
    expect(problemWithLine("articles[0]: not in English", batch)).toBe("line 4: not in English");
  });

  it("leaves lines that name no article of the batch as they are", () => {
    expect(problemWithLine("articles[7]: missing id", batch)).toBe("articles[7]: missing id");
    expect(problemWithLine("the store refused a write", batch)).toBe("the store refused a write");
  });
});
