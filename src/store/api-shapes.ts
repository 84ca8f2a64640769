/**
 * Shapes of store answers that `parley serve` sends as JSON unchanged, shared with the dashboard:
 * web/src/api.ts imports these types, so this module imports nothing (the browser build type-checks
 * it without Node's types).
 */

/** How dyad timelines are bucketed. */
export type Period = "day" | "week" | "month" | "year";

/** One period of a dyad timeline. */
export interface DyadRow {
  period: string;
  events: number;
  mentions: number;
  /** Events per quad class: verbal cooperation, material cooperation, verbal conflict, material conflict. */
  quad1: number;
  quad2: number;
  quad3: number;
  quad4: number;
  goldsteinSum: number;
  goldsteinMean: number;
}

export interface NetworkNode {
  id: string;
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  cooperation: number;
  conflict: number;
  goldsteinSum: number;
  goldsteinMean: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** What one ingest request (POST /ingest) did with its articles. */
export interface IngestSummary {
  received: number;
  stored: number;
  alreadyStored: number;
  copies: number;
  skipped: number;
  failed: number;
  /** Event mentions coded from the stored articles. */
  events: number;
  /** One line per article not stored, naming it by its index: "articles[3]: missing \"text\"". */
  problems: string[];
}
