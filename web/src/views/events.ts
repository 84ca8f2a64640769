/**
 * Events table (#/events?from&to&actor&source&target&code&root&quad&plover&q&limit&offset): every filter of
 * GET /events, paged. A row opens the event's provenance.
 */
import { api, type CodeEntry } from "../api.js";
import { eventsTable } from "../components/events-table.js";
import { pager } from "../components/pager.js";
import { el, replace } from "../dom.js";
import { QUADS } from "../format.js";
import { hashFor, navigate } from "../router.js";
import { loadInto } from "../states.js";
import type { ViewContext } from "../view.js";

const FILTERS = ["from", "to", "actor", "source", "target", "code", "root", "quad", "plover", "q"] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZES = [25, 50, 100, 250, 500];
const DEFAULT_LIMIT = 50;

/** Actor codes are upper-case; what a user types in lower case means the same code. */
const UPPER_CASE: ReadonlySet<Filter> = new Set(["actor", "source", "target"]);

interface TextFilter {
  name: Filter;
  label: string;
  placeholder: string;
  size: number;
  list?: string;
}

const TEXT_FILTERS: readonly TextFilter[] = [
  { name: "from", label: "From", placeholder: "YYYY-MM-DD", size: 10 },
  { name: "to", label: "To", placeholder: "YYYY-MM-DD", size: 10 },
  { name: "actor", label: "Actor", placeholder: "source or target", size: 9 },
  { name: "source", label: "Source", placeholder: "e.g. RUS", size: 8 },
  { name: "target", label: "Target", placeholder: "e.g. UKR", size: 8 },
  { name: "code", label: "CAMEO code", placeholder: "e.g. 042", size: 6, list: "cameo-codes" },
  { name: "root", label: "Root", placeholder: "e.g. 19", size: 4 },
  { name: "plover", label: "PLOVER", placeholder: "e.g. CONSULT", size: 10, list: "plover-types" },
  { name: "q", label: "Text", placeholder: "words in the sentence", size: 16 },
];

function readLimit(params: URLSearchParams): number {
  const limit = Number(params.get("limit"));
  return Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_LIMIT;
}

function readOffset(params: URLSearchParams): number {
  const offset = Number(params.get("offset"));
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** Suggestions for the code and PLOVER boxes, from GET /codes (the boxes work without them). */
async function fillCodeLists(codes: HTMLDataListElement, plover: HTMLDataListElement, signal: AbortSignal): Promise<void> {
  let entries: CodeEntry[];
  try {
    entries = (await api.codes(signal)).codes;
  } catch {
    return;
  }
  replace(codes, ...entries.map((entry) => el("option", { value: entry.code }, `${entry.code} ${entry.label}`)));
  const types = [...new Set(entries.map((entry) => entry.plover).filter((type): type is string => Boolean(type)))].sort();
  replace(plover, ...types.map((type) => el("option", { value: type })));
}

function filterForm(params: URLSearchParams, limit: number, signal: AbortSignal): HTMLFormElement {
  const codeList = el("datalist", { id: "cameo-codes" });
  const ploverList = el("datalist", { id: "plover-types" });
  void fillCodeLists(codeList, ploverList, signal);
  const quad = params.get("quad") ?? "";
  const form = el(
    "form",
    { class: "filters", "data-testid": "events-form" },
    ...TEXT_FILTERS.map((filter) =>
      el(
        "label",
        { class: "field" },
        el("span", {}, filter.label),
        el("input", { name: filter.name, value: params.get(filter.name) ?? "", placeholder: filter.placeholder, size: filter.size, list: filter.list, "data-testid": `filter-${filter.name}` }),
      ),
    ),
    el(
      "label",
      { class: "field" },
      el("span", {}, "Quad class"),
      el(
        "select",
        { name: "quad", "data-testid": "filter-quad" },
        el("option", { value: "" }, "any"),
        ...QUADS.map((style) => el("option", { value: style.quad, selected: String(style.quad) === quad }, `${style.quad} ${style.name}`)),
      ),
    ),
    el(
      "label",
      { class: "field" },
      el("span", {}, "Per page"),
      el("select", { name: "limit", "data-testid": "filter-limit" }, ...PAGE_SIZES.map((size) => el("option", { value: size, selected: size === limit }, String(size)))),
    ),
    el("button", { type: "submit", class: "primary", "data-testid": "events-submit" }, "Filter"),
    el("a", { href: "#/events", class: "button", "data-testid": "events-clear" }, "Clear"),
    codeList,
    ploverList,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const name of FILTERS) {
      const value = String(data.get(name) ?? "").trim();
      values[name] = UPPER_CASE.has(name) && /^[a-z]{3,30}$/i.test(value) ? value.toUpperCase() : value;
    }
    const pageSize = Number(data.get("limit"));
    navigate(hashFor("events", { ...values, limit: pageSize === DEFAULT_LIMIT ? "" : pageSize }));
  });
  return form;
}

export async function eventsView({ root, route, signal }: ViewContext): Promise<void> {
  const params = route.params;
  const limit = readLimit(params);
  const offset = readOffset(params);
  const results = el("section", { class: "results", "data-testid": "events-results" });
  const form = filterForm(params, limit, signal);
  replace(root, el("h1", {}, "Events"), form, results);

  const query: Record<string, string | number> = { limit, offset };
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  await loadInto(
    results,
    () => api.events(query, signal),
    (page) => {
      const go = (newOffset: number): void => {
        const next = new URLSearchParams(params);
        if (newOffset > 0) next.set("offset", String(newOffset));
        else next.delete("offset");
        navigate(hashFor("events", Object.fromEntries(next)));
      };
      replace(results, pager(page.total, page.limit, page.offset, go), eventsTable(page.events), page.total > page.limit ? pager(page.total, page.limit, page.offset, go) : null);
    },
    "Loading events",
    form,
  );
}
