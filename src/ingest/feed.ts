/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds → items with their links, dates and summaries as plain
 * text. A feed that is not well-formed XML (truncated download, a stray "&") still gives every
 * item that can be read on its own; the damage is reported as a problem instead of losing the feed.
 */
import type { XMLParser } from "fast-xml-parser";
import { xmlParserModule } from "./lazy-modules.js";
import { parseIsoDate } from "../time/expressions.js";
import { normalizeSpace, parseHtmlDocument } from "./html-dom.js";
import { blockTexts } from "./html.js";

export type FeedFormat = "rss" | "rdf" | "atom";

export interface FeedItem {
  /** 1-based position in the feed, for messages ("feeds.xml:item 3"). */
  index: number;
  /** RSS `guid` or Atom `id`. */
  guid?: string;
  title?: string;
  /** The article's address, resolved against the feed's address when relative. */
  link?: string;
  /** Publication day YYYY-MM-DD as the feed states it (the publisher's calendar day, not UTC's). */
  published?: string;
  author?: string;
  /** Full content when the feed carries it (content:encoded, Atom content), else the summary; plain-text paragraphs. */
  paragraphs: string[];
}

/** Something wrong with part of a feed; the rest is still read. */
export interface FeedProblem {
  /** "item 4", or "feed" for the document as a whole. */
  where: string;
  reason: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  link?: string;
  /** Day the feed itself was last updated (lastBuildDate, Atom `updated`), YYYY-MM-DD. */
  updated?: string;
  items: FeedItem[];
  problems: FeedProblem[];
}

/** The document is not an RSS or Atom feed at all (or nothing of it could be read). */
export class FeedError extends Error {
  override name = "FeedError";
}

/** Elements whose content is HTML (escaped, in CDATA, or inline XHTML): kept raw and turned to text here. */
const MARKUP_ELEMENTS = ["description", "content:encoded", "content", "summary", "subtitle"];

let feedParser: XMLParser | undefined;

/** The feed parser, made on first use (loading fast-xml-parser costs start-up time). */
function parser(): XMLParser {
  return (feedParser ??= new (xmlParserModule().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    stopNodes: MARKUP_ELEMENTS.map((name) => `*.${name}`),
    isArray: (name) => name === "item" || name === "entry" || name === "link" || name === "category",
    // Feeds do not need DOCTYPE entities; leaving them off also shuts out entity-expansion attacks.
    processEntities: false,
  }));
}

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [name: string]: XmlValue | undefined;
}

/** Whether a text looks like a feed (its root element is rss, rdf:RDF or Atom's feed). */
export function looksLikeFeed(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i.test(text.slice(0, 4096));
}

/**
 * Parse a feed. `feedUrl` resolves relative item links (Atom feeds often use them). Throws
 * FeedError when the text is not a feed; damage inside a feed becomes `problems`.
 */
export function parseFeed(xml: string, feedUrl?: string): ParsedFeed {
  const text = xml.startsWith("\uFEFF") ? xml.slice(1) : xml;
  const validation = xmlParserModule().XMLValidator.validate(text);
  if (validation === true) {
    const root = parser().parse(text) as XmlObject;
    return readFeedDocument(root, feedUrl, []);
  }
  // The validator reports elements left open at the end of the text as "Invalid '[...]' found".
  const truncated = /^Invalid '\[|^Unclosed tag/.test(validation.err.msg);
  const reason = truncated ? "truncated: the text ends before the feed is closed" : `malformed XML at line ${validation.err.line}: ${validation.err.msg}`;
  return salvageFeed(text, feedUrl, reason);
}

function readFeedDocument(root: XmlObject, feedUrl: string | undefined, problems: FeedProblem[]): ParsedFeed {
  const rss = objectOf(root["rss"]);
  if (rss) {
    const channel = objectOf(rss["channel"]) ?? {};
    return buildFeed("rss", channel, arrayOf(channel["item"]), feedUrl, problems);
  }
  const rdf = objectOf(root["rdf:RDF"]);
  if (rdf) {
    // RSS 1.0 puts items beside the channel, not inside it.
    const channel = objectOf(rdf["channel"]) ?? {};
    return buildFeed("rdf", channel, arrayOf(rdf["item"]), feedUrl, problems);
  }
  const atom = objectOf(root["feed"]);
  if (atom) return buildFeed("atom", atom, arrayOf(atom["entry"]), feedUrl, problems);
  throw new FeedError("not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root element)");
}

function buildFeed(format: FeedFormat, channel: XmlObject, rawItems: XmlValue[], feedUrl: string | undefined, problems: FeedProblem[]): ParsedFeed {
  // Relative links resolve against the address the feed was fetched from (RFC 4287 §4.2.7), and
  // only failing that against the site link it names.
  const base = feedUrl;
  const feed: ParsedFeed = { format, items: [], problems };
  const title = plainText(channel["title"]);
  if (title) feed.title = title;
  const link = linkOf(channel["link"], base);
  if (link) feed.link = link;
  const updated = feedDate(textOf(channel["lastBuildDate"]) ?? textOf(channel["pubDate"]) ?? textOf(channel["updated"]) ?? textOf(channel["dc:date"]));
  if (updated) feed.updated = updated;
  rawItems.forEach((raw, i) => {
    const item = objectOf(raw);
    if (item) feed.items.push(readItem(item, i + 1, base ?? feed.link));
    else problems.push({ where: `item ${i + 1}`, reason: "empty item" });
  });
  return feed;
}

function readItem(item: XmlObject, index: number, base: string | undefined): FeedItem {
  const result: FeedItem = { index, paragraphs: [] };
  const guid = textOf(item["guid"]) ?? textOf(item["id"]);
  if (guid) result.guid = guid;
  const title = plainText(item["title"]);
  if (title) result.title = title;
  // An RSS guid marked as a permalink is the article's address when there is no <link>.
  const guidObject = objectOf(item["guid"]);
  const guidIsLink = guid !== undefined && /^https?:\/\//i.test(guid) && guidObject?.["@isPermaLink"] !== "false";
  const link = linkOf(item["link"], base) ?? (guidIsLink ? guid : undefined);
  if (link) result.link = link;
  const published = feedDate(
    textOf(item["pubDate"]) ?? textOf(item["published"]) ?? textOf(item["dc:date"]) ?? textOf(item["updated"]) ?? textOf(item["issued"]),
  );
  if (published) result.published = published;
  const author = plainText(item["dc:creator"]) ?? authorOf(item["author"]);
  if (author) result.author = author;
  const content = markupParagraphs(item["content:encoded"]) ?? markupParagraphs(item["content"]);
  const summary = markupParagraphs(item["description"]) ?? markupParagraphs(item["summary"]);
  result.paragraphs = content ?? summary ?? [];
  // Summaries often repeat the headline as their first line.
  if (result.title && result.paragraphs[0] === result.title) result.paragraphs = result.paragraphs.slice(1);
  return result;
}

/**
 * A damaged feed: read each complete `<item>`/`<entry>` on its own. An item cut off by the end of
 * the file, or broken inside, is reported; the others are kept.
 */
function salvageFeed(text: string, feedUrl: string | undefined, reason: string): ParsedFeed {
  const format: FeedFormat | undefined = /<rss[\s>]/i.test(text) ? "rss" : /<rdf:RDF[\s>]/.test(text) ? "rdf" : /<feed[\s>]/.test(text) ? "atom" : undefined;
  if (!format) throw new FeedError(`not an RSS or Atom feed (${reason})`);
  const tag = format === "atom" ? "entry" : "item";
  const problems: FeedProblem[] = [{ where: "feed", reason }];
  const feed: ParsedFeed = { format, items: [], problems };
  // The channel's own fields: whatever precedes the first item, closed off so that it parses.
  const firstItem = text.search(new RegExp(`<${tag}[\\s>]`));
  const head = firstItem < 0 ? text : text.slice(0, firstItem);
  const headFields = /<(?:channel|feed)\b[^>]*>([\s\S]*)$/.exec(head)?.[1] ?? "";
  const channel = parseFragment(`<channel>${headFields}</channel>`)?.["channel"];
  const channelObject = objectOf(channel) ?? {};
  const title = plainText(channelObject["title"]);
  if (title) feed.title = title;
  const link = linkOf(channelObject["link"], feedUrl);
  if (link) feed.link = link;
  const base = feedUrl ?? feed.link;

  const opening = new RegExp(`<${tag}[\\s>/]`, "g");
  const starts = [...text.matchAll(opening)].map((match) => match.index);
  const closing = `</${tag}>`;
  starts.forEach((start, i) => {
    const index = i + 1;
    const next = starts[i + 1] ?? text.length;
    const end = text.indexOf(closing, start);
    if (end < 0 || end > next) {
      problems.push({ where: `item ${index}`, reason: end < 0 ? "cut off (the file ends inside it)" : `no closing </${tag}>` });
      return;
    }
    const fragment = parseFragment(wrapWithNamespaces(text, text.slice(start, end + closing.length)));
    const item = objectOf(arrayOf(objectOf(fragment?.["root"])?.[tag])[0]);
    if (!item) {
      problems.push({ where: `item ${index}`, reason: "malformed XML inside the item" });
      return;
    }
    feed.items.push(readItem(item, index, base));
  });
  if (feed.items.length === 0 && starts.length === 0 && !feed.title) throw new FeedError(reason);
  return feed;
}

/** Carry the root element's namespace declarations over to a fragment read on its own. */
function wrapWithNamespaces(text: string, fragment: string): string {
  const declarations = [...new Set((/<(?:rss|feed|rdf:RDF)\b([^>]*)>/.exec(text)?.[1] ?? "").match(/xmlns(?::[\w-]+)?\s*=\s*("[^"]*"|'[^']*')/g) ?? [])];
  return `<root ${declarations.join(" ")}>${fragment}</root>`;
}

function parseFragment(xml: string): XmlObject | undefined {
  if (xmlParserModule().XMLValidator.validate(xml) !== true) return undefined;
  return parser().parse(xml) as XmlObject;
}

function objectOf(value: XmlValue | undefined): XmlObject | undefined {
  if (Array.isArray(value)) return objectOf(value[0]);
  return typeof value === "object" && value !== null ? value : undefined;
}

function arrayOf(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of a simple element, with or without attributes; undefined when empty. */
function textOf(value: XmlValue | undefined): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  const raw = typeof value === "string" ? value : typeof value === "object" ? value["#text"] : undefined;
  if (typeof raw !== "string") return undefined;
  const text = decodeXmlEntities(raw).trim();
  return text === "" ? undefined : text;
}

/**
 * Text of a title-like element. Publishers escape twice ("AT&amp;amp;T") or put markup in titles,
 * so the XML text is read once more as HTML.
 */
function plainText(value: XmlValue | undefined): string | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  const plain = /[<&]/.test(text) ? normalizeSpace(htmlToParagraphs(text).join(" ")) : normalizeSpace(text);
  return plain === "" ? undefined : plain;
}

function authorOf(value: XmlValue | undefined): string | undefined {
  const object = objectOf(value);
  // Atom: <author><name>…</name></author>; RSS: <author>email (Name)</author>.
  return object ? plainText(object["name"]) : plainText(value);
}

/** RSS `<link>` text or Atom `<link rel="alternate" href>`, resolved against `base`. */
function linkOf(value: XmlValue | undefined, base: string | undefined): string | undefined {
  const links = arrayOf(value);
  let href: string | undefined;
  for (const link of links) {
    if (typeof link === "string") {
      href ??= decodeXmlEntities(link).trim() || undefined;
      continue;
    }
    const object = objectOf(link);
    if (!object) continue;
    const rel = typeof object["@rel"] === "string" ? object["@rel"] : "alternate";
    const candidate = typeof object["@href"] === "string" ? decodeXmlEntities(object["@href"]).trim() : textOf(object);
    if (!candidate) continue;
    if (rel === "alternate") {
      href = candidate;
      break;
    }
  }
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return /^https?:\/\//i.test(href) ? href : undefined;
  }
}

/**
 * Paragraphs of an element holding markup: RSS descriptions (escaped HTML or CDATA), Atom
 * text/html/xhtml constructs. Undefined when the element is absent or empty.
 */
function markupParagraphs(value: XmlValue | undefined): string[] | undefined {
  const object = objectOf(value);
  const raw = typeof value === "string" ? value : object && typeof object["#text"] === "string" ? object["#text"] : undefined;
  if (raw === undefined) return undefined;
  const type = object && typeof object["@type"] === "string" ? object["@type"].toLowerCase() : "html";
  let paragraphs: string[];
  if (type === "xhtml" || type.endsWith("xhtml+xml")) {
    // Inline XHTML is markup already; its text is XML-escaped like any element text.
    paragraphs = htmlToParagraphs(raw);
  } else if (type === "text" || type === "text/plain") {
    paragraphs = unwrapCdataAndDecode(raw)
      .split(/\n\s*\n|\r\n\s*\r\n/)
      .map(normalizeSpace)
      .filter((line) => line !== "");
  } else {
    paragraphs = htmlToParagraphs(unwrapCdataAndDecode(raw));
  }
  return paragraphs.length > 0 ? paragraphs : undefined;
}

/** Raw element content → its character data: CDATA sections verbatim, XML entities decoded elsewhere. */
function unwrapCdataAndDecode(raw: string): string {
  let result = "";
  let position = 0;
  for (const match of raw.matchAll(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g)) {
    result += decodeXmlEntities(raw.slice(position, match.index));
    result += match[1] ?? "";
    position = match.index + match[0].length;
  }
  return result + decodeXmlEntities(raw.slice(position));
}

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decode XML's predefined and numeric character references; other names are left for HTML decoding. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** An HTML fragment (a feed summary) as plain-text paragraphs: one per block element or line break. */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) {
    const text = normalizeSpace(html);
    return text === "" ? [] : [text];
  }
  const body = parseHtmlDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).body;
  return body ? blockTexts(body) : [];
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * A feed date (RFC 822 in RSS: "Tue, 10 Jun 2003 04:00:00 -0500"; ISO 8601 in Atom and Dublin
 * Core) as the calendar day written in it: an article published late in the evening in New York
 * was published that day, even if it was already the next day in UTC.
 */
export function feedDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const value = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return parseIsoDate(`${iso[1]}-${iso[2]}-${iso[3]}`) ?? undefined;
  const rfc = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{2,4})/i.exec(value);
  if (rfc) {
    const month = MONTHS[(rfc[2] ?? "").toLowerCase()];
    let year = Number(rfc[3]);
    if (rfc[3]?.length === 2) year += year < 50 ? 2000 : 1900;
    if (month) {
      const day = parseIsoDate(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${(rfc[1] ?? "").padStart(2, "0")}`);
      if (day) return day;
    }
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
