import { describe, expect, it } from "vitest";
import { decodeXmlEntities, feedDate, FeedError, htmlToParagraphs, looksLikeFeed, parseFeed } from "../../src/ingest/feed.js";
import { readFixture } from "../helpers.js";

describe("parseFeed: RSS 2.0", () => {
  const feed = parseFeed(readFixture("feeds/rss2.xml"));

  it("reads the channel", () => {
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Example World News & Analysis");
    expect(feed.link).toBe("https://news.example.com/world/");
    expect(feed.updated).toBe("2024-01-24");
    expect(feed.problems).toEqual([]);
  });

  it("reads items with guid, link, date, author and the summary as paragraphs", () => {
    expect(feed.items[0]).toEqual({
      index: 1,
      guid: "example-news-10001",
      title: "Turkey and Egypt sign trade deal",
      link: "https://news.example.com/world/2024/01/23/turkey-egypt-trade",
      // 23:30 in New York is already the 24th in UTC; the publisher's day is kept.
      published: "2024-01-23",
      author: "Jane Reporter",
      paragraphs: ["Turkey and Egypt signed a trade agreement in Cairo on Tuesday.", "The deal doubles quotas & tariffs fall."],
    });
  });

  it("prefers content:encoded to the description, dropping scripts, and decodes titles escaped twice", () => {
    const item = feed.items[1];
    expect(item?.title).toBe("AT&T outage hits Ankara");
    expect(item?.paragraphs).toEqual(["Russia accused Ukraine of shelling a border village on Monday.", "Ukraine denied the claim.", "Read more: related story"]);
  });

  it("takes a permalink guid as the link of an item without one, and reads two-digit years", () => {
    expect(feed.items[2]).toEqual({
      index: 3,
      guid: "https://news.example.com/world/2024/01/21/title-only",
      title: "Title only item",
      link: "https://news.example.com/world/2024/01/21/title-only",
      published: "2024-01-21",
      paragraphs: [],
    });
  });
});

describe("parseFeed: Atom and RSS 1.0", () => {
  it("reads Atom entries: alternate links resolved against the feed address, XHTML content, HTML titles", () => {
    const feed = parseFeed(readFixture("feeds/atom.xml"), "https://atom.example.org/feed.atom");
    expect(feed).toMatchObject({ format: "atom", title: "Atom Desk", link: "https://atom.example.org/", updated: "2024-03-02", problems: [] });
    expect(feed.items[0]).toEqual({
      index: 1,
      guid: "tag:atom.example.org,2024:iran-warns",
      title: "Iran warns Israel",
      link: "https://atom.example.org/2024/03/iran-warns-israel",
      published: "2024-03-01",
      author: "Sam Writer",
      paragraphs: ["Iran warned Israel against any attack on Friday.", "Israel & the United States rejected the warning."],
    });
    // No <published>: the entry's <updated> is its date; a text summary splits on blank lines.
    expect(feed.items[1]).toMatchObject({ published: "2024-02-28", paragraphs: ["China praised Brazil.", "Brazil thanked China."] });
  });

  it("reads RSS 1.0 items beside the channel, with Dublin Core dates", () => {
    const feed = parseFeed(readFixture("feeds/rss1.rdf"));
    expect(feed.format).toBe("rdf");
    expect(feed.items).toEqual([
      { index: 1, title: "India hosts talks with Pakistan", link: "https://rdf.example.net/a1", published: "2023-11-05", paragraphs: ["India hosted talks with Pakistan in New Delhi."] },
    ]);
  });
});

describe("parseFeed: damaged feeds", () => {
  it("keeps the complete items of a truncated feed and reports the cut one", () => {
    const feed = parseFeed(readFixture("feeds/truncated.xml"));
    expect(feed.title).toBe("Cut Off News");
    expect(feed.items.map((item) => item.title)).toEqual(["First complete item", "Second complete item"]);
    expect(feed.problems).toEqual([
      { where: "feed", reason: "truncated: the text ends before the feed is closed" },
      { where: "item 3", reason: "cut off (the file ends inside it)" },
    ]);
  });

  it("drops only the malformed item of a feed with broken markup", () => {
    const feed = parseFeed(readFixture("feeds/malformed.xml"));
    expect(feed.items.map((item) => [item.index, item.title])).toEqual([
      [1, "Good item"],
      [3, "Another good item"],
    ]);
    expect(feed.problems[0]?.reason).toMatch(/^malformed XML at line 11: /);
    expect(feed.problems[1]).toEqual({ where: "item 2", reason: "malformed XML inside the item" });
  });

  it("carries namespace prefixes into salvaged items", () => {
    const xml = `<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>T</title>
      <item><title>A</title><dc:creator>Ann</dc:creator><dc:date>2024-05-06</dc:date></item>
      <item><title>B`;
    expect(parseFeed(xml).items[0]).toMatchObject({ title: "A", author: "Ann", published: "2024-05-06" });
  });

  it("throws FeedError for what is not a feed", () => {
    expect(() => parseFeed("<html><body><p>Hello</p></body></html>")).toThrow(FeedError);
    expect(() => parseFeed("plain words")).toThrow(/not an RSS or Atom feed/);
  });

  it("does not expand DOCTYPE entities", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY boom "BOOM">]><rss version="2.0"><channel><item><title>&boom;</title></item></channel></rss>`;
    expect(parseFeed(xml).items[0]?.title).toBe("&boom;");
  });
});

describe("feed helpers", () => {
  it("reads RFC 822 and ISO 8601 dates as the day written in them", () => {
    expect(feedDate("Tue, 23 Jan 2024 23:30:00 -0500")).toBe("2024-01-23");
    expect(feedDate("2024-03-01T22:15:00-08:00")).toBe("2024-03-01");
    expect(feedDate("5 Sept 2023 10:00 GMT")).toBe("2023-09-05");
    expect(feedDate("21 Jan 99 10:00 +0100")).toBe("1999-01-21");
    expect(feedDate("2024-02-30")).toBeUndefined();
    expect(feedDate("someday")).toBeUndefined();
  });

  it("turns HTML fragments into paragraphs", () => {
    expect(htmlToParagraphs("<p>One &amp; <i>two</i></p><p>Three<br>Four</p>")).toEqual(["One & two", "Three", "Four"]);
    expect(htmlToParagraphs("  just   text ")).toEqual(["just text"]);
    expect(htmlToParagraphs("")).toEqual([]);
  });

  it("decodes XML's own entities and character references only", () => {
    expect(decodeXmlEntities("&lt;p&gt; &amp;amp; &#8217; &#x2014; &nbsp;")).toBe("<p> &amp; \u2019 \u2014 &nbsp;");
  });

  it("recognises feeds by their root element", () => {
    expect(looksLikeFeed('<?xml version="1.0"?>\n<!-- generator -->\n<rss version="2.0">')).toBe(true);
    expect(looksLikeFeed("<feed xmlns='http://www.w3.org/2005/Atom'>")).toBe(true);
    expect(looksLikeFeed("<rdf:RDF xmlns:rdf='x'>")).toBe(true);
    expect(looksLikeFeed("<html><body>rss</body></html>")).toBe(false);
  });
});
