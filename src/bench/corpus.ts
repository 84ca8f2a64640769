/**
 * A generated newswire corpus for benchmarks: articles of wire-style sentences built from
 * templates with a seeded random generator, so every run measures the same text.
 */

const LEADERS = [
  "Russian President Vladimir Putin", "Turkish President Recep Tayyip Erdogan", "French President Emmanuel Macron",
  "Chinese President Xi Jinping", "Indian Prime Minister Narendra Modi", "German Chancellor Olaf Scholz",
  "Ukrainian President Volodymyr Zelensky", "Iranian President Masoud Pezeshkian", "Brazilian President Luiz Inacio Lula da Silva",
  "Japanese Prime Minister Fumio Kishida", "Egyptian President Abdel Fattah el-Sisi", "Saudi Crown Prince Mohammed bin Salman",
];
const COUNTRIES = ["Russia", "Iran", "Turkey", "Egypt", "China", "India", "Germany", "France", "Ukraine", "Brazil", "Japan", "Israel", "Qatar", "Syria", "Iraq", "Pakistan"];
const GROUPS = ["police", "protesters", "troops", "rebels", "lawmakers", "officials", "the government", "the army"];
const TIMES = ["on Monday", "on Tuesday", "Wednesday", "last week", "in 2019", "on March 3", "yesterday", "earlier this month", ""];

const TEMPLATES: ReadonlyArray<(pick: <T>(items: readonly T[]) => T) => string> = [
  (p) => `${p(LEADERS)} hosted his ${p(["Iranian", "Egyptian", "Turkish", "Indian", "Chinese"])} counterpart ${p(TIMES)} for talks on trade and security.`,
  (p) => `${p(COUNTRIES)} and ${p(COUNTRIES)} signed an agreement ${p(TIMES)} to expand cooperation in energy and defence.`,
  (p) => `${p(LEADERS)} said that ${p(COUNTRIES)} is willing to expand cooperation with ${p(COUNTRIES)}.`,
  (p) => `${p(COUNTRIES)} accused ${p(COUNTRIES)} of violating the ceasefire along the border ${p(TIMES)}.`,
  (p) => `${p(["Police", "Security forces", "Troops"])} arrested dozens of protesters in the capital ${p(TIMES)}, witnesses said.`,
  (p) => `The foreign ministers of ${p(COUNTRIES)} and ${p(COUNTRIES)} met in Geneva ${p(TIMES)} to discuss the crisis.`,
  (p) => `${p(COUNTRIES)} imposed new sanctions on ${p(COUNTRIES)} over its nuclear programme.`,
  () => `Analysts said the talks could take months, and markets reacted calmly to the news.`,
  (p) => `${p(GROUPS)} in ${p(COUNTRIES)} did not attack the convoy, according to a statement released by the ministry.`,
  (p) => `${p(LEADERS)} urged ${p(COUNTRIES)} to release the detained journalists and to respect human rights.`,
  (p) => `Britain, France and Germany condemned the missile test by ${p(COUNTRIES)} in a joint statement.`,
  (p) => `The economy grew by 2.5 percent in the third quarter, the statistics office said ${p(TIMES)}.`,
];

/** Deterministic 32-bit generator (mulberry32): the same text on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchArticle {
  id: string;
  date: string;
  text: string;
  sentences: number;
}

/** At least `sentences` sentences, in articles of 8–16 sentences, each with a headline. */
export function generateCorpus(sentences: number, seed = 20260101): BenchArticle[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const articles: BenchArticle[] = [];
  let total = 0;
  while (total < sentences) {
    const count = 8 + Math.floor(random() * 9);
    const lines = [`${pick(COUNTRIES)} and ${pick(COUNTRIES)} hold talks on security`];
    for (let i = 0; i < count; i += 1) lines.push(pick(TEMPLATES)(pick).replace(/ {2,}/g, " ").replace(/ ([.,])/g, "$1"));
    articles.push({ id: `bench-${articles.length}`, date: "2024-06-12", text: lines.join("\n"), sentences: count + 1 });
    total += count + 1;
  }
  return articles;
}
