import type { Doc } from "../document/doc.js";
import type { Clause, DatePrecision, Token, VerbGroup } from "../document/types.js";
import { addDays, formatIsoDate, toCalendarDate } from "../time/calendar.js";
import { findTimeExpressions, type TimeExpression } from "../time/expressions.js";
import { clauseOf, type FrameContext } from "./frame.js";

export interface EventDate {
  date: string;
  precision: DatePrecision;
  rule?: string;
}

/** Auxiliaries that put the verb group in the future: "will visit", "'ll meet", "shall sign". */
const FUTURE_AUXILIARIES = new Set(["will", "'ll", "shall", "wo"]);
/**
 * Words that, directly before the "to" of the group, announce a scheduled or planned act in the present tense:
 * "is to visit", "is due to", "is expected to", "plans to", "is preparing to". Past forms ("planned to",
 * "was expected to") are absent on purpose: plans reported in the past are as often abandoned as carried out.
 */
const FUTURE_BEFORE_TO = new Set([
  "is", "are", "am", "'s", "'re", "due", "set", "expected", "scheduled", "slated", "poised", "going",
  "plans", "plan", "planning", "intends", "intend", "intending", "aims", "aim", "aiming", "expects", "expect",
  "prepares", "preparing",
]);
/**
 * Innermost intention markers that express a wish or a refusal, not a schedule: "would like to visit Cairo next
 * year" is dated at the statement, since no visit has been arranged.
 */
const NOT_SCHEDULED = new Set(["like", "want", "hope", "wish", "refuse", "decline", "threaten"]);
/** Past auxiliaries that turn any of the above into a report of an old plan ("was to visit", "had planned to"). */
const PAST_AUXILIARIES = new Set(["was", "were", "had", "did"]);

/**
 * Does the verb group speak of something still to come? Then a weekday or bare month in its clause is the
 * coming one ("Xi will visit Moscow on Monday" published on a Thursday is the Monday after). "would" counts only
 * in reported speech ("said he would visit …"), where it is the future of the statement, not a hypothesis.
 */
export function speaksOfFuture(doc: Doc, group: VerbGroup, clause: Clause | undefined): boolean {
  if (group.intentMarker !== undefined && NOT_SCHEDULED.has(group.intentMarker)) return false;
  for (let t = group.tokenStart; t < group.head; t += 1) if (PAST_AUXILIARIES.has((doc.tokens[t] as Token).normal)) return false;
  for (let t = group.tokenStart; t < group.head; t += 1) {
    const word = (doc.tokens[t] as Token).normal;
    if (FUTURE_AUXILIARIES.has(word)) return true;
    if (word === "would") {
      if (clause?.kind === "reported") return true;
      continue;
    }
    if (t + 1 < group.head && (doc.tokens[t + 1] as Token).normal === "to" && FUTURE_BEFORE_TO.has(word)) return true;
  }
  return false;
}

/**
 * Chooses each event's date from the time expressions of the article, read sentence by sentence on demand
 * (chrono is the slowest step, so sentences without events are never read unless "the next day" needs an anchor).
 */
export class EventDates {
  private readonly bySentence = new Map<number, readonly TimeExpression[]>();

  constructor(
    private readonly doc: Doc,
    private readonly context: FrameContext,
  ) {}

  expressionsOf(sentence: number): readonly TimeExpression[] {
    let expressions = this.bySentence.get(sentence);
    if (!expressions) {
      expressions = findTimeExpressions(this.doc.sentenceText(sentence), this.doc.meta.date);
      this.bySentence.set(sentence, expressions);
    }
    return expressions;
  }

  /**
   * The event's date: a time expression in its own clause (the fronted "In 2018," belongs to the
   * main clause); a participial clause shares its parent's, a reported clause its speech clause's;
   * appositives never date an event; otherwise the publication date.
   */
  dateOf(group: VerbGroup, clause: Clause | undefined): EventDate {
    const doc = this.doc;
    const fallback: EventDate = { date: doc.meta.date, precision: "day" };
    if (!clause) return fallback;
    let found = this.inClause(clause, group);
    if (!found && clause.kind === "participial" && clause.parent !== undefined) {
      const parent = doc.clauses[clause.parent];
      if (parent) found = this.inClause(parent, group);
    }
    if (!found && clause.kind === "reported" && clause.speechVerb !== undefined) {
      const speech = doc.verbGroups[clause.speechVerb];
      const speechClause = speech ? clauseOf(this.context.clausesOf(speech.sentence), speech.head).clause : undefined;
      // The speech clause's date is when the statement was made: read it in the speech verb's own tense.
      if (speech && speechClause) found = this.inClause(speechClause, speech);
    }
    return found ?? fallback;
  }

  /**
   * The first time expression in `clause` (outside appositives) that dates the event. News reports what has
   * happened, so unless the verb the date belongs to speaks of the future a date after publication ("visit Cairo next year") is the
   * time of a plan, not of the event, which is the statement itself.
   */
  private inClause(clause: Clause, group: VerbGroup): EventDate | undefined {
    const doc = this.doc;
    const sentence = doc.sentences[clause.sentence];
    if (!sentence) return undefined;
    const expressions = this.expressionsOf(clause.sentence);
    if (expressions.length === 0) return undefined;
    const clauses = this.context.clausesOf(clause.sentence);
    let first: EventDate | undefined;
    for (const expression of expressions) {
      const token = tokenAtOffset(doc, sentence.start + expression.start, clause);
      if (token === undefined || clauses.some((c) => c.kind === "appositive" && token >= c.tokenStart && token < c.tokenEnd)) continue;
      const owner = ownerOf(doc, clause.sentence, token) ?? group;
      const forward = speaksOfFuture(doc, owner, clauseOf(this.context.clausesOf(owner.sentence), owner.head).clause);
      const reading = this.reading(clause.sentence, expression, forward, 0);
      if (!reading || (!forward && reading.date > doc.meta.date)) continue;
      const date: EventDate = { date: reading.date, precision: reading.precision, rule: `date:"${expression.text}"` };
      // A clause that joins two verbs without a clause break ("A day later, Ukraine attacked Russia, and Russia
      // will meet Turkey on Saturday") holds a date for each: the verb's own comes first, else the clause's first.
      if (owner === group) return date;
      first ??= date;
    }
    return first;
  }

  /** The expression's date for a clause that does or does not speak of the future; undefined when it has none. */
  private reading(sentence: number, expression: TimeExpression, forward: boolean, depth: number): EventDate | undefined {
    if (expression.daysAfterPrevious !== undefined) {
      const anchor = this.previousDay(sentence, expression.start, forward, depth);
      if (!anchor) return undefined;
      return { date: formatIsoDate(addDays(toCalendarDate(anchor), expression.daysAfterPrevious)), precision: "day" };
    }
    return forward && expression.forward ? expression.forward : { date: expression.date, precision: expression.precision };
  }

  /**
   * The day named by the date expression written last before `offset` in `sentence` ("On March 1 … The next
   * day …"). Only an unambiguous anchor counts: the nearest earlier expression must be a single day; a month,
   * a year or no earlier date at all leaves "the next day" undated.
   */
  private previousDay(sentence: number, offset: number, forward: boolean, depth: number): string | undefined {
    if (depth > 8) return undefined; // a chain of "the next day"s this long is no longer a reliable count
    for (let s = sentence; s >= 0; s -= 1) {
      const earlier = this.expressionsOf(s).filter((expression) => s < sentence || expression.end <= offset);
      const previous = earlier[earlier.length - 1];
      if (!previous) continue;
      const reading = this.reading(s, previous, forward, depth + 1);
      return reading?.precision === "day" ? reading.date : undefined;
    }
    return undefined;
  }
}

/**
 * The verb group a time expression at `token` modifies, for its tense: the last finite group before it ("said on
 * Monday", "will visit Moscow on Monday"), else the first after it ("On Monday, Xi will visit …"). A clause may hold
 * two verbs when the reporting "that" is left out ("Xi said on Monday he will visit Moscow"), and the date then
 * belongs to the statement, not to the visit. Purpose infinitives ("to meet Putin on Monday") take their governing verb's tense.
 */
function ownerOf(doc: Doc, sentence: number, token: number): VerbGroup | undefined {
  let before: VerbGroup | undefined;
  let after: VerbGroup | undefined;
  for (const group of doc.verbGroups) {
    if (group.sentence !== sentence || doc.tokens[group.tokenStart]?.normal === "to") continue;
    if (group.head < token) before = group;
    else if (group.head > token) after ??= group;
  }
  return before ?? after;
}

/** Index of the token starting at `offset` if it lies inside `clause`. */
function tokenAtOffset(doc: Doc, offset: number, clause: Clause): number | undefined {
  for (let t = clause.tokenStart; t < clause.tokenEnd; t += 1) {
    const token: Token | undefined = doc.tokens[t];
    if (token && token.start <= offset && offset < token.end + 1) return t;
  }
  return undefined;
}
