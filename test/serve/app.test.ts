import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hono } from "hono";
import { builtinCoder } from "../../src/pipeline.js";
import { createApp } from "../../src/serve/app.js";
import { openServingStore, type ServingStore } from "../../src/store/serving.js";
import { runParley } from "../store/run-cli.js";

const EXAMPLES = new URL("../../examples/articles.jsonl", import.meta.url).pathname;
const TOKEN = "test-token-0123456789";

let dir: string;
let store: ServingStore;
let app: Hono;
let readOnlyApp: Hono;

interface Json {
  [key: string]: unknown;
}

async function get(path: string, on: Hono = app): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await on.request(path);
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

async function post(path: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }, on: Hono = app) {
  const response = await on.request(path, { method: "POST", body, headers });
  return { status: response.status, body: (await response.json()) as Json };
}

function errorOf(body: Json): { status: number; message: string; parameter?: string } {
  return body["error"] as { status: number; message: string; parameter?: string };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-serve-"));
  const db = join(dir, "events.duckdb");
  expect((await runParley(["ingest", EXAMPLES, "--db", db])).status).toBe(0);
  store = await openServingStore(db, { readers: 2, writable: true });
  const dashboard = join(dir, "dashboard");
  mkdirSync(join(dashboard, "assets"), { recursive: true });
  writeFileSync(join(dashboard, "index.html"), "<!doctype html><title>parley</title>");
  writeFileSync(join(dashboard, "assets", "app-1234.js"), "console.log(1)");
  const coder = builtinCoder();
  app = createApp({ store, coder, token: TOKEN, dashboardDir: dashboard, today: () => "2025-01-17" });
  readOnlyApp = createApp({ store, coder, dashboardDir: dashboard, corsOrigins: ["http://localhost:5173"] });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /status and /openapi.json", () => {
  it("reports what the store holds", async () => {
    const { status, body } = await get("/status");
    expect(status).toBe(200);
    expect(body).toMatchObject({ store: "duckdb", readOnly: false, ingest: true, articles: 4 });
    expect(body["events"]).toBeGreaterThan(5);
    expect((body["versions"] as unknown[]).length).toBe(1);
    expect((await get("/status", readOnlyApp)).body).toMatchObject({ readOnly: true, ingest: false });
  });

  it("describes every endpoint, and /ingest only when writing is enabled", async () => {
    const { body } = await get("/openapi.json");
    expect(body["openapi"]).toBe("3.1.0");
    const paths = Object.keys(body["paths"] as Json);
    for (const path of ["/status", "/events", "/events/{id}", "/dyad", "/top/{kind}", "/network", "/articles", "/articles/{id}", "/actors", "/codes", "/code", "/ingest"]) {
      expect(paths).toContain(path);
    }
    expect(Object.keys((await get("/openapi.json", readOnlyApp)).body["paths"] as Json)).not.toContain("/ingest");
    // And every route the app has is described (middleware, the dashboard and the document itself aside).
    const routes = app.routes.filter((route) => !["*", "/*", "/", "/openapi.json"].includes(route.path) && route.method !== "ALL");
    for (const route of routes) expect(paths, `${route.method} ${route.path}`).toContain(route.path.replace(/:(\w+)/g, "{$1}"));
  });
});

describe("GET /events", () => {
  it("filters by dyad, code and date, newest first, with the first mention's sentence", async () => {
    const { status, body } = await get("/events?source=RUS&target=IRN&code=04&from=2025&to=2025-01");
    expect(status).toBe(200);
    const events = body["events"] as Json[];
    expect(body["total"]).toBe(events.length);
    expect(events[0]).toMatchObject({ source: "RUSGOV", target: "IRNGOV", code: "043", date: "2025-01-17", codeLabel: "Host a visit", quad: 1 });
    expect(String(events[0]?.["sentence"])).toContain("hosted");
  });

  it("pages with limit and offset and keeps the total", async () => {
    const all = (await get("/events?limit=500")).body;
    const total = all["total"] as number;
    const second = (await get("/events?limit=2&offset=2")).body;
    expect(second).toMatchObject({ total, limit: 2, offset: 2 });
    expect((second["events"] as Json[]).map((event) => event["id"])).toEqual((all["events"] as Json[]).slice(2, 4).map((event) => event["id"]));
  });

  it("searches the sentences and filters by quad class, root and PLOVER type", async () => {
    const found = (await get("/events?q=OVAL%20office")).body["events"] as Json[];
    expect(found.length).toBeGreaterThan(0);
    for (const event of found) expect(String(event["sentence"]).toLowerCase()).toContain("oval office");
    for (const event of (await get("/events?quad=3")).body["events"] as Json[]) expect(event["quad"]).toBe(3);
    for (const event of (await get("/events?root=04")).body["events"] as Json[]) expect(String(event["code"]).startsWith("04")).toBe(true);
    for (const event of (await get("/events?plover=consult")).body["events"] as Json[]) expect(event["ploverEvent"]).toBe("CONSULT");
  });

  it("answers 400 naming the parameter for bad values and unknown parameters", async () => {
    const cases: Array<[string, string]> = [
      ["/events?from=2024-13", "from"],
      ["/events?to=yesterday", "to"],
      ["/events?actor=r%27us", "actor"],
      ["/events?code=abc", "code"],
      ["/events?root=4", "root"],
      ["/events?quad=5", "quad"],
      ["/events?limit=0", "limit"],
      ["/events?limit=501", "limit"],
      ["/events?offset=-1", "offset"],
      ["/events?plover=1;DROP", "plover"],
      ["/events?form=2024", "form"],
      ["/events?quad=1&quad=2", "quad"],
      ["/events?from=2025&to=2024-06", "from"],
    ];
    for (const [path, parameter] of cases) {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect(errorOf(body).parameter, path).toBe(parameter);
      expect(errorOf(body).message.length).toBeGreaterThan(5);
    }
  });

  it("treats quotes and SQL in text search as plain text", async () => {
    const { status, body } = await get(`/events?q=${encodeURIComponent("x' OR '1'='1")}`);
    expect(status).toBe(200);
    expect(body["total"]).toBe(0);
  });
});

describe("GET /events/:id", () => {
  it("gives every mention with its sentence, spans, rule and article", async () => {
    const [first] = (await get("/events?source=RUS&target=IRN&code=043")).body["events"] as Json[];
    const { status, body } = await get(`/events/${String(first?.["id"])}`);
    expect(status).toBe(200);
    const [mention] = body["mentions"] as Json[];
    expect(mention).toMatchObject({ title: "Russia and Iran sign strategic partnership treaty", url: "https://example.org/2025/01/17/russia-iran-treaty", published: "2025-01-17" });
    const text = String(mention?.["text"]);
    const spans = mention?.["spans"] as Record<string, [number, number]>;
    expect(text.slice(...spans["source"]!)).toContain("Putin");
    expect(text.slice(...spans["verb"]!)).toBe("hosted");
    expect(text.slice(...spans["target"]!)).toContain("Pezeshkian");
    expect(String(mention?.["rule"])).toMatch(/043/);
  });

  it("answers 404 for an unknown event and 400 for a malformed id", async () => {
    expect((await get("/events/123")).status).toBe(404);
    const bad = await get("/events/12x");
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).parameter).toBe("id");
  });
});

describe("GET /dyad", () => {
  it("gives counts by quad class and Goldstein sum and mean per period", async () => {
    const { status, body } = await get("/dyad?source=RUS&target=IRN&by=month");
    expect(status).toBe(200);
    const series = body["series"] as Json[];
    expect(series[0]).toMatchObject({ period: "2025-01", quad1: 1, events: 1, goldsteinSum: 2.8, goldsteinMean: 2.8 });
    const both = (await get("/dyad?source=RUS&target=IRN&by=year&both=true")).body["series"] as Json[];
    expect(both[0]?.["events"]).toBeGreaterThan(1);
  });

  it("requires both actors and a known period", async () => {
    expect(errorOf((await get("/dyad?source=RUS")).body).parameter).toBe("target");
    expect(errorOf((await get("/dyad?source=RUS&target=IRN&by=fortnight")).body).parameter).toBe("by");
    expect(errorOf((await get("/dyad?source=RUS&target=IRN&both=maybe")).body).parameter).toBe("both");
  });
});

describe("GET /top, /network, /codes", () => {
  it("ranks actors, dyads and codes", async () => {
    const dyads = (await get("/top/dyads?limit=3")).body;
    expect(dyads["kind"]).toBe("dyads");
    const rows = dyads["rows"] as Json[];
    expect(rows.length).toBe(3);
    expect(rows[0]).toHaveProperty("source");
    const codes = (await get("/top/codes")).body["rows"] as Json[];
    expect(codes.every((row) => typeof row["label"] === "string" && String(row["label"]).length > 0)).toBe(true);
    const actors = (await get("/top/actors?actor=EGY")).body["rows"] as Json[];
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.find((row) => row["key"] === "EGYGOV")?.["label"]).toBe("Egypt: government");
    expect(actors.find((row) => row["key"] === "EGY")?.["label"]).toBe("Egypt");
    expect((await get("/top/people")).status).toBe(404);
    expect((await get("/top/actors?limit=1000")).status).toBe(400);
  });

  it("builds a weighted network of countries or actors", async () => {
    const { body } = await get("/network?from=2024&to=2025");
    const edges = body["edges"] as Json[];
    const nodes = body["nodes"] as Json[];
    expect(edges.length).toBeGreaterThan(2);
    const ids = new Set(nodes.map((node) => node["id"]));
    expect(nodes.find((node) => node["id"] === "RUS")?.["label"]).toBe("Russia");
    for (const edge of edges) {
      expect(ids.has(edge["source"])).toBe(true);
      expect(ids.has(edge["target"])).toBe(true);
      expect(Number(edge["cooperation"]) + Number(edge["conflict"])).toBe(edge["events"]);
    }
    const actors = (await get("/network?level=actor&minEvents=2")).body["edges"] as Json[];
    for (const edge of actors) expect(edge["events"]).toBeGreaterThanOrEqual(2);
    expect((await get("/network?level=planet")).status).toBe(400);
  });

  it("lists the CAMEO codes with labels and quad classes", async () => {
    const codes = (await get("/codes")).body["codes"] as Json[];
    expect(codes.find((code) => code["code"] === "043")).toMatchObject({ label: "Host a visit", quad: 1, plover: "CONSULT" });
    expect(codes.length).toBeGreaterThan(250);
  });
});

describe("GET /articles", () => {
  it("lists articles with their event counts and searches titles", async () => {
    const { body } = await get("/articles?q=treaty");
    expect(body["total"]).toBe(1);
    const [article] = body["articles"] as Json[];
    expect(article).toMatchObject({ title: "Russia and Iran sign strategic partnership treaty", published: "2025-01-17" });
    expect(article?.["events"]).toBeGreaterThan(0);
    const detail = await get(`/articles/${String(article?.["id"])}`);
    expect(detail.status).toBe(200);
    expect(String((detail.body["article"] as Json)["text"])).toContain("Pezeshkian");
    const mentions = detail.body["mentions"] as Json[];
    expect(mentions.length).toBe(article?.["events"]);
    expect(mentions[0]).toHaveProperty("codeLabel");
  });

  it("answers 404 and 400 for unknown and malformed ids", async () => {
    expect((await get("/articles/0123456789abcdef")).status).toBe(404);
    expect((await get("/articles/..%2F..%2Fetc")).status).toBe(400);
    expect((await get("/articles?from=2025-02-30")).status).toBe(400);
  });
});

describe("GET /actors", () => {
  it("finds people, countries and organisations by name, accents and case aside", async () => {
    const raisi = (await get("/actors?q=raisi")).body["actors"] as Json[];
    expect(raisi[0]).toMatchObject({ name: "Ebrahim Raisi", kind: "person" });
    expect(String(raisi[0]?.["detail"])).toContain("IRNGOV 2021-08-03");
    const erdogan = (await get("/actors?q=ERDOĞAN")).body["actors"] as Json[];
    expect(erdogan[0]?.["code"]).toBe("TURGOV");
    const iran = (await get("/actors?q=iran&limit=5")).body["actors"] as Json[];
    expect(iran.some((actor) => actor["code"] === "IRN" && actor["kind"] === "country")).toBe(true);
    expect(iran.length).toBeLessThanOrEqual(5);
  });

  it("requires q", async () => {
    const { status, body } = await get("/actors");
    expect(status).toBe(400);
    expect(errorOf(body).parameter).toBe("q");
  });
});

describe("POST /code", () => {
  it("codes a text without storing it", async () => {
    const before = (await get("/status")).body["events"];
    const { status, body } = await post("/code", JSON.stringify({ text: "Putin hosted Raisi at the Kremlin on Wednesday.", date: "2022-01-20" }));
    expect(status).toBe(200);
    const [event] = body["events"] as Json[];
    expect(event).toMatchObject({ source: "RUSGOV", target: "IRNGOV", code: "043", date: "2022-01-19", codeLabel: "Host a visit" });
    expect(event?.["spans"]).toEqual({ source: [0, 5], verb: [6, 12], target: [13, 18] });
    expect((await get("/status")).body["events"]).toBe(before);
  });

  it("uses today as the default date", async () => {
    const { body } = await post("/code", JSON.stringify({ text: "Putin hosted Raisi at the Kremlin on Wednesday." }));
    expect((body["events"] as Json[])[0]?.["date"]).toBe("2025-01-15");
  });

  it("answers 400 for bad bodies, 415 for non-JSON and 413 for bodies over 1 MiB", async () => {
    expect((await post("/code", "{not json")).status).toBe(400);
    expect(errorOf((await post("/code", JSON.stringify({ text: "" }))).body).parameter).toBe("text");
    expect(errorOf((await post("/code", JSON.stringify({ text: "x", date: "2022-02-30" }))).body).parameter).toBe("date");
    expect(errorOf((await post("/code", JSON.stringify({ text: "x", lang: "en" }))).body).parameter).toBe("lang");
    expect((await post("/code", "text=x", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    const big = JSON.stringify({ text: "a".repeat(1024 * 1024 + 10) });
    const tooLarge = await post("/code", big);
    expect(tooLarge.status).toBe(413);
    expect(errorOf(tooLarge.body).message).toMatch(/larger than/);
  });
});

describe("POST /ingest", () => {
  const article = { id: "saudi-iran", date: "2023-03-11", title: "Iran and Saudi Arabia hold talks", text: "Iranian officials met Saudi officials in Beijing on Friday." };

  it("requires the token (401) and exists only when one is configured (404)", async () => {
    const body = JSON.stringify({ articles: [article] });
    expect((await post("/ingest", body)).status).toBe(401);
    expect((await post("/ingest", body, { "content-type": "application/json", authorization: "Bearer wrong-token-0000000000" })).status).toBe(401);
    const disabled = await post("/ingest", body, { "content-type": "application/json", authorization: `Bearer ${TOKEN}` }, readOnlyApp);
    expect(disabled.status).toBe(404);
    expect(errorOf(disabled.body).message).toMatch(/--token/);
  });

  it("stores good articles, reports bad ones, and a repeat changes nothing", async () => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${TOKEN}` };
    const body = JSON.stringify({ articles: [article, { id: "no-date", text: "Text without a date." }] });
    const first = await post("/ingest", body, headers);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 2, stored: 1, failed: 1 });
    expect((first.body["problems"] as string[])[0]).toMatch(/^articles\[1\]: missing "date"/);
    expect((await get("/articles?q=met%20saudi%20officials")).body["total"]).toBe(1);
    const again = await post("/ingest", body, headers);
    expect(again.body).toMatchObject({ stored: 0, alreadyStored: 1 });
    // Every article is accounted for once, an article repeated within one request too.
    const repeated = { ...article, id: "repeated", text: "Iranian officials met Saudi officials in Muscat on Monday." };
    const twice = await post("/ingest", JSON.stringify({ articles: [repeated, repeated] }), headers);
    expect(twice.body).toMatchObject({ received: 2, stored: 1, alreadyStored: 1 });
    for (const summary of [first.body, again.body, twice.body]) {
      const { received, stored, alreadyStored, copies, skipped, failed } = summary as Record<string, number>;
      expect(stored! + alreadyStored! + copies! + skipped! + failed!).toBe(received);
    }
  });

  it("answers 400 for a body without articles and 413 over 5 MiB", async () => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${TOKEN}` };
    expect(errorOf((await post("/ingest", JSON.stringify({ items: [] }), headers)).body).parameter).toBe("articles");
    const big = JSON.stringify({ articles: [{ ...article, text: "a".repeat(5 * 1024 * 1024 + 10) }] });
    expect((await post("/ingest", big, headers)).status).toBe(413);
  });
});

describe("security and the dashboard", () => {
  it("sends no CORS headers unless origins are configured", async () => {
    const request = { headers: { origin: "http://evil.example" } };
    expect((await app.request("/status", request)).headers.get("access-control-allow-origin")).toBeNull();
    const allowed = await readOnlyApp.request("/status", { headers: { origin: "http://localhost:5173" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("serves the dashboard at / and its assets, and JSON 404s elsewhere", async () => {
    const index = await app.request("/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/text\/html/);
    const asset = await app.request("/assets/app-1234.js");
    expect(asset.headers.get("cache-control")).toMatch(/immutable/);
    const missing = await get("/no-such-endpoint");
    expect(missing.status).toBe(404);
    expect(errorOf(missing.body).message).toMatch(/openapi/);
    expect((await app.request("/assets/..%2F..%2Fevents.duckdb")).status).toBe(404);
  });
});
