/** "Code a text": paste news text, see the events parley reads in it with their words marked (nothing is stored). */
import { api, type CodedEvent } from "../api.js";
import { quadBadge } from "../components/quad-badge.js";
import { el, replace } from "../dom.js";
import { formatGoldstein, formatPlover } from "../format.js";
import { highlight, roleSpans, spanLegend } from "../highlight.js";
import { loadInto } from "../states.js";

const EXAMPLE = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday. Ukrainian forces shelled Russian positions near Kursk.";

function codedEventCard(event: CodedEvent): HTMLElement {
  const ploverType = formatPlover(event.plover);
  const plover = ploverType ? ` · PLOVER ${ploverType}` : "";
  return el(
    "article",
    { class: "mention", "data-testid": "coded-event" },
    el(
      "p",
      { class: "who-what-whom" },
      el("strong", {}, event.source),
      " ",
      quadBadge(event.quad),
      " ",
      el("code", {}, event.code),
      ` ${event.codeLabel} `,
      el("strong", {}, event.target ?? "—"),
      el("small", { class: "muted" }, ` ${event.date} · Goldstein ${formatGoldstein(event.goldstein)}${plover}`),
    ),
    el("blockquote", { class: "sentence" }, highlight(event.text, roleSpans(event.spans, { source: event.source, verb: `${event.code} ${event.codeLabel}`, ...(event.target ? { target: event.target } : {}) }))),
    el("p", { class: "rule" }, "Rule: ", ...event.rule.flatMap((step, index) => [index > 0 ? " | " : "", el("code", {}, step)])),
  );
}

export function codeTextBox(signal: AbortSignal): HTMLElement {
  const text = el("textarea", { name: "text", rows: 5, placeholder: EXAMPLE, "data-testid": "code-text" });
  const date = el("input", { name: "date", placeholder: "YYYY-MM-DD", size: 12, "data-testid": "code-date" });
  const results = el("div", { class: "code-results", "data-testid": "code-results" });
  const form = el(
    "form",
    { class: "code-form", "data-testid": "code-form" },
    text,
    el("div", { class: "row" }, el("label", { class: "field inline" }, el("span", {}, "Date of the text (empty: today)"), date), el("button", { type: "submit", class: "primary", "data-testid": "code-submit" }, "Code it")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = { text: text.value.trim() || EXAMPLE, ...(date.value.trim() ? { date: date.value.trim() } : {}) };
    void loadInto(
      results,
      () => api.code(body, signal),
      ({ events }) =>
        replace(
          results,
          events.length === 0
            ? el("p", { class: "empty", "data-testid": "code-empty" }, "No events found in this text.")
            : el("div", {}, el("p", { class: "summary" }, `${events.length} event${events.length === 1 ? "" : "s"} `, spanLegend()), ...events.map(codedEventCard)),
        ),
      "Coding",
    );
  });
  return el("section", { class: "code-box" }, el("h2", {}, "Code a text"), el("p", { class: "muted" }, "Paste a news text: parley shows the events it reads and the words behind them. Nothing is stored."), form, results);
}
