/**
 * The dashboard's files (built by Vite from web/ into web/dist) served by the API's own process.
 * Only "/" and files that exist in the build are served: the dashboard routes with the URL's hash,
 * so any other path is an API path, and an unknown one gets the API's JSON 404.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";

/** The package's web/dist, from src/serve (tests) and dist/serve (the build) alike. */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL("../../web/dist/", import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The file under `root` a URL path names, or undefined (missing, a folder, or outside root). */
function fileFor(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function dashboardRoutes(app: Hono, root: string = DEFAULT_DASHBOARD_DIR): void {
  const index = join(root, "index.html");
  app.get("/", (c) => {
    if (!existsSync(index)) {
      return c.text("The dashboard is not built: run `npm run build` (it builds web/ into web/dist). The API is up: see /openapi.json.\n", 503);
    }
    return c.body(readFileSync(index), 200, { "content-type": CONTENT_TYPES[".html"] ?? "text/html", "cache-control": "no-cache" });
  });
  app.get("*", async (c, next) => {
    const file = fileFor(root, c.req.path);
    if (!file) return next();
    // Vite puts a content hash in the names under assets/: they never change.
    const cache = c.req.path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    return c.body(readFileSync(file), 200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream", "cache-control": cache });
  });
}
