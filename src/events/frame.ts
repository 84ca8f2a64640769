import type { Doc } from "../document/doc.js";
import type { ActorMention, Chunk, Clause, Token, VerbGroup } from "../document/types.js";

/** An actor filling a role in a frame, with the tokens that name it in this sentence. */
export interface ActorSlot {
  mention: ActorMention;
  /** Tokens that name the actor here (a pronoun's own token when resolved through it). */
  tokenStart: number;
  tokenEnd: number;
  /** How the slot was filled, for explanations ("pronoun he → person:vladimir-putin"). */
  via: string[];
  /** Code that replaces the mention's own (a speaker who speaks for their country). */
  codeOverride?: string;
}

export interface PhraseSlot {
  np: Chunk;
  head: Token;
  actor?: ActorSlot;
}

export interface PrepositionSlot extends PhraseSlot {
  prep: string;
}

/** Who did what to whom around one verb group, before any pattern is applied. */
export interface Frame {
  group: VerbGroup;
  groupIndex: number;
  clause: Clause | undefined;
  subject?: PhraseSlot;
  /** Why there is no subject actor, when there is none. */
  subjectProblem?: string;
  object?: PhraseSlot;
  preps: PrepositionSlot[];
}

/** Per-document lookups the frame builder needs, built once after the actor stage. */
export class FrameContext {
  readonly doc: Doc;
  /** For each token, the top-level actor mention covering it (compound mentions included). */
  private readonly actorByToken: Array<ActorMention | undefined>;
  /** NP chunks by their first token and by their end, indexed by token (arrays: looked up for every verb). */
  private readonly npByStart: Array<Chunk | undefined>;
  private readonly npByEnd: Array<Chunk | undefined>;
  /** Per token, whether the NP chunk starting there follows a preposition. */
  private readonly npInPpAt: boolean[] = [];
  /** Clauses per sentence, so lookups never scan the whole document. */
  private readonly clausesBySentence: Clause[][];

  constructor(doc: Doc) {
    this.doc = doc;
    this.clausesBySentence = doc.sentences.map(() => []);
    for (const clause of doc.clauses) this.clausesBySentence[clause.sentence]?.push(clause);
    this.actorByToken = new Array<ActorMention | undefined>(doc.tokens.length);
    for (const mention of doc.actors) {
      for (let i = mention.tokenStart; i < mention.tokenEnd; i += 1) this.actorByToken[i] = mention;
    }
    this.npByStart = new Array<Chunk | undefined>(doc.tokens.length + 1);
    this.npByEnd = new Array<Chunk | undefined>(doc.tokens.length + 1);
    const ppNpStarts: number[] = [];
    for (const chunk of doc.chunks) {
      if (chunk.kind === "NP") {
        this.npByStart[chunk.tokenStart] = chunk;
        this.npByEnd[chunk.tokenEnd] = chunk;
      } else if (chunk.kind === "PP") {
        ppNpStarts.push(chunk.tokenStart + 1);
      }
    }
    for (const npStart of ppNpStarts) if (this.npByStart[npStart]) this.npInPpAt[npStart] = true;
  }

  clausesOf(sentence: number): readonly Clause[] {
    return this.clausesBySentence[sentence] ?? [];
  }

  actorAt(token: number): ActorMention | undefined {
    return this.actorByToken[token];
  }

  /** The actor a noun phrase names: the mention covering its head (or, for "A and B", the compound). */
  actorOfPhrase(np: Chunk): ActorMention | undefined {
    const head = this.actorByToken[np.head];
    if (head && !head.possessor) return head;
    // "an attack on Ukraine's energy grid", "Israel's military campaign", "NATO allies": when the
    // head names no actor, the actor that owns or qualifies it stands for the phrase.
    for (let i = np.tokenStart; i < np.head; i += 1) {
      const mention = this.actorByToken[i];
      if (mention) return mention;
    }
    return head;
  }

  phraseSlot(np: Chunk): PhraseSlot {
    const head = this.doc.tokens[np.head] as Token;
    const mention = this.actorOfPhrase(np);
    const slot: PhraseSlot = { np, head };
    if (mention) slot.actor = { mention, tokenStart: mention.tokenStart, tokenEnd: mention.tokenEnd, via: [] };
    return slot;
  }

  /** The slot of a noun phrase after a preposition (built whole: spreading a phrase slot was a hot spot). */
  prepositionSlot(np: Chunk, prep: string): PrepositionSlot {
    const head = this.doc.tokens[np.head] as Token;
    const mention = this.actorOfPhrase(np);
    const slot: PrepositionSlot = { np, head, prep };
    if (mention) slot.actor = { mention, tokenStart: mention.tokenStart, tokenEnd: mention.tokenEnd, via: [] };
    return slot;
  }

  npStartingAt(token: number): Chunk | undefined {
    return token >= 0 ? this.npByStart[token] : undefined;
  }

  npEndingAt(tokenEnd: number): Chunk | undefined {
    return tokenEnd >= 0 ? this.npByEnd[tokenEnd] : undefined;
  }

  isInPrepositionalPhrase(np: Chunk): boolean {
    return this.npInPpAt[np.tokenStart] === true && this.npByStart[np.tokenStart] === np;
  }
}

/** Heads that count rather than name: "dozens of protesters", "three of its soldiers". */
const QUANTITIES = new Set(["dozens", "hundreds", "thousands", "millions", "scores", "tens", "number", "group", "groups", "some", "many", "several", "most", "all", "members", "none", "each", "one", "two", "three", "four", "five"]);

const SKIPPABLE_BEFORE_VERB = new Set(["ADV", "PUNCT"]);
const SKIPPABLE_AFTER_VERB = new Set(["ADV"]);

/** The innermost clause that holds a token (appositives are laid over the clause sequence). */
export function clauseOf(clauses: readonly Clause[], token: number): { clause: Clause | undefined; index: number } {
  const index = innermostClause(clauses, token);
  return { clause: clauses[index], index };
}

/** Index of the innermost clause that holds `token`, or -1. */
export function innermostClause(clauses: readonly Clause[], token: number): number {
  let best = -1;
  let bestLength = Number.MAX_SAFE_INTEGER;
  for (let index = 0; index < clauses.length; index += 1) {
    const clause = clauses[index] as Clause;
    if (token < clause.tokenStart || token >= clause.tokenEnd) continue;
    const length = clause.tokenEnd - clause.tokenStart;
    if (length < bestLength) {
      best = index;
      bestLength = length;
    }
  }
  return best;
}

function insideAppositive(clauses: readonly Clause[], token: number): Clause | undefined {
  for (const clause of clauses) if (clause.kind === "appositive" && token >= clause.tokenStart && token < clause.tokenEnd) return clause;
  return undefined;
}

/**
 * Read the frame of one verb group: the noun phrase before it in its clause (subject), the noun
 * phrase right after it (object) and the prepositional phrases that follow, up to the next verb
 * group or the end of the clause.
 */
export function readFrame(context: FrameContext, groupIndex: number, nextGroupStart: number): Frame {
  const doc = context.doc;
  const group = doc.verbGroups[groupIndex] as VerbGroup;
  const clauses = context.clausesOf(group.sentence);
  const clause = clauses[innermostClause(clauses, group.head)];
  const clauseStart = clause?.tokenStart ?? doc.sentences[group.sentence]?.tokenStart ?? 0;
  const clauseEnd = clause?.tokenEnd ?? doc.sentences[group.sentence]?.tokenEnd ?? group.tokenEnd;
  const frame: Frame = { group, groupIndex, clause, preps: [] };

  // Subject: walk left over adverbs, commas and appositives to the nearest noun phrase.
  let position = group.tokenStart - 1;
  while (position >= clauseStart) {
    const appositive = insideAppositive(clauses, position);
    if (appositive && appositive !== clause) {
      position = appositive.tokenStart - 1;
      continue;
    }
    const np = context.npEndingAt(position + 1);
    if (np) {
      // For "A and B" the phrase before the verb is only the last member; the first decides.
      const mention = context.actorOfPhrase(np);
      const firstNp = mention?.members ? (context.npStartingAt(mention.tokenStart) ?? np) : np;
      if (context.isInPrepositionalPhrase(firstNp)) {
        // "Police in Nairobi arrested": the phrase the preposition modifies is the subject;
        // "efforts by Moscow and Tehran have played": the actor inside the phrase is not.
        const modified = context.npEndingAt(firstNp.tokenStart - 1);
        const quantity = modified && QUANTITIES.has(doc.tokens[modified.head]?.normal ?? "") && doc.tokens[firstNp.tokenStart - 1]?.normal === "of";
        if (modified && quantity && modified.tokenStart >= clauseStart) {
          // "Thousands of people protested": the counted phrase is the subject.
          frame.subject = context.phraseSlot(np);
        } else if (modified && modified.tokenStart >= clauseStart && !context.isInPrepositionalPhrase(modified)) {
          frame.subject = context.phraseSlot(modified);
        } else {
          frame.subjectProblem = `the noun phrase before the verb ("${doc.tokenSpanText(firstNp.tokenStart, np.tokenEnd)}") is inside a prepositional phrase`;
        }
      } else {
        frame.subject = context.phraseSlot(np);
      }
      break;
    }
    const token = doc.tokens[position] as Token;
    if (!SKIPPABLE_BEFORE_VERB.has(token.pos)) break;
    position -= 1;
  }

  // Object and prepositional phrases.
  let cursor = group.tokenEnd;
  while (cursor < clauseEnd && cursor < nextGroupStart && SKIPPABLE_AFTER_VERB.has(doc.tokens[cursor]?.pos ?? "")) cursor += 1;
  let object = context.npStartingAt(cursor);
  let skipPreposition = -1;
  // "called on China": the preposition is the verb's particle, so its phrase is the object.
  const afterParticle = group.particle !== undefined && object?.tokenStart === group.tokenEnd;
  if (object && (afterParticle || !context.isInPrepositionalPhrase(object))) {
    // "arrested dozens of protesters": a quantity's "of" phrase is the real object.
    const head = doc.tokens[object.head] as Token;
    const after = context.npStartingAt(object.tokenEnd + 1);
    if ((QUANTITIES.has(head.normal) || head.pos === "NUM") && doc.tokens[object.tokenEnd]?.normal === "of" && after && !context.actorOfPhrase(object)) {
      skipPreposition = object.tokenEnd;
      object = after;
    }
    frame.object = context.phraseSlot(object);
  }
  const limit = Math.min(clauseEnd, nextGroupStart);
  for (let k = group.tokenEnd; k < limit; k += 1) {
    const token = doc.tokens[k] as Token;
    if (token.pos !== "ADP" || k === skipPreposition) continue;
    const np = context.npStartingAt(k + 1);
    if (!np || np.tokenStart >= limit) continue;
    frame.preps.push(context.prepositionSlot(np, token.normal));
  }
  return frame;
}
