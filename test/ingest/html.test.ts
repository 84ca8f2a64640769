import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/encoding.js";
import { articleText, blockTexts, extractArticle, normalizePublishedDate } from "../../src/ingest/html.js";
import { parseHtmlDocument } from "../../src/ingest/html-dom.js";
import { extractMetadata } from "../../src/ingest/html-metadata.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url), "utf8");
const PAGE_URL = "https://www.example-ledger.com/world/2024/06/12/turkey-egypt-ambassadors?utm_source=feed";

describe("extractArticle on a news page with navigation, ads, comments and related links", () => {
  const article = extractArticle(fixture("news-article.html"), PAGE_URL);

  it("keeps exactly the article's paragraphs, in order, with <br> breaks as paragraph breaks", () => {
    expect(article?.paragraphs).toEqual([
      "ANKARA — Turkey and Egypt agreed on Wednesday to restore full diplomatic relations and exchange ambassadors for the first time in a decade, ending a rift that began after the Egyptian army removed President Mohamed Morsi in 2013.",
      "Turkish Foreign Minister Hakan Fidan and his Egyptian counterpart Sameh Shoukry announced the decision at a joint news conference in Ankara, saying the two countries would also expand trade and cooperate on regional crises, including the wars in Gaza and Sudan.",
      "“We have opened a new page,” Fidan told reporters. “Our peoples share a long history, and our governments now share the will to work together.”",
      "Shoukry said Cairo would nominate its ambassador within weeks. He praised Turkey for its mediation efforts and said the two governments would hold regular consultations at the level of foreign ministers.",
      "Relations between the two regional powers collapsed after Turkish President Recep Tayyip Erdogan condemned the 2013 coup and hosted members of the Muslim Brotherhood, which Egypt has banned as a terrorist organisation.",
      "Analysts said economic pressure on both governments had pushed them together.",
      "Turkey is seeking new export markets, while Egypt needs investment to ease a foreign currency shortage.",
    ]);
    expect(article?.method).toBe("readability");
  });

  it("drops the caption, share bar, ads, related links, newsletter box, credits, comments and footer", () => {
    const text = article?.paragraphs.join("\n") ?? "";
    for (const furniture of [
      "Photo: Ledger Pictures",
      "Share on",
      "Advertisement",
      "Erdogan and Sisi meet",
      "Read more",
      "Gaza ceasefire talks resume",
      "newsletter",
      "Reporting by",
      "More stories",
      "Sudan talks stall",
      "About time these two",
      "Promoted content",
      "All rights reserved",
      "We use cookies",
      "Skip to content",
    ]) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it("reads title, byline, date, site, canonical URL and language from JSON-LD and meta tags", () => {
    expect(article).toMatchObject({
      title: "Turkey and Egypt agree to restore ambassadors",
      byline: "Amira Haddad, Kerem Yilmaz",
      published: "2024-06-12",
      site: "The Daily Ledger",
      canonicalUrl: "https://www.example-ledger.com/world/2024/06/12/turkey-egypt-ambassadors",
      language: "en-GB",
    });
  });

  it("renders as parley input: the title on the first line, then one paragraph per line", () => {
    const lines = articleText(article ?? { paragraphs: [], method: "readability" }).split("\n");
    expect(lines[0]).toBe("Turkey and Egypt agree to restore ambassadors");
    expect(lines[1]).toMatch(/^ANKARA — Turkey and Egypt agreed/);
    expect(lines).toHaveLength(8);
  });
});

describe("extractArticle on other page shapes", () => {
  it("reads a bare blog post: <br>-separated text, the site suffix cut from <title>, the date from <time>", () => {
    const article = extractArticle(fixture("blog-post.html"), "https://fielddiary.example.org/2023/03/07/border/");
    expect(article).toMatchObject({
      title: "Notes from the border crossing",
      published: "2023-03-07",
      site: "fielddiary.example.org",
      canonicalUrl: "https://fielddiary.example.org/2023/03/07/border/",
    });
    expect(article?.paragraphs).toHaveLength(3);
    expect(article?.paragraphs[0]).toMatch(/^The queue at the crossing stretched/);
    expect(article?.paragraphs[2]).toMatch(/nobody we spoke to believed him\.$/);
    expect(article?.paragraphs.join(" ")).not.toMatch(/Archive|Previous|February 2023/);
  });

  it("falls back to the JSON-LD articleBody when the page is rendered by script", () => {
    const article = extractArticle(fixture("script-rendered.html"));
    expect(article?.method).toBe("json-ld");
    expect(article?.paragraphs).toEqual([
      "Lawmakers approved the national budget early on Wednesday after a session that lasted more than fourteen hours.",
      "The opposition walked out before the final vote, accusing the government of cutting funds for regional hospitals.",
      "The finance minister said the budget would reduce the deficit to three percent of economic output next year.",
    ]);
    expect(article).toMatchObject({ byline: "Tomás Ruiz", published: "2022-11-30", site: "Capital Wire", language: "en" });
  });

  it("keeps what a truncated page has, up to the cut", () => {
    const article = extractArticle(fixture("truncated.html"));
    expect(article?.title).toBe("Minister resigns over leaked memo");
    expect(article?.site).toBe("Evening Post");
    expect(article?.paragraphs).toHaveLength(3);
    expect(article?.paragraphs[2]).toBe(
      "Opposition leaders called for a full inquiry into the escape, in which eleven inmates fled through a tunnel dug under the exercise yard",
    );
  });

  it("finds no article on an index page of links, or in an empty file", () => {
    expect(extractArticle(fixture("index-page.html"))).toBeUndefined();
    expect(extractArticle("")).toBeUndefined();
    expect(extractArticle("   \n  ")).toBeUndefined();
  });

  it("reads fragments and pages that leave out <html> and <body>", () => {
    const article = extractArticle(
      "<title>Strike ends</title><p>Dock workers in Rotterdam ended their strike on Tuesday after the port authority agreed to a new pay deal covering the next three years.</p>",
    );
    expect(article?.title).toBe("Strike ends");
    expect(article?.paragraphs).toEqual([
      "Dock workers in Rotterdam ended their strike on Tuesday after the port authority agreed to a new pay deal covering the next three years.",
    ]);
  });

  it("reads a broken page nested thousands of elements deep without overflowing the stack", () => {
    const sentence = "The committee met again on Tuesday to discuss the proposal, which critics say would cut funding for rural schools across the region.";
    const html = `<html><body>${"<div><font>".repeat(5000)}<p>${sentence}</p></body></html>`;
    const article = extractArticle(html);
    expect(article?.paragraphs).toEqual([sentence]);
    expect(article?.method).toBe("paragraphs");
  });

  it("keeps list items and table rows as lines of their own", () => {
    const html = `<html><body><article><h1>Five things to know</h1>
      <p>Leaders meet in Brussels today for a summit on defence spending and Ukraine, with several decisions expected.</p>
      <ul><li>A new fund for air defence worth 50 billion euros over five years.</li><li>Sanctions on Russian liquefied natural gas.</li></ul>
      <table><tr><td>Poland</td><td>4.1%</td></tr></table>
      <p>The summit ends on Friday with a joint statement, diplomats said, although talks could run late.</p></article></body></html>`;
    expect(extractArticle(html)?.paragraphs).toEqual([
      "Leaders meet in Brussels today for a summit on defence spending and Ukraine, with several decisions expected.",
      "A new fund for air defence worth 50 billion euros over five years.",
      "Sanctions on Russian liquefied natural gas.",
      "Poland 4.1%",
      "The summit ends on Friday with a joint statement, diplomats said, although talks could run late.",
    ]);
  });
});

describe("extractArticle after decoding each encoding", () => {
  const directory = new URL("../fixtures/html/encodings/", import.meta.url);
  const pages = readdirSync(directory).filter((name) => name.endsWith(".html"));

  it("has the encoded fixtures", () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it.each(pages)("%s gives the same clean text", (name) => {
    const article = extractArticle(decode(readFileSync(new URL(name, directory))).text);
    const text = article?.paragraphs.join("\n") ?? "";
    expect(article?.title).toMatch(/^Zürich talks end with ["“]cautious["”] deal$/);
    expect(text).toContain("José Ramírez, the mediator");
    expect(text).toMatch(/It['’]s a beginning, not an end,["”] Ramírez told reporters at the Café du Théâtre/);
    expect(text).toContain("Organisation pour la sécurité");
    expect(text).not.toMatch(/[\uFFFD\u0080-\u009F]|Ã|â€/);
  });
});

describe("blockTexts", () => {
  it("splits at block elements and <br>, keeps inline markup inside a line, and skips scripts", () => {
    const document = parseHtmlDocument(
      "<div>First <b>bold</b> line<br>second line<p>Third <a href='/x'>linked</a> line.</p><script>var x = 1;</script><blockquote>Quoted.</blockquote></div>",
    );
    expect(blockTexts(document.body ?? document.documentElement)).toEqual(["First bold line", "second line", "Third linked line.", "Quoted."]);
  });
});

describe("metadata", () => {
  const metadataOf = (head: string, body = "", url?: string): ReturnType<typeof extractMetadata> =>
    extractMetadata(parseHtmlDocument(`<html><head>${head}</head><body>${body}</body></html>`), url);

  it("prefers JSON-LD article data, also inside @graph and with a list of types", () => {
    const metadata = metadataOf(`<script type="application/ld+json">{"@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":["NewsArticle","ReportageNewsArticle"],"headline":"Ceasefire agreed","datePublished":"2021-05-20T22:15:00Z",
       "author":{"@type":"Person","name":"Leila Nasser"},"publisher":{"name":"Gulf Tribune"},"inLanguage":"en"}]}</script>`);
    expect(metadata).toEqual({ title: "Ceasefire agreed", byline: "Leila Nasser", published: "2021-05-20", site: "Gulf Tribune", language: "en" });
  });

  it("falls back to meta tags, skips an author that is a profile URL, and resolves a relative canonical link", () => {
    const metadata = metadataOf(
      `<meta property="og:title" content="Floods displace thousands"><meta property="article:author" content="https://facebook.com/someone">
       <meta name="author" content="By Priya Raman"><meta name="pubdate" content="20200115"><meta property="og:locale" content="en_IN">
       <link rel="canonical" href="/news/floods">`,
      "",
      "https://news.example.in/amp/news/floods",
    );
    expect(metadata).toEqual({
      title: "Floods displace thousands",
      byline: "Priya Raman",
      published: "2020-01-15",
      site: "news.example.in",
      canonicalUrl: "https://news.example.in/news/floods",
      language: "en-IN",
    });
  });

  it("cuts the site name from a <title>, at either end", () => {
    expect(metadataOf("<title>Talks collapse in Geneva | World News Daily</title>").title).toBe("Talks collapse in Geneva");
    expect(metadataOf('<meta property="og:site_name" content="Capital Wire"><title>Capital Wire - Talks collapse in Geneva</title>').title).toBe(
      "Talks collapse in Geneva",
    );
    expect(metadataOf("<title>Iran - Iraq border reopens</title>").title).toBe("Iran - Iraq border reopens");
  });

  it("reads the date of a <time datetime> and repairs JSON-LD with trailing commas", () => {
    expect(metadataOf("", '<article><time datetime="2019-07-04T10:00">4 July</time></article>').published).toBe("2019-07-04");
    expect(metadataOf('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2018-02-03","keywords":["a","b",],}</script>').published).toBe(
      "2018-02-03",
    );
  });

  it("ignores placeholder and impossible dates", () => {
    expect(metadataOf('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>').published).toBeUndefined();
    expect(metadataOf('<meta property="article:published_time" content="2019-02-30">').published).toBeUndefined();
  });
});

describe("normalizePublishedDate", () => {
  it.each([
    ["2019-11-19T23:30:00-05:00", "2019-11-19"],
    ["2019-11-19", "2019-11-19"],
    ["20191119", "2019-11-19"],
    ["2019/11/19 08:00", "2019-11-19"],
    ["Tue, 19 Nov 2019 23:30:00 -0500", "2019-11-19"],
    ["November 19, 2019, 9:02 AM", "2019-11-19"],
    ["Nov. 19th, 2019", "2019-11-19"],
    ["19 September 2018", "2018-09-19"],
  ])("%s → %s", (value, expected) => {
    expect(normalizePublishedDate(value)).toBe(expected);
  });

  it("rejects text without a full date", () => {
    expect(normalizePublishedDate("yesterday")).toBeUndefined();
    expect(normalizePublishedDate("November 2019")).toBeUndefined();
    expect(normalizePublishedDate(undefined)).toBeUndefined();
  });
});
