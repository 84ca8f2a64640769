/**
 * Article metadata from a page's head and markup: title, byline, publication date, site name,
 * canonical URL and language. Sources, best first: JSON-LD (schema.org NewsArticle and kin, which
 * publishers fill in for search engines), Open Graph / article:* / Dublin Core / parse.ly meta tags,
 * `<time datetime>` elements, then the document itself (`<title>`, `<h1>`, `<html lang>`).
 */
import { parseIsoDate } from "../time/expressions.js";
import { type DomDocument, type DomElement, normalizeSpace, textOf } from "./html-dom.js";

export interface ArticleMetadata {
  title?: string;
  byline?: string;
  /** Publication date, YYYY-MM-DD, as the publisher wrote it (the publisher's local date). */
  published?: string;
  site?: string;
  canonicalUrl?: string;
  /** The page's declared language tag ("en", "en-US"), as declared. */
  language?: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** schema.org types whose JSON-LD describes the article itself (not the site, a breadcrumb or an image). */
const ARTICLE_TYPE = /article|posting|report|review|newsarticle|story|analysis|opinion/i;

export function extractMetadata(document: DomDocument, pageUrl?: string): ArticleMetadata {
  const meta = metaTags(document);
  const ld = articleJsonLd(document);
  const first = (...values: (string | undefined)[]): string | undefined =>
    values.map((value) => (value === undefined ? "" : normalizeSpace(decodeEntities(value)))).find((value) => value !== "");

  const canonicalUrl = canonicalUrlOf(document, meta, pageUrl);
  const siteName = first(meta.get("og:site_name"), ldName(ld?.["publisher"]), meta.get("application-name"));
  // Some sites put their address in og:site_name; the host name reads better.
  const site = siteName && /^https?:\/\//i.test(siteName) ? hostnameOf(siteName) : (siteName ?? hostnameOf(canonicalUrl));
  const metaTitle = first(
    meta.get("og:title"),
    ldString(ld?.["headline"]),
    meta.get("twitter:title"),
    meta.get("parsely-title"),
    meta.get("dc.title"),
    meta.get("title"),
  );
  const documentTitle = first(textOf(document.querySelector("title")));
  const title = metaTitle
    ? stripSiteSuffix(metaTitle, site, false)
    : documentTitle
      ? stripSiteSuffix(documentTitle, site, true)
      : first(textOf(document.querySelector("h1")));

  const result: ArticleMetadata = {};
  if (title) result.title = title;
  const byline = first(
    ldAuthors(ld?.["author"]),
    personName(meta.get("author")),
    personName(meta.get("article:author")),
    personName(meta.get("parsely-author")),
    personName(meta.get("dc.creator")),
    personName(meta.get("sailthru.author")),
  );
  if (byline) result.byline = byline;
  const published = publishedDate(document, meta, ld);
  if (published) result.published = published;
  if (site) result.site = site;
  if (canonicalUrl) result.canonicalUrl = canonicalUrl;
  const language = languageOf(document, meta, ld);
  if (language) result.language = language;
  return result;
}

/**
 * A date as publishers write it, to YYYY-MM-DD: ISO 8601 ("2019-11-19T23:30:00-05:00" is the 19th,
 * the publisher's own calendar date), compact "20191119", "2019/11/19", RFC 822 ("Tue, 19 Nov 2019
 * 23:30:00 -0500") and "November 19, 2019". Undefined for anything else or an impossible date.
 */
export function normalizePublishedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const numeric = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?![\d])/.exec(text);
  if (numeric) return validDate(numeric[1], numeric[2], numeric[3]);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(text);
  if (dayFirst) return validDate(dayFirst[3], monthNumber(dayFirst[2]), dayFirst[1]);
  const monthFirst = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
  if (monthFirst) return validDate(monthFirst[3], monthNumber(monthFirst[1]), monthFirst[2]);
  return undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTHS.indexOf((name ?? "").slice(0, 3).toLowerCase());
  return index < 0 ? undefined : String(index + 1);
}

function validDate(year?: string, month?: string, day?: string): string | undefined {
  if (!year || !month || !day) return undefined;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const yearNumber = Number(year);
  if (yearNumber < 1900 || yearNumber > 2200) return undefined;
  return parseIsoDate(iso) ?? undefined;
}

/** Meta tags by lower-cased name/property/itemprop → content (first occurrence wins). */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const element of Array.from(document.querySelectorAll("meta"))) {
    const content = element.getAttribute("content");
    if (content === null || content.trim() === "") continue;
    for (const attribute of ["property", "name", "itemprop", "http-equiv"]) {
      // itemprop and property may hold several names: itemprop="datePublished dateCreated".
      for (const key of (element.getAttribute(attribute) ?? "").toLowerCase().split(/\s+/)) {
        if (key && !tags.has(key)) tags.set(key, content);
      }
    }
  }
  return tags;
}

/** The JSON-LD object that describes the article, if the page has one. */
function articleJsonLd(document: DomDocument): JsonObject | undefined {
  let fallback: JsonObject | undefined;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const parsed = parseJsonLenient(script.textContent ?? "");
    if (parsed === undefined) continue;
    for (const object of jsonLdObjects(parsed)) {
      const types = ldTypes(object);
      if (types.some((type) => ARTICLE_TYPE.test(type))) return object;
      if (!fallback && types.some((type) => /^webpage$/i.test(type)) && ("datePublished" in object || "headline" in object)) {
        fallback = object;
      }
    }
  }
  return fallback;
}

/** JSON-LD in the wild carries HTML comments, CDATA wrappers, trailing semicolons and raw newlines in strings. */
function parseJsonLenient(source: string): Json | undefined {
  const cleaned = source
    .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, "")
    .replace(/(-->|\/\/\s*\]\]>|\]\]>)\s*$/, "")
    .trim()
    .replace(/;\s*$/, "");
  // Trailing commas ("[1, 2, ]") are the other common defect; the repair could touch a string
  // containing ", ]", which is rare and only costs that one string.
  const repaired = cleaned.replace(/[\r\n\t]+/g, " ").replace(/,\s*([\]}])/g, "$1");
  for (const candidate of [cleaned, repaired]) {
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

/** Every object in a JSON-LD value: top-level arrays, `@graph` members and `mainEntity` included. */
function jsonLdObjects(value: Json): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdObjects);
  if (value === null || typeof value !== "object") return [];
  const objects: JsonObject[] = [value];
  const graph = value["@graph"];
  if (graph !== undefined) objects.push(...jsonLdObjects(graph));
  const main = value["mainEntity"];
  if (main !== undefined && typeof main === "object") objects.push(...jsonLdObjects(main));
  return objects;
}

function ldTypes(object: JsonObject): string[] {
  const type = object["@type"];
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((item): item is string => typeof item === "string");
  return [];
}

function ldString(value: Json | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return ldString(value[0]);
  return undefined;
}

function ldName(value: Json | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return ldName(value[0]);
  if (value && typeof value === "object") return ldString(value["name"]);
  return undefined;
}

/** Author names joined with ", ": a string, a Person object, or an array of them. */
function ldAuthors(value: Json | undefined): string | undefined {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names = items
    .map((item) => personName(ldName(item)))
    .filter((name): name is string => name !== undefined && name !== "");
  return names.length > 0 ? [...new Set(names)].join(", ") : undefined;
}

/** The JSON-LD `articleBody` of the page, when a publisher provides the whole text there. */
export function jsonLdArticleBody(document: DomDocument): string | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const source = script.textContent ?? "";
    if (!source.includes("articleBody")) continue;
    const parsed = parseJsonLenient(source);
    if (parsed === undefined) continue;
    for (const object of jsonLdObjects(parsed)) {
      const body = object["articleBody"];
      if (typeof body === "string" && body.trim() !== "") return body;
    }
  }
  return undefined;
}

/** A byline as people write it: "By Jane Doe" → "Jane Doe"; undefined when empty. */
export function normalizeByline(value: string | undefined): string | undefined {
  return personName(value);
}

/** A byline value unless it is a URL (article:author often holds a profile link) or empty. */
function personName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const name = normalizeSpace(decodeEntities(value)).replace(/^by\s+/i, "");
  if (name === "" || /^https?:\/\//i.test(name) || name.length > 200) return undefined;
  return name;
}

/** Meta names for the publication time, best first. */
const PUBLISHED_META_NAMES = [
  "article:published_time", "article:published", "og:published_time", "published_time", "datepublished", "pubdate",
  "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
  "dc.date", "dcterms.date", "dcterms.created", "date", "article.published", "cxenseparse:recs:publishtime", "pdate",
];

function publishedDate(document: DomDocument, meta: Map<string, string>, ld: JsonObject | undefined): string | undefined {
  // Sources are tried lazily: the markup searches at the end are the slow part and rarely needed.
  const sources: (() => (string | undefined)[])[] = [
    () => [ldString(ld?.["datePublished"])],
    () => PUBLISHED_META_NAMES.map((name) => meta.get(name)),
    () => [...meta].filter(([key]) => PUBLISH_META_KEY.test(key)).map(([, value]) => value),
    () => [ldString(ld?.["dateCreated"])],
    () => [timeElementDate(document)],
    () => [dateElementText(document)],
    () => [ldString(ld?.["dateModified"]), meta.get("article:modified_time")],
  ];
  for (const source of sources) {
    for (const candidate of source()) {
      const date = normalizePublishedDate(candidate);
      if (date) return date;
    }
  }
  return undefined;
}

/** Other meta names publishers use for the publication time ("sn-post-date", "article.published_date"). */
const PUBLISH_META_KEY = /(publish|pub|post|release)(ed|ing)?[-_:. ]?(date|time)|date[-_:. ]?(publish|pub|post)/;

/** Text or value of an element whose class says it holds the publication date. */
function dateElementText(document: DomDocument): string | undefined {
  const selector = '[class*="publish"], [class*="pubdate"], [class*="pub-date"], [class*="post-date"], [class*="entry-date"], [class*="article-date"], [class*="date"]';
  for (const element of Array.from(document.querySelectorAll(selector)).slice(0, 20)) {
    for (const value of [element.getAttribute("datetime"), element.getAttribute("content"), element.getAttribute("value"), textOf(element)]) {
      if (value && value.length < 120 && normalizePublishedDate(value)) return value;
    }
  }
  return undefined;
}

/** A `<time>` marked as the publication time, else the first `<time datetime>` in the article or page. */
function timeElementDate(document: DomDocument): string | undefined {
  const selectors = [
    "time[pubdate][datetime]",
    '[itemprop="datePublished"][datetime]',
    "article time[datetime]",
    "time[datetime]",
  ];
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute("datetime") ?? undefined;
    if (normalizePublishedDate(value)) return value;
  }
  const itemprop = document.querySelector('[itemprop="datePublished"]');
  return itemprop ? (itemprop.getAttribute("content") ?? textOf(itemprop)) : undefined;
}

function canonicalUrlOf(document: DomDocument, meta: Map<string, string>, pageUrl?: string): string | undefined {
  const candidates = [
    attributeOf(document.querySelector('link[rel="canonical"]'), "href"),
    attributeOf(document.querySelector('link[rel~="canonical"]'), "href"),
    meta.get("og:url"),
    pageUrl,
  ];
  for (const candidate of candidates) {
    const url = absoluteHttpUrl(candidate, pageUrl);
    if (url) return url;
  }
  return undefined;
}

function attributeOf(element: DomElement | null, name: string): string | undefined {
  return element?.getAttribute(name) ?? undefined;
}

function absoluteHttpUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value || value.trim() === "") return undefined;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

function languageOf(document: DomDocument, meta: Map<string, string>, ld: JsonObject | undefined): string | undefined {
  const candidates = [
    document.documentElement.getAttribute("lang") ?? undefined,
    document.documentElement.getAttribute("xml:lang") ?? undefined,
    meta.get("content-language"),
    meta.get("language"),
    meta.get("og:locale"),
    ldString(ld?.["inLanguage"]),
  ];
  for (const candidate of candidates) {
    const tag = candidate?.split(",")[0]?.trim().replace(/_/g, "-");
    if (tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag)) return tag;
  }
  return undefined;
}

/** Separators between a headline and the site's name in `<title>`: "Headline | Site", "Headline - Site". */
const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+/;

/**
 * Drop a trailing (or leading) site name from a title. Meta titles lose it only when it matches the
 * site name; document titles also lose a short last part after a separator, the usual site suffix.
 */
function stripSiteSuffix(title: string, site: string | undefined, isDocumentTitle: boolean): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  const siteKey = site ? squash(site) : "";
  const last = parts[parts.length - 1] ?? "";
  const firstPart = parts[0] ?? "";
  const separators = title.match(new RegExp(TITLE_SEPARATOR.source, "g")) ?? [];
  const withoutLast = title.slice(0, title.length - last.length - (separators[separators.length - 1]?.length ?? 0));
  const withoutFirst = title.slice(firstPart.length + (separators[0]?.length ?? 0));
  const isSite = (part: string): boolean =>
    siteKey !== "" && (squash(part) === siteKey || squash(part).includes(siteKey) || siteKey.includes(squash(part)));
  if (isSite(last) && wordCount(withoutLast) >= 2) return withoutLast.trim();
  if (isSite(firstPart) && wordCount(withoutFirst) >= 2) return withoutFirst.trim();
  if (isDocumentTitle && wordCount(last) <= 4 && wordCount(withoutLast) >= 4) return withoutLast.trim();
  return title;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** Meta content and JSON-LD strings are sometimes entity-encoded twice; undo the common entities. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|#39|lt|gt|nbsp);/gi, (entity, body: string) => {
    const lower = body.toLowerCase();
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : lower.startsWith("#") ? Number(lower.slice(1)) : -1;
    if (code >= 0) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    const named: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: " " };
    return named[lower] ?? entity;
  });
}
