/**
 * A text box for an actor code with suggestions: the most active actors when empty, the dictionary's
 * matches (GET /actors?q=) while typing. The box's value is always what the user typed or picked (a code).
 */
import { api, type ActorEntry } from "../api.js";
import { el, replace } from "../dom.js";

interface Suggestion {
  code: string;
  name: string;
  detail: string;
}

export interface ActorInputOptions {
  name: string;
  label: string;
  value: string;
  placeholder?: string;
  signal: AbortSignal;
}

const TYPING_PAUSE_MS = 180;

function fromEntry(entry: ActorEntry): Suggestion {
  return { code: entry.code, name: entry.name, detail: entry.detail || entry.kind };
}

export function actorInput(options: ActorInputOptions): { field: HTMLElement; input: HTMLInputElement } {
  const listId = `suggest-${options.name}`;
  const input = el("input", {
    name: options.name,
    value: options.value,
    placeholder: options.placeholder ?? "code or name",
    autocomplete: "off",
    spellcheck: "false",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-controls": listId,
    "aria-expanded": "false",
    "data-testid": `actor-${options.name}`,
  });
  const list = el("ul", { class: "suggestions", id: listId, role: "listbox", hidden: true, "data-testid": `suggestions-${options.name}` });
  const field = el("label", { class: "field actor-field" }, el("span", {}, options.label), el("div", { class: "combo" }, input, list));

  let suggestions: Suggestion[] = [];
  let active = -1;
  let timer: number | undefined;
  let request: AbortController | null = null;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  };
  const pick = (suggestion: Suggestion): void => {
    input.value = suggestion.code;
    close();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const show = (items: Suggestion[]): void => {
    suggestions = items;
    active = -1;
    replace(
      list,
      ...items.map((item, index) => {
        const option = el(
          "li",
          { role: "option", "data-code": item.code, "data-index": index, "data-testid": "suggestion" },
          el("strong", {}, item.code),
          el("span", {}, item.name),
          item.detail ? el("small", {}, item.detail) : null,
        );
        // mousedown, not click: it comes before the input's blur closes the list.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          pick(item);
        });
        return option;
      }),
    );
    const open = items.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
  };
  const markActive = (): void => {
    list.querySelectorAll("li").forEach((item, index) => item.classList.toggle("active", index === active));
  };

  const load = async (): Promise<void> => {
    request?.abort();
    request = new AbortController();
    const query = input.value.trim();
    try {
      if (query === "") {
        const top = await api.top("actors", { limit: 12 }, request.signal);
        show(top.rows.map((row) => ({ code: row.key, name: row.label ?? "", detail: `${row.events} events` })));
      } else {
        const found = await api.actors(query, 12, request.signal);
        show(found.actors.map(fromEntry));
      }
    } catch {
      // Suggestions are a convenience: without them the box still takes a typed code.
      show([]);
    }
  };

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), TYPING_PAUSE_MS);
  });
  input.addEventListener("focus", () => void load());
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (list.hidden || suggestions.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + suggestions.length) % suggestions.length;
      markActive();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      pick(suggestions[active]!);
    } else if (event.key === "Escape") {
      close();
    }
  });
  options.signal.addEventListener("abort", () => {
    window.clearTimeout(timer);
    request?.abort();
  });
  return { field, input };
}
