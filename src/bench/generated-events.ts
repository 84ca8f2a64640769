/**
 * Generated stored articles for the store and API benchmarks: 5 events each, drawn from 20
 * countries (with and without a GOV agent) and 30 CAMEO codes over ten years, in roughly the date
 * order a crawl would bring them, so most events are distinct and some merge, as in real ingest. Each mention has a short sentence, so text
 * search and provenance have something to read. Deterministic (seeded).
 */
import { eventId, eventKey, type CodedArticle, type EventRecord } from "../store/rows.js";
import { seededRandom } from "./corpus.js";

export const EVENTS_PER_ARTICLE = 5;

const COUNTRIES = ["RUS", "IRN", "USA", "CHN", "UKR", "ISR", "TUR", "EGY", "FRA", "DEU", "GBR", "IND", "PAK", "SAU", "SYR", "IRQ", "JPN", "KOR", "PRK", "BRA"];
const AGENTS = ["", "GOV"];
const CODES = ["010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "084", "090", "111", "112", "120", "130", "138", "141", "160", "163", "172", "173", "180", "190", "193", "195", "1952", "200", "0874"];
const QUADS: Record<string, [number, number]> = { "0": [1, 1], "1": [3, -2], "2": [4, -7] };


/** A verb per CAMEO root, for the mention sentences. */
const VERBS: Record<string, string> = {
  "01": "comments on", "02": "appeals to", "03": "offers to", "04": "meets", "05": "praises", "06": "cooperates with",
  "07": "aids", "08": "yields to", "09": "investigates", "11": "criticizes", "12": "rejects", "13": "threatens",
  "14": "protests against", "16": "cuts ties with", "17": "coerces", "18": "assaults", "19": "attacks", "20": "bombards",
};
const SEQUELS = ["officials said", "state media reported", "according to a statement", "a spokesman said", "witnesses said"];

/** Offsets of source, verb and target in the generated sentence. */
function sentenceSpans(event: EventRecord): { source: [number, number]; target: [number, number]; verb: [number, number] } {
  const verb = VERBS[event.code.slice(0, 2)] ?? "meets";
  const verbStart = event.source.length + 1;
  const targetStart = verbStart + verb.length + 1;
  return { source: [0, event.source.length], verb: [verbStart, verbStart + verb.length], target: [targetStart, targetStart + (event.target ?? "").length] };
}

const DAY = 86_400_000;
const START = Date.UTC(2015, 0, 1);

/** Articles carrying `total` event mentions in all. */
export function* generatedArticles(total: number): Generator<CodedArticle> {
  const next = seededRandom(2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const articleCount = Math.ceil(total / EVENTS_PER_ARTICLE);
  for (let n = 0; n < articleCount; n += 1) {
    // News arrives roughly in order: the n-th article reports a day near its place in ten years,
    // up to a month back (stories about earlier events).
    const day = Math.max(0, Math.floor((n / articleCount) * 3652) - Math.floor(next() * next() * 30));
    const date = new Date(START + day * DAY).toISOString().slice(0, 10);
    const events: EventRecord[] = [];
    for (let k = 0; k < EVENTS_PER_ARTICLE && n * EVENTS_PER_ARTICLE + k < total; k += 1) {
      const sourceCountry = pick(COUNTRIES);
      let targetCountry = pick(COUNTRIES);
      if (targetCountry === sourceCountry) targetCountry = COUNTRIES[(COUNTRIES.indexOf(sourceCountry) + 1) % COUNTRIES.length] as string;
      const source = sourceCountry + pick(AGENTS);
      const target = targetCountry + pick(AGENTS);
      const code = pick(CODES);
      const [quad, goldstein] = QUADS[code < "11" ? "0" : code < "17" ? "1" : "2"] ?? [1, 1];
      events.push({
        id: eventId(eventKey({ date, source, target, code, place: "" })),
        date,
        datePrecision: "day",
        source,
        sourceCountry,
        sourceAgent: source.length > 3 ? "GOV" : null,
        target,
        targetCountry,
        targetAgent: target.length > 3 ? "GOV" : null,
        code,
        baseCode: code.slice(0, 3),
        root: code.slice(0, 2),
        quad,
        goldstein,
        ploverEvent: null,
        ploverMode: null,
        ploverContext: null,
        place: "",
      });
    }
    const id = `bench-${n}`;
    yield {
      article: { id, docId: id, url: `https://site${n % 50}.example/${n}`, source: `site${n % 50}.example`, title: null, published: date, language: "eng", hash: id, duplicateOf: null, text: "" },
      events,
      mentions: events.map((event, ordinal) => ({
        eventId: event.id,
        ordinal,
        sentence: ordinal,
        sentenceText: `${event.source} ${VERBS[event.code.slice(0, 2)] ?? "meets"} ${event.target ?? ""} on ${event.date}, ${pick(SEQUELS)}.`,
        spans: sentenceSpans(event),
        rule: "bench",
        confidence: null,
      })),
    };
  }
}

