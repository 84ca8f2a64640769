/**
 * Main-text extraction quality and speed on the ScrapingHub/Zyte article-extraction-benchmark
 * (181 real news pages with hand-checked article text), which is not shipped with parley: it is
 * looked for in ../shared/extraction/article-extraction-benchmark next to the package (or the
 * directory given as argument or in PARLEY_EXTRACTION_BENCHMARK); without it the run says so and
 * exits 0.
 *
 *   node dist/bench/extraction.js [DIR] [--worst N] [--predictions FILE]
 *
 * Prints word-4-gram F1/precision/recall (the benchmark's own metric), token-level precision and
 * recall, articles/s, and the same metric for stored predictions of reference extractors
 * (Readability.js scores 0.947 there), then one JSON line.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { decode } from "../ingest/encoding.js";
import { type ExtractionMethod, extractArticle } from "../ingest/html.js";
import { type AggregateScore, aggregate, type DocumentScore, shingleScore, tokenScore } from "./extraction-metrics.js";

/** Where the benchmark is expected: ../shared next to the package root (this file is two levels below it). */
const DEFAULT_DIR = fileURLToPath(new URL("../../../shared/extraction/article-extraction-benchmark/", import.meta.url));

/** Stored predictions shown for comparison when present in the benchmark's output/ folder. */
const REFERENCE_EXTRACTORS = ["readability_js", "trafilatura", "go_trafilatura", "newspaper", "AutoExtract"];

interface GoldItem {
  articleBody: string;
  url: string;
}

export interface DocumentResult {
  id: string;
  url: string;
  fourGram: DocumentScore;
  tokens: DocumentScore;
  method: ExtractionMethod | "none";
  predicted: string;
}

export interface ExtractionBenchmarkResult {
  directory: string;
  fourGram: AggregateScore;
  tokens: AggregateScore;
  /** Pages for which no main text was found. */
  empty: number;
  methods: Record<string, number>;
  /** Pages with each metadata field found, and canonical URLs equal to the benchmark's URL. */
  metadata: { title: number; published: number; byline: number; site: number; language: number; canonicalMatches: number };
  seconds: number;
  articlesPerSecond: number;
  documents: DocumentResult[];
}

/** The benchmark directory to use, or undefined when it is not there. */
export function findBenchmarkDir(explicit?: string): string | undefined {
  const candidate = explicit ?? process.env["PARLEY_EXTRACTION_BENCHMARK"] ?? DEFAULT_DIR;
  const directory = resolve(candidate);
  return existsSync(join(directory, "ground-truth.json")) && existsSync(join(directory, "html")) ? directory : undefined;
}

function readGold(directory: string): Record<string, GoldItem> {
  return JSON.parse(readFileSync(join(directory, "ground-truth.json"), "utf8")) as Record<string, GoldItem>;
}

/** Benchmark pages are stored gzipped; read them as bytes and decode like any crawled page. */
function readPage(directory: string, id: string): string {
  const path = join(directory, "html", `${id}.html.gz`);
  const bytes = existsSync(path) ? gunzipSync(readFileSync(path)) : readFileSync(join(directory, "html", `${id}.html`));
  return decode(bytes).text;
}

/** Extract every page (or the first `limit`, by id) and score it against the gold text. */
export function runExtractionBenchmark(directory: string, limit?: number): ExtractionBenchmarkResult {
  const gold = readGold(directory);
  const ids = Object.keys(gold).sort().slice(0, limit);
  const pages = ids.map((id) => readPage(directory, id));

  const documents: DocumentResult[] = [];
  const methods: Record<string, number> = {};
  const metadata = { title: 0, published: 0, byline: 0, site: 0, language: 0, canonicalMatches: 0 };
  const start = performance.now();
  // No page URL is passed: the canonical URL must come from the page itself, and is checked below.
  const extracted = pages.map((html) => extractArticle(html));
  const seconds = (performance.now() - start) / 1000;

  ids.forEach((id, index) => {
    const article = extracted[index];
    const item = gold[id];
    const goldText = item?.articleBody ?? "";
    const predicted = article ? article.paragraphs.join("\n") : "";
    const method = article?.method ?? "none";
    methods[method] = (methods[method] ?? 0) + 1;
    if (article?.title) metadata.title += 1;
    if (article?.published) metadata.published += 1;
    if (article?.byline) metadata.byline += 1;
    if (article?.site) metadata.site += 1;
    if (article?.language) metadata.language += 1;
    if (article?.canonicalUrl && sameUrl(article.canonicalUrl, item?.url ?? "")) metadata.canonicalMatches += 1;
    documents.push({
      id,
      url: item?.url ?? "",
      fourGram: shingleScore(goldText, predicted),
      tokens: tokenScore(goldText, predicted),
      method,
      predicted,
    });
  });
  return {
    directory,
    fourGram: aggregate(documents.map((document) => document.fourGram)),
    tokens: aggregate(documents.map((document) => document.tokens)),
    empty: methods["none"] ?? 0,
    methods,
    metadata,
    seconds,
    articlesPerSecond: ids.length / seconds,
    documents,
  };
}

/** URLs equal up to scheme, "www.", a trailing slash and a fragment. */
function sameUrl(a: string, b: string): boolean {
  const key = (url: string): string =>
    url.trim().toLowerCase().replace(/^https?:\/\/(www\.)?/, "").replace(/#.*$/, "").replace(/\/+$/, "");
  return key(a) === key(b);
}

/** The benchmark's metric over a stored prediction file (output/NAME.json), for comparison. */
export function scoreStoredPredictions(directory: string, name: string): AggregateScore | undefined {
  const path = join(directory, "output", `${name}.json`);
  if (!existsSync(path)) return undefined;
  const gold = readGold(directory);
  let stored = JSON.parse(readFileSync(path, "utf8")) as Record<string, { articleBody?: string } | undefined>;
  // Some stored files wrap the predictions in an "output" object.
  const wrapped = stored["output"] as unknown;
  if (wrapped && typeof wrapped === "object" && !("articleBody" in wrapped)) {
    stored = wrapped as Record<string, { articleBody?: string } | undefined>;
  }
  const scores = Object.keys(gold)
    .sort()
    .map((id) => shingleScore(gold[id]?.articleBody ?? "", stored[id]?.articleBody ?? ""));
  return aggregate(scores);
}

function formatScore(score: AggregateScore): string {
  return `F1 ${score.f1.toFixed(3)}  precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}`;
}

function main(argv: string[]): number {
  let explicit: string | undefined;
  let worst = 0;
  let predictionsPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--worst") worst = Number(argv[++i] ?? "10");
    else if (arg === "--predictions") predictionsPath = argv[++i];
    else if (arg === "--help" || arg === "-h") {
      console.log("usage: node dist/bench/extraction.js [BENCHMARK_DIR] [--worst N] [--predictions FILE]");
      return 0;
    } else explicit = arg;
  }
  const directory = findBenchmarkDir(explicit);
  if (!directory) {
    const looked = resolve(explicit ?? process.env["PARLEY_EXTRACTION_BENCHMARK"] ?? DEFAULT_DIR);
    console.log(
      `extraction benchmark skipped: ${looked} not found (it needs ground-truth.json and html/ from ` +
        "https://github.com/scrapinghub/article-extraction-benchmark; pass its directory as argument or set PARLEY_EXTRACTION_BENCHMARK)",
    );
    return 0;
  }

  const result = runExtractionBenchmark(directory);
  const rows: [string, string][] = [
    ["pages", `${result.documents.length} (no text found: ${result.empty})`],
    ["methods", Object.entries(result.methods).map(([method, count]) => `${method} ${count}`).join(", ")],
    ["word 4-grams (parley)", formatScore(result.fourGram)],
    ["tokens (parley)", formatScore(result.tokens)],
    [
      "metadata found",
      Object.entries(result.metadata)
        .map(([field, count]) => `${field} ${count}`)
        .join(", "),
    ],
    ["speed", `${result.articlesPerSecond.toFixed(1)} articles/s (${result.seconds.toFixed(2)} s, 1 core, parse + extract)`],
  ];
  for (const name of REFERENCE_EXTRACTORS) {
    const score = scoreStoredPredictions(directory, name);
    if (score) rows.push([`word 4-grams (${name}, stored)`, formatScore(score)]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);

  if (worst > 0) {
    console.log(`\nworst ${worst} pages by 4-gram F1:`);
    const f1 = (score: DocumentScore): number =>
      score.precision + score.recall === 0 ? 0 : (2 * score.precision * score.recall) / (score.precision + score.recall);
    const sorted = [...result.documents].sort((a, b) => f1(a.fourGram) - f1(b.fourGram)).slice(0, worst);
    for (const document of sorted) {
      console.log(
        `  ${document.id.slice(0, 12)}  P ${document.fourGram.precision.toFixed(2)} R ${document.fourGram.recall.toFixed(2)}  ${document.method.padEnd(10)} ${document.url}`,
      );
    }
  }
  if (predictionsPath) {
    const predictions = Object.fromEntries(result.documents.map((document) => [document.id, { articleBody: document.predicted }]));
    writeFileSync(predictionsPath, JSON.stringify(predictions, null, 1));
  }
  console.log(
    JSON.stringify({
      pages: result.documents.length,
      f1: round(result.fourGram.f1),
      precision: round(result.fourGram.precision),
      recall: round(result.fourGram.recall),
      tokenPrecision: round(result.tokens.precision),
      tokenRecall: round(result.tokens.recall),
      articlesPerSecond: Math.round(result.articlesPerSecond),
      empty: result.empty,
    }),
  );
  return 0;
}

function round(value: number): number {
  return Number(value.toFixed(4));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
