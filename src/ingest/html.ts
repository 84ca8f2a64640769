/**
 * Main text and metadata of a news page. The text comes from Mozilla's Readability (run on a
 * linkedom document) after boilerplate the reader view would keep is removed (captions, share bars,
 * related-story and newsletter blocks); pages Readability gives up on fall back to the JSON-LD
 * `articleBody`, then to the densest block of paragraphs. Paragraph breaks of the page are kept,
 * one paragraph per string, because later stages read layout (headline, dek, body) from them.
 */
import { cleanParagraphs, type LineContext, pruneContent, removeBoilerplate } from "./html-clean.js";
import {
  type DomDocument,
  type DomElement,
  type DomNode,
  isElement,
  nestingDepth,
  normalizeSpace,
  parseHtmlDocument,
  TEXT_NODE,
  textOf,
} from "./html-dom.js";
import { type ArticleMetadata, extractMetadata, jsonLdArticleBody, normalizeByline } from "./html-metadata.js";
import { readabilityModule } from "./lazy-modules.js";

export type { ArticleMetadata } from "./html-metadata.js";
export { normalizePublishedDate } from "./html-metadata.js";

/** How the main text was found, for diagnostics. */
export type ExtractionMethod = "readability" | "json-ld" | "paragraphs";

export interface ExtractedArticle extends ArticleMetadata {
  /** Main text, one paragraph per entry, without the title. Never empty. */
  paragraphs: string[];
  method: ExtractionMethod;
}

/**
 * Readability's scoring is superlinear in page size; a page with more elements than this (news
 * pages have a few thousand) is left to the paragraph fallback instead of stalling a whole crawl.
 */
const MAX_READABILITY_ELEMENTS = 50_000;

/**
 * Readability walks the tree recursively and slows down quadratically with nesting; a page nested
 * deeper than this (news pages stay well under 100; broken pages with thousands of unclosed tags
 * exceed it) goes to the paragraph fallback, which reads it without recursion.
 */
const MAX_READABILITY_DEPTH = 400;

/** Below this many words Readability's answer is treated as a miss and the fallbacks are tried. */
const MIN_ARTICLE_WORDS = 40;

/**
 * Extract the article of an HTML page, or undefined when the page has no main text (an index page,
 * an error page, an empty file). `pageUrl` resolves a relative canonical link and stands in for it.
 */
export function extractArticle(html: string, pageUrl?: string): ExtractedArticle | undefined {
  const document = parseHtmlDocument(html);
  const metadata = extractMetadata(document, pageUrl);
  const jsonLdBody = jsonLdParagraphs(document);

  removeBoilerplate(document);
  const readable = nestingDepth(document.documentElement) <= MAX_READABILITY_DEPTH;
  const fromReadability: ReadabilityResult = readable ? readabilityParagraphs(document, metadata.canonicalUrl ?? pageUrl) : { paragraphs: [] };
  const context: LineContext = {
    urls: [metadata.canonicalUrl, pageUrl].filter((url): url is string => url !== undefined),
  };
  const title = metadata.title ?? fromReadability.title;
  const byline = metadata.byline ?? normalizeByline(fromReadability.byline);
  if (title) context.title = title;
  if (byline) context.byline = byline;
  if (metadata.site) context.site = metadata.site;
  let paragraphs = cleanParagraphs(fromReadability.paragraphs, context);
  let method: ExtractionMethod = "readability";

  if (wordCount(paragraphs) < MIN_ARTICLE_WORDS) {
    // Readability changed the document it read, so the fallbacks read a fresh copy.
    let fresh = document;
    if (readable) {
      fresh = parseHtmlDocument(html);
      removeBoilerplate(fresh);
    }
    const fallbacks: [ExtractionMethod, string[]][] = [
      ["json-ld", cleanParagraphs(jsonLdBody, context)],
      ["paragraphs", cleanParagraphs(densestParagraphs(fresh), context)],
    ];
    for (const [fallbackMethod, candidate] of fallbacks) {
      if (wordCount(candidate) > wordCount(paragraphs)) {
        paragraphs = candidate;
        method = fallbackMethod;
      }
    }
  }
  if (paragraphs.length === 0) return undefined;

  const article: ExtractedArticle = { ...metadata, paragraphs, method };
  if (title) article.title = title;
  if (byline) article.byline = byline;
  return article;
}

/** The article as parley's plain-text input: the title on the first line, then one paragraph per line. */
export function articleText(article: ExtractedArticle): string {
  const lines = article.title ? [article.title, ...article.paragraphs] : article.paragraphs;
  return lines.join("\n");
}

interface ReadabilityResult {
  paragraphs: string[];
  title?: string;
  byline?: string;
}

function readabilityParagraphs(document: DomDocument, pageUrl: string | undefined): ReadabilityResult {
  let parsed;
  try {
    // The serializer hands back the content element itself, so paragraphs are read from the DOM
    // rather than from re-parsed HTML or from textContent (which loses paragraph breaks).
    parsed = new (readabilityModule().Readability)<DomElement>(document, {
      serializer: (node) => node as unknown as DomElement,
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
    }).parse();
  } catch {
    return { paragraphs: [] };
  }
  if (!parsed) return { paragraphs: [] };
  if (parsed.content) pruneContent(parsed.content, pageUrl);
  const result: ReadabilityResult = { paragraphs: parsed.content ? blockTexts(parsed.content) : [] };
  const title = normalizeSpace(parsed.title ?? "");
  if (title) result.title = title;
  const byline = normalizeSpace(parsed.byline ?? "");
  if (byline) result.byline = byline;
  return result;
}

/** Elements that start a new line of text; everything else flows inline. */
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
  "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "br", "center",
]);
/** Table cells stay on their row's line, separated by a space. */
const CELL_TAGS = new Set(["td", "th"]);
const SKIPPED_TAGS = new Set(["script", "style", "noscript", "template", "svg", "button", "select", "textarea", "figcaption"]);

/** The text of an element as paragraphs: one per block element (or `<br>`-separated run). */
export function blockTexts(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = "";
  const flush = (): void => {
    const text = normalizeSpace(current);
    if (text !== "") paragraphs.push(text);
    current = "";
  };
  // An explicit stack rather than recursion: malformed pages can nest thousands of elements deep.
  // An entry is a node to enter, or the element whose end has been reached.
  const stack: { node: DomNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, leaving } = entry;
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? "";
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.localName;
    if (leaving) {
      if (CELL_TAGS.has(tag)) current += " ";
      if (BLOCK_TAGS.has(tag)) flush();
      continue;
    }
    if (SKIPPED_TAGS.has(tag)) continue;
    if (BLOCK_TAGS.has(tag)) flush();
    if (CELL_TAGS.has(tag)) current += " ";
    stack.push({ node, leaving: true });
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as DomNode, leaving: false });
  }
  flush();
  return paragraphs;
}

function wordCount(paragraphs: string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) count += paragraph.split(/\s+/).filter((word) => word !== "").length;
  return count;
}

/** The JSON-LD `articleBody`, split into paragraphs (read as HTML when a publisher put markup in it). */
function jsonLdParagraphs(document: DomDocument): string[] {
  const body = jsonLdArticleBody(document);
  if (!body) return [];
  const root = /<\/?(p|br|div)\b/i.test(body) ? parseHtmlDocument(`<html><body>${body}</body></html>`).body : null;
  const lines = root ? blockTexts(root) : body.split(/\n+/);
  return lines.map(normalizeSpace).filter((line) => line !== "");
}

/**
 * Last resort for pages Readability cannot score: the element whose direct `<p>` children hold the
 * most text, read as paragraphs.
 */
function densestParagraphs(document: DomDocument): string[] {
  const textByParent = new Map<DomElement, number>();
  for (const paragraph of Array.from(document.getElementsByTagName("p"))) {
    const parent = paragraph.parentElement;
    if (!parent) continue;
    textByParent.set(parent, (textByParent.get(parent) ?? 0) + textOf(paragraph).length);
  }
  let best: DomElement | undefined;
  let bestLength = 0;
  for (const [parent, length] of textByParent) {
    if (length > bestLength) {
      best = parent;
      bestLength = length;
    }
  }
  return best ? blockTexts(best) : [];
}
