/**
 * An article (#/article/<id>): its text with every coded sentence's source, verb and target marked, and the
 * events read from it. Sentences are found in the text by their own words, in order (the API gives each
 * mention's sentence, not its place in the article).
 */
import { api, type Article, type ArticleMention } from "../api.js";
import { quadBadge } from "../components/quad-badge.js";
import { el, replace } from "../dom.js";
import { formatDate, formatGoldstein } from "../format.js";
import { highlight, roleSpans, spanLegend, type RoleSpan } from "../highlight.js";
import { loadInto } from "../states.js";
import type { ViewContext } from "../view.js";

/** Every mention's spans as offsets into the article text; mentions whose sentence is not found are left out. */
export function articleSpans(text: string, mentions: readonly ArticleMention[]): RoleSpan[] {
  const bySentence = [...mentions].sort((a, b) => a.sentence - b.sentence);
  const spans: RoleSpan[] = [];
  const sentenceStart = new Map<number, number>();
  let searchFrom = 0;
  for (const mention of bySentence) {
    let start = sentenceStart.get(mention.sentence);
    if (start === undefined) {
      const found = text.indexOf(mention.text, searchFrom);
      if (found === -1) continue;
      start = found;
      sentenceStart.set(mention.sentence, found);
      searchFrom = found + mention.text.length;
    }
    spans.push(...roleSpans(mention.spans, { source: mention.source, verb: `${mention.code} ${mention.codeLabel}`, ...(mention.target ? { target: mention.target } : {}) }, start));
  }
  return spans;
}

function header(article: Article): HTMLElement {
  return el(
    "header",
    { class: "article-header" },
    el("h1", { "data-testid": "article-title" }, article.title ?? article.id),
    el(
      "p",
      { class: "muted" },
      [article.publisher, formatDate(article.published), article.language].filter(Boolean).join(" · "),
      article.url ? " · " : null,
      article.url ? el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer", "data-testid": "external-link" }, "original article ↗") : null,
      article.duplicateOf ? el("span", {}, " · duplicate of ", el("a", { href: `#/article/${encodeURIComponent(article.duplicateOf)}` }, article.duplicateOf)) : null,
    ),
  );
}

function eventList(mentions: readonly ArticleMention[]): HTMLElement {
  const seen = new Set<string>();
  const unique = mentions.filter((mention) => !seen.has(mention.eventId) && seen.add(mention.eventId));
  return el(
    "ul",
    { class: "article-events", "data-testid": "article-events" },
    ...unique.map((mention) =>
      el(
        "li",
        {},
        quadBadge(mention.quad),
        " ",
        el("a", { href: `#/event/${encodeURIComponent(mention.eventId)}` }, `${mention.source} `, el("code", {}, mention.code), ` ${mention.codeLabel} `, mention.target ?? ""),
        el("small", {}, ` Goldstein ${formatGoldstein(mention.goldstein)}`),
      ),
    ),
  );
}

export async function articleView({ root, route, signal }: ViewContext): Promise<void> {
  const id = route.id ?? "";
  const body = el("div", { class: "article" });
  replace(root, body);
  await loadInto(
    body,
    () => api.article(id, signal),
    ({ article, mentions }) => {
      replace(
        body,
        header(article),
        el("div", { class: "article-layout" }, el("div", { class: "article-text", "data-testid": "article-text" }, highlight(article.text, articleSpans(article.text, mentions))), el("aside", {}, el("h2", {}, `${new Set(mentions.map((mention) => mention.eventId)).size} events`), spanLegend(), eventList(mentions))),
      );
    },
    "Loading the article",
  );
}
