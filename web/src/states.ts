/** Loading and error states, the same in every view. */
import { ApiError } from "./api.js";
import { el, replace } from "./dom.js";

export function loadingBox(what = "Loading"): HTMLElement {
  return el("div", { class: "loading", "data-testid": "loading", role: "status" }, `${what}…`);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function errorBox(error: unknown): HTMLElement {
  const status = error instanceof ApiError && error.status > 0 ? el("span", { class: "error-status" }, String(error.status)) : null;
  return el("div", { class: "error", "data-testid": "error", role: "alert" }, status, errorMessage(error));
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/** Marks the form field the API named in its error (aria-invalid, styled red); clears the others. */
export function markInvalidField(form: HTMLFormElement, error: unknown): void {
  form.querySelectorAll("[aria-invalid]").forEach((field) => field.removeAttribute("aria-invalid"));
  if (!(error instanceof ApiError) || !error.parameter) return;
  const field = form.elements.namedItem(error.parameter);
  if (field instanceof HTMLElement) field.setAttribute("aria-invalid", "true");
}

/**
 * Shows a loading box in `target` while `load` runs, then whatever `render` makes of the result,
 * or the error (and, given the form the request came from, marks the field it names). Aborted loads
 * (the user moved on) leave the target alone.
 */
export async function loadInto<T>(target: Element, load: () => Promise<T>, render: (value: T) => void, what?: string, form?: HTMLFormElement): Promise<void> {
  replace(target, loadingBox(what));
  let value: T;
  try {
    value = await load();
  } catch (error) {
    if (isAbort(error)) return;
    replace(target, errorBox(error));
    if (form) markInvalidField(form, error);
    return;
  }
  replace(target);
  render(value);
}
