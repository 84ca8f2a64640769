import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { code } from "../../src/index.js";
import type { CodedEvent } from "../../src/document/types.js";

/**
 * The bundled sample corpus (examples/sample-corpus.jsonl) is what `npm start` ingests and the dashboard shows,
 * so it must stay well-formed and must keep producing the events its articles report.
 */
interface SampleArticle {
  id: string;
  date: string;
  title: string;
  text: string;
  url: string;
  source: string;
}

const CORPUS = new URL("../../examples/sample-corpus.jsonl", import.meta.url);
const FIELDS = ["id", "date", "title", "text", "url", "source"] as const;
// Documentation-only domains (RFC 2606): the outlets are invented, so no real outlet's address may appear.
const RESERVED_URL = /^https:\/\/example\.(org|com|net)\//;

const lines = readFileSync(CORPUS, "utf8").split("\n").filter((line) => line.trim() !== "");
const articles: SampleArticle[] = lines.map((line) => JSON.parse(line) as SampleArticle);
const eventsById = new Map<string, CodedEvent[]>(
  articles.map((article) => [article.id, code(article.text, { date: article.date, id: article.id, title: article.title })]),
);
const allEvents = [...eventsById.values()].flat();

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

describe("the sample corpus file", () => {
  it("has at least 60 articles with unique ids", () => {
    expect(articles.length).toBeGreaterThanOrEqual(60);
    expect(new Set(articles.map((article) => article.id)).size).toBe(articles.length);
  });

  it("gives every article exactly the documented fields, each a non-empty string", () => {
    for (const article of articles) {
      expect(Object.keys(article).sort(), article.id).toEqual([...FIELDS].sort());
      for (const field of FIELDS) expect(typeof article[field] === "string" && article[field].length > 0, `${article.id}.${field}`).toBe(true);
    }
  });

  it("dates every article with a real calendar day between 2022 and 2026", () => {
    for (const article of articles) {
      expect(isCalendarDate(article.date), article.id).toBe(true);
      expect(article.date >= "2022-01-01" && article.date <= "2026-12-31", article.id).toBe(true);
    }
  });

  it("links only to reserved documentation domains and names only the invented outlets", () => {
    for (const article of articles) {
      expect(article.url, article.id).toMatch(RESERVED_URL);
      expect(["Sample Wire", "Example Daily", "Demo Times"], article.id).toContain(article.source);
    }
  });

  it("keeps every text a short wire story of 100 to 250 words", () => {
    for (const article of articles) {
      const words = article.text.split(/\s+/).filter(Boolean).length;
      expect(words >= 100 && words <= 250, `${article.id}: ${words} words`).toBe(true);
    }
  });

  it("reports some events in more than one outlet on the same day", () => {
    const outletsByDay = new Map<string, Set<string>>();
    for (const article of articles) outletsByDay.set(article.date, (outletsByDay.get(article.date) ?? new Set()).add(article.source));
    const sharedDays = [...outletsByDay.values()].filter((outlets) => outlets.size >= 2);
    expect(sharedDays.length).toBeGreaterThanOrEqual(5);
  });
});

describe("coding the sample corpus", () => {
  it("yields at least one event for every article", () => {
    const silent = articles.filter((article) => (eventsById.get(article.id) ?? []).length === 0).map((article) => article.id);
    expect(silent).toEqual([]);
  });

  it("yields events of all four quad classes, each well represented", () => {
    for (const quad of [1, 2, 3, 4]) {
      expect(allEvents.filter((event) => event.quad === quad).length, `quad ${quad}`).toBeGreaterThanOrEqual(20);
    }
  });

  it("involves at least 20 distinct countries", () => {
    const countries = new Set<string>();
    for (const event of allEvents) {
      for (const actor of [event.source, event.target]) {
        if (actor && /^[A-Z]{3}/.test(actor) && !actor.startsWith("IGO")) countries.add(actor.slice(0, 3));
      }
    }
    // Agent-only codes (GOV, MIL, CVL …) are not countries.
    for (const agent of ["GOV", "MIL", "CVL", "REB", "OPP", "LEG", "NGO", "BUS", "COP", "MED", "CRM", "UAF"]) countries.delete(agent);
    expect(countries.size).toBeGreaterThanOrEqual(20);
  });

  // Headline events checked against the facts: article, source, code (or root prefix), target, event date.
  const expected: Array<[id: string, source: string, code: string, target: string, date: string]> = [
    ["ru-invasion-sw", "RUSMIL", "190", "UKR", "2022-02-24"],
    ["ru-invasion-ed", "UKR", "161", "RUS", "2022-02-24"],
    ["grain-deal-2022", "RUS", "057", "UKR", "2022-07-22"],
    ["ua-prisoner-swap-2022", "UKR", "084", "RUS", "2022-09-21"],
    ["biden-xi-bali", "USAGOV", "040", "CHNGOV", "2022-11-14"],
    ["balloon-shootdown-dt", "CHNGOV", "112", "USA", "2023-02-05"],
    ["saudi-iran-beijing", "SAU", "03", "IRN", "2023-03-10"],
    ["xi-moscow-2023", "RUSGOV", "043", "CHNGOV", "2023-03-20"],
    ["hamas-attack-sw", "PSEREBHMS", "190", "ISR", "2023-10-07"],
    ["iran-attacks-israel-2024", "IRN", "19", "ISR", "2024-04-13"],
    ["china-ph-second-thomas", "CHNMIL", "171", "PHLMIL", "2024-06-17"],
    ["m23-goma", "COD", "161", "RWA", "2025-01-26"],
    ["istanbul-talks-2025", "RUS", "040", "UKR", "2025-05-16"],
    ["operation-sindoor-sw", "IND", "190", "PAK", "2025-05-07"],
    ["india-pakistan-ceasefire", "IND", "03", "PAK", "2025-05-10"],
    ["midnight-hammer", "USA", "195", "IRN", "2025-06-21"],
    ["drc-rwanda-washington", "CODGOV", "057", "RWAGOV", "2025-06-27"],
    ["thai-cambodia-clashes", "THA", "190", "KHMMIL", "2025-07-24"],
    ["armenia-azerbaijan-whitehouse", "ARMGOV", "057", "AZEGOV", "2025-08-08"],
    ["alaska-summit", "USAGOV", "040", "RUSGOV", "2025-08-15"],
    ["trump-xi-busan", "USAGOV", "040", "CHNGOV", "2025-10-30"],
  ];

  it.each(expected)("%s: %s %s %s on %s", (id, source, codePrefix, target, date) => {
    const events = eventsById.get(id) ?? [];
    const match = events.find(
      (event) => event.source === source && event.code.startsWith(codePrefix) && event.target === target && event.date === date,
    );
    expect(match, `events of ${id}: ${events.map((event) => `${event.source} ${event.code} ${event.target} ${event.date}`).join("; ")}`).toBeDefined();
  });
});
