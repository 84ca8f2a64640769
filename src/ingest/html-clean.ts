/**
 * Boilerplate removal around main-text extraction, in three passes:
 * - on the page, before Readability scores it (`removeBoilerplate`): elements that are never
 *   article text (captions, share bars, related-story and newsletter blocks, ads, comments, galleries),
 *   recognised by tag or by class/id words, so they neither win the scoring nor ride along;
 * - on the extracted content element (`pruneContent`): blocks made of links, which inside an article
 *   are "related story" teasers rather than text;
 * - on the paragraphs (`cleanParagraphs`): lines that are furniture whatever their markup
 *   ("Advertisement", "Read more: ...", datelines, bylines, photo credits, "Reporting by ...",
 *   a "More stories" heading with the teaser titles under it), and repeats of the title.
 * Rules were tuned on the article-extraction-benchmark (see src/bench/extraction.ts); each is written
 * to match furniture only, so article sentences that mention a newsletter or a photo survive.
 */
import { type DomDocument, type DomElement, textOf } from "./html-dom.js";

/** Elements that never hold article text. */
const NON_CONTENT_TAGS = [
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "button",
  "select", "textarea", "input", "label", "nav", "aside", "figcaption", "dialog",
];

/**
 * Class/id words that mark page furniture, matched against whole words of the attribute (split at
 * anything not a letter or digit, camelCase split too), so "ad" matches "ad-slot" and "top_ad" but
 * not "head" or "shadow".
 */
const BOILERPLATE_WORDS = new Set([
  "credit", "credits", "share", "shares", "sharing", "social", "socials", "addthis", "sharethis",
  "related", "recommended", "recommendations", "trending", "popular", "mostread", "readmore", "morestories",
  "newsletter", "newsletters", "subscribe", "subscription", "signup", "optin", "paywall",
  "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "sponsor",
  "sponsored", "promo", "comment", "comments", "disqus", "breadcrumb", "breadcrumbs", "tags", "taglist",
  "bio", "toolbar", "masthead", "skip", "cookie", "cookies", "gdpr", "timestamp", "dateline", "copyright",
  "tooltip", "popover", "hovercard",
]);

/** Stems matched anywhere in a class/id word ("captionlink", "wp-caption-text", "socialShareBar"). */
const BOILERPLATE_STEMS = ["caption", "sharebar", "sharing", "newsletter", "outbrain", "taboola", "disqus", "breadcrumb", "gallery", "slideshow", "carousel"];

/** Adjacent class/id words that mark furniture though neither word alone does. */
const BOILERPLATE_PHRASES = [
  ["read", "more"], ["more", "stories"], ["also", "read"], ["sign", "up"], ["most", "read"], ["you", "may", "like"],
  ["author", "info"], ["about", "author"], ["image", "credit"], ["photo", "credit"], ["print", "header"], ["print", "only"],
];

/** Never removed by class/id: the page skeleton and elements named as the article body. */
const PROTECTED_TAGS = new Set(["html", "body", "main", "article"]);

/**
 * A furniture-looking element holding more than this share of the page's text, or of the text in
 * its paragraphs, is more likely the article container with an unlucky class ("entry-content
 * entry-content-read-more", "article-body has-share-bar"), and is kept.
 */
const MAX_REMOVED_SHARE = 0.25;

/** Remove non-content elements from the document, in place. */
export function removeBoilerplate(document: DomDocument): void {
  // One walk over the tree: elements that are never text go at once; furniture-looking ones are
  // judged afterwards, when the page's text (without scripts and styles) can be measured.
  // The walk uses an explicit stack: malformed pages can nest thousands of unclosed elements deep.
  const candidates: DomElement[] = [];
  const stack: DomElement[] = [document.documentElement];
  for (let element = stack.pop(); element; element = stack.pop()) {
    if (isNeverText(element)) {
      element.remove();
      continue;
    }
    if (!PROTECTED_TAGS.has(element.localName) && looksLikeBoilerplate(element)) candidates.push(element);
    // Children pushed in reverse, so candidates come out in document order (outer before inner).
    const children = Array.from(element.children);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomElement);
  }

  const pageLength = Math.max(1, textOf(document.body).length);
  const pageParagraphs = Math.max(1, paragraphTextLength(document.body));
  for (const element of candidates) {
    // Descendants of an element already removed are gone with it.
    if (!element.isConnected) continue;
    if (textOf(element).length > pageLength * MAX_REMOVED_SHARE) continue;
    if (paragraphTextLength(element) > pageParagraphs * MAX_REMOVED_SHARE) continue;
    element.remove();
  }
}

const NON_CONTENT = new Set(NON_CONTENT_TAGS);

/** Scripts, form controls, navigation, captions; hidden elements; tag links ("stock car brasil, stock car interlagos"). */
function isNeverText(element: DomElement): boolean {
  const tag = element.localName;
  if (NON_CONTENT.has(tag)) return true;
  if (PROTECTED_TAGS.has(tag) || tag === "head") return false;
  if (element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true") return true;
  const style = element.getAttribute("style");
  if (style && /display\s*:\s*none/i.test(style)) return true;
  return tag === "a" && /(^|\s)tag(\s|$)/i.test(element.getAttribute("rel") ?? "");
}

/** Text in an element's paragraphs: where a page's article text lives, however much furniture surrounds it. */
function paragraphTextLength(element: DomElement | null): number {
  if (!element) return 0;
  let length = 0;
  for (const paragraph of Array.from(element.getElementsByTagName("p"))) length += textOf(paragraph).length;
  return length;
}

/** Whether an element's class, id, role or itemprop names it as furniture. */
export function looksLikeBoilerplate(element: DomElement): boolean {
  const role = element.getAttribute("role")?.toLowerCase();
  if (role === "navigation" || role === "complementary" || role === "contentinfo" || role === "banner") return true;
  if (element.getAttribute("itemprop")?.toLowerCase() === "caption") return true;
  const words = attributeWords(`${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`);
  if (words.some((word) => BOILERPLATE_WORDS.has(word))) return true;
  if (words.some((word) => BOILERPLATE_STEMS.some((stem) => word.includes(stem)))) return true;
  return BOILERPLATE_PHRASES.some((phrase) => containsSequence(words, phrase));
}

function attributeWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

function containsSequence(words: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, k) => words[i + k] === word)) return true;
  }
  return false;
}

/** Blocks that are (nearly) all link text and this short are teasers, not article text. */
const MAX_LINK_BLOCK_WORDS = 25;
const LINK_BLOCK_DENSITY = 0.9;
/** Lists this link-heavy are link lists ("More stories", tags), not article lists. */
const LINK_LIST_DENSITY = 0.7;

/**
 * Remove teasers and link lists from an extracted content element, in place. Only links to the
 * page's own site count: teasers point to the site's other stories, whereas links to other sites
 * (a product in a deals post, an embedded tweet's attribution) are part of what the article says.
 * Embedded quotes and tweets (`blockquote`) are left alone.
 */
export function pruneContent(root: DomElement, pageUrl?: string): void {
  const isInternal = internalLinkTest(pageUrl);
  for (const list of Array.from(root.querySelectorAll("ul, ol"))) {
    if (!list.parentNode || insideBlockquote(list)) continue;
    const items = Array.from(list.children).filter((child) => child.localName === "li");
    if (items.length >= 2 && linkDensity(list, isInternal) >= LINK_LIST_DENSITY) list.remove();
  }
  for (const block of Array.from(root.querySelectorAll("p, li, h2, h3, h4, h5, h6, div"))) {
    if (!block.parentNode || insideBlockquote(block)) continue;
    // Only leaf-like blocks: a div holding paragraphs is judged by its paragraphs.
    if (Array.from(block.children).some((child) => BLOCK_CHILDREN.has(child.localName))) continue;
    const text = textOf(block);
    if (text === "" || wordCount(text) > MAX_LINK_BLOCK_WORDS) continue;
    if (linkDensity(block, isInternal) >= LINK_BLOCK_DENSITY) block.remove();
  }
}

/** Relative links and links to the page's own host (ignoring "www.") are internal; without a page URL only relative ones. */
function internalLinkTest(pageUrl: string | undefined): (href: string) => boolean {
  let host: string | undefined;
  try {
    host = pageUrl ? new URL(pageUrl).hostname.replace(/^www\./, "") : undefined;
  } catch {
    host = undefined;
  }
  return (href) => {
    if (!/^([a-z][a-z0-9+.-]*:)?\/\//i.test(href)) return !/^(mailto|tel|javascript):/i.test(href);
    if (!host) return false;
    try {
      const linkHost = new URL(href, pageUrl).hostname.replace(/^www\./, "");
      return linkHost === host || linkHost.endsWith(`.${host}`) || host.endsWith(`.${linkHost}`);
    } catch {
      return false;
    }
  };
}

function insideBlockquote(element: DomElement): boolean {
  for (let node: DomElement | null = element; node; node = node.parentElement) {
    if (node.localName === "blockquote") return true;
  }
  return false;
}

const BLOCK_CHILDREN = new Set(["p", "div", "ul", "ol", "li", "table", "blockquote", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** Share of an element's text that sits in links to the site itself. */
function linkDensity(element: DomElement, isInternal: (href: string) => boolean): number {
  const total = textOf(element).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.getElementsByTagName("a"))) {
    if (isInternal(link.getAttribute("href") ?? "")) linked += textOf(link).length;
  }
  return Math.min(1, linked / total);
}

export interface LineContext {
  title?: string;
  byline?: string;
  site?: string;
  urls?: string[];
}

/**
 * Paragraphs minus furniture and title repeats near the top. Repeated paragraphs are kept: in
 * interviews and recipes the same question or line legitimately comes back.
 */
export function cleanParagraphs(paragraphs: string[], context: LineContext = {}): string[] {
  const titleKey = context.title ? comparable(context.title) : "";
  const bylineKey = context.byline ? comparable(context.byline) : "";
  const siteKey = context.site ? comparable(context.site) : "";
  const urlKeys = new Set((context.urls ?? []).map(urlKey));
  const kept: string[] = [];
  let inTeasers = false;
  for (const paragraph of paragraphs) {
    if (!/[\p{L}\p{N}]/u.test(paragraph)) continue;
    if (inTeasers) {
      if (looksLikeTeaser(paragraph)) continue;
      inTeasers = false;
    }
    if (isTeaserHeading(paragraph)) {
      inTeasers = true;
      continue;
    }
    const key = comparable(paragraph);
    if (isBoilerplateLine(paragraph)) continue;
    if (kept.length < 5 && titleKey !== "" && key === titleKey) continue;
    if (bylineKey !== "" && (key === bylineKey || key === `by ${bylineKey}`)) continue;
    if (siteKey !== "" && key === siteKey) continue;
    if (urlKeys.has(urlKey(paragraph))) continue;
    kept.push(paragraph);
  }
  return kept;
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function urlKey(text: string): string {
  return text.trim().toLowerCase().replace(/^https?:\/\/(www\.)?/, "").replace(/\/+$/, "");
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** One-line furniture, matched case-insensitively against the whole line (trailing dots and colons ignored). */
const FURNITURE_LINES = new Set([
  "advertisement", "advertising", "advert", "ad", "sponsored", "sponsored content", "story continues below",
  "story continues below advertisement", "continue reading", "continue reading below", "caption", "close", "tags",
  "loading", "loading content", "print", "print article", "text size", "order reprints", "view author archive",
  "email the author", "follow on twitter", "home", "subscribe", "latest", "popular", "breaking news", "latest news",
  "top stories", "share", "share this", "share this article", "share this story", "tweet", "email", "comments",
  "comment", "menu", "search", "skip to content", "log in", "sign in", "register", "back to top", "previous", "next",
  "next article", "previous article", "this slideshow requires javascript", "view comments", "post a comment",
  "leave a comment", "join the conversation", "tell us what you think", "by", "iklan", "publicidade", "publicidad",
  "anzeige", "werbung", "pubblicità", "реклама", "learn more", "see more photos", "disclaimer",
]);

/** Furniture that must match the whole line. */
const BOILERPLATE_LINES: RegExp[] = [
  /^scroll to continue\b/i,
  /^(read|see|watch|listen)( (more|also|next|the full story|full story))?\s*[:>»|]/i,
  /^(related|recommended|also read|read more|more from [^:]{1,40}|related (articles?|stories|coverage|content|links?|posts?))\s*[:>»|]/i,
  /^\[?related( post)?:.*\]?$/i,
  /^(sign up|subscribe|join|get|download)\b.{0,150}\b(newsletters?|inbox|youtube|channel|podcast|forums?|app|magazine)\b/i,
  /\bclick(ing)? here\b/i,
  /^(share|share on \w+|\d+ comments?|\d+ shares?)$/i,
  /^(follow|like) (us|him|her|them|@\w+) on (twitter|facebook|instagram)/i,
  /^(photo|image|picture|video|graphic|illustration|main image)( credit| source)?\s*:\s*.{0,150}$/i,
  /^\(?(photo|image|picture)s? (by|courtesy( of)?)\b.{0,150}$/i,
  /^(image|photo|slide|picture)?\s*\d+\s*(of|\/)\s*\/?\s*\d+$/i,
  /^(copyright|©)\s.{0,200}$/i,
  /\ball rights reserved\.?$/i,
  /^(this (article|story) (was )?(originally )?(appeared|published) (on|in)|originally published (on|in|at))\b/i,
  /^we (use|value) cookies\b/i,
  /^citation:/i,
  /^this document is subject to copyright\b/i,
  /^(tags?|categories|category|filed under|topics?)\s*:/i,
  /^\(?(reporting|additional reporting|writing|editing|compiled|contributing)(\s+by\b|\s*:)/i,
  /\bcontributed (to )?(this )?report(ing)?( from [^.]{1,60})?\.?\)?$/i,
  /^(reading time|tempo de leitura|temps de lecture|lesezeit)\s*:/i,
  /^\d+\s+min(ute)?s?\s+read$/i,
  /^in this (undated |file |handout |[\w.]+ \d{1,2},? \d{4},? )*(file )?(photo|image|picture)\b/i,
  /\((ap|afp|reuters|getty images|epa)( photo)?\/[^)]{1,80}\)$/i,
];

/** Short lines crediting an agency or photographer. */
const CREDIT_LINE = /(getty images|shutterstock|ap photo|\/afp|\/reuters|\/epa\b|\bistock|alamy|\bpa images|handout)/i;
/** Short lines naming only an agency or the desk. */
const AGENCY_LINE = /^(the )?(associated press|ap|reuters|afp|agence france-presse|staff reports?|wire services|[\w .]+ wire services|news agencies|source: [\w ,]+)$/i;
/** "Tom Krisher, AP Auto Writer" */
const WRITER_LINE = /^[\p{Lu}][\p{L}.'’ -]{1,60}(, | and )[\p{L}.'’ ,-]{0,60}\b(writer|writers|correspondent|reporter|editor|staff)$/iu;
/** Lines giving a reporter's contact details. */
const CONTACT_LINE = /(\b[\w.+-]+@[\w-]+\.[\w.]+\b|@\w{2,}|twitter\.com\/\w+)/;
const CONTACT_WORDS = /\b(follow|email|e-mail|write to|reach|reached|contact)\b/i;

/** Whether a paragraph is furniture: ads, calls to action, credits, datelines, bylines. */
export function isBoilerplateLine(line: string): boolean {
  const words = wordCount(line);
  const bare = line.toLowerCase().replace(/[\s.:…|]+$/g, "").replace(/^[\s|]+/, "").trim();
  if (FURNITURE_LINES.has(bare)) return true;
  // Furniture is short; a long paragraph starting "Read more about..." is article text.
  if (words > 40) return false;
  if (BOILERPLATE_LINES.some((pattern) => pattern.test(line))) return true;
  if (words <= 10 && CREDIT_LINE.test(line)) return true;
  if (words <= 8 && AGENCY_LINE.test(line.trim().replace(/[.:]$/, ""))) return true;
  if (words <= 12 && WRITER_LINE.test(line.trim())) return true;
  if (CONTACT_LINE.test(line) && CONTACT_WORDS.test(line) && !/^[—–-]/.test(line.trim())) return true;
  if (isDateline(line) || isBylineLine(line)) return true;
  return false;
}

const DATE_WORDS = new RegExp(
  "^(" +
    [
      // months and weekdays, English and the main Romance/Germanic languages
      "jan(uary)?", "feb(ruary)?", "mar(ch)?", "apr(il)?", "may", "june?", "july?", "aug(ust)?", "sept?(ember)?",
      "oct(ober)?", "nov(ember)?", "dec(ember)?", "mon(day)?", "tue(s|sday)?", "wed(nesday)?", "thu(rs|rsday)?",
      "fri(day)?", "sat(urday)?", "sun(day)?", "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
      "agosto", "setembro", "outubro", "novembro", "dezembro", "enero", "febrero", "marzo", "mayo", "junio", "julio",
      "septiembre", "octubre", "noviembre", "diciembre", "janvier", "février", "mars", "avril", "mai", "juin",
      "juillet", "août", "septembre", "octobre", "décembre", "januar", "februar", "märz", "juni", "juli",
      "oktober", "dezember", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
      "dicembre", "ago", "set", "out", "dez", "segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo",
      "feira", "lunes", "martes", "miércoles", "jueves", "viernes", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
      "samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
      // clock and zone words
      "am", "pm", "a\\.m", "p\\.m", "a\\.m\\.", "p\\.m\\.", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "hst",
      "gmt", "utc", "bst", "cet", "cest", "ist", "et", "pt", "ct", "amt", "msk", "jst",
      // the words around them
      "updated", "update", "published", "publish", "posted", "last", "modified", "original", "originally", "on",
      "at", "today", "yesterday", "ago", "day", "days", "hour", "hours", "hr", "hrs", "minute", "minutes", "min",
      "mins", "and", "de", "às", "um", "le", "il", "del", "publicado", "actualizado", "atualizado", "em",
      "aktualisiert", "veröffentlicht", "publié", "mis", "à", "jour", "pubblicato", "aggiornato", "the", "of",
    ].join("|") +
    ")$",
  "iu",
);

/**
 * "Updated 1:39 am EST, Wednesday, November 20, 2019", "PUBLISHED: 10:48, Tue, Nov 19, 2019",
 * "segunda-feira, 22 de janeiro de 2018 às 0:13", "Published 1 day ago": a short line made only of
 * date and time words and numbers.
 */
export function isDateline(line: string): boolean {
  const tokens = line.split(/[\s,;|/·•–—:()-]+/).filter((token) => token !== "");
  if (tokens.length === 0 || tokens.length > 16) return false;
  if (!tokens.some((token) => /\d/.test(token))) return false;
  return tokens.every((token) => /^\d/.test(token) || /\d$/.test(token) || DATE_WORDS.test(token.replace(/\.$/, "")));
}

/** "By Scott Gordon", "By Justine Coleman - 11/18/19 11:04 PM EST", "By HNN Staff | November 18, 2019". */
export function isBylineLine(line: string): boolean {
  const match = /^by\s+(.+)$/i.exec(line.trim());
  if (!match?.[1]) return false;
  // The byline proper ends where a dateline or a separator begins.
  const name = match[1].split(/\s+[|–—-]\s+|\s*\|\s*/)[0] ?? "";
  const rest = match[1].slice(name.length);
  const nameWords = name.split(/\s+/).filter((word) => word !== "");
  if (nameWords.length === 0 || nameWords.length > 8) return false;
  const capitalised = nameWords.filter((word) => /^[\p{Lu}]/u.test(word)).length;
  const connectors = nameWords.filter((word) => /^(and|de|da|van|von|der|la|le|del|di|bin|al|&|,)$/i.test(word.replace(/,$/, ""))).length;
  if (capitalised + connectors < nameWords.length) return false;
  return rest.trim() === "" || isDateline(rest.replace(/^[\s|–—-]+/, "")) || /^[\s|–—-]+/.test(rest);
}

/**
 * Headings that introduce a block of links to other stories ("More News from Sci-Tech", "You may
 * also like", "DON'T MISS"): the heading and the teaser titles after it are dropped.
 */
const TEASER_HEADING =
  /^(you (may|might) (also )?(like|enjoy)|related( (news|stories|articles|posts|coverage|content|links|reading|videos?))?|more (great )?[\p{L}'’. -]{0,30}(stories|news|articles|headlines)( from [\p{L}'’ .-]{1,40})?|(more|latest|top|trending) (news|stories|headlines)|don'?t miss|recommended( for you| stories| reading| articles)?|read (next|also)|trending( now| stories)?|most (popular|read|viewed|shared)|popular (posts|stories|articles)|what to read next|also on [\p{L}. ]{1,30}|see also|further reading|leggi anche|lesen sie auch|mais lidas|veja também|leia também|related coverage( from [^:]{1,60})?|more from [\p{L}'’ .-]{1,40}|more on this( story)?)\s*[:.…!]*$/iu;

export function isTeaserHeading(line: string): boolean {
  return wordCount(line) <= 10 && TEASER_HEADING.test(line.trim());
}

/** A teaser title: short and not a sentence (no closing full stop), or tagged like "[VIDEO]". */
function looksLikeTeaser(line: string): boolean {
  const text = line.trim();
  if (/\[(video|insight|news|reaction|warning|pictures|photos|gallery|poll|live)\]\s*\|?$/i.test(text)) return true;
  return wordCount(text) <= 20 && !/[.!?]["”’)]?$/.test(text);
}
