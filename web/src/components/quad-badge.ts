import type { Quad } from "../api.js";
import { el } from "../dom.js";
import { quadStyle } from "../format.js";

/** A small coloured tag naming an event's quad class. */
export function quadBadge(quad: Quad): HTMLElement {
  const style = quadStyle(quad);
  return el("span", { class: `quad-badge quad-${quad}`, title: style.name, "data-quad": quad }, `Q${quad}`);
}
