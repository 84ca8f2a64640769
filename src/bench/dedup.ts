/**
 * Micro benchmark of near-duplicate detection (and, alongside, of paragraph de-duplication):
 * `benchDedup()` returns articles per second for NearDuplicateIndex.add over a generated stream
 * in which one article in ten is a republished copy of a recent one. Also runnable on its own:
 * `node dist/bench/dedup.js [articles]`.
 *
 * The articles are synthetic prose: words drawn from a Zipf-distributed vocabulary of made-up
 * words, so that unrelated articles share about as few 5-word shingles as real news does (the
 * template corpus of corpus.ts repeats whole sentences and would flood the index with candidates).
 * A copy gets a new headline and byline, one paragraph rewritten and sometimes its last paragraph
 * dropped, like the wire copies of test/fixtures/dedup.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { ParagraphDeduper } from "../clean/paragraph-dedup.js";
import { NearDuplicateIndex } from "../ingest/near-duplicates.js";
import { seededRandom } from "./corpus.js";

export interface SyntheticArticle {
  id: string;
  text: string;
  /** Id of the article this one was copied from, when it is a copy. */
  copyOf?: string;
  source: string;
}


const SYLLABLES = "ka lo mi ra to ne su vi da pe ri zo ba gu fe hi ja ku li mo na po re sa ti ul ve wi ya ze".split(" ");
const VOCABULARY_SIZE = 20_000;
const COPY_SHARE = 0.1;
/** Copies are made of one of this many most recent originals. */
const COPY_WINDOW = 500;
const SOURCES = 50;

/** A stream of articles, one in ten a lightly edited copy of a recent one. Same seed, same stream. */
export function syntheticArticles(count: number, seed = 20260101): SyntheticArticle[] {
  const random = seededRandom(seed);
  const vocabulary = Array.from({ length: VOCABULARY_SIZE }, (_, i) => {
    let word = "";
    for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
    return word;
  });
  // Zipf(1): cumulative weights 1/rank, sampled by binary search.
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let sum = 0;
  for (let i = 0; i < VOCABULARY_SIZE; i += 1) cumulative[i] = sum += 1 / (i + 1);
  const word = (): string => {
    const target = random() * sum;
    let low = 0;
    let high = VOCABULARY_SIZE - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low] as string;
  };
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(random() * 18) }, word);
    const first = words[0] as string;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(" ")}.`;
  };
  const paragraph = (): string => Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(" ");
  const headline = (): string => Array.from({ length: 6 + Math.floor(random() * 6) }, word).join(" ");

  const articles: SyntheticArticle[] = [];
  const originals: Array<{ id: string; paragraphs: string[] }> = [];
  for (let n = 0; n < count; n += 1) {
    const id = `article-${n}`;
    const source = `site${Math.floor(random() * SOURCES)}.example`;
    if (originals.length > 0 && random() < COPY_SHARE) {
      const from = originals[Math.max(0, originals.length - 1 - Math.floor(random() * COPY_WINDOW))] as { id: string; paragraphs: string[] };
      const paragraphs = [...from.paragraphs];
      paragraphs[Math.floor(random() * paragraphs.length)] = paragraph();
      if (random() < 0.5 && paragraphs.length > 6) paragraphs.pop();
      articles.push({ id, source, copyOf: from.id, text: [headline(), `By ${word()} ${word()}`, ...paragraphs].join("\n") });
      continue;
    }
    const paragraphs = Array.from({ length: 6 + Math.floor(random() * 7) }, paragraph);
    originals.push({ id, paragraphs });
    articles.push({ id, source, text: [headline(), ...paragraphs].join("\n") });
  }
  return articles;
}

export interface DedupBenchResult {
  articles: number;
  /** Copies in the stream, and how many of them the index found. */
  copies: number;
  copiesFound: number;
  /** Articles wrongly reported as copies. */
  falseDuplicates: number;
  seconds: number;
  articlesPerSecond: number;
  /** Throughput of ParagraphDeduper.observe + filter over the same articles. */
  paragraphDedupArticlesPerSecond: number;
}

/** Near-duplicate detection throughput on `articles` generated articles (default 20,000). */
export function benchDedup(articles = 20_000): DedupBenchResult {
  const stream = syntheticArticles(articles);
  // Warm-up on a separate index so the JIT has compiled the hashing loops.
  const warm = new NearDuplicateIndex();
  for (const article of stream.slice(0, 200)) warm.add(article.id, article.text);

  const index = new NearDuplicateIndex();
  let copiesFound = 0;
  let falseDuplicates = 0;
  const start = performance.now();
  for (const article of stream) {
    const result = index.add(article.id, article.text);
    if (result.duplicateOf !== undefined) {
      if (article.copyOf === undefined) falseDuplicates += 1;
      else copiesFound += 1;
    }
  }
  const seconds = (performance.now() - start) / 1000;

  const deduper = new ParagraphDeduper();
  const paragraphStart = performance.now();
  for (const article of stream) {
    const lines = article.text.split("\n");
    deduper.observe(article.source, lines);
    deduper.filter(article.source, lines);
  }
  const paragraphSeconds = (performance.now() - paragraphStart) / 1000;

  return {
    articles: stream.length,
    copies: stream.filter((article) => article.copyOf !== undefined).length,
    copiesFound,
    falseDuplicates,
    seconds: Number(seconds.toFixed(3)),
    articlesPerSecond: Math.round(stream.length / seconds),
    paragraphDedupArticlesPerSecond: Math.round(stream.length / paragraphSeconds),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 20_000);
  console.log(JSON.stringify(benchDedup(count)));
}
