/**
 * Network (#/network?from&to&level&minEvents&limit): who acts on whom in a period. Clicking an actor
 * opens its events; clicking an edge opens the dyad's events.
 */
import { api, type Network } from "../api.js";
import { el, replace } from "../dom.js";
import { formatNumber } from "../format.js";
import { hashFor, navigate } from "../router.js";
import { errorBox, loadInto } from "../states.js";
import type { ViewContext } from "../view.js";
import { drawNetwork } from "./network-graph.js";

interface NetworkQuery {
  from: string;
  to: string;
  level: "country" | "actor";
  minEvents: string;
  limit: string;
  actor: string;
}

function readQuery(params: URLSearchParams): NetworkQuery {
  return {
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    level: params.get("level") === "actor" ? "actor" : "country",
    minEvents: params.get("minEvents") ?? "",
    limit: params.get("limit") ?? "",
    actor: params.get("actor") ?? "",
  };
}

function field(name: keyof NetworkQuery, label: string, value: string, placeholder: string, size = 10): HTMLElement {
  return el("label", { class: "field" }, el("span", {}, label), el("input", { name, value, placeholder, size, "data-testid": `network-${name}` }));
}

function networkForm(query: NetworkQuery): HTMLFormElement {
  const form = el(
    "form",
    { class: "filters", "data-testid": "network-form" },
    field("from", "From", query.from, "YYYY-MM-DD"),
    field("to", "To", query.to, "YYYY-MM-DD"),
    field("actor", "Around actor", query.actor, "e.g. IRN", 8),
    el(
      "label",
      { class: "field" },
      el("span", {}, "Level"),
      el(
        "select",
        { name: "level", "data-testid": "network-level" },
        el("option", { value: "country", selected: query.level === "country" }, "countries"),
        el("option", { value: "actor", selected: query.level === "actor" }, "actors"),
      ),
    ),
    field("minEvents", "Min. events", query.minEvents, "1", 4),
    field("limit", "Max. edges", query.limit, "150", 4),
    el("button", { type: "submit", class: "primary", "data-testid": "network-submit" }, "Show"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string): string => String(data.get(name) ?? "").trim();
    navigate(hashFor("network", { from: value("from"), to: value("to"), actor: value("actor").toUpperCase(), level: value("level") === "actor" ? "actor" : "", minEvents: value("minEvents"), limit: value("limit") }));
  });
  return form;
}

function legend(): HTMLElement {
  return el(
    "div",
    { class: "legend network-legend" },
    el("span", { class: "swatch", style: "background:#2f9e44" }),
    "cooperation",
    el("span", { class: "swatch", style: "background:#adb5bd" }),
    "mixed",
    el("span", { class: "swatch", style: "background:#e03131" }),
    "conflict",
    el("span", { class: "muted" }, " · node size and edge width: events · arrows point at the target"),
  );
}

/** The same actors as a list: readable, keyboard-reachable, and sorted by activity. */
function nodeList(network: Network, query: NetworkQuery): HTMLElement {
  const nodes = [...network.nodes].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
  return el(
    "ol",
    { class: "node-list", "data-testid": "network-nodes" },
    ...nodes.map((node) => el("li", {}, el("a", { href: hashFor("events", { actor: node.id, from: query.from, to: query.to }) }, node.id), el("small", {}, formatNumber(node.events)))),
  );
}

export async function networkView({ root, route, signal, onLeave }: ViewContext): Promise<void> {
  const query = readQuery(route.params);
  const graphBox = el("div", { class: "network-area" });
  const form = networkForm(query);
  replace(root, el("h1", {}, "Network"), form, graphBox);

  await loadInto(
    graphBox,
    () => api.network({ from: query.from, to: query.to, actor: query.actor, level: query.level, minEvents: query.minEvents, limit: query.limit }, signal),
    (network) => {
      if (network.nodes.length === 0) {
        replace(graphBox, el("p", { class: "empty", "data-testid": "network-empty" }, "No events in this period."));
        return;
      }
      const hover = el("p", { class: "hover-info", "data-testid": "network-hover" }, "Point at an actor or a tie; click to see its events.");
      const graph = el("div", { class: "graph", "data-testid": "network-graph" });
      replace(
        graphBox,
        el("p", { class: "summary", "data-testid": "network-summary" }, `${formatNumber(network.nodes.length)} actors, ${formatNumber(network.edges.length)} ties.`),
        legend(),
        el("div", { class: "network-layout" }, el("div", { class: "graph-column" }, graph, hover), el("aside", {}, el("h2", {}, "Actors"), nodeList(network, query))),
      );
      try {
        const drawing = drawNetwork(graph, network, {
          onNode: (node) => navigate(hashFor("events", { actor: node.id, from: query.from, to: query.to })),
          onEdge: (edge) => navigate(hashFor("events", { source: edge.source, target: edge.target, from: query.from, to: query.to })),
          onHover: (text) => {
            hover.textContent = text ?? "Point at an actor or a tie; click to see its events.";
          },
        });
        onLeave(() => drawing.dispose());
      } catch (error) {
        replace(graphBox, errorBox(error));
      }
    },
    "Loading the network",
    form,
  );
}
