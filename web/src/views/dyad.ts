/**
 * Dyad explorer (#/dyad?source=RUS&target=UKR&by=month&both=true): how one actor treated another over
 * time — events per quad class as stacked bars, the mean Goldstein score as a line — and, for a clicked
 * period, the events behind the bars.
 */
import { api, type DyadSeries, type Event, type Period } from "../api.js";
import { actorInput } from "../components/actor-input.js";
import { eventsTable } from "../components/events-table.js";
import { el, replace } from "../dom.js";
import { formatGoldstein, formatNumber } from "../format.js";
import { periodRange } from "../periods.js";
import { hashFor, navigate } from "../router.js";
import { errorBox, loadInto } from "../states.js";
import type { ViewContext } from "../view.js";
import { drawDyadChart } from "./dyad-chart.js";

const PERIODS: readonly Period[] = ["day", "week", "month", "year"];
const EVENTS_PER_DIRECTION = 100;

interface DyadQuery {
  source: string;
  target: string;
  by: Period;
  both: boolean;
  from: string;
  to: string;
}

/** Codes are upper-case CAMEO letters; a lower-case "rus" is what the user meant by "RUS". */
function actorValue(value: string): string {
  const trimmed = value.trim();
  return /^[a-z]{3,30}$/i.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}

function readQuery(params: URLSearchParams): DyadQuery {
  const by = params.get("by");
  return {
    source: params.get("source") ?? "",
    target: params.get("target") ?? "",
    by: PERIODS.includes(by as Period) ? (by as Period) : "month",
    both: params.get("both") === "true",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
}

function dyadHash(query: DyadQuery, period?: string): string {
  return hashFor("dyad", { source: query.source, target: query.target, by: query.by, both: query.both ? "true" : "", from: query.from, to: query.to, period });
}

function select(name: string, value: string, options: ReadonlyArray<[string, string]>): HTMLSelectElement {
  return el("select", { name, "data-testid": `dyad-${name}` }, ...options.map(([optionValue, text]) => el("option", { value: optionValue, selected: optionValue === value }, text)));
}

function textField(name: string, label: string, value: string, placeholder: string): HTMLElement {
  return el("label", { class: "field" }, el("span", {}, label), el("input", { name, value, placeholder, size: 10, "data-testid": `dyad-${name}` }));
}

function dyadForm(query: DyadQuery, signal: AbortSignal): HTMLFormElement {
  const source = actorInput({ name: "source", label: "Source", value: query.source, placeholder: "e.g. RUS", signal });
  const target = actorInput({ name: "target", label: "Target", value: query.target, placeholder: "e.g. UKR", signal });
  const swap = el("button", { type: "button", class: "swap", title: "Swap source and target", "data-testid": "dyad-swap" }, "⇄");
  swap.addEventListener("click", () => {
    [source.input.value, target.input.value] = [target.input.value, source.input.value];
  });
  const form = el(
    "form",
    { class: "filters", "data-testid": "dyad-form" },
    source.field,
    swap,
    target.field,
    el("label", { class: "field" }, el("span", {}, "By"), select("by", query.by, PERIODS.map((period) => [period, period]))),
    el(
      "label",
      { class: "field" },
      el("span", {}, "Direction"),
      select("both", query.both ? "true" : "false", [
        ["false", "source → target"],
        ["true", "both directions"],
      ]),
    ),
    textField("from", "From", query.from, "YYYY-MM-DD"),
    textField("to", "To", query.to, "YYYY-MM-DD"),
    el("button", { type: "submit", class: "primary", "data-testid": "dyad-submit" }, "Show"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string): string => String(data.get(name) ?? "").trim();
    navigate(
      dyadHash({
        source: actorValue(source.input.value),
        target: actorValue(target.input.value),
        by: value("by") as Period,
        both: value("both") === "true",
        from: value("from"),
        to: value("to"),
      }),
    );
  });
  return form;
}

/** When no dyad is chosen yet: the busiest ones, one click away. */
async function topDyads(target: HTMLElement, query: DyadQuery, signal: AbortSignal): Promise<void> {
  await loadInto(
    target,
    () => api.top("dyads", { limit: 12, from: query.from, to: query.to }, signal),
    ({ rows }) => {
      const picks = rows.filter((row) => row.source && row.target);
      replace(
        target,
        el("p", { class: "hint" }, picks.length ? "Pick two actors above, or one of the busiest dyads:" : "Pick two actors above."),
        el(
          "ul",
          { class: "chips", "data-testid": "top-dyads" },
          ...picks.map((row) =>
            el("li", {}, el("a", { href: dyadHash({ ...query, source: row.source!, target: row.target! }), class: "chip", "data-testid": "top-dyad" }, `${row.source} → ${row.target}`, el("small", {}, formatNumber(row.events)))),
          ),
        ),
      );
    },
    "Loading the busiest dyads",
  );
}

function summary(data: DyadSeries): HTMLElement {
  const events = data.series.reduce((sum, point) => sum + point.events, 0);
  const goldstein = data.series.reduce((sum, point) => sum + point.goldsteinSum, 0);
  const arrow = data.both ? "⇄" : "→";
  return el(
    "p",
    { class: "summary", "data-testid": "dyad-summary", "data-events": events },
    el("strong", {}, `${data.source} ${arrow} ${data.target}`),
    events === 0
      ? ": no events."
      : `: ${formatNumber(events)} events in ${data.series.length} ${data.by === "day" ? "days" : `${data.by}s`}, mean Goldstein ${formatGoldstein(goldstein / events)}. Click a bar to read its events; drag on the slider or use the zoom tool to zoom.`,
  );
}

/** Both directions: two questions, one list, newest first. */
async function periodEvents(query: DyadQuery, period: string, signal: AbortSignal): Promise<{ events: Event[]; total: number }> {
  const range = periodRange(period);
  const dates = range ?? { from: query.from, to: query.to };
  const ask = (source: string, target: string) => api.events({ source, target, from: dates.from, to: dates.to, limit: EVENTS_PER_DIRECTION }, signal);
  const answers = await Promise.all(query.both ? [ask(query.source, query.target), ask(query.target, query.source)] : [ask(query.source, query.target)]);
  const events = answers.flatMap((answer) => answer.events).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return { events, total: answers.reduce((sum, answer) => sum + answer.total, 0) };
}

function showPeriod(target: HTMLElement, query: DyadQuery, period: string, signal: AbortSignal): void {
  target.dataset["period"] = period;
  void loadInto(
    target,
    () => periodEvents(query, period, signal),
    ({ events, total }) => {
      const shown = events.length < total ? ` (newest ${events.length} shown)` : "";
      replace(
        target,
        el("h2", { "data-testid": "period-title" }, `Events in ${period}: ${query.source} ${query.both ? "⇄" : "→"} ${query.target}`, el("small", {}, ` ${formatNumber(total)} events${shown}`)),
        eventsTable(events, "period-events-table"),
      );
    },
    `Loading the events of ${period}`,
  );
}

export async function dyadView({ root, route, signal, onLeave }: ViewContext): Promise<void> {
  const query = readQuery(route.params);
  const chartBox = el("div", { class: "chart-area" });
  const periodBox = el("section", { class: "period-events", "data-testid": "period-events" });
  const form = dyadForm(query, signal);
  replace(root, el("h1", {}, "Dyad explorer"), form, chartBox, periodBox);

  if (!query.source || !query.target) {
    await topDyads(chartBox, query, signal);
    return;
  }

  await loadInto(
    chartBox,
    () => api.dyad({ source: query.source, target: query.target, by: query.by, both: query.both, from: query.from, to: query.to }, signal),
    (data) => {
      const chartElement = el("div", { class: "chart", "data-testid": "dyad-chart" });
      replace(chartBox, summary(data), chartElement);
      if (data.series.length === 0) {
        chartElement.replaceWith(el("p", { class: "empty", "data-testid": "dyad-empty" }, "No events between these actors in this period. Try both directions, or other dates."));
        return;
      }
      try {
        const chart = drawDyadChart(chartElement, data, route.params.get("period"), (period) => {
          // The chosen period goes into the address (shareable) without redrawing the chart.
          history.replaceState(null, "", dyadHash(query, period));
          showPeriod(periodBox, query, period, signal);
        });
        onLeave(() => chart.dispose());
      } catch (error) {
        replace(chartBox, errorBox(error));
      }
    },
    `Loading ${query.source} → ${query.target}`,
    form,
  );

  const period = route.params.get("period");
  if (period) showPeriod(periodBox, query, period, signal);
}
