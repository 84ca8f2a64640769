/** "1–50 of 312" with previous/next buttons; `go` gets the new offset. */
import { el } from "../dom.js";
import { formatNumber } from "../format.js";

export function pager(total: number, limit: number, offset: number, go: (offset: number) => void): HTMLElement {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  const previous = el("button", { type: "button", disabled: offset <= 0, "data-testid": "page-previous" }, "← Previous");
  const next = el("button", { type: "button", disabled: offset + limit >= total, "data-testid": "page-next" }, "Next →");
  previous.addEventListener("click", () => go(Math.max(0, offset - limit)));
  next.addEventListener("click", () => go(offset + limit));
  return el(
    "div",
    { class: "pager", "data-testid": "pager" },
    previous,
    el("span", { class: "page-range", "data-testid": "page-range", "data-total": total }, `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)}`),
    next,
  );
}
