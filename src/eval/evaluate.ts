import { explainDocument } from "../cli/explain.js";
import { withCodingOptions } from "../events/imported/compile.js";
import { processDocument, type Coder } from "../pipeline.js";
import { sameTriples, ScoreCounter, type Level, type Scores } from "./score.js";
import type { ExpectedEvent, ValidationRecord } from "./validation-xml.js";

export interface Miss {
  id: string;
  category: string;
  text: string;
  expected: ExpectedEvent[];
  produced: ExpectedEvent[];
  /** The --explain trace of the record. */
  explanation: string;
}

export interface CategoryReport extends Scores {
  records: number;
  exact: number;
}

export interface EvalReport extends Scores {
  records: number;
  exact: number;
  exactShare: number;
  levels: Record<Level, Scores>;
  categories: Record<string, CategoryReport>;
  misses: Miss[];
}

const LEVELS: readonly Level[] = ["exact", "country", "root"];

/** Code every record from its raw text and score the events against the expected ones. */
export function evaluate(records: readonly ValidationRecord[], coder: Coder): EvalReport {
  const counters = { exact: new ScoreCounter(), country: new ScoreCounter(), root: new ScoreCounter() };
  const perCategory = new Map<string, { counter: ScoreCounter; records: number; exact: number }>();
  const misses: Miss[] = [];
  let exact = 0;

  for (const record of records) {
    // PETRARCH suites switch coding options between records (<Config option="require_dyad" …>).
    const recordCoder = coder.importedVerbs && record.options && Object.keys(record.options).length > 0 ? { ...coder, importedVerbs: withCodingOptions(coder.importedVerbs, record.options) } : coder;
    const doc = processDocument(recordCoder, { id: record.id, date: record.date }, record.text);
    const produced = dedupe(doc.events.map((event) => ({ source: event.source, target: event.target ?? "---", code: event.code })));
    for (const level of LEVELS) counters[level].add(record.expected, produced, level);
    const category = perCategory.get(record.category) ?? { counter: new ScoreCounter(), records: 0, exact: 0 };
    perCategory.set(record.category, category);
    category.records += 1;
    category.counter.add(record.expected, produced, "exact");
    if (sameTriples(record.expected, produced)) {
      exact += 1;
      category.exact += 1;
    } else {
      misses.push({ id: record.id, category: record.category, text: record.text, expected: record.expected, produced, explanation: explainDocument(doc) });
    }
  }

  const categories: Record<string, CategoryReport> = {};
  for (const [name, category] of [...perCategory].sort(([a], [b]) => a.localeCompare(b))) {
    categories[name] = { records: category.records, exact: category.exact, ...category.counter.scores() };
  }
  const overall = counters.exact.scores();
  return {
    records: records.length,
    exact,
    exactShare: records.length === 0 ? 0 : exact / records.length,
    ...overall,
    levels: { exact: overall, country: counters.country.scores(), root: counters.root.scores() },
    categories,
    misses,
  };
}

function dedupe(events: ExpectedEvent[]): ExpectedEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    const key = `${event.source}|${event.target}|${event.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** The report as a table for people. */
export function formatReport(report: EvalReport, verbose: boolean): string {
  const lines: string[] = [];
  if (verbose) {
    for (const miss of report.misses) {
      const show = (events: ExpectedEvent[]) => (events.length === 0 ? "no events" : events.map((e) => `${e.source} ${e.code} ${e.target}`).join(", "));
      lines.push(`MISS ${miss.id} [${miss.category}] ${miss.text}`, `  expected: ${show(miss.expected)}`, `  produced: ${show(miss.produced)}`);
      lines.push(...miss.explanation.trimEnd().split("\n").map((line) => `  | ${line}`), "");
    }
  }
  lines.push(`records: ${report.records}   exactly right: ${report.exact} (${percent(report.exactShare)})`);
  lines.push("", "level      precision  recall   F1");
  for (const level of LEVELS) {
    const scores = report.levels[level];
    lines.push(`${level.padEnd(10)} ${percent(scores.precision).padStart(9)} ${percent(scores.recall).padStart(7)} ${percent(scores.f1).padStart(6)}`);
  }
  lines.push("", "category   records  exact   precision  recall   F1");
  for (const [name, category] of Object.entries(report.categories)) {
    lines.push(
      `${(name || "-").padEnd(10)} ${String(category.records).padStart(7)} ${String(category.exact).padStart(6)} ${percent(category.precision).padStart(11)} ${percent(category.recall).padStart(7)} ${percent(category.f1).padStart(6)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
