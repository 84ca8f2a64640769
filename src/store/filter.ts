/**
 * Event filters as SQL with bound parameters: every value a user typed travels as `$n`, never as
 * SQL text. Only column names and operators, fixed here, are written into the statement.
 *
 * (queries.ts keeps a literal-writing variant for COPY exports, which take no parameters; its
 * values are validated to fixed shapes first.)
 */
import { countryOf } from "../actors/codes.js";
import type { SqlValue } from "./connection.js";

export class FilterError extends Error {
  override name = "FilterError";
}

/**
 * A date bound from "YYYY", "YYYY-MM" or "YYYY-MM-DD": the first day of that period for `from`,
 * its last day for `to` (so `--to 2020-03` includes March 31).
 */
export function dateBound(text: string, side: "from" | "to"): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) throw new FilterError(`invalid date "${text}": expected YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) throw new FilterError(`invalid month in "${text}"`);
  const lastDay = (m: number): number => new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (day !== undefined && month !== undefined && (day < 1 || day > lastDay(month))) throw new FilterError(`invalid day in "${text}"`);
  const pad = (n: number): string => String(n).padStart(2, "0");
  if (side === "from") return `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
  const m = month ?? 12;
  return `${year}-${pad(m)}-${pad(day ?? lastDay(m))}`;
}

export function actorCode(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z0-9]{3,30}$/.test(code)) throw new FilterError(`invalid actor code "${text}": expected CAMEO letters such as IRN or RUSGOV`);
  return code;
}

export function eventCode(text: string): string {
  if (!/^\d{2,4}$/.test(text.trim())) throw new FilterError(`invalid event code "${text}": expected CAMEO digits such as 04 or 043`);
  return text.trim();
}

/** Collects parameter values and hands out their placeholders in order. */
export class SqlParams {
  readonly values: SqlValue[] = [];

  /** The placeholder ("$3") of a new parameter holding `value`. */
  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export type QuadClass = 1 | 2 | 3 | 4;

export interface EventConditions {
  /** Inclusive bounds: YYYY, YYYY-MM or YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Source or target: actor code prefix or country (RUS matches RUSGOV). */
  actor?: string;
  source?: string;
  target?: string;
  /** CAMEO code prefix ("04", "043"). */
  code?: string;
  quad?: QuadClass;
  /** PLOVER event type ("CONSULT"). */
  plover?: string;
  /** Words searched (case-insensitively) in the sentences that mention the event. */
  text?: string;
}

/** A PLOVER event type: upper-case letters and underscores. */
export function ploverType(text: string): string {
  const type = text.trim().toUpperCase();
  if (!/^[A-Z_]{2,40}$/.test(type)) throw new FilterError(`invalid PLOVER type "${text}": expected a name such as CONSULT or ASSAULT`);
  return type;
}

/**
 * An actor filter on `column` ("source" or "target"): a country or region code matches by the
 * column's country (RUS matches RUSGOV, and MNCRUS, a company of Russia); any other code matches
 * as a prefix (RUSGOV matches RUSGOVMIL). Equality on the country column is what lets the store
 * answer a dyad from its column statistics instead of testing every code as text.
 */
export function actorCondition(column: string, code: string, params: SqlParams): string {
  const valid = actorCode(code);
  if (countryOf(valid) === valid) return `${column}_country = ${params.add(valid)}`;
  return `${column} LIKE ${params.add(`${valid}%`)}`;
}

/**
 * The conditions of a filter on the events table (columns qualified with `alias`, e.g. "e."),
 * joined with AND; [] when the filter is empty. Throws FilterError for a malformed value.
 */
export function eventConditions(filter: EventConditions, params: SqlParams, alias = ""): string[] {
  const column = (name: string): string => `${alias}${name}`;
  const conditions: string[] = [];
  if (filter.from) conditions.push(`${column("date")} >= CAST(${params.add(dateBound(filter.from, "from"))} AS DATE)`);
  if (filter.to) conditions.push(`${column("date")} <= CAST(${params.add(dateBound(filter.to, "to"))} AS DATE)`);
  if (filter.actor) conditions.push(`(${actorCondition(column("source"), filter.actor, params)} OR ${actorCondition(column("target"), filter.actor, params)})`);
  if (filter.source) conditions.push(actorCondition(column("source"), filter.source, params));
  if (filter.target) conditions.push(actorCondition(column("target"), filter.target, params));
  if (filter.code) conditions.push(`${column("code")} LIKE ${params.add(`${eventCode(filter.code)}%`)}`);
  if (filter.quad !== undefined) conditions.push(`${column("quad")} = ${params.add(filter.quad)}`);
  if (filter.plover) conditions.push(`${column("plover_event")} = ${params.add(ploverType(filter.plover))}`);
  if (filter.text) {
    const words = filter.text.trim().toLowerCase();
    if (words !== "") {
      conditions.push(`EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = ${column("id")} AND strpos(lower(m.sentence_text), ${params.add(words)}) > 0)`);
    }
  }
  return conditions;
}

/** "WHERE a AND b", or "" for no conditions. */
export function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")}`;
}
