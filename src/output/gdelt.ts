import { parseActorCode, type ActorCodeParts } from "../actors/codes.js";
import type { CodedEvent, DocMeta } from "../document/types.js";

/**
 * Coded events as rows of the GDELT 2.0 event table ("export" files): 61 tab-separated columns
 * in GDELT's order, no quoting, one row per event. Fields parley cannot know (tone, geography)
 * are left empty, as GDELT itself leaves fields it could not fill.
 */

const ACTOR_COLUMNS = [
  "Code",
  "Name",
  "CountryCode",
  "KnownGroupCode",
  "EthnicCode",
  "Religion1Code",
  "Religion2Code",
  "Type1Code",
  "Type2Code",
  "Type3Code",
] as const;

const GEO_COLUMNS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"] as const;

/**
 * The 61 column names, spelled as in GDELT's published header files and BigQuery table
 * (the codebook writes "Day" for SQLDATE and "Fullname" for FullName).
 */
const GDELT_COLUMNS: readonly string[] = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  ...ACTOR_COLUMNS.map((column) => `Actor1${column}`),
  ...ACTOR_COLUMNS.map((column) => `Actor2${column}`),
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  ...GEO_COLUMNS.map((column) => `Actor1Geo_${column}`),
  ...GEO_COLUMNS.map((column) => `Actor2Geo_${column}`),
  ...GEO_COLUMNS.map((column) => `ActionGeo_${column}`),
  "DATEADDED",
  "SOURCEURL",
];

export const GDELT_COLUMN_COUNT = 61;

export function gdeltHeader(): string[] {
  return [...GDELT_COLUMNS];
}

export interface GdeltOptions {
  /** GLOBALEVENTID: unique per row in the output. */
  eventId: number;
  /** DATEADDED, YYYYMMDDHHMMSS (UTC), the time the row was produced. */
  dateAdded: string;
  /** CAMEO country codes, to split the actor codes (see `loadCountryCodes`). */
  countryCodes: ReadonlySet<string>;
  /** Actor1Name / Actor2Name: the names as found in the text; GDELT writes them upper-cased. */
  actorNames?: { source?: string; target?: string };
  /** IsRootEvent: GDELT marks events from the lead of the article (its first body sentences). */
  isRootEvent?: boolean;
}

/** The 61 field values of one event, in column order. */
export function gdeltFields(event: CodedEvent, meta: DocMeta, opts: GdeltOptions): string[] {
  if (!/^\d{14}$/.test(opts.dateAdded)) {
    throw new RangeError(`dateAdded must be YYYYMMDDHHMMSS, got "${opts.dateAdded}"`);
  }
  const date = parseIsoDate(event.date);
  const digits = event.code;

  const fields: string[] = [
    String(opts.eventId),
    `${date.year}${pad2(date.month)}${pad2(date.day)}`,
    `${date.year}${pad2(date.month)}`,
    String(date.year),
    fractionDate(date.year, date.month, date.day),
    ...actorFields(event.source, opts.actorNames?.source, opts.countryCodes),
    ...actorFields(event.target, opts.actorNames?.target, opts.countryCodes),
    opts.isRootEvent === true ? "1" : "0",
    digits,
    digits.slice(0, 3),
    digits.slice(0, 2),
    String(event.quad),
    String(event.goldstein),
    "1", // NumMentions: one document, one mention
    "1", // NumSources
    "1", // NumArticles
    "", // AvgTone: parley does not score tone
    ...emptyGeo(), // Actor1Geo_*
    ...emptyGeo(), // Actor2Geo_*
    ...emptyGeo(), // ActionGeo_*
    opts.dateAdded,
    meta.url ?? meta.id,
  ];
  // GDELT rows have no quoting: a tab or line break inside a value would shift every column after it.
  return fields.map((value) => value.replace(/[\t\r\n]+/g, " "));
}

/** One GDELT 2.0 event row: 61 tab-separated fields, no line terminator. */
export function formatGdelt(event: CodedEvent, meta: DocMeta, opts: GdeltOptions): string {
  return gdeltFields(event, meta, opts).join("\t");
}

/**
 * GDELT's FractionDate, YYYY.FFFF. The codebook describes FFFF as the share of the year elapsed,
 * approximated with 30-day months; the published data computes it as
 * ((month - 1) * 30 + day) / 365 (2019-01-25 → 2019.0685, 2003-07-03 → 2003.5014), which is
 * what is reproduced here so rows sort and compare like GDELT's own.
 */
export function fractionDate(year: number, month: number, day: number): string {
  return (year + ((month - 1) * 30 + day) / 365).toFixed(4);
}

function actorFields(code: string | null, name: string | undefined, countryCodes: ReadonlySet<string>): string[] {
  if (code === null || code === "") return ACTOR_COLUMNS.map(() => "");
  const parts: ActorCodeParts = parseActorCode(code, countryCodes);
  return [
    parts.code,
    (name ?? "").trim().toUpperCase(),
    parts.country,
    parts.knownGroup,
    parts.ethnic,
    parts.religion1,
    parts.religion2,
    parts.type1,
    parts.type2,
    parts.type3,
  ];
}

function emptyGeo(): string[] {
  return GEO_COLUMNS.map(() => "");
}

function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new RangeError(`event date must be YYYY-MM-DD, got "${date}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
