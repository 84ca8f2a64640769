/**
 * Status (#/status): what the store holds (counts, dates, coder versions), articles to add (POST /ingest,
 * when the server has a token), the most active actors, dyads and event codes, and a box to code a text
 * on the spot (POST /code, nothing stored).
 */
import { api, type Status, type TopKind, type TopRow } from "../api.js";
import { el, replace } from "../dom.js";
import { formatDate, formatNumber } from "../format.js";
import { hashFor } from "../router.js";
import { errorBox, isAbort, loadInto } from "../states.js";
import type { ViewContext } from "../view.js";
import { codeTextBox } from "./code-text.js";
import { ingestPanel } from "./ingest-panel.js";

function statusCards(status: Status): HTMLElement {
  const card = (label: string, value: string, testId: string): HTMLElement =>
    el("div", { class: "card", "data-testid": testId }, el("span", { class: "card-value" }, value), el("span", { class: "card-label" }, label));
  return el(
    "div",
    { class: "cards", "data-testid": "status-cards" },
    card("events", formatNumber(status.events), "status-events"),
    card("mentions", formatNumber(status.mentions), "status-mentions"),
    card("articles", formatNumber(status.articles), "status-articles"),
    card("dates", status.firstDate ? `${formatDate(status.firstDate)} – ${formatDate(status.lastDate)}` : "—", "status-dates"),
    card("store", `${status.store}${status.readOnly ? " (read-only)" : ""}`, "status-store"),
    card("ingest", status.ingest ? "POST /ingest on (token)" : "off", "status-ingest"),
  );
}

function versionsTable(status: Status): HTMLElement {
  if (status.versions.length === 0) return el("p", { class: "muted" }, "No coding runs recorded.");
  return el(
    "table",
    { class: "compact", "data-testid": "status-versions" },
    el("thead", {}, el("tr", {}, el("th", {}, "Run"), el("th", {}, "Kind"), el("th", {}, "parley"), el("th", {}, "Dictionaries"), el("th", {}, "Started"))),
    el(
      "tbody",
      {},
      ...status.versions.map((version) =>
        el("tr", {}, el("td", {}, String(version.id)), el("td", {}, version.kind), el("td", {}, version.parleyVersion), el("td", {}, version.dictionaryVersion), el("td", {}, version.started.replace("T", " ").slice(0, 19))),
      ),
    ),
  );
}

/** Where a row of a top list leads: an actor's events, a dyad's timeline, a code's events. */
function topLink(kind: TopKind, row: TopRow): HTMLElement {
  switch (kind) {
    case "actors":
      return el("a", { href: hashFor("events", { actor: row.key }) }, row.key, row.label ? el("small", {}, ` ${row.label}`) : null);
    case "dyads":
      return el("a", { href: hashFor("dyad", { source: row.source ?? "", target: row.target ?? "", both: "true" }) }, `${row.source ?? ""} → ${row.target ?? ""}`);
    case "codes":
      return el("a", { href: hashFor("events", { code: row.key }) }, el("code", {}, row.key), row.label ? ` ${row.label}` : null);
  }
}

function topSection(kind: TopKind, title: string, signal: AbortSignal): HTMLElement {
  const body = el("div", {});
  void loadInto(
    body,
    () => api.top(kind, { limit: 10 }, signal),
    ({ rows }) =>
      replace(
        body,
        rows.length === 0
          ? el("p", { class: "muted" }, "Nothing yet.")
          : el(
              "table",
              { class: "compact", "data-testid": `top-${kind}` },
              el("thead", {}, el("tr", {}, el("th", {}, title), el("th", { class: "num" }, "Events"), el("th", { class: "num" }, "Mentions"))),
              el("tbody", {}, ...rows.map((row) => el("tr", {}, el("td", {}, topLink(kind, row)), el("td", { class: "num" }, formatNumber(row.events)), el("td", { class: "num" }, formatNumber(row.mentions))))),
            ),
      ),
    `Loading top ${kind}`,
  );
  return el("section", { class: "top" }, el("h2", {}, `Top ${kind}`), body);
}

export async function statusView({ root, signal }: ViewContext): Promise<void> {
  const overview = el("section", { "data-testid": "status" });
  const showStatus = (status: Status): void =>
    replace(overview, statusCards(status), el("details", {}, el("summary", {}, `Coding runs (${status.versions.length})`), versionsTable(status)));
  // After an ingest the counts are read again in place, without a loading box over them.
  const refreshStatus = async (): Promise<void> => {
    try {
      showStatus(await api.status(signal));
    } catch (error) {
      if (!isAbort(error)) replace(overview, errorBox(error));
    }
  };
  const ingest = ingestPanel(signal, refreshStatus);
  replace(
    root,
    el("h1", {}, "Status"),
    overview,
    ingest.element,
    el("div", { class: "top-grid" }, topSection("actors", "Actor", signal), topSection("dyads", "Dyad", signal), topSection("codes", "Event code", signal)),
    codeTextBox(signal),
  );
  await loadInto(
    overview,
    () => api.status(signal),
    (status) => {
      showStatus(status);
      ingest.show(status);
    },
    "Loading the store's status",
  );
}
