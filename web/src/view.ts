/** What every view gets: where to draw, the route, and a way to clean up when the user moves on. */
import type { Route } from "./router.js";

export interface ViewContext {
  root: HTMLElement;
  route: Route;
  /** Aborted when the view is left: pending requests stop, late answers are dropped. */
  signal: AbortSignal;
  /** Runs when the view is left (charts and graphs free their canvases and listeners). */
  onLeave(cleanup: () => void): void;
}

export type View = (context: ViewContext) => void | Promise<void>;
