/**
 * The HTTP API and the dashboard as one Hono app on web standards (Request in, Response out), so
 * tests call `app.request(...)` without a socket and server.ts puts it on Node's http server.
 *
 * Routes stay thin: read and check the request (query-params.ts), ask the store (store/explore.ts,
 * store/queries.ts) or the coder, answer JSON. Read-only unless a token is configured: only then
 * does POST /ingest exist, and it requires the token.
 */
import { timingSafeEqual } from "node:crypto";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
import { allCameoCodes, cameoCode } from "../ontology/cameo.js";
import type { Coder } from "../pipeline.js";
import { PERIODS } from "../store/dialect.js";
import { articleDetail, articlePage, eventDetail, eventPage, network, storeStatus } from "../store/explore.js";
import { FilterError, type EventConditions, type QuadClass } from "../store/filter.js";
import { dyadSeries, top, TOP_KINDS } from "../store/queries.js";
import type { ServingStore } from "../store/serving.js";
import { ActorLookup } from "./actor-lookup.js";
import { codeText, readCodeRequest } from "./code-route.js";
import { dashboardRoutes } from "./dashboard.js";
import { IngestQueue, readIngestRequest } from "./ingest-route.js";
import { openApiDocument } from "./openapi.js";
import { ApiError, QueryParams } from "./query-params.js";

export interface AppOptions {
  store: ServingStore;
  coder: Coder;
  /** Enables POST /ingest, which then requires `Authorization: Bearer <token>`. */
  token?: string;
  /** Origins allowed by CORS; none (the default) sends no CORS headers at all. */
  corsOrigins?: string[];
  /** Longest a request may take (default 30 s); longer ones get 503. */
  timeoutMs?: number;
  /** Folder of the built dashboard (default: the package's web/dist). */
  dashboardDir?: string;
  actors?: ActorLookup;
  /** The coder's dictionaries as recorded with each ingest (default: the built-in ones). */
  dictionaryVersion?: string;
  /** Today (YYYY-MM-DD), the default date for POST /code; tests fix it. */
  today?: () => string;
}

export const CODE_BODY_LIMIT = 1024 * 1024;
export const INGEST_BODY_LIMIT = 5 * 1024 * 1024;

const FILTER_PARAMS = ["from", "to", "actor", "source", "target", "code", "root", "quad", "plover", "q"] as const;

/** The event filter of a request (from, to, actor, source, target, code or root, quad, plover, q). */
function eventFilter(params: QueryParams): EventConditions {
  const filter: EventConditions = {};
  const { from, to } = params.dateRange();
  const actor = params.actor("actor");
  const source = params.actor("source");
  const target = params.actor("target");
  const code = params.eventCode("code") ?? params.root("root");
  const quad = params.optionalInt("quad", 1, 4);
  const plover = params.plover("plover");
  const text = params.text("q");
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (actor) filter.actor = actor;
  if (source) filter.source = source;
  if (target) filter.target = target;
  if (code) filter.code = code;
  if (quad !== undefined) filter.quad = quad as QuadClass;
  if (plover) filter.plover = plover;
  if (text) filter.text = text;
  return filter;
}

function errorBody(status: number, message: string, parameter?: string): { error: { status: number; message: string; parameter?: string } } {
  return { error: { status, message, ...(parameter === undefined ? {} : { parameter }) } };
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const label = (code: string): string => cameoCode(code)?.name ?? "";

export function createApp(options: AppOptions): Hono {
  const { store, coder } = options;
  const sql = store.reader;
  const actors = options.actors ?? new ActorLookup();
  const today = options.today ?? ((): string => new Date().toISOString().slice(0, 10));
  const ingestQueue = store.writer && options.token ? new IngestQueue(store.writer, coder, options.dictionaryVersion) : undefined;
  const app = new Hono();
  const query = (c: Context, allowed: readonly string[]): QueryParams => new QueryParams(c.req.queries(), allowed);

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.status, error.message, error.parameter), error.status);
    if (error instanceof FilterError) return c.json(errorBody(400, error.message), 400);
    if (error instanceof HTTPException) return c.json(errorBody(error.status, error.message || "request failed"), error.status);
    // A fault of ours, not the client's: one line on the server's stderr, no details to the client.
    process.stderr.write(`parley serve: ${c.req.method} ${c.req.path}: ${String((error as Error).message ?? error).split("\n")[0]}\n`);
    return c.json(errorBody(500, "internal error (see the server's log)"), 500);
  });
  app.notFound((c) => c.json(errorBody(404, `no such endpoint: ${c.req.method} ${c.req.path} (see /openapi.json)`), 404));

  if (options.corsOrigins && options.corsOrigins.length > 0) app.use("*", cors({ origin: options.corsOrigins }));
  const limit = options.timeoutMs ?? 30_000;
  app.use("*", timeout(limit, () => new HTTPException(503, { message: `the request took longer than ${limit / 1000} s` })));

  app.get("/openapi.json", (c) => c.json(openApiDocument({ ingest: ingestQueue !== undefined })));

  app.get("/status", async (c) => {
    query(c, []);
    const status = await storeStatus(sql);
    return c.json({ store: store.kind, readOnly: ingestQueue === undefined, ingest: ingestQueue !== undefined, ...status });
  });

  app.get("/events", async (c) => {
    const params = query(c, [...FILTER_PARAMS, "limit", "offset"]);
    const filter = eventFilter(params);
    const page = await eventPage(sql, filter, params.int("limit", 50, 1, 500), params.int("offset", 0, 0, 10_000_000));
    return c.json({ total: page.total, limit: page.limit, offset: page.offset, events: page.items.map((event) => ({ ...event, codeLabel: label(event.code) })) });
  });

  app.get("/events/:id", async (c) => {
    query(c, []);
    const id = c.req.param("id");
    if (!/^\d{1,16}$/.test(id)) throw new ApiError(400, `invalid event id "${id}": expected digits`, "id");
    const detail = await eventDetail(sql, Number(id));
    if (!detail) throw new ApiError(404, `no event ${id}`);
    return c.json({ event: { ...detail.event, codeLabel: label(detail.event.code) }, mentions: detail.mentions });
  });

  app.get("/dyad", async (c) => {
    const params = query(c, ["source", "target", "from", "to", "by", "both"]);
    const source = params.requiredActor("source");
    const target = params.requiredActor("target");
    const by = params.choice("by", PERIODS, "month");
    const both = params.bool("both", false);
    const { from, to } = params.dateRange();
    const series = await dyadSeries(sql, { source, target, by, both, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    return c.json({ source, target, by, both, series });
  });

  app.get("/top/:kind", async (c) => {
    const kind = TOP_KINDS.find((item) => item === c.req.param("kind"));
    if (!kind) throw new ApiError(404, `no such ranking "${c.req.param("kind")}": use ${TOP_KINDS.map((item) => `/top/${item}`).join(", ")}`);
    const params = query(c, [...FILTER_PARAMS, "limit"]);
    const rows = await top(sql, kind, eventFilter(params), params.int("limit", 20, 1, 200));
    return c.json({
      kind,
      rows: rows.map((row) => {
        if (kind === "codes") return { ...row, label: label(row.key) };
        if (kind === "dyads") return row;
        const name = actors.label(row.key);
        return name ? { ...row, label: name } : row;
      }),
    });
  });

  app.get("/network", async (c) => {
    const params = query(c, [...FILTER_PARAMS, "minEvents", "limit", "level"]);
    const result = await network(sql, eventFilter(params), {
      level: params.choice("level", ["country", "actor"] as const, "country"),
      minEvents: params.int("minEvents", 1, 1, 1_000_000),
      limit: params.int("limit", 150, 1, 1000),
    });
    return c.json({ nodes: result.nodes.map((node) => ({ ...node, label: actors.label(node.id) ?? node.id })), edges: result.edges });
  });

  app.get("/articles", async (c) => {
    const params = query(c, ["from", "to", "q", "limit", "offset"]);
    const { from, to } = params.dateRange();
    const text = params.text("q");
    const page = await articlePage(
      sql,
      { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(text ? { text } : {}) },
      params.int("limit", 50, 1, 500),
      params.int("offset", 0, 0, 10_000_000),
    );
    return c.json({ total: page.total, limit: page.limit, offset: page.offset, articles: page.items });
  });

  app.get("/articles/:id", async (c) => {
    query(c, []);
    const id = c.req.param("id");
    if (!/^[0-9a-f]{8,64}$/.test(id)) throw new ApiError(400, `invalid article id "${id}": expected a hexadecimal article key`, "id");
    const detail = await articleDetail(sql, id);
    if (!detail) throw new ApiError(404, `no article ${id}`);
    return c.json({ article: detail.article, mentions: detail.mentions.map((mention) => ({ ...mention, codeLabel: label(mention.code) })) });
  });

  app.get("/actors", (c) => {
    const params = query(c, ["q", "limit"]);
    const text = params.text("q", 100);
    if (!text) throw new ApiError(400, "q is required: a name, country, organisation or code to look up", "q");
    return c.json({ query: text, actors: actors.find(text, params.int("limit", 20, 1, 100)) });
  });

  app.get("/codes", (c) => {
    query(c, []);
    return c.json({
      codes: allCameoCodes().map((entry) => ({
        code: entry.code,
        label: entry.name,
        quad: entry.quad,
        goldstein: entry.goldstein,
        plover: entry.plover.event === "NONE" ? null : entry.plover.event,
      })),
    });
  });

  const tooLarge = (limitBytes: number) => (c: Context) =>
    c.json(errorBody(413, `request body larger than ${Math.round(limitBytes / 1024)} KiB`), 413);

  app.post("/code", bodyLimit({ maxSize: CODE_BODY_LIMIT, onError: tooLarge(CODE_BODY_LIMIT) }), async (c) => {
    query(c, []);
    const request = readCodeRequest(await jsonBody(c), today());
    return c.json({ events: codeText(coder, request).map((event) => ({ ...event, codeLabel: label(event.code) })) });
  });

  if (ingestQueue && options.token) {
    const token = options.token;
    app.post(
      "/ingest",
      async (c, next) => {
        if (!tokenMatches(c.req.header("authorization"), token)) {
          c.header("WWW-Authenticate", 'Bearer realm="parley"');
          throw new ApiError(401, "POST /ingest needs the server's token: send Authorization: Bearer <token>");
        }
        await next();
      },
      bodyLimit({ maxSize: INGEST_BODY_LIMIT, onError: tooLarge(INGEST_BODY_LIMIT) }),
      async (c) => {
        query(c, []);
        const articles = readIngestRequest(await jsonBody(c));
        return c.json(await ingestQueue.ingest(articles, new Date()));
      },
    );
  } else {
    app.post("/ingest", (c) => c.json(errorBody(404, "writing is disabled: start parley serve with --token to enable POST /ingest"), 404));
  }

  dashboardRoutes(app, options.dashboardDir);
  return app;
}

/** The request's JSON body; 415 for another content type, 400 for malformed JSON. */
async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, `send the body as JSON (Content-Type: application/json), not "${type || "none"}"`);
  try {
    return await c.req.json();
  } catch (error) {
    if (error instanceof HTTPException && error.status === 413) throw error;
    throw new ApiError(400, `malformed JSON body: ${(error as Error).message}`);
  }
}
