/**
 * The actor network drawn with Cytoscape.js: a node per actor sized by its events, a directed edge per
 * dyad whose width is its events and whose colour runs from green (all cooperation) through grey to red
 * (all conflict).
 */
import cytoscape from "cytoscape";
import type { Network, NetworkEdge, NetworkNode } from "../api.js";

const COOPERATION = [47, 158, 68] as const; // #2f9e44
const NEUTRAL = [173, 181, 189] as const; // #adb5bd
const CONFLICT = [224, 49, 49] as const; // #e03131

function mix(from: readonly number[], to: readonly number[], share: number): string {
  const channel = (index: number): number => Math.round(from[index]! + (to[index]! - from[index]!) * share);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** Green for cooperation, red for conflict, grey when balanced or neither. */
export function edgeColour(edge: Pick<NetworkEdge, "cooperation" | "conflict">): string {
  const coded = edge.cooperation + edge.conflict;
  if (coded === 0) return mix(NEUTRAL, NEUTRAL, 0);
  const conflictShare = edge.conflict / coded;
  return conflictShare < 0.5 ? mix(COOPERATION, NEUTRAL, conflictShare * 2) : mix(NEUTRAL, CONFLICT, (conflictShare - 0.5) * 2);
}

function range(values: readonly number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return [low, high > low ? high : low + 1];
}

export interface GraphHandlers {
  onNode(node: NetworkNode): void;
  onEdge(edge: NetworkEdge): void;
  onHover(text: string | null): void;
}

/**
 * Where each node is drawn, in pixels from the graph's top-left, kept in the element's data-nodes
 * attribute (for tests and tools: the canvas has no DOM per node).
 */
function recordNodes(cy: cytoscape.Core, element: HTMLElement): void {
  const nodes = cy.nodes().map((node) => {
    const position = node.renderedPosition();
    return { id: node.id(), x: Math.round(position.x), y: Math.round(position.y) };
  });
  element.dataset["nodes"] = JSON.stringify(nodes);
}

export function drawNetwork(element: HTMLElement, network: Network, handlers: GraphHandlers): { dispose(): void } {
  const [minNode, maxNode] = range(network.nodes.map((node) => node.events));
  const [minEdge, maxEdge] = range(network.edges.map((edge) => edge.events));
  const nodesById = new Map(network.nodes.map((node) => [node.id, node]));
  const edgesById = new Map(network.edges.map((edge, index) => [`e${index}`, edge]));

  const cy = cytoscape({
    container: element,
    elements: [
      ...network.nodes.map((node) => ({ group: "nodes" as const, data: { id: node.id, events: node.events } })),
      ...[...edgesById].map(([id, edge]) => ({
        group: "edges" as const,
        data: { id, source: edge.source, target: edge.target, events: edge.events, colour: edgeColour(edge) },
      })),
    ],
    style: [
      {
        selector: "node",
        style: {
          label: "data(id)",
          width: `mapData(events, ${minNode}, ${maxNode}, 26, 76)`,
          height: `mapData(events, ${minNode}, ${maxNode}, 26, 76)`,
          "background-color": "#3b5bdb",
          "border-width": 2,
          "border-color": "#fff",
          color: "#212529",
          "font-size": 13,
          "font-weight": "bold",
          // Below the node: small nodes are smaller than their label.
          "text-valign": "bottom",
          "text-halign": "center",
          "text-margin-y": 2,
          "text-outline-color": "#fff",
          "text-outline-width": 2,
        },
      },
      {
        selector: "edge",
        style: {
          width: `mapData(events, ${minEdge}, ${maxEdge}, 1.5, 12)`,
          "line-color": "data(colour)",
          "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle",
          "curve-style": "bezier",
          opacity: 0.85,
        },
      },
      { selector: "node:selected", style: { "border-color": "#f59f00", "border-width": 4 } },
      { selector: ".faded", style: { opacity: 0.15 } },
    ],
    layout: {
      name: "cose",
      animate: false,
      randomize: true,
      padding: 24,
      nodeRepulsion: () => 24000,
      idealEdgeLength: () => 80,
      nodeOverlap: 24,
      gravity: 0.6,
      componentSpacing: 60,
      numIter: 2500,
    },
  });

  cy.on("tap", "node", (event) => {
    const node = nodesById.get(event.target.id() as string);
    if (node) handlers.onNode(node);
  });
  cy.on("tap", "edge", (event) => {
    const edge = edgesById.get(event.target.id() as string);
    if (edge) handlers.onEdge(edge);
  });
  cy.on("mouseover", "node", (event) => {
    const node = nodesById.get(event.target.id() as string);
    const neighbourhood = event.target.closedNeighborhood();
    cy.elements().not(neighbourhood).addClass("faded");
    if (node) handlers.onHover(`${node.id}: ${node.events} events — click for its events`);
  });
  cy.on("mouseover", "edge", (event) => {
    const edge = edgesById.get(event.target.id() as string);
    if (edge) handlers.onHover(`${edge.source} → ${edge.target}: ${edge.events} events (${edge.cooperation} cooperation, ${edge.conflict} conflict), mean Goldstein ${edge.goldsteinMean.toFixed(1)}`);
  });
  cy.on("mouseout", "node, edge", () => {
    cy.elements().removeClass("faded");
    handlers.onHover(null);
  });
  cy.on("layoutstop viewport resize", () => recordNodes(cy, element));
  recordNodes(cy, element);
  element.dataset["nodeCount"] = String(network.nodes.length);
  element.dataset["edgeCount"] = String(network.edges.length);

  return { dispose: () => cy.destroy() };
}
