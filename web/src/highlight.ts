/**
 * Marks the words that produced an event inside its sentence: <mark class="span-source|span-verb|span-target">
 * with data-role, data-start and data-end around each span (arranged by spans.ts so none overlap).
 */
import { el } from "./dom.js";
import { arrangeSpans, ROLES, type RoleSpan } from "./spans.js";

export { roleSpans, type Role, type RoleSpan } from "./spans.js";

/** The text with its spans marked, as a fragment to put inside any element. */
export function highlight(text: string, spans: readonly RoleSpan[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let position = 0;
  for (const span of arrangeSpans(text.length, spans)) {
    if (span.start > position) fragment.append(text.slice(position, span.start));
    fragment.append(
      el(
        "mark",
        { class: `span-${span.role}`, "data-role": span.role, "data-start": span.start, "data-end": span.end, title: span.title ?? span.role },
        text.slice(span.start, span.end),
      ),
    );
    position = span.end;
  }
  if (position < text.length) fragment.append(text.slice(position));
  return fragment;
}

/** A key to the three colours. */
export function spanLegend(): HTMLElement {
  return el(
    "div",
    { class: "legend", "data-testid": "span-legend" },
    ...ROLES.map((role) => el("mark", { class: `span-${role}` }, role)),
  );
}
