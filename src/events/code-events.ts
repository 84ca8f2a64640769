import type { Doc } from "../document/doc.js";
import type { ActorMention, Token, VerbGroup } from "../document/types.js";
import type { ActorIndex } from "../actors/actor-index.js";
import { cameoCode, nearestCameoCode } from "../ontology/cameo.js";
import type { VerbLexicon, VerbPattern } from "./lexicon.js";
import { FrameContext, readFrame, type ActorSlot, type Frame, type PhraseSlot, type PrepositionSlot } from "./frame.js";
import { EventDates, type EventDate } from "./event-date.js";
import { intentCode, refusalCode, threatCode } from "./intent.js";
import { trapsIn } from "./traps.js";

export interface EventStageOptions {
  lexicon: VerbLexicon;
  index: ActorIndex;
  /** Per sentence, whether it can hold an event; verbs elsewhere are not read (see sentencesThatMayHoldEvents). */
  eventful?: readonly boolean[];
}

const PERSONAL_PRONOUNS = new Set(["he", "she", "him", "her"]);
/** In reported speech these stand for the speaker: "Israel's military said it struck …". */
const SPEAKER_PRONOUNS = new Set(["we", "i", "it", "they"]);
/**
 * Roots whose events make sense without a target: statements, intentions, protests, force
 * postures and violence against unnamed victims. Other acts (praise, consult, aid, sanction …)
 * coded without a target are mostly misreadings, so they are not emitted.
 */
const TARGETLESS_ROOTS = new Set(["01", "03", "14", "15", "18", "19", "20"]);
/** Roots of physical force, whose verbs are also used figuratively ("fighting dirty air"). */
const VIOLENT_ROOTS = new Set(["18", "19", "20"]);
/** Conjunctions that make their clause a condition, not a report: "If the U.S. imposes a tariff". */
const CONDITIONALS = new Set(["if", "unless", "whether"]);
/** Roots where "A and B <verb>" with no object means they did it with each other. */
const RECIPROCAL_ROOTS = new Set(["03", "04", "05", "06", "08", "19"]);
/** Verbs whose complement clause is demanded, feared or denied rather than reported as fact. */
const NOT_FACTUAL = new Set(["demand", "urge", "call", "ask", "warn", "threaten", "deny", "request", "appeal", "propose", "suggest", "recommend", "fear", "doubt", "insist"]);
/** Modals that make a statement hypothetical: "Russia could attack" is not an attack. */
const HYPOTHETICAL = new Set(["could", "may", "might", "can", "ca", "should", "must"]);

interface Match {
  pattern: VerbPattern;
  target?: ActorSlot;
}

/**
 * Stage 5: events. Each verb group's frame is matched against the verb lexicon; the most
 * specific pattern whose constraints hold gives the CAMEO code and says where the target is.
 * Passive voice swaps the roles, negation and hypotheticals stop coding, intentions map to
 * 03x/13x, reported clauses take their speaker as context, and compound actors give one event
 * per member. Every decision is recorded for --explain.
 */
export function codeEvents(doc: Doc, options: EventStageOptions): void {
  const context = new FrameContext(doc);
  const frames: Frame[] = [];
  const dates = new EventDates(doc, context);

  // All frames first: a quotation's speech verb comes after the verbs it reports.
  doc.verbGroups.forEach((group, g) => {
    if (options.eventful && !options.eventful[group.sentence]) {
      frames.push({ group, groupIndex: g, clause: undefined, preps: [] });
      return;
    }
    const next = doc.verbGroups[g + 1];
    const nextStart = next && next.sentence === group.sentence ? next.tokenStart : Number.MAX_SAFE_INTEGER;
    const frame = readFrame(context, g, nextStart);
    inheritSubject(doc, frame, frames);
    frames.push(frame);
  });
  // An opening participial clause takes the subject of the main clause that follows it.
  frames.forEach((frame, g) => {
    if (frame.subject || frame.clause?.kind !== "participial" || frame.clause.tokenStart !== doc.sentences[frame.group.sentence]?.tokenStart) return;
    const main = frames.slice(g + 1).find((later) => later.group.sentence === frame.group.sentence && later.clause?.kind === "main" && later.subject);
    if (main?.subject) frame.subject = main.subject;
  });

  frames.forEach((frame, g) => {
    const group = frame.group;
    const decide = (reason: string, events = 0): void => {
      doc.decisions.push({ sentence: group.sentence, verbGroup: g, verb: doc.tokenSpanText(group.tokenStart, group.tokenEnd), events, reason });
    };

    if (options.eventful && !options.eventful[group.sentence]) return decide("no actor and no pronoun in the sentence: nothing can be the source");
    const clause = frame.clause;
    if (clause?.kind === "appositive") return decide("inside an appositive: describes an actor, not an event");
    if (clause?.kind === "relative") return decide("inside a relative clause: background, not coded");
    if (clause && CONDITIONALS.has(doc.tokens[clause.tokenStart]?.normal ?? "")) return decide(`inside a condition ("${doc.tokens[clause.tokenStart]?.normal}"): not an event`);
    const reportedBy = clause?.kind === "reported" && clause.speechVerb !== undefined ? doc.verbGroups[clause.speechVerb]?.lemma : undefined;
    if (reportedBy && NOT_FACTUAL.has(reportedBy)) return decide(`the clause is what "${reportedBy}" asks for, warns of or denies, not a reported fact`);
    if (doc.tokens[group.tokenStart]?.normal === "to" && !group.intent) return decide("purpose infinitive: not an event in itself");
    const patterns = candidatePatterns(options.lexicon, group);
    if (patterns.length === 0) {
      if (options.lexicon.speechVerbs.has(group.lemma)) return decide(`speech verb "${group.lemma}": its reported clause is coded, not the statement`);
      return decide(`no lexicon entry for "${group.lemma}"`);
    }
    if (group.negated) return decide("negated: no event");
    if (group.modal && HYPOTHETICAL.has(group.modal)) return decide(`hypothetical ("${group.modal}"): no event`);
    const trap = trapsIn(doc, options.lexicon.traps, group);
    if (trap) return decide(`inside trap phrase "${trap}"`);

    const roles = assignRoles(doc, context, frame, frames);
    if (!roles.source) {
      const subject = frame.subject ? `the subject "${doc.tokenSpanText(frame.subject.np.tokenStart, frame.subject.np.tokenEnd)}" is not a known actor` : "no noun phrase before the verb";
      return decide(`no source actor: ${roles.problem ?? frame.subjectProblem ?? subject}`);
    }
    const match = matchPattern(patterns, roles);
    if (match && !match.target && match.pattern.preps.length + (match.pattern.objectIsTarget ? 1 : 0) === 0) {
      // "Putin told Raisi that he would like to discuss …": an untargeted act promised to the
      // addressee is directed at the addressee.
      const addressee = addresseeOf(frame, frames);
      if (addressee) match.target = { ...addressee, via: [...addressee.via, "addressee of the speech verb"] };
    }
    if (!match) return decide(`no pattern of "${group.lemma}" fits the frame (object: ${describe(doc, roles.object)}; prepositions: ${roles.preps.map((p) => p.prep).join(", ") || "none"})`);

    if (match.pattern.noEvent) return decide(`${match.pattern.id} says "${group.lemma} ${match.pattern.frame}" is not an event`);
    let code = match.pattern.code;
    const rule = [ruleOf(match.pattern)];
    if (group.intent) {
      const marker = group.intentMarker ?? "";
      const mapped = marker === "threaten" ? threatCode(code) : marker === "refuse" || marker === "decline" ? refusalCode(code) : (match.pattern.intentCode ?? intentCode(code));
      if (mapped) {
        rule.push(`intent:${marker}:${code}->${mapped}`);
        code = mapped;
      }
    }
    const ontology = cameoCode(code) ?? nearestCameoCode(code);
    if (!ontology) return decide(`pattern ${match.pattern.id} gives unknown code ${code}`);

    // "Pakistan and India agreed to a ceasefire": two partners with no other target act on each other.
    const partners = members(roles.source);
    const reciprocal = !match.target && partners.length === 2 && RECIPROCAL_ROOTS.has(ontology.root);
    if (!match.target && !reciprocal && !TARGETLESS_ROOTS.has(ontology.root)) {
      return decide(`${ontology.code} (${ontology.name}) needs a target actor and none was found (object: ${describe(doc, roles.object)})`);
    }
    // "London has been fighting dirty air": a violent verb aimed at something that is no actor is
    // a figure of speech; untargeted violence is coded only when the verb has no object at all.
    if (!match.target && !reciprocal && VIOLENT_ROOTS.has(ontology.root) && roles.object && !match.pattern.objectHeads) {
      return decide(`${ontology.code} (${ontology.name}) aimed at "${doc.tokenSpanText(roles.object.np.tokenStart, roles.object.np.tokenEnd)}", which is no actor: not coded`);
    }
    const sentence = doc.sentences[group.sentence];
    if (!sentence) return;
    const when = dates.dateOf(group, clause);
    const sentenceText = doc.sentenceText(sentence.index);

    let coded = 0;
    for (const source of partners) {
      const targets = match.target ? members(match.target) : reciprocal ? partners.filter((partner) => partner !== source) : [undefined];
      for (const target of targets) {
        const sourceCode = slotCode(options.index, source, when);
        const targetCode = target ? withCountryOf(sourceCode, slotCode(options.index, target, when), options.index.countryCodes) : null;
        if (!sourceCode || sourceCode === targetCode) continue;
        doc.events.push({
          doc: doc.meta.id,
          sentence: sentence.index,
          date: when.date,
          datePrecision: when.precision,
          source: sourceCode,
          target: targetCode,
          code: ontology.code,
          root: ontology.root,
          quad: ontology.quad,
          goldstein: ontology.goldstein,
          plover: { event: ontology.plover.event, mode: ontology.plover.mode, context: ontology.plover.context },
          text: sentenceText,
          spans: {
            source: doc.sentenceOffsets(source.tokenStart, source.tokenEnd),
            target: target ? doc.sentenceOffsets(target.tokenStart, target.tokenEnd) : null,
            verb: doc.sentenceOffsets(group.tokenStart, group.tokenEnd),
          },
          rule: eventRule(rule, source, target, when),
        });
        coded += 1;
      }
    }
    decide(coded > 0 ? `coded ${ontology.code} (${ontology.name}) by ${rule.join(", ")}` : "source and target are the same actor", coded);
  });
}

/** Everything that fired for one event, in order: pattern and intent, how source and target were found, the date. */
function eventRule(rule: readonly string[], source: ActorSlot, target: ActorSlot | undefined, when: EventDate): string[] {
  const all = rule.slice();
  for (const step of source.via) all.push(step);
  for (const step of source.mention.rule) all.push(step);
  if (target) {
    for (const step of target.via) all.push(step);
    for (const step of target.mention.rule) all.push(step);
  }
  if (when.rule) all.push(when.rule);
  return all;
}

const patternRules = new WeakMap<VerbPattern, string>();

/** How a pattern is named in an event's rule list ("hold-12 043 hold|host talks with $"), built once per pattern. */
function ruleOf(pattern: VerbPattern): string {
  let rule = patternRules.get(pattern);
  if (rule === undefined) {
    rule = `${pattern.id} ${pattern.code} ${pattern.verbs.join("|")} ${pattern.frame}`;
    patternRules.set(pattern, rule);
  }
  return rule;
}

function candidatePatterns(lexicon: VerbLexicon, group: VerbGroup): VerbPattern[] {
  const exact = lexicon.byVerb.get(group.lemma) ?? [];
  if (exact.length > 0 || !group.lemma.includes("_")) return exact;
  return lexicon.byVerb.get(group.lemma.split("_")[0] ?? "") ?? [];
}

interface Roles {
  source?: ActorSlot;
  object?: PhraseSlot;
  preps: Frame["preps"];
  problem?: string;
}

/**
 * Who is the source and what is the object, after voice and reported speech: in "Raisi was hosted
 * by Putin" the by-phrase is the source and the subject the object; in "Raisi said that Iran is
 * willing to …" Iran speaks through Raisi (IRNGOV); "he" in a reported clause is the speaker.
 */
function assignRoles(doc: Doc, context: FrameContext, frame: Frame, frames: readonly Frame[]): Roles {
  if (frame.group.passive) {
    const by = frame.preps.find((prep) => prep.prep === "by" && prep.actor);
    const preps = frame.preps.filter((prep) => prep !== by);
    if (!by?.actor) return { preps, problem: "passive verb without a by-phrase actor" };
    const roles: Roles = { source: by.actor, preps };
    if (frame.subject) roles.object = frame.subject;
    return roles;
  }
  const roles: Roles = { preps: frame.preps };
  if (frame.object) roles.object = frame.object;
  let source = frame.subject?.actor;
  const speaker = speakerOf(doc, frame, frames);
  if (!source && frame.subject && frame.subject.head.pos === "PRON") {
    const pronoun = frame.subject.head;
    source = resolvePronoun(context, pronoun, speaker, frame.clause?.kind === "reported", nearerSubjects(doc, frame, frames, pronoun));
    if (!source) return { ...roles, problem: `could not resolve the pronoun "${frame.subject.head.normal}"` };
  }
  if (source && speaker && source.mention.code.length === 3 && speaker.mention.code.startsWith(source.mention.code) && speaker.mention.code.length > 3) {
    // A leader saying "Iran is willing to …" speaks for the government.
    source = { ...source, codeOverride: speaker.mention.code, via: [...source.via, `speaker:${speaker.mention.code}`] };
  }
  if (source) roles.source = source;
  return roles;
}

/** The source of the speech verb that introduces the frame's reported clause, if any. */
function speakerOf(doc: Doc, frame: Frame, frames: readonly Frame[]): ActorSlot | undefined {
  const speechVerb = frame.clause?.kind === "reported" ? frame.clause.speechVerb : undefined;
  if (speechVerb === undefined) return undefined;
  const speechFrame = frames[speechVerb];
  if (speechFrame?.subject?.actor) return speechFrame.subject.actor;
  // '"…," Raisi said': when the speech verb follows the quotation, the speaker follows the verb.
  const group = doc.verbGroups[speechVerb];
  const quotationFirst = group !== undefined && frame.clause !== undefined && group.tokenStart > frame.clause.tokenStart;
  return quotationFirst ? speechFrame?.object?.actor : undefined;
}

/** The person spoken to: the object of the speech verb that introduces the frame's clause. */
function addresseeOf(frame: Frame, frames: readonly Frame[]): ActorSlot | undefined {
  const speechVerb = frame.clause?.kind === "reported" ? frame.clause.speechVerb : undefined;
  if (speechVerb === undefined) return undefined;
  const speechFrame = frames[speechVerb];
  return speechFrame?.subject?.actor ? speechFrame.object?.actor : undefined;
}

/**
 * Heads of subjects earlier in the pronoun's sentence that no dictionary knows but that the
 * pronoun can stand for: a name before "he"/"she" ("Gershkovich had been sentenced … charges that
 * he denied"), a singular noun before "it" ("the balloon had been tracked since it entered …").
 * Such a subject is nearer than anyone in the sentences before, or than the speaker before it.
 */
function nearerSubjects(doc: Doc, frame: Frame, frames: readonly Frame[], pronoun: Token): Set<number> {
  const heads = new Set<number>();
  const person = PERSONAL_PRONOUNS.has(pronoun.normal);
  if (!person && pronoun.normal !== "it") return heads;
  for (const other of frames) {
    const subject = other.subject;
    if (other.group.sentence !== frame.group.sentence || !subject || subject.actor || subject.head.index >= pronoun.index) continue;
    const head = subject.head;
    const name = head.pos === "PROPN" && /^[A-Z]/.test(doc.text.slice(head.start, head.end));
    const singularThing = head.pos === "NOUN" && head.lemma === head.normal;
    if (person ? name : singularThing) heads.add(head.index);
  }
  return heads;
}

function resolvePronoun(context: FrameContext, pronoun: Token, speaker: ActorSlot | undefined, reported: boolean, nearer: ReadonlySet<number>): ActorSlot | undefined {
  const via = (mention: ActorMention, how: string): ActorSlot => ({
    mention,
    tokenStart: pronoun.index,
    tokenEnd: pronoun.index + 1,
    via: [`pronoun:${pronoun.normal}->${how}`],
  });
  if (speaker && (PERSONAL_PRONOUNS.has(pronoun.normal) || SPEAKER_PRONOUNS.has(pronoun.normal))) {
    const between = [...nearer].some((head) => head >= speaker.tokenEnd || speaker.tokenStart > pronoun.index);
    return between ? undefined : via(speaker.mention, "speaker");
  }
  // In reported speech "he" is the speaker; if the speaker is not an actor, guessing would pick the addressee.
  if (reported || !PERSONAL_PRONOUNS.has(pronoun.normal)) return undefined;
  // The latest person mentioned before the pronoun; a name the dictionaries do not know, as a
  // subject earlier in the same sentence, is nearer than anyone in the sentences before.
  for (let t = pronoun.index - 1; t >= 0; t -= 1) {
    const mention = context.actorAt(t);
    if (mention?.kind === "person") return via(mention, "latest person");
    if (nearer.has(t)) return undefined;
  }
  return undefined;
}

const COORDINATING_WORDS = new Set(["and", "but", "then"]);

/** Participial and coordinated verbs share the subject of the verb before them in the sentence. */
function inheritSubject(doc: Doc, frame: Frame, frames: readonly Frame[]): void {
  if (frame.subject) return;
  const kind = frame.clause?.kind;
  const startsWithTo = doc.tokens[frame.group.tokenStart]?.normal === "to";
  const coordinated = COORDINATING_WORDS.has(doc.tokens[frame.group.tokenStart - 1]?.normal ?? "");
  if (kind !== "participial" && !startsWithTo && !coordinated) return;
  const previous = frames.at(-1);
  if (!previous || previous.group.sentence !== frame.group.sentence || !previous.subject) return;
  frame.subject = previous.subject;
}

/**
 * A verb's patterns split by what they need of the object's head: "urge" has 75 patterns, 50 of them for named
 * object heads, and checking each head set in turn cost more than the rest of matching.
 */
interface PatternsByHead {
  /** Positions (in the verb's list) of patterns that name object heads, per head word. */
  byHead: Map<string, number[]>;
  /** Positions of patterns that accept any object. */
  anyObject: number[];
}

const patternIndexes = new WeakMap<readonly VerbPattern[], PatternsByHead>();

function patternsByHead(patterns: readonly VerbPattern[]): PatternsByHead {
  let index = patternIndexes.get(patterns);
  if (index) return index;
  index = { byHead: new Map(), anyObject: [] };
  patterns.forEach((pattern, position) => {
    if (!pattern.objectHeads) {
      index?.anyObject.push(position);
      return;
    }
    for (const head of pattern.objectHeads) {
      const positions = index?.byHead.get(head) ?? [];
      if (positions.length === 0) index?.byHead.set(head, positions);
      positions.push(position);
    }
  });
  patternIndexes.set(patterns, index);
  return index;
}

/** Positions of the patterns whose object-head condition the object meets, in the verb's order. */
function eligiblePatterns(patterns: readonly VerbPattern[], object: PhraseSlot | undefined): readonly number[] {
  const index = patternsByHead(patterns);
  if (!object) return index.anyObject;
  const byLemma = index.byHead.get(object.head.lemma);
  const byForm = object.head.normal === object.head.lemma ? undefined : index.byHead.get(object.head.normal);
  if (!byLemma && !byForm) return index.anyObject;
  const withLemma = byLemma ? mergeSorted(index.anyObject, byLemma) : index.anyObject;
  return byForm ? mergeSorted(withLemma, byForm) : withLemma;
}

/** The union of two ascending lists of positions, ascending, each position once. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number)) ? (a[i++] as number) : (b[j++] as number);
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

function matchPattern(patterns: readonly VerbPattern[], roles: Roles): Match | undefined {
  for (const position of eligiblePatterns(patterns, roles.object)) {
    const pattern = patterns[position] as VerbPattern;
    const object = roles.object;
    if (pattern.objectIsTarget && !object?.actor) continue;
    let target: ActorSlot | undefined = pattern.objectIsTarget ? object?.actor : undefined;
    let fits = true;
    // Each prepositional requirement needs a phrase of its own.
    const used: PhraseSlot[] = [];
    for (const constraint of pattern.preps) {
      let prep: PrepositionSlot | undefined;
      for (const candidate of roles.preps) {
        if (candidate.prep !== constraint.prep || (constraint.isTarget && !candidate.actor) || used.includes(candidate)) continue;
        if (constraint.heads && !headIn(candidate, constraint.heads)) continue;
        prep = candidate;
        break;
      }
      if (!prep) {
        fits = false;
        break;
      }
      used.push(prep);
      if (constraint.isTarget) target = prep.actor;
    }
    if (!fits) continue;
    const match: Match = { pattern };
    if (target) match.target = target;
    return match;
  }
  return undefined;
}

function headIn(slot: PhraseSlot, heads: ReadonlySet<string>): boolean {
  return heads.has(slot.head.lemma) || heads.has(slot.head.normal);
}

function describe(doc: Doc, slot: PhraseSlot | undefined): string {
  if (!slot) return "none";
  const text = doc.tokenSpanText(slot.np.tokenStart, slot.np.tokenEnd);
  return slot.actor ? `"${text}" = ${slot.actor.mention.code}` : `"${text}"`;
}

/** Compound actors give one event per member. */
function members(slot: ActorSlot): ActorSlot[] {
  const parts = slot.mention.members;
  if (!parts || parts.length === 0) return [slot];
  return parts.map((member) => ({ mention: member, tokenStart: member.tokenStart, tokenEnd: member.tokenEnd, via: [...slot.via, "compound member"] }));
}

/** Institutions named without a country ("demanded the resignation of the government"). */
const HOME_INSTITUTIONS = new Set(["GOV", "LEG", "JUD"]);

/**
 * "Protesters in Belgrade demanded the resignation of the government": a government, parliament
 * or court named without a country is the source's own.
 */
function withCountryOf(sourceCode: string, targetCode: string, countries: ReadonlySet<string>): string {
  const country = sourceCode.slice(0, 3);
  return HOME_INSTITUTIONS.has(targetCode) && countries.has(country) ? country + targetCode : targetCode;
}

/** The slot's code on the event date: people take the role they held then ("then-President Trump"). */
function slotCode(index: ActorIndex, slot: ActorSlot, when: EventDate): string {
  if (slot.codeOverride) return slot.codeOverride;
  const personId = slot.mention.personId;
  if (personId) return index.personCode(personId, when.date, when.precision) ?? slot.mention.code;
  return slot.mention.code;
}

