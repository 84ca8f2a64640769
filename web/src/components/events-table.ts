/** A table of events; a click on a row (or Enter on it) opens the event's provenance. */
import type { Event } from "../api.js";
import { el } from "../dom.js";
import { formatEventDate, formatGoldstein } from "../format.js";
import { hashFor, navigate } from "../router.js";
import { quadBadge } from "./quad-badge.js";

function actorCell(code: string | null): HTMLElement {
  return el("td", { class: "actor" }, code ? el("a", { href: hashFor("events", { actor: code }), title: `events with ${code}` }, code) : "—");
}

export function eventsTable(events: readonly Event[], testId = "events-table"): HTMLElement {
  if (events.length === 0) return el("p", { class: "empty", "data-testid": `${testId}-empty` }, "No events match.");
  const rows = events.map((event) => {
    const href = `#/event/${encodeURIComponent(event.id)}`;
    const row = el(
      "tr",
      { class: `event-row quad-row-${event.quad}`, tabindex: 0, "data-event-id": event.id, "data-testid": "event-row" },
      el("td", { class: "date", title: event.date }, formatEventDate(event.date, event.datePrecision)),
      actorCell(event.source),
      el(
        "td",
        { class: "code" },
        quadBadge(event.quad),
        " ",
        el("a", { href, class: "code-link" }, el("code", {}, event.code)),
        " ",
        event.codeLabel,
      ),
      actorCell(event.target),
      el("td", { class: `num goldstein ${event.goldstein < 0 ? "negative" : "positive"}` }, formatGoldstein(event.goldstein)),
      el("td", { class: "sentence" }, event.sentence ?? ""),
    );
    const open = (): void => navigate(href);
    row.addEventListener("click", (clickEvent) => {
      // Links inside the row (actor codes) go where they point.
      if ((clickEvent.target as Element).closest("a")) return;
      open();
    });
    row.addEventListener("keydown", (keyEvent) => {
      if (keyEvent.key === "Enter") open();
    });
    return row;
  });
  return el(
    "table",
    { class: "events", "data-testid": testId },
    el(
      "thead",
      {},
      el("tr", {}, el("th", {}, "Date"), el("th", {}, "Source"), el("th", {}, "Event"), el("th", {}, "Target"), el("th", { class: "num" }, "Goldstein"), el("th", {}, "Sentence")),
    ),
    el("tbody", {}, ...rows),
  );
}
