/** Hash routes: "#/dyad?source=RUS&target=UKR" → path "dyad", params; "#/event/abc" → path "event", id "abc". */

export interface Route {
  /** First path segment ("dyad", "event", …); "" for "#/". */
  name: string;
  /** The rest of the path, decoded (an event or article id). */
  id: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, "");
  const queryAt = text.indexOf("?");
  const path = queryAt === -1 ? text : text.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? "" : text.slice(queryAt + 1));
  const slash = path.indexOf("/");
  const name = slash === -1 ? path : path.slice(0, slash);
  const id = slash === -1 ? null : decodeURIComponent(path.slice(slash + 1));
  return { name, id: id === "" ? null : id, params };
}

/** "#/name?…" with empty values left out. */
export function hashFor(name: string, params: Record<string, string | number | boolean | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return `#/${name}${text ? `?${text}` : ""}`;
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}
