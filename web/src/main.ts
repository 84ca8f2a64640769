/** Starts the dashboard: one view at a time in <main>, chosen by the address's hash. */
import "./style.css";
import { el, replace } from "./dom.js";
import { parseHash, type Route } from "./router.js";
import { errorBox } from "./states.js";
import type { View } from "./view.js";
import { articleView } from "./views/article.js";
import { dyadView } from "./views/dyad.js";
import { eventView } from "./views/event.js";
import { eventsView } from "./views/events.js";
import { networkView } from "./views/network.js";
import { statusView } from "./views/status.js";

const VIEWS: Record<string, View> = {
  dyad: dyadView,
  network: networkView,
  events: eventsView,
  event: eventView,
  article: articleView,
  status: statusView,
};

/** Which nav link stands for a route (an event or article belongs to the events table). */
const NAV_FOR: Record<string, string> = { event: "events", article: "events" };

const root = document.getElementById("view")!;
let leaving: { controller: AbortController; cleanups: Array<() => void> } | null = null;

function leaveCurrent(): void {
  if (!leaving) return;
  leaving.controller.abort();
  for (const cleanup of leaving.cleanups) cleanup();
  leaving = null;
}

function markNav(route: Route): void {
  const current = NAV_FOR[route.name] ?? route.name;
  document.querySelectorAll<HTMLAnchorElement>("nav a[data-route]").forEach((link) => {
    const active = link.dataset["route"] === current;
    link.classList.toggle("active", active);
    if (active) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  });
}

/** A cleanup registered after the view was already left runs at once. */
function onLeave(view: { controller: AbortController; cleanups: Array<() => void> }, cleanup: () => void): void {
  if (view.controller.signal.aborted) cleanup();
  else view.cleanups.push(cleanup);
}

async function show(): Promise<void> {
  const route = parseHash(location.hash);
  if (route.name === "") {
    location.replace("#/dyad");
    return;
  }
  leaveCurrent();
  const current = { controller: new AbortController(), cleanups: [] as Array<() => void> };
  leaving = current;
  markNav(route);
  root.dataset["view"] = route.name;
  window.scrollTo(0, 0);
  const view = VIEWS[route.name];
  if (!view) {
    replace(root, el("h1", {}, "Not found"), el("p", { "data-testid": "not-found" }, `No page "${route.name}". `, el("a", { href: "#/dyad" }, "Go to the dyad explorer.")));
    return;
  }
  try {
    await view({ root, route, signal: current.controller.signal, onLeave: (cleanup) => onLeave(current, cleanup) });
  } catch (error) {
    if (!current.controller.signal.aborted) replace(root, errorBox(error));
  }
}

window.addEventListener("hashchange", () => void show());
void show();
