/** How numbers, dates and event classes are shown, and the colours that stand for them. */
import type { Quad } from "./api.js";

export interface QuadStyle {
  quad: Quad;
  name: string;
  colour: string;
}

/** Cooperation in blues and greens, conflict in oranges and reds (also in style.css). */
export const QUADS: readonly QuadStyle[] = [
  { quad: 1, name: "Verbal cooperation", colour: "#4a90c9" },
  { quad: 2, name: "Material cooperation", colour: "#2f9e44" },
  { quad: 3, name: "Verbal conflict", colour: "#f08c00" },
  { quad: 4, name: "Material conflict", colour: "#d6336c" },
];

export const GOLDSTEIN_COLOUR = "#343a40";

export function quadStyle(quad: Quad): QuadStyle {
  return QUADS[quad - 1] ?? QUADS[0]!;
}

export function formatNumber(value: number): string {
  return value.toLocaleString("en-GB");
}

export function formatGoldstein(value: number): string {
  return (value > 0 ? "+" : "") + value.toFixed(1);
}

/** Confidence as a percentage; a value above 1 is taken to be one already. */
export function formatConfidence(value: number | null): string {
  if (value === null) return "—";
  return `${Math.round(value > 1 ? value : value * 100)}%`;
}

/** A PLOVER type with its mode, as "CONSULT / visit". */
export function formatPlover(value: string | { event: string; mode?: string } | null): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value || null;
  return value.event ? `${value.event}${value.mode ? ` / ${value.mode}` : ""}` : null;
}

/** Dates come as YYYY-MM-DD (or a timestamp); shown as they are, date part only. */
export function formatDate(value: string | null): string {
  return value ? value.slice(0, 10) : "—";
}

/** An event's date as precise as it is known: "2016" for a year-precision date stored as 2016-01-01. */
export function formatEventDate(value: string, precision: string): string {
  if (precision === "year") return value.slice(0, 4);
  if (precision === "month") return value.slice(0, 7);
  return value.slice(0, 10);
}
