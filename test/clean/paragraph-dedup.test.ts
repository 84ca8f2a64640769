import { describe, expect, it } from "vitest";
import { normalizeParagraph, observeAhead, ParagraphDeduper, sourceKey } from "../../src/clean/paragraph-dedup.js";

const MENU = "Home | World | Politics | Business | Sport";
const NEWSLETTER = "Sign up for our morning newsletter to get the day's top stories in your inbox.";
const FOOTER = "© 2024 Example Media Group. All rights reserved.";

/** An article of `example.com`: a headline, the site's furniture and `body` paragraphs of its own. */
function article(n: number, body = 3): string[] {
  const own = Array.from({ length: body }, (_, i) => `Story ${n}, paragraph ${i}: officials in city number ${"x".repeat(n + 1)} said the talks on topic ${n} would go on.`);
  return [`Headline of story ${"y".repeat(n + 1)}`, MENU, ...own, NEWSLETTER, FOOTER];
}

describe("ParagraphDeduper, single pass (observe, then filter, article by article)", () => {
  const deduper = new ParagraphDeduper();
  const results = Array.from({ length: 5 }, (_, n) => {
    deduper.observe("example.com", article(n));
    return deduper.filter("example.com", article(n));
  });

  it("keeps everything in the first two articles of a source", () => {
    expect(results[0]!.removed).toEqual([]);
    expect(results[1]!.removed).toEqual([]);
  });

  it("removes the paragraphs that recur from the third article on, with the reason", () => {
    expect(results[2]!.removed).toEqual([
      { text: MENU, reason: "site boilerplate: recurs in 3 articles from example.com" },
      { text: NEWSLETTER, reason: "site boilerplate: recurs in 3 articles from example.com" },
      { text: FOOTER, reason: "site boilerplate: recurs in 3 articles from example.com" },
    ]);
    expect(results[4]!.removed.map((paragraph) => paragraph.reason)).toEqual(Array(3).fill("site boilerplate: recurs in 5 articles from example.com"));
    expect(results[4]!.kept).toEqual(article(4).filter((line) => ![MENU, NEWSLETTER, FOOTER].includes(line)));
  });

  it("counts per source", () => {
    expect(deduper.countOf("example.com", NEWSLETTER)).toBe(5);
    expect(deduper.countOf("other.org", NEWSLETTER)).toBe(0);
    deduper.observe("other.org", article(9));
    expect(deduper.filter("other.org", article(9)).removed).toEqual([]);
  });
});

describe("ParagraphDeduper counting", () => {
  it("counts a paragraph once per article, however often it repeats inside it", () => {
    const deduper = new ParagraphDeduper();
    deduper.observe("s", [NEWSLETTER, "Body.", NEWSLETTER, NEWSLETTER]);
    expect(deduper.countOf("s", NEWSLETTER)).toBe(1);
  });

  it("treats paragraphs differing in digits, case, accents and punctuation as one", () => {
    const deduper = new ParagraphDeduper();
    deduper.observe("s", ["© 2023 Example Media. All rights reserved."]);
    deduper.observe("s", ["© 2024 example média — all rights reserved"]);
    deduper.observe("s", ["©2025 EXAMPLE MEDIA ALL RIGHTS RESERVED!"]);
    deduper.observe("s", ["(c) 2025 Example Media. All rights reserved."]);
    // Letters are kept: "(c)" leaves a "c" that "©" does not.
    expect(deduper.countOf("s", "c 1999 example media all rights reserved")).toBe(1);
    expect(deduper.countOf("s", "© 1999 Example Media. All rights reserved.")).toBe(3);
    expect(normalizeParagraph("© 2024 Example Média — All rights reserved.")).toBe("0000 example media all rights reserved");
  });

  it("never counts or removes lines with nothing left after normalisation", () => {
    const deduper = new ParagraphDeduper();
    for (let n = 0; n < 4; n += 1) deduper.observe("s", ["***", `Body ${"z".repeat(n)}.`]);
    expect(deduper.countOf("s", "***")).toBe(0);
    expect(deduper.filter("s", ["***", "Body."]).kept).toEqual(["***", "Body."]);
  });

  it("honours minDocuments", () => {
    const deduper = new ParagraphDeduper({ minDocuments: 5 });
    for (let n = 0; n < 4; n += 1) deduper.observe("example.com", article(n));
    expect(deduper.filter("example.com", article(3)).removed).toEqual([]);
    deduper.observe("example.com", article(4));
    expect(deduper.filter("example.com", article(4)).removed).toHaveLength(3);
  });
});

describe("story-copy guard", () => {
  it("does not empty an article whose story the site served several times", () => {
    const deduper = new ParagraphDeduper();
    const story = article(1, 6);
    // Two passes, as with lookahead: three copies of the story and three other articles are counted first.
    for (const lines of [story, story, story, article(2), article(3), article(4)]) deduper.observe("example.com", lines);
    const { kept, removed } = deduper.filter("example.com", story);
    expect(removed.map((paragraph) => paragraph.text)).toEqual([MENU, NEWSLETTER, FOOTER]);
    expect(kept).toHaveLength(7);
  });

  it("still removes many short recurring menu lines from an article with one long paragraph of its own", () => {
    const deduper = new ParagraphDeduper();
    const menu = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Video"];
    const page = (n: number): string[] => [...menu, `The only paragraph of story ${"w".repeat(n + 1)} tells at length what the minister said about the budget and the election.`];
    for (let n = 0; n < 4; n += 1) deduper.observe("example.com", page(n));
    const { kept, removed } = deduper.filter("example.com", page(3));
    expect(removed).toHaveLength(8);
    expect(kept).toEqual([page(3)[8]]);
  });
});

describe("bounded memory", () => {
  it("holds at most `capacity` counts, and constantly recurring boilerplate keeps its count", () => {
    const deduper = new ParagraphDeduper({ capacity: 100 });
    for (let n = 0; n < 500; n += 1) deduper.observe("s", [FOOTER, `Unique paragraph ${n} ${"q".repeat(n % 50)} ${"r".repeat(Math.floor(n / 50))}`]);
    expect(deduper.size).toBeLessThanOrEqual(100);
    expect(deduper.countOf("s", FOOTER)).toBe(500);
    expect(deduper.countOf("s", "Unique paragraph 0")).toBe(0);
  });
});

describe("sourceKey", () => {
  it("prefers the source, else the host without www", () => {
    expect(sourceKey({ source: " Example.org ", url: "https://www.other.com/x" })).toBe("example.org");
    expect(sourceKey({ url: "https://www.Reuters.com/world/africa/story-2024-10-08/" })).toBe("reuters.com");
    expect(sourceKey({ url: "not a url" })).toBeUndefined();
    expect(sourceKey({})).toBeUndefined();
  });
});

describe("observeAhead", () => {
  it("observes each item on arrival and yields it `lookahead` items later, in order", async () => {
    const events: string[] = [];
    async function* items(): AsyncGenerator<number> {
      for (let n = 1; n <= 5; n += 1) yield n;
    }
    for await (const item of observeAhead(items(), 2, (n) => events.push(`observe ${n}`))) events.push(`yield ${item}`);
    expect(events).toEqual(["observe 1", "observe 2", "observe 3", "yield 1", "observe 4", "yield 2", "observe 5", "yield 3", "yield 4", "yield 5"]);
  });

  it("with lookahead 0 passes items straight through, and accepts plain iterables", async () => {
    const seen: number[] = [];
    for await (const item of observeAhead([1, 2, 3], 0, () => undefined)) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("lets the first articles of a source be cleaned with what follows them", async () => {
    const deduper = new ParagraphDeduper();
    const cleaned: string[][] = [];
    const records = Array.from({ length: 4 }, (_, n) => article(n));
    for await (const lines of observeAhead(records, 3, (lines) => deduper.observe("example.com", lines))) {
      cleaned.push(deduper.filter("example.com", lines).kept);
    }
    expect(cleaned[0]).toEqual(article(0).filter((line) => ![MENU, NEWSLETTER, FOOTER].includes(line)));
  });
});
