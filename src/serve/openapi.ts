/**
 * The OpenAPI 3.1 description served at /openapi.json. Written out by hand, next to the routes
 * it describes (app.ts); test/serve/app.test.ts checks that every route is described.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const string = { type: "string" };
const integer = { type: "integer" };
const number = { type: "number" };
const nullable = (type: string): Json => ({ type: [type, "null"] });
const span: Json = { type: ["array", "null"], items: integer, minItems: 2, maxItems: 2, description: "[start, end) offsets into the sentence" };

function query(name: string, description: string, schema: Json = string, required = false): Json {
  return { name, in: "query", required, description, schema };
}

const DATE_FORMAT = "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)";
const filterParameters: Json[] = [
  query("from", `first event date: ${DATE_FORMAT}`),
  query("to", `last event date: ${DATE_FORMAT}`),
  query("actor", "source or target: CAMEO actor code prefix or country (RUS matches RUSGOV)"),
  query("source", "source actor code prefix or country"),
  query("target", "target actor code prefix or country"),
  query("code", "CAMEO event code prefix (04, 043)"),
  query("root", "CAMEO root, two digits (19)"),
  query("quad", "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict", { type: "integer", minimum: 1, maximum: 4 }),
  query("plover", "PLOVER event type (CONSULT, ASSAULT, ...)"),
  query("q", "words searched, case-insensitively, in the sentences that mention the event"),
];
const page = (fallback: number, max: number): Json[] => [
  query("limit", `rows per page (default ${fallback}, at most ${max})`, { type: "integer", minimum: 1, maximum: max }),
  query("offset", "rows to skip", { type: "integer", minimum: 0 }),
];

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: Json): Json => ({ description, content: { "application/json": { schema } } });
const error = (description: string): Json => ok(description, ref("Error"));
const errors = { "400": error("invalid parameter (the message names it)"), "503": error("the request took too long") };

const schemas: Record<string, Json> = {
  Error: {
    type: "object",
    properties: { error: { type: "object", properties: { status: integer, message: string, parameter: string }, required: ["status", "message"] } },
  },
  Event: {
    type: "object",
    properties: {
      id: string,
      date: string,
      datePrecision: { enum: ["day", "month", "year"] },
      source: string,
      sourceCountry: nullable("string"),
      sourceAgent: nullable("string"),
      target: nullable("string"),
      targetCountry: nullable("string"),
      targetAgent: nullable("string"),
      code: string,
      codeLabel: string,
      root: string,
      quad: integer,
      goldstein: number,
      ploverEvent: nullable("string"),
      ploverMode: nullable("string"),
      numMentions: integer,
      numSources: integer,
      numArticles: integer,
      firstArticle: string,
      sentence: nullable("string"),
    },
  },
  Mention: {
    type: "object",
    properties: {
      eventId: string,
      articleId: string,
      title: nullable("string"),
      url: nullable("string"),
      publisher: string,
      published: nullable("string"),
      sentence: { type: "integer", description: "the sentence's index in its article" },
      text: nullable("string"),
      spans: { type: "object", properties: { source: span, target: span, verb: span } },
      rule: nullable("string"),
      confidence: nullable("number"),
    },
  },
  CodedEvent: {
    type: "object",
    properties: {
      sentence: integer,
      date: string,
      datePrecision: string,
      source: string,
      target: nullable("string"),
      code: string,
      codeLabel: string,
      root: string,
      quad: integer,
      goldstein: number,
      plover: { type: "object", properties: { event: string, mode: string, context: string } },
      text: string,
      spans: { type: "object", properties: { source: span, target: span, verb: span } },
      rule: { type: "array", items: string },
    },
  },
  Article: {
    type: "object",
    properties: { id: string, title: nullable("string"), url: nullable("string"), publisher: nullable("string"), published: nullable("string"), events: integer },
  },
};

export function openApiDocument(options: { ingest: boolean }): Json {
  const paths: Record<string, Json> = {
    "/status": { get: { summary: "What the store holds and who wrote it", responses: { "200": ok("store status", { type: "object" }) } } },
    "/events": {
      get: {
        summary: "Events matching a filter, newest first",
        parameters: [...filterParameters, ...page(50, 500)],
        responses: {
          "200": ok("a page of events", { type: "object", properties: { total: integer, limit: integer, offset: integer, events: { type: "array", items: ref("Event") } } }),
          ...errors,
        },
      },
    },
    "/events/{id}": {
      get: {
        summary: "One event with every mention of it (provenance: sentences, spans, rules, articles)",
        parameters: [{ name: "id", in: "path", required: true, schema: string }],
        responses: {
          "200": ok("the event", { type: "object", properties: { event: ref("Event"), mentions: { type: "array", items: ref("Mention") } } }),
          "404": error("no such event"),
          ...errors,
        },
      },
    },
    "/dyad": {
      get: {
        summary: "A dyad's timeline: events per quad class, Goldstein sum and mean, per period",
        parameters: [
          query("source", "source actor code or country", string, true),
          query("target", "target actor code or country", string, true),
          query("from", DATE_FORMAT),
          query("to", DATE_FORMAT),
          query("by", "period", { enum: ["day", "week", "month", "year"] }),
          query("both", "count both directions", { type: "boolean" }),
        ],
        responses: { "200": ok("the series", { type: "object" }), ...errors },
      },
    },
    "/top/{kind}": {
      get: {
        summary: "Most frequent actors, dyads or event codes",
        parameters: [{ name: "kind", in: "path", required: true, schema: { enum: ["actors", "dyads", "codes"] } }, ...filterParameters, query("limit", "rows (default 20, at most 200)", integer)],
        responses: { "200": ok("ranked rows", { type: "object" }), "404": error("unknown kind"), ...errors },
      },
    },
    "/network": {
      get: {
        summary: "Who acts on whom: nodes and weighted, directed edges for a period",
        parameters: [
          ...filterParameters,
          query("level", "nodes are countries or whole actor codes", { enum: ["country", "actor"] }),
          query("minEvents", "leave out edges with fewer events", integer),
          query("limit", "at most this many edges, heaviest first (default 150, at most 1000)", integer),
        ],
        responses: { "200": ok("the network", { type: "object" }), ...errors },
      },
    },
    "/articles": {
      get: {
        summary: "Stored articles, newest first",
        parameters: [query("from", DATE_FORMAT), query("to", DATE_FORMAT), query("q", "words searched in titles and texts"), ...page(50, 500)],
        responses: {
          "200": ok("a page of articles", { type: "object", properties: { total: integer, articles: { type: "array", items: ref("Article") } } }),
          ...errors,
        },
      },
    },
    "/articles/{id}": {
      get: {
        summary: "One article's cleaned text with the events coded from it and their spans",
        parameters: [{ name: "id", in: "path", required: true, schema: string }],
        responses: { "200": ok("the article", { type: "object" }), "404": error("no such article"), ...errors },
      },
    },
    "/actors": {
      get: {
        summary: "Dictionary look-up: the codes a name, country, organisation or agent word stands for",
        parameters: [query("q", "what to look up (accents and case do not matter)", string, true), query("limit", "rows (default 20, at most 100)", integer)],
        responses: { "200": ok("matching dictionary entries", { type: "object" }), ...errors },
      },
    },
    "/codes": { get: { summary: "The CAMEO codes with labels, quad classes, Goldstein weights and PLOVER types", responses: { "200": ok("codes", { type: "object" }) } } },
    "/code": {
      post: {
        summary: "Code a text into events without storing anything",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", required: ["text"], properties: { text: string, date: { type: "string", description: "YYYY-MM-DD (default today)" }, title: string } } } },
        },
        responses: {
          "200": ok("the events", { type: "object", properties: { events: { type: "array", items: ref("CodedEvent") } } }),
          "413": error("body over 1 MiB"),
          "415": error("body is not JSON"),
          ...errors,
        },
      },
    },
  };
  if (options.ingest) {
    paths["/ingest"] = {
      post: {
        summary: "Code and store articles (only when the server was started with --token)",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["articles"],
                properties: { articles: { type: "array", maxItems: 1000, items: { type: "object", required: ["id", "date", "text"], properties: { id: string, date: string, text: string, title: string, url: string, source: string } } } },
              },
            },
          },
        },
        responses: { "200": ok("what was stored", { type: "object" }), "401": error("missing or wrong token"), "413": error("body over 5 MiB"), ...errors },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "parley", version: "1", description: "Political event data coded from news: events, dyads, networks and the sentences behind them." },
    paths,
    components: { schemas, securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  };
}
