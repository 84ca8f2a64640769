/**
 * JSON lines for POST /ingest, read in the browser: each non-blank line must be a JSON object
 * (`{"id","date","text","title"?,"url"?,"source"?}`); a line that is not is reported with its number
 * and never sent. Field checks are the server's (it answers them per article), so both the CLI and
 * the dashboard accept exactly the same records.
 */

/** One article as sent, with the line of the text it came from. */
export interface NumberedArticle {
  line: number;
  article: Record<string, unknown>;
}

export interface MalformedLine {
  line: number;
  reason: string;
}

export interface ParsedLines {
  articles: NumberedArticle[];
  malformed: MalformedLine[];
}

/** Batches stay well inside the API's limits: 1,000 articles and 5 MiB per request. */
export const MAX_BATCH_ARTICLES = 500;
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export function parseJsonLines(text: string): ParsedLines {
  const articles: NumberedArticle[] = [];
  const malformed: MalformedLine[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "") return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      // Chromium adds "(line 1 column 74)" of the one-line string it parsed: misleading next to our line number.
      const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\(line \d+ column \d+\)$/, "");
      malformed.push({ line, reason: `malformed JSON (${message})` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      malformed.push({ line, reason: 'expected a JSON object {"id", "date", "text", …}' });
      return;
    }
    articles.push({ line, article: value as Record<string, unknown> });
  });
  return { articles, malformed };
}

/**
 * Consecutive batches of at most `maxArticles` articles and about `maxBytes` of JSON each. An article
 * bigger than `maxBytes` on its own still goes, alone: the server then answers 413 with its limit.
 */
export function batchArticles(articles: readonly NumberedArticle[], maxArticles = MAX_BATCH_ARTICLES, maxBytes = MAX_BATCH_BYTES): NumberedArticle[][] {
  const encoder = new TextEncoder();
  const batches: NumberedArticle[][] = [];
  let current: NumberedArticle[] = [];
  let bytes = 0;
  for (const numbered of articles) {
    // The article's JSON plus the comma between array items.
    const size = encoder.encode(JSON.stringify(numbered.article)).length + 1;
    if (current.length > 0 && (current.length >= maxArticles || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(numbered);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The server names an article by its index in the request ("articles[3]: missing \"date\""); the user
 * knows it by its line. Lines that name no article are returned as they are.
 */
export function problemWithLine(problem: string, batch: readonly NumberedArticle[]): string {
  const match = /^articles\[(\d+)\]:?\s*/.exec(problem);
  if (!match) return problem;
  const numbered = batch[Number(match[1])];
  return numbered ? `line ${numbered.line}: ${problem.slice(match[0].length)}` : problem;
}
