/**
 * A generated news corpus for the store tests: articles that each report a coded event and are
 * distinct enough (numbers every few words) not to look like near-duplicates of each other, plus
 * verbatim syndicated copies of some of them under another source.
 */
const SENTENCES = [
  "Russian President Vladimir Putin met Iranian President Masoud Pezeshkian in Moscow on Monday.",
  "Russia attacked Ukraine with drones on Monday.",
  "Iran condemned Israel on Monday.",
  "Turkish President Recep Tayyip Erdogan hosted his Egyptian counterpart on Monday.",
  "France and Germany signed a trade agreement on Monday.",
  "China accused the United States of interference on Monday.",
];

export interface CorpusArticle {
  id: string;
  date: string;
  title: string;
  text: string;
  source: string;
  url: string;
}

function filler(seed: number): string {
  const n = (k: number): number => (seed * 7919 + k * 104729) % 99991;
  return (
    `Officials said ${n(1)} delegates and ${n(2)} observers attended session ${n(3)} of round ${n(4)}. ` +
    `Reporters counted ${n(5)} vehicles near gate ${n(6)} while ${n(7)} guards watched sector ${n(8)}.`
  );
}

/** `count` articles over 2024 (ids a0001…), every `copyEvery`-th followed by a copy from another site. */
export function generateCorpus(count: number, copyEvery = 10): CorpusArticle[] {
  const articles: CorpusArticle[] = [];
  for (let i = 1; i <= count; i += 1) {
    const month = String(((i - 1) % 12) + 1).padStart(2, "0");
    const day = String(((i * 7) % 28) + 1).padStart(2, "0");
    const id = `a${String(i).padStart(4, "0")}`;
    const sentence = SENTENCES[i % SENTENCES.length] ?? "";
    const text = `${sentence} ${filler(i)}`;
    const article = { id, date: `2024-${month}-${day}`, title: `Report ${i}`, text, source: `site${i % 3}.example`, url: `https://site${i % 3}.example/${id}` };
    articles.push(article);
    if (i % copyEvery === 0) articles.push({ ...article, id: `${id}-copy`, source: "wire.example", url: `https://wire.example/${id}` });
  }
  return articles;
}

export function corpusJsonl(articles: readonly CorpusArticle[]): string {
  return articles.map((article) => JSON.stringify(article)).join("\n") + "\n";
}
