/**
 * What the browser tests share: the built dashboard, `parley serve` started for real on a temporary
 * store, Debian's Chromium driven by playwright-core (offline but for that server), pages that record
 * console errors, and screenshots in test-results/screenshots/.
 *
 * Without /usr/bin/chromium the browser tests are skipped with a message, unless PARLEY_REQUIRE_BROWSER=1
 * (CI), where that is a failure (scripts/ci-chromium.sh installs it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { describe, expect, it, onTestFailed } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
export const REPO = fileURLToPath(new URL("../../", import.meta.url));
const WEB = join(REPO, "web");
export const SCREENSHOTS = join(REPO, "test-results", "screenshots");
export const haveChromium = existsSync(CHROMIUM);
const browserRequired = process.env["PARLEY_REQUIRE_BROWSER"] === "1";

/** Says why a browser test file is skipped, or (CI) registers a failing test when Chromium is missing. */
export function requireChromium(title: string): void {
  if (!haveChromium && !browserRequired) {
    console.warn(`test/browser: ${title} skipped — no Chromium at ${CHROMIUM} (run scripts/ci-chromium.sh, or set PARLEY_REQUIRE_BROWSER=1 to make this a failure)`);
  }
  describe.runIf(!haveChromium && browserRequired)(`${title} (required)`, () => {
    it("needs Debian's Chromium", () => {
      throw new Error(`PARLEY_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: run scripts/ci-chromium.sh`);
    });
  });
}

// ---- the built dashboard ----------------------------------------------------------------------

const BUILD_LOCK = join(REPO, "test-results", ".web-build.lock");
/** A lock older than this was left by a run that was killed mid-build. */
const STALE_LOCK_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function lockAge(): number {
  try {
    return Date.now() - statSync(BUILD_LOCK).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Runs `work` while holding a lock directory: test files run in parallel processes, and one must not
 * empty web/dist while another's server is serving it.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(REPO, "test-results"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (lockAge() > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** Builds web/ into web/dist unless the build is newer than every source file. */
export function buildDashboard(): Promise<void> {
  return withBuildLock(async () => {
    const built = join(WEB, "dist", "index.html");
    const sources = Math.max(newestChange(join(WEB, "src")), newestChange(join(WEB, "index.html")), newestChange(join(WEB, "vite.config.ts")));
    if (existsSync(built) && statSync(built).mtimeMs > sources) return;
    const { build } = await import("vite");
    await build({ configFile: join(WEB, "vite.config.ts"), logLevel: "warn" });
  });
}

// ---- the server -------------------------------------------------------------------------------

const LISTENING = /^parley serve: listening on (http:\/\/\S+)/m;
const SERVER_START_MS = 120_000;

export interface Server {
  process: ChildProcess;
  url: string;
}

/** Starts `parley serve --sample` (plus `args`) and resolves with its URL once it prints its listening line. */
export function startServer(database: string, args: readonly string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [join(REPO, "dist", "cli", "bin.js"), "serve", "--db", database, "--port", "0", "--sample", ...args], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`parley serve printed no listening line in ${SERVER_START_MS / 1000} s\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, SERVER_START_MS);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = LISTENING.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1]! });
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited (${code}) before listening\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (server.process.exitCode === null) server.process.kill("SIGKILL");
}

/** GET from the server's API, as the checks' reference for what the pages show. */
export async function apiGet<T>(server: Server, path: string): Promise<T> {
  const response = await fetch(server.url + path);
  expect(response.ok, `GET ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

// ---- the browser ------------------------------------------------------------------------------

/** Chromium with one context that may reach only `server` (the dashboard needs no CDN, no web fonts). */
export async function launchBrowser(server: Server): Promise<{ browser: Browser; context: BrowserContext }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await context.route(/.*/, (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  return { browser, context };
}

/** A fresh page at `hash` that records console errors and uncaught exceptions (each test asserts there are none). */
export async function openPage(context: BrowserContext, server: Server, hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  // What the page showed when a check failed, and what it logged.
  onTestFailed(async () => {
    await page.screenshot({ path: join(SCREENSHOTS, `failed-${Date.now()}.png`), fullPage: true }).catch(() => undefined);
    console.error(`page at ${page.url()} logged:\n${errors.join("\n") || "(nothing)"}`);
  });
  await page.goto(`${server.url}/${hash}`);
  return { page, errors };
}

export const screenshot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Waits for what the page shows to settle (pages load data after they appear; CI machines are busy). */
export function eventually<T>(read: () => Promise<T>): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 30_000, interval: 100 });
}
