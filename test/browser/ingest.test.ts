/**
 * Adding articles from the status page (web/src/views/ingest-panel.ts) in Chromium against the real
 * server: a read-only `parley serve` explains how to enable writing and offers no form; with `--token`
 * a wrong token gets the server's 401, pasted JSON lines are stored (a malformed one reported by its
 * line and left out), the counts go up, and the new event is found in the events table; a .jsonl file
 * is sent in batches and a batch over the server's 5 MiB gets its 413.
 *
 * Both servers use one store, one after the other, so the sample corpus is ingested only once.
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

requireChromium("ingest panel in Chromium");

const TOKEN = "parley-browser-test-token-5c1e9a47d2b8f063";

// Lula's state visit to China, April 2023: Xi Jinping received him in Beijing on Friday 14 April, the
// day after his stop in Shanghai; Premier Li Qiang met him in Beijing the same day.
const XI_HOSTS_LULA = {
  id: "browser-test-2023-04-15-xi-lula",
  date: "2023-04-15",
  source: "parley browser test",
  text: "Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva in Beijing on Friday.",
};
const LULA_PRAISES_CHINA = {
  id: "browser-test-2023-04-14-lula-shanghai",
  date: "2023-04-14",
  url: "https://example.org/parley-browser-test/lula-shanghai",
  text: "Brazilian President Luiz Inacio Lula da Silva praised China in Shanghai on Thursday.",
};
const LI_MEETS_LULA = {
  id: "browser-test-2023-04-15-li-lula",
  date: "2023-04-15",
  text: "Chinese Premier Li Qiang met Brazilian President Luiz Inacio Lula da Silva in Beijing on Friday.",
};
/** Line 2 is cut short: the browser must report it and send the other two. */
const PASTED = [JSON.stringify(XI_HOSTS_LULA), '{"id": "browser-test-broken", "date": "2023-04-15", "text": "unterminated', JSON.stringify(LULA_PRAISES_CHINA)].join("\n");

interface StoreStatus {
  ingest: boolean;
  articles: number;
  events: number;
  mentions: number;
}

const shown = (count: number): string => count.toLocaleString("en-GB");

/** Errors the browser logs by itself for an answer with this status; anything else fails the test. */
const onlyStatuses = (errors: readonly string[], statuses: readonly number[]): string[] =>
  errors.filter((error) => !statuses.some((status) => error.includes(`status of ${status}`)));

let temp: string;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), "parley-browser-ingest-"));
  await buildDashboard();
}, 240_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** A server on the shared store (plus `args`) and a browser that may reach only it, for one describe block. */
function serveDuring(args: readonly string[]): { server: () => Server; context: () => BrowserContext } {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await startServer(join(temp, "t.duckdb"), args);
    ({ browser, context } = await launchBrowser(server));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });
  return { server: () => server!, context: () => context! };
}

describe.runIf(haveChromium)("ingest panel on a read-only server", { timeout: 120_000 }, () => {
  const running = serveDuring([]);

  it("explains how to enable writing, and offers no form", async () => {
    const { page, errors } = await openPageIn(running.context(), running.server(), "#/status");
    expect((await apiGetFrom<StoreStatus>(running.server(), "/status")).ingest).toBe(false);
    const note = page.getByTestId("ingest-readonly");
    await note.waitFor({ state: "visible" });
    expect(await note.textContent()).toMatch(/read-only.*parley serve --token TOKEN/);
    expect(await page.getByTestId("ingest-form").count()).toBe(0);
    expect(await page.getByTestId("ingest-token").count()).toBe(0);
    await eventually(() => page.getByTestId("status-ingest").textContent()).toContain("off");
    await screenshot(page, "20-ingest-read-only");
    expect(errors).toEqual([]);
  });
});

describe.runIf(haveChromium)("ingest panel with --token", { timeout: 120_000 }, () => {
  const running = serveDuring(["--token", TOKEN]);
  const apiGet = <T>(path: string): Promise<T> => apiGetFrom<T>(running.server(), path);

  async function openStatus(): Promise<{ page: Page; errors: string[]; before: StoreStatus }> {
    const { page, errors } = await openPageIn(running.context(), running.server(), "#/status");
    const before = await apiGet<StoreStatus>("/status");
    expect(before.ingest).toBe(true);
    await eventually(() => page.getByTestId("status-articles").textContent()).toContain(shown(before.articles));
    await page.getByTestId("ingest-form").waitFor({ state: "visible" });
    return { page, errors, before };
  }

  it("refuses a wrong token, stores pasted lines without the malformed one, and finds the new event", async () => {
    const { page, errors, before } = await openStatus();
    const token = page.getByTestId("ingest-token");
    expect(await token.getAttribute("type")).toBe("password");

    // A wrong token: the server's 401, nothing stored.
    await token.fill("not-the-servers-token");
    await page.getByTestId("ingest-text").fill(PASTED);
    await page.getByTestId("ingest-submit").click();
    const error = page.getByTestId("ingest-error");
    await eventually(() => error.textContent()).toContain("Wrong token.");
    expect(await error.textContent()).toContain("POST /ingest needs the server's token");
    expect(await error.getAttribute("data-status")).toBe("401");
    expect(await page.getByTestId("ingest-progress").textContent()).toBe("Batch 1 of 1 was refused.");
    expect(await page.getByTestId("ingest-batch").count()).toBe(0);
    expect((await apiGet<StoreStatus>("/status")).articles).toBe(before.articles);
    await screenshot(page, "21-ingest-wrong-token");

    // The right token, remembered for this tab.
    await token.fill(TOKEN);
    await page.getByTestId("ingest-remember").check();
    await page.getByTestId("ingest-submit").click();
    const batch = page.getByTestId("ingest-batch");
    await eventually(() => batch.count()).toBe(1);
    expect(await page.getByTestId("ingest-error").count()).toBe(0);
    const malformed = page.getByTestId("ingest-malformed").locator("li");
    expect(await malformed.count()).toBe(1);
    expect(await malformed.getAttribute("data-line")).toBe("2");
    expect(await malformed.textContent()).toMatch(/^line 2: malformed JSON/);
    expect(await batch.getAttribute("data-received")).toBe("2");
    expect(await batch.getAttribute("data-stored")).toBe("2");
    for (const count of ["alreadystored", "copies", "skipped", "failed"]) expect(await batch.getAttribute(`data-${count}`)).toBe("0");
    await eventually(() => page.getByTestId("ingest-progress").textContent()).toBe("Done: 2 of 2 articles stored, " + (await batch.getAttribute("data-events")) + " event mentions coded.");

    // The store has them, and the page's counts were read again.
    const after = await apiGet<StoreStatus>("/status");
    expect(after.articles).toBe(before.articles + 2);
    expect(Number(await batch.getAttribute("data-events"))).toBe(after.mentions - before.mentions);
    expect(after.mentions - before.mentions).toBeGreaterThanOrEqual(2);
    await eventually(() => page.getByTestId("status-articles").textContent()).toContain(shown(after.articles));
    await eventually(() => page.getByTestId("status-events").textContent()).toContain(shown(after.events));
    await screenshot(page, "22-ingest-stored");

    // Sent again: already stored, nothing new.
    await page.getByTestId("ingest-submit").click();
    await eventually(() => batch.getAttribute("data-alreadystored")).toBe("2");
    expect(await batch.getAttribute("data-stored")).toBe("0");
    expect((await apiGet<StoreStatus>("/status")).articles).toBe(after.articles);

    // The token stays for this tab only while the box is ticked.
    await page.reload();
    await page.getByTestId("ingest-form").waitFor({ state: "visible" });
    expect(await page.getByTestId("ingest-token").inputValue()).toBe(TOKEN);
    expect(await page.getByTestId("ingest-remember").isChecked()).toBe(true);
    await page.getByTestId("ingest-remember").uncheck();
    expect(await page.evaluate("sessionStorage.length")).toBe(0);

    // The new event in the events table, found by a word of its sentence.
    await page.goto(`${running.server().url}/#/events`);
    await page.getByTestId("filter-q").fill("Lula");
    await page.getByTestId("events-submit").click();
    await page.waitForURL(/#\/events\?q=Lula$/);
    const found = await apiGet<{ total: number; events: Array<{ id: string; sentence: string | null }> }>("/events?q=Lula&limit=50");
    const hosted = found.events.find((event) => event.sentence === XI_HOSTS_LULA.text);
    expect(hosted, "the API finds the stored event").toBeDefined();
    await eventually(() => page.getByTestId("page-range").first().getAttribute("data-total")).toBe(String(found.total));
    const row = page.locator(`[data-testid="event-row"][data-event-id="${hosted!.id}"]`);
    await row.waitFor({ state: "visible" });
    expect(await row.locator("td.sentence").textContent()).toContain("hosted Brazilian President Luiz Inacio Lula da Silva");
    // "on Friday" in an article of Saturday 15 April 2023.
    expect(await row.locator("td.date").getAttribute("title")).toBe("2023-04-14");
    await screenshot(page, "23-ingest-event-in-table");

    expect(onlyStatuses(errors, [401])).toEqual([]);
  });

  it("sends a .jsonl file in batches and shows the server's 413 for a batch over its limit", async () => {
    const { page, errors, before } = await openStatus();
    // A second line of over 5 MiB: the browser sends it on its own, and the server refuses it.
    const oversized = { id: "browser-test-oversized", date: "2023-04-15", text: "Beijing. ".repeat(700_000) };
    const file = `${JSON.stringify(LI_MEETS_LULA)}\n${JSON.stringify(oversized)}\n`;
    await page.getByTestId("ingest-token").fill(TOKEN);
    await page.getByTestId("ingest-file").setInputFiles({ name: "two-articles.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(file) });
    expect(await page.getByTestId("ingest-text").isDisabled()).toBe(true);
    await page.getByTestId("ingest-submit").click();

    const error = page.getByTestId("ingest-error");
    await eventually(() => error.getAttribute("data-status")).toBe("413");
    expect(await error.textContent()).toMatch(/Too large for the server\..*request body larger than/);
    const batch = page.getByTestId("ingest-batch");
    expect(await batch.count()).toBe(1);
    expect(await batch.getAttribute("data-stored")).toBe("1");
    expect(await batch.locator("td").nth(1).textContent()).toBe("1");
    await eventually(() => page.getByTestId("ingest-progress").textContent()).toBe("Batch 2 of 2 was refused.");
    await eventually(() => page.getByTestId("status-articles").textContent()).toContain(shown(before.articles + 1));
    await screenshot(page, "24-ingest-file-413");

    // Removing the file gives the text box back.
    await page.getByTestId("ingest-file-clear").click();
    expect(await page.getByTestId("ingest-text").isDisabled()).toBe(false);
    expect(onlyStatuses(errors, [413])).toEqual([]);
  });
});
