/** One mention of an event: its sentence with source, verb and target marked, the rule, and where it was read. */
import type { Mention } from "../api.js";
import { el } from "../dom.js";
import { formatConfidence, formatDate } from "../format.js";
import { highlight, roleSpans } from "../highlight.js";

export interface MentionTitles {
  source?: string;
  verb?: string;
  target?: string;
}

export function mentionCard(mention: Mention, titles: MentionTitles = {}): HTMLElement {
  const articleLink = el("a", { href: `#/article/${encodeURIComponent(mention.articleId)}`, "data-testid": "article-link" }, mention.title ?? mention.articleId);
  const external = mention.url
    ? el("a", { href: mention.url, target: "_blank", rel: "noopener noreferrer", class: "external", "data-testid": "external-link" }, "original ↗")
    : null;
  return el(
    "article",
    { class: "mention", "data-testid": "mention", "data-article-id": mention.articleId },
    el("blockquote", { class: "sentence", "data-testid": "mention-sentence" }, highlight(mention.text, roleSpans(mention.spans, titles))),
    el(
      "dl",
      { class: "facts" },
      el("dt", {}, "Rule"),
      el("dd", { "data-testid": "mention-rule" }, el("code", {}, mention.rule)),
      el("dt", {}, "Confidence"),
      el("dd", { "data-testid": "mention-confidence" }, formatConfidence(mention.confidence)),
      el("dt", {}, "Article"),
      el("dd", {}, articleLink, external ? " · " : null, external),
      el("dt", {}, "Publisher"),
      el("dd", {}, mention.publisher),
      el("dt", {}, "Published"),
      el("dd", {}, formatDate(mention.published)),
      el("dt", {}, "Sentence"),
      el("dd", {}, `#${mention.sentence + 1} in the article`),
    ),
  );
}
