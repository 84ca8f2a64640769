/**
 * Provenance (#/event/<id>): what an event is, and every sentence it was read from — with the words that
 * made it (source, verb, target) marked, the rule that fired, the coder's confidence, and the article.
 */
import { api, type Event } from "../api.js";
import { mentionCard } from "../components/mention-card.js";
import { quadBadge } from "../components/quad-badge.js";
import { el, replace } from "../dom.js";
import { formatEventDate, formatGoldstein, quadStyle } from "../format.js";
import { spanLegend } from "../highlight.js";
import { hashFor } from "../router.js";
import { loadInto } from "../states.js";
import type { ViewContext } from "../view.js";

function actorLink(code: string | null, country: string | null, agent: string | null): HTMLElement {
  if (!code) return el("span", { class: "muted" }, "no target");
  const detail = [country && country !== code ? country : null, agent].filter(Boolean).join(" · ");
  return el("span", { class: "actor" }, el("a", { href: hashFor("events", { actor: code }) }, code), detail ? el("small", {}, ` ${detail}`) : null);
}

function eventSummary(event: Event): HTMLElement {
  const plover = event.ploverEvent ? `${event.ploverEvent}${event.ploverMode ? ` / ${event.ploverMode}` : ""}` : "—";
  const dyadLink = event.target ? el("a", { href: hashFor("dyad", { source: event.sourceCountry ?? event.source, target: event.targetCountry ?? event.target, both: "true" }) }, "dyad timeline") : null;
  return el(
    "section",
    { class: "event-summary", "data-testid": "event-summary", "data-event-id": event.id },
    el(
      "p",
      { class: "who-what-whom" },
      actorLink(event.source, event.sourceCountry, event.sourceAgent),
      el("span", { class: "event-code" }, " ", quadBadge(event.quad), " ", el("code", {}, event.code), " ", el("span", { "data-testid": "event-label" }, event.codeLabel), " "),
      actorLink(event.target, event.targetCountry, event.targetAgent),
    ),
    el(
      "dl",
      { class: "facts" },
      el("dt", {}, "Date"),
      el("dd", { "data-testid": "event-date" }, formatEventDate(event.date, event.datePrecision), event.datePrecision && event.datePrecision !== "day" ? el("small", {}, ` (known to the ${event.datePrecision})`) : null),
      el("dt", {}, "Quad class"),
      el("dd", {}, quadStyle(event.quad).name),
      el("dt", {}, "Goldstein"),
      el("dd", {}, formatGoldstein(event.goldstein)),
      el("dt", {}, "PLOVER"),
      el("dd", {}, plover),
      el("dt", {}, "Reported"),
      el("dd", {}, `${event.numMentions} mention${event.numMentions === 1 ? "" : "s"} in ${event.numArticles} article${event.numArticles === 1 ? "" : "s"} from ${event.numSources} source${event.numSources === 1 ? "" : "s"}`),
      el("dt", {}, "Id"),
      el("dd", {}, el("code", {}, event.id), dyadLink ? " · " : null, dyadLink),
    ),
  );
}

export async function eventView({ root, route, signal }: ViewContext): Promise<void> {
  const id = route.id ?? "";
  const body = el("div", { class: "provenance" });
  replace(root, el("h1", {}, "Event provenance"), body);
  await loadInto(
    body,
    () => api.event(id, signal),
    ({ event, mentions }) => {
      const titles = { source: event.source, verb: `${event.code} ${event.codeLabel}`, ...(event.target ? { target: event.target } : {}) };
      replace(
        body,
        eventSummary(event),
        el("h2", {}, `Read in ${mentions.length} sentence${mentions.length === 1 ? "" : "s"}`, " ", spanLegend()),
        el("div", { class: "mentions", "data-testid": "mentions" }, ...mentions.map((mention) => mentionCard(mention, titles))),
      );
    },
    "Loading the event",
  );
}
