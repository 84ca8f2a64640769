/**
 * The dashboard in a real browser against the real server: Debian's Chromium driven by playwright-core,
 * `parley serve --sample` on a temporary DuckDB store. Every step checks what a user would see against
 * what the API says, saves a screenshot to test-results/screenshots/, and fails on any page console error.
 * Start-up and page helpers are in ./harness.ts (shared with the ingest test).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiGet as apiGetFrom,
  buildDashboard,
  eventually,
  haveChromium,
  launchBrowser,
  openPage as openPageIn,
  requireChromium,
  screenshot,
  startServer,
  stopServer,
  type Server,
} from "./harness.js";

requireChromium("dashboard in Chromium");

// ---- API answers the pages are checked against ------------------------------------------------

const DAY_MS = 86_400_000;

/** "2024-W09": a week belongs to the year of its Thursday and is counted from that year's first Thursday. */
function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

type Span = [number, number] | null;
interface ApiMention {
  articleId: string;
  text: string;
  spans: { source: Span; verb: Span; target: Span };
}
interface ApiEvent {
  id: string;
  date: string;
  source: string;
  target: string | null;
  quad: number;
}

describe.runIf(haveChromium)("dashboard in Chromium", { timeout: 120_000 }, () => {
  let temp: string;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;

  const apiGet = <T>(path: string): Promise<T> => apiGetFrom<T>(server!, path);
  /** A fresh page that records console errors and uncaught exceptions (each test asserts there are none). */
  const openPage = (hash: string): Promise<{ page: Page; errors: string[] }> => openPageIn(context, server!, hash);

  /** Marks in `container` against the API's spans: each mark's text is exactly its span of the sentence. */
  async function expectMarksMatch(page: Page, selector: string, mention: ApiMention): Promise<void> {
    const container = page.locator(selector);
    for (const role of ["source", "verb", "target"] as const) {
      const span = mention.spans[role];
      const marks = container.locator(`mark.span-${role}`);
      if (!span) {
        await eventually(() => marks.count()).toBe(0);
        continue;
      }
      await eventually(() => marks.count()).toBe(1);
      expect(await marks.textContent()).toBe(mention.text.slice(span[0], span[1]));
      expect(await marks.getAttribute("data-role")).toBe(role);
    }
    expect((await container.locator("blockquote").textContent())?.trim()).toBe(mention.text.trim());
  }

  interface Bar {
    period: string;
    events: number;
    x: number;
    y: number;
  }

  /** The bars the chart says it drew (pixels from its canvas's top-left). */
  async function drawnBars(page: Page): Promise<Bar[]> {
    const chart = page.getByTestId("dyad-chart");
    await eventually(() => chart.getAttribute("data-bars")).toMatch(/"period"/);
    return JSON.parse((await chart.getAttribute("data-bars"))!) as Bar[];
  }

  /** Clicks the bar with the most events, as a user would, and waits for its events' heading. */
  async function clickBusiestBar(page: Page): Promise<Bar> {
    const busiest = (await drawnBars(page)).reduce((best, bar) => (bar.events > best.events ? bar : best));
    const canvas = (await page.getByTestId("dyad-chart").locator("canvas").first().boundingBox())!;
    await page.mouse.click(canvas.x + busiest.x, canvas.y + busiest.y);
    await eventually(() => page.getByTestId("period-title").textContent()).toContain(busiest.period);
    return busiest;
  }

  /** Moves the mouse off the chart so its tooltip (hidden after a short delay) is not in the screenshot. */
  async function moveAway(page: Page): Promise<void> {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
  }

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), "parley-browser-"));
    await buildDashboard();
    server = await startServer(join(temp, "t.duckdb"));
    ({ browser, context } = await launchBrowser(server));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("explores a dyad: picks actors, draws the timeline, lists a period's events, shows an event's provenance", async () => {
    const { page, errors } = await openPage("#/dyad");

    // No dyad yet: the busiest ones are offered.
    await page.getByTestId("top-dyad").first().waitFor({ state: "visible" });
    await screenshot(page, "01-dyad-start");

    // Pick the actors the way a user does: type a name, choose a suggestion.
    await page.getByTestId("actor-source").fill("russia");
    await page.locator('[data-testid="suggestions-source"] li[data-code="RUS"]').click();
    await eventually(() => page.getByTestId("actor-source").inputValue()).toBe("RUS");
    await page.getByTestId("actor-target").fill("ukr");
    await page.locator('[data-testid="suggestions-target"] li[data-code="UKR"]').click();
    await eventually(() => page.getByTestId("actor-target").inputValue()).toBe("UKR");
    await page.getByTestId("dyad-by").selectOption("month");
    await page.getByTestId("dyad-submit").click();
    await page.waitForURL(/#\/dyad\?source=RUS&target=UKR&by=month/);

    // The chart: a canvas, drawn from the API's series, with its bars placed.
    const series = await apiGet<{ series: Array<{ period: string; events: number }> }>("/dyad?source=RUS&target=UKR&by=month");
    expect(series.series.length).toBeGreaterThan(0);
    const chart = page.getByTestId("dyad-chart");
    await chart.locator("canvas").first().waitFor({ state: "visible" });
    await eventually(() => chart.getAttribute("data-events")).toBe(String(series.series.reduce((sum, point) => sum + point.events, 0)));
    expect((await drawnBars(page)).length).toBeGreaterThan(0);
    await screenshot(page, "02-dyad-chart");

    // Click the busiest bar: its events are listed, all from that month.
    const busiest = await clickBusiestBar(page);
    const rows = page.getByTestId("period-events-table").getByTestId("event-row");
    await eventually(() => rows.count()).toBe(busiest.events);
    for (const date of await rows.locator("td.date").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("title") ?? ""))) {
      expect(date.startsWith(busiest.period)).toBe(true);
    }
    await page.waitForURL(new RegExp(`period=${busiest.period}`));
    await eventually(() => chart.getAttribute("data-selected")).toBe(busiest.period);
    await moveAway(page);
    await screenshot(page, "03-dyad-period-events");

    // Click an event: its provenance, with source, verb and target marked on the words the API names.
    const eventId = (await rows.first().getAttribute("data-event-id"))!;
    await rows.first().locator("td.sentence").click();
    await page.waitForURL(new RegExp(`#/event/${eventId}$`));
    const provenance = await apiGet<{ event: ApiEvent; mentions: ApiMention[] }>(`/events/${eventId}`);
    await eventually(() => page.getByTestId("mention").count()).toBe(provenance.mentions.length);
    await eventually(() => page.getByTestId("event-summary").textContent()).toContain(provenance.event.source);
    await expectMarksMatch(page, '[data-testid="mention"] >> nth=0', provenance.mentions[0]!);
    expect((await page.getByTestId("mention-rule").first().textContent())?.trim()).toBeTruthy();
    await screenshot(page, "04-event-provenance");

    // From the mention to its article, with the same words marked in the full text.
    await page.getByTestId("article-link").first().click();
    await page.waitForURL(new RegExp(`#/article/${provenance.mentions[0]!.articleId}$`));
    await page.getByTestId("article-text").waitFor({ state: "visible" });
    const firstSpan = provenance.mentions[0]!.spans.verb!;
    await page.getByTestId("article-text").locator("mark.span-verb").filter({ hasText: provenance.mentions[0]!.text.slice(firstSpan[0], firstSpan[1]) }).first().waitFor({ state: "visible" });
    await page.getByTestId("article-events").locator("li").first().waitFor({ state: "visible" });
    await screenshot(page, "05-article");

    expect(errors).toEqual([]);
  });

  it("shows both directions by ISO week, zooms with the mouse wheel, and lists a week's events", async () => {
    const { page, errors } = await openPage("#/dyad?source=UKR&target=RUS&by=week&both=true");
    const answer = await apiGet<{ series: Array<{ period: string; events: number }> }>("/dyad?source=UKR&target=RUS&by=week&both=true");
    const total = answer.series.reduce((sum, point) => sum + point.events, 0);
    const chart = page.getByTestId("dyad-chart");
    await eventually(() => chart.getAttribute("data-events")).toBe(String(total));
    expect(Number(await chart.getAttribute("data-periods"))).toBeGreaterThanOrEqual(answer.series.length);
    const fullWindow = `${answer.series[0]!.period}/${answer.series[answer.series.length - 1]!.period}`;
    await eventually(() => chart.getAttribute("data-window")).toBe(fullWindow);

    // A week's events come from both directions and fall inside that ISO week.
    const busiest = await clickBusiestBar(page);
    const rows = page.getByTestId("period-events-table").getByTestId("event-row");
    await eventually(() => rows.count()).toBe(busiest.events);
    for (const date of await rows.locator("td.date").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("title") ?? ""))) {
      expect(isoWeek(date)).toBe(busiest.period);
    }

    // Wheel over the plot zooms in: a narrower window of weeks.
    const canvas = (await chart.locator("canvas").first().boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    for (let step = 0; step < 5; step++) await page.mouse.wheel(0, -300);
    await eventually(() => chart.getAttribute("data-window")).not.toBe(fullWindow);
    await moveAway(page);
    await screenshot(page, "10-dyad-weeks-both-zoomed");
    expect(errors).toEqual([]);
  });

  it("draws the actor network and opens an actor's events from a node", async () => {
    const { page, errors } = await openPage("#/network");
    const network = await apiGet<{ nodes: Array<{ id: string; events: number }>; edges: unknown[] }>("/network");
    const graph = page.getByTestId("network-graph");
    await graph.locator("canvas").first().waitFor({ state: "attached" });
    await eventually(() => graph.getAttribute("data-node-count")).toBe(String(network.nodes.length));
    await eventually(() => graph.getAttribute("data-edge-count")).toBe(String(network.edges.length));
    await screenshot(page, "06-network");

    // Click the busiest actor's node on the canvas.
    const busiest = network.nodes.reduce((best, node) => (node.events > best.events ? node : best));
    const placed = JSON.parse((await graph.getAttribute("data-nodes"))!) as Array<{ id: string; x: number; y: number }>;
    const node = placed.find((candidate) => candidate.id === busiest.id)!;
    const canvas = (await graph.locator("canvas").last().boundingBox())!;
    await page.mouse.click(canvas.x + node.x, canvas.y + node.y);
    await page.waitForURL(new RegExp(`#/events\\?actor=${busiest.id}$`));
    const answer = await apiGet<{ total: number }>(`/events?actor=${busiest.id}&limit=1`);
    await eventually(() => page.getByTestId("page-range").first().getAttribute("data-total")).toBe(String(answer.total));
    expect(errors).toEqual([]);
  });

  it("filters and pages the events table, and shows the API's message for a bad filter", async () => {
    const { page, errors } = await openPage("#/events");
    const all = await apiGet<{ total: number; events: ApiEvent[] }>("/events?limit=50");
    await eventually(() => page.getByTestId("event-row").count()).toBe(Math.min(50, all.total));
    await eventually(() => page.getByTestId("page-range").first().textContent()).toBe(`1–${Math.min(50, all.total)} of ${all.total}`);
    if (all.total > 50) {
      await page.getByTestId("page-next").first().click();
      await page.waitForURL(/offset=50/);
      await eventually(() => page.getByTestId("page-range").first().textContent()).toBe(`51–${Math.min(100, all.total)} of ${all.total}`);
    }

    // Material conflict from 2022 on.
    await page.getByTestId("filter-from").fill("2022");
    await page.getByTestId("filter-quad").selectOption("4");
    await page.getByTestId("events-submit").click();
    await page.waitForURL(/#\/events\?from=2022&quad=4$/);
    const conflict = await apiGet<{ total: number; events: ApiEvent[] }>("/events?from=2022&quad=4&limit=50");
    expect(conflict.total).toBeGreaterThan(0);
    await eventually(() => page.getByTestId("event-row").count()).toBe(Math.min(50, conflict.total));
    await eventually(() => page.locator('[data-testid="event-row"]:not(.quad-row-4)').count()).toBe(0);
    await eventually(() => page.getByTestId("event-row").first().getAttribute("data-event-id")).toBe(conflict.events[0]!.id);
    await screenshot(page, "07-events-filtered");

    // Words of the sentence.
    const word = "missile";
    await page.getByTestId("filter-q").fill(word);
    await page.getByTestId("events-submit").click();
    const found = await apiGet<{ total: number }>(`/events?from=2022&quad=4&q=${word}&limit=50`);
    expect(found.total).toBeGreaterThan(0);
    await eventually(() => page.getByTestId("page-range").first().getAttribute("data-total")).toBe(String(found.total));
    for (const sentence of await page.locator('[data-testid="event-row"] td.sentence').allTextContents()) expect(sentence.toLowerCase()).toContain(word.toLowerCase());

    expect(errors).toEqual([]);

    // A bad date: the API's one-line message, shown as it is (the browser logs the 400 itself).
    await page.getByTestId("filter-from").fill("2024-13");
    await page.getByTestId("events-submit").click();
    await eventually(() => page.getByTestId("error").textContent()).toContain('invalid month in "2024-13"');
    expect(await page.getByTestId("filter-from").getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "08-events-error");
    expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  });

  it("shows the API's message for an event or article that does not exist", async () => {
    const { page, errors } = await openPage("#/event/123");
    await eventually(() => page.getByTestId("error").textContent()).toMatch(/^404.*123/);
    await page.goto(`${server!.url}/#/article/0123456789abcdef0123456789abcdef`);
    await eventually(() => page.getByTestId("error").textContent()).toMatch(/^404.*0123456789abcdef0123456789abcdef/);
    await page.goto(`${server!.url}/#/event/not-an-id`);
    await eventually(() => page.getByTestId("error").textContent()).toMatch(/^400.*not-an-id/);
    await screenshot(page, "11-event-bad-id");
    // The browser itself logs each 4xx response; nothing else may be logged.
    expect(errors.filter((error) => !/status of 40[04]/.test(error))).toEqual([]);
  });

  it("shows the store's status and top lists, and codes a text without storing it", async () => {
    const { page, errors } = await openPage("#/status");
    const status = await apiGet<{ events: number; articles: number }>("/status");
    await eventually(() => page.getByTestId("status-events").textContent()).toContain(status.events.toLocaleString("en-GB"));
    await eventually(() => page.getByTestId("status-articles").textContent()).toContain(status.articles.toLocaleString("en-GB"));
    for (const kind of ["actors", "dyads", "codes"]) await page.getByTestId(`top-${kind}`).locator("tbody tr").first().waitFor({ state: "visible" });

    const text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.";
    await page.getByTestId("code-text").fill(text);
    await page.getByTestId("code-date").fill("2025-05-08");
    await page.getByTestId("code-submit").click();
    const coded = page.getByTestId("coded-event");
    await coded.first().waitFor({ state: "visible" });
    await eventually(() => coded.first().locator("mark.span-source").textContent()).toBe("Russian President Vladimir Putin");
    await eventually(() => coded.first().locator("mark.span-verb").textContent()).toBe("met");
    await eventually(() => coded.first().locator("mark.span-target").textContent()).toBe("Chinese President Xi Jinping");
    // The text is dated Thursday 2025-05-08: "on Tuesday" is the 6th.
    await eventually(() => coded.first().textContent()).toContain("2025-05-06");
    await screenshot(page, "09-status-code-text");

    // Nothing was stored.
    expect((await apiGet<{ events: number }>("/status")).events).toBe(status.events);
    expect(errors).toEqual([]);
  });
});
