/**
 * Site boilerplate learnt from the corpus itself (CCNet-style paragraph de-duplication): a paragraph
 * that recurs across several articles of the same source — "Sign up for our newsletter", "© 2024
 * Example Media. All rights reserved.", a menu line, a standing appeal — is dropped, with the
 * reason kept for `--explain-clean`.
 *
 * API
 *   const deduper = new ParagraphDeduper({ minDocuments?, capacity? });
 *   deduper.observe(source, paragraphs)   count the paragraphs of one article (each distinct
 *                                         paragraph once per article)
 *   deduper.filter(source, paragraphs) → { kept: string[], removed: { text, reason }[] }
 *                                         decide with the counts so far; does not count
 *   deduper.countOf(source, paragraph)    articles of `source` seen with this paragraph
 *   sourceKey({ source?, url? })          the source to pass: DocMeta.source, else the URL's host
 *                                         without "www."; undefined when neither is known
 *   observeAhead(records, lookahead, observe)   async generator that calls `observe` on each
 *                                         record as it arrives and yields it `lookahead` records
 *                                         later, so the first articles of a source are filtered
 *                                         with knowledge of the ones after them
 *   Paragraphs are the lines of InputDocument.text (title first). Typical CLI loop:
 *     for await (const record of observeAhead(readInputs(…), DEFAULT_LOOKAHEAD, (r) => {
 *       const source = r.kind === "document" ? sourceKey(r.meta) : undefined;
 *       if (source) deduper.observe(source, r.text.split("\n"));
 *     })) { … const { kept, removed } = deduper.filter(source, lines); text = kept.join("\n"); … }
 *   Without lookahead (`parley watch`, where articles come a few at a time), call observe then
 *   filter on each article: a source's first minDocuments − 1 articles then keep their boilerplate
 *   (the later rules of clean.ts still apply to them). A document without a known source is not
 *   de-duplicated: pooling unrelated sites would make a wire story's paragraphs look like
 *   boilerplate. Order in the loop: paragraph de-duplication → language (a foreign site's English
 *   menu lines are gone by then) → near-duplicates (on the cleaned text, so that a shared site
 *   template does not make two articles of one site look alike).
 *
 * Normalisation (as CCNet): lower case, accents removed, digits replaced by 0, punctuation and
 * symbols dropped, spaces collapsed — so "© 2023 Reuters" and "© 2024 Reuters." are one paragraph.
 * A line with nothing left (rules, "***") is never counted or removed here.
 *
 * Thresholds
 * - minDocuments = 3 (DEFAULT_MIN_DOCUMENTS). CCNet drops any paragraph seen twice in a shard; per
 *   source that is too eager: a follow-up story quotes a paragraph of the first one, a correction
 *   repeats the original, an update of a live story repeats most of it. Boilerplate, by contrast,
 *   recurs in nearly every article of its site, so requiring a third article costs little recall
 *   (two articles per source keep it in single-pass mode) and removes most of those accidents.
 * - Story-copy guard: a site often serves the same story several times (re-crawls, updates,
 *   section pages). Counting would then make every paragraph of that story look like boilerplate,
 *   and with lookahead the first copy would be emptied. So the bar for one article is raised by
 *   how many copies of its own story exist: the article's baseline is the count reached by its
 *   least-repeated quarter of text (paragraphs sorted by count, weighted by length), so an article
 *   whose own text is at least a quarter of it has baseline 1. A paragraph is removed when its
 *   count is at least max(minDocuments, baseline + minDocuments − 1). An article with baseline 1
 *   uses plain minDocuments; the third copy of a story (baseline 3) only loses paragraphs found in
 *   at least two other articles beyond its copies — the site's boilerplate. Weighting by length
 *   keeps a page whose many short menu lines recur everywhere at baseline 1.
 * - Bounded memory: counts are kept under 52-bit hashes of (source, normalised paragraph) in two
 *   generations of at most capacity/2 entries each (default capacity 400,000: about 50 bytes a
 *   count, ≈ 20 MB when full). When the newer generation is full, the older one is dropped; a
 *   paragraph seen again moves to the newer one with its count. Boilerplate recurs constantly and
 *   stays; one-off article paragraphs age out. A paragraph must recur at least once per
 *   ~capacity/2 distinct paragraphs of the whole input (about 10,000 articles of 20 lines) to keep
 *   its count.
 */

export const DEFAULT_MIN_DOCUMENTS = 3;
export const DEFAULT_CAPACITY = 400_000;
/** Records held back by `observeAhead` in the CLI: enough to see a site's template several times. */
export const DEFAULT_LOOKAHEAD = 256;
/** Share of an article's text whose count sets its baseline (see the story-copy guard). */
const BASELINE_SHARE = 0.25;

export interface ParagraphDedupOptions {
  /** Articles of one source a paragraph must appear in to be boilerplate (default 3). */
  minDocuments?: number;
  /** Most (source, paragraph) counts held (default 400,000). */
  capacity?: number;
}

export interface RemovedParagraph {
  text: string;
  reason: string;
}

export interface ParagraphFilterResult {
  kept: string[];
  removed: RemovedParagraph[];
}

/** CCNet's paragraph normalisation; "" when nothing countable is left. */
export function normalizeParagraph(paragraph: string): string {
  return paragraph
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\p{Nd}/gu, "0")
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** DocMeta.source, else the host of DocMeta.url without "www."; lower case. */
export function sourceKey(meta: { source?: string; url?: string }): string | undefined {
  const source = meta.source?.trim().toLowerCase();
  if (source) return source;
  if (!meta.url) return undefined;
  try {
    return new URL(meta.url).hostname.toLowerCase().replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

/** 52-bit hash of the source and the normalised paragraph: two independent 32-bit FNV-1a passes. */
function countKey(source: string, normalized: string): number {
  const text = `${source}\u0001${normalized}`;
  let a = 0x811c9dc5;
  let b = 0x2f4a7c15;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 12) * 0x100000000 + (b >>> 0);
}

export class ParagraphDeduper {
  readonly minDocuments: number;
  readonly capacity: number;
  private current = new Map<number, number>();
  private previous = new Map<number, number>();

  constructor(options: ParagraphDedupOptions = {}) {
    this.minDocuments = Math.max(2, Math.floor(options.minDocuments ?? DEFAULT_MIN_DOCUMENTS));
    this.capacity = Math.max(2, Math.floor(options.capacity ?? DEFAULT_CAPACITY));
  }

  /** Counts held (≤ capacity). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** Counts one article's paragraphs for its source; a paragraph repeated inside it counts once. */
  observe(source: string, paragraphs: readonly string[]): void {
    const keys = new Set<number>();
    for (const paragraph of paragraphs) {
      const normalized = normalizeParagraph(paragraph);
      if (normalized !== "") keys.add(countKey(source, normalized));
    }
    for (const key of keys) this.increment(key);
  }

  countOf(source: string, paragraph: string): number {
    const normalized = normalizeParagraph(paragraph);
    return normalized === "" ? 0 : this.lookup(countKey(source, normalized));
  }

  /** Splits one article's paragraphs into kept and removed, with the counts observed so far. */
  filter(source: string, paragraphs: readonly string[]): ParagraphFilterResult {
    const counts = paragraphs.map((paragraph) => this.countOf(source, paragraph));
    const bar = Math.max(this.minDocuments, baselineOf(paragraphs, counts) + this.minDocuments - 1);
    const kept: string[] = [];
    const removed: RemovedParagraph[] = [];
    paragraphs.forEach((text, index) => {
      const count = counts[index] ?? 0;
      if (count >= bar) removed.push({ text, reason: `site boilerplate: recurs in ${count} articles from ${source}` });
      else kept.push(text);
    });
    return { kept, removed };
  }

  private lookup(key: number): number {
    return this.current.get(key) ?? this.previous.get(key) ?? 0;
  }

  private increment(key: number): void {
    const inCurrent = this.current.get(key);
    if (inCurrent !== undefined) {
      this.current.set(key, inCurrent + 1);
      return;
    }
    const inPrevious = this.previous.get(key);
    if (inPrevious !== undefined) this.previous.delete(key);
    if (this.current.size >= this.capacity / 2) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, (inPrevious ?? 0) + 1);
  }
}

/**
 * The count reached by the article's least-repeated BASELINE_SHARE of text: paragraphs sorted by
 * count, weighted by their length. Uncounted paragraphs (empty after normalisation) do not vote.
 */
function baselineOf(paragraphs: readonly string[], counts: readonly number[]): number {
  const voters = paragraphs
    .map((paragraph, index) => ({ weight: paragraph.length, count: counts[index] ?? 0 }))
    .filter((voter) => voter.count > 0)
    .sort((a, b) => a.count - b.count);
  const total = voters.reduce((sum, voter) => sum + voter.weight, 0);
  let covered = 0;
  for (const voter of voters) {
    covered += voter.weight;
    if (covered >= total * BASELINE_SHARE) return voter.count;
  }
  return 1;
}

/**
 * Calls `observe` on each item when it arrives and yields it only after `lookahead` more items
 * arrived (or the input ended), so that decisions about an item can use what follows it. At most
 * lookahead + 1 items are held.
 */
export async function* observeAhead<T>(items: AsyncIterable<T> | Iterable<T>, lookahead: number, observe: (item: T) => void): AsyncGenerator<T> {
  const held: T[] = [];
  for await (const item of items) {
    observe(item);
    held.push(item);
    // shift() is linear in the queue, which lookahead keeps small (hundreds).
    if (held.length > lookahead) yield held.shift() as T;
  }
  yield* held.splice(0);
}
