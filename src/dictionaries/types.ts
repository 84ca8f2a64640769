/**
 * Format-neutral shapes for dictionaries imported from PETRARCH-1, PETRARCH-2 (Phoenix) and
 * TABARI. The readers in this folder fill them; a matcher builds on them. See FORMATS.md for what
 * each source format looks like and how its quirks map onto these shapes.
 *
 * Conventions shared by every shape:
 * - Phrase text is upper-cased (all three coders match upper-cased text), words separated by one
 *   space; the connector underscores of the source are gone but recorded in `PhraseWord.glued`.
 * - Codes are kept exactly as written inside `[...]` (minus surrounding blanks): "RUSGOV", "~GOV"
 *   becomes "GOV" plus `prefix`, verb codes such as "042:043" or "---" stay as they are.
 * - `file` is the path as given to (or found by) the loader; `line` is 1-based.
 */
import type { DictionaryProblem } from "../actors/load.js";

export type { DictionaryProblem };

/** The coder whose conventions a dictionary follows. */
export type DictionaryFormat = "petrarch1" | "petrarch2" | "tabari";

/**
 * Format of one file. Actor, agent, discard and issue files are written the same way for
 * PETRARCH-1 and PETRARCH-2, so those are just "petrarch" unless they show TABARI habits.
 */
export type FileFormat = DictionaryFormat | "petrarch";

export type DictionaryKind = "actors" | "agents" | "verbs" | "discards" | "issues" | "config";

export interface PhraseWord {
  /** The word, upper-cased, without connector underscores. */
  text: string;
  /**
   * Joined to the previous word by `_` in the source: the words must be consecutive. A blank
   * instead lets other words come between (PETRARCH's agent and pattern rule). Always false for
   * the first word.
   */
  glued: boolean;
  /**
   * Matches any word that starts with `text`. TABARI treats every word not closed by `_` as a
   * stem ("ARGENTIN" matches ARGENTINA); PETRARCH discards treat their last word that way.
   * PETRARCH actors, agents and verbs never stem.
   */
  stem: boolean;
}

export interface ImportedPhrase {
  /** Words joined by single spaces, e.g. "PRIME MINISTER". */
  text: string;
  words: PhraseWord[];
}

/** A code an actor carries, optionally limited to a span of days. */
export interface ActorCode {
  /** As written, e.g. "RUSGOV", "---" (null actor), "###" (TABARI discard), "ELR/GAL". */
  code: string;
  /** First day the code applies, YYYY-MM-DD inclusive (from `>date` or `date-date`). */
  from?: string;
  /** Last day the code applies, YYYY-MM-DD inclusive (from `<date` or `date-date`). */
  to?: string;
}

export interface ImportedActor {
  /** The root phrase first, then its synonyms (`+` lines and code-less phrases merged into it). */
  names: ImportedPhrase[];
  /**
   * In file order. Entries without `from` and `to` are defaults, meant for dates no dated entry
   * covers; an actor may have several dated entries that overlap.
   */
  codes: ActorCode[];
  file: string;
  /** Line of the root phrase. */
  line: number;
}

export interface ImportedAgent {
  /** The phrase as written, then the plural forms (given in `{...}` or generated). */
  names: ImportedPhrase[];
  /** Agent code without the tilde, e.g. "GOV", "NGO". */
  code: string;
  /**
   * True for `[NGO~]`: the agent code goes before the actor's code. False for the usual `[~GOV]`,
   * where it is appended (RUS + GOV = RUSGOV).
   */
  prefix: boolean;
  file: string;
  line: number;
}

/** One element of a verb pattern. `glued`: joined by `_` to the element before it (see PhraseWord). */
export type PatternToken =
  | { kind: "word"; word: string; stem: boolean; glued: boolean }
  /** `&NAME`: any member of the synset NAME (see ImportedDictionaries.synsets). */
  | { kind: "synset"; name: string; glued: boolean }
  /** `$`: the source actor. */
  | { kind: "source"; glued: boolean }
  /** `+`: the target actor. */
  | { kind: "target"; glued: boolean }
  /** `%`: a compound actor that is both source and target ("Israel and Egypt agreed"). */
  | { kind: "compound"; glued: boolean }
  /** `^`: skip one noun phrase (an actor that is neither source nor target). */
  | { kind: "skip"; glued: boolean }
  /** One of several alternatives: TABARI `{ WAS | WERE }`, PETRARCH-2 `TO/FOR`. */
  | { kind: "choice"; options: PatternToken[][]; glued: boolean }
  /** PETRARCH-2 `{...}`: a noun phrase whose last token is its head, the others modifiers. */
  | { kind: "noun"; tokens: PatternToken[]; glued: boolean }
  /** PETRARCH-2 `(...)`: a prepositional phrase; `object` may be empty, as in `(WITH)`. */
  | { kind: "preposition"; preposition: PatternToken; object: PatternToken[]; glued: boolean };

/** A verb (one word or a phrase) listed in a verb block. */
export interface ImportedVerb {
  phrase: ImportedPhrase;
  /** Index in `phrase.words` of the word that inflects: marked `+` in PETRARCH ("WIRE_+TAP"), else 0. */
  head: number;
  /** Forms given in `{...}` (irregular, or every form of a phrase), as phrases. */
  forms: ImportedPhrase[];
  /** True when no `{...}` was given, so the coder would add the regular -S, -ED, -ING forms itself. */
  regularForms: boolean;
  /** The verb's own `[code]`, else its block's. */
  code: string;
  file: string;
  line: number;
}

export interface ImportedVerbPattern {
  /** Index of the owning block in `ImportedDictionaries.verbBlocks`. */
  block: number;
  /** Text of every verb of the block: a pattern applies to all of them. */
  verbs: string[];
  code: string;
  /** Elements before the verb (`*`), in text order. */
  before: PatternToken[];
  /** Elements after the verb, in text order. */
  after: PatternToken[];
  /** The `*` was joined by `_` to the element before it ("WOULD_*"). */
  verbGlued: boolean;
  file: string;
  line: number;
  /** The pattern line as written, without its comment. */
  text: string;
}

/**
 * A group of verbs that share patterns: a PETRARCH `--- NAME [code] ---` block, or one TABARI
 * verb with the patterns under it.
 */
export interface ImportedVerbBlock {
  /** Block name, e.g. "ATTACK", "PHYSICAL_CONFLICT" kept as "PHYSICAL CONFLICT". */
  name: string;
  /** The block's default code; "---" (no event) when none is given. */
  code: string;
  verbs: ImportedVerb[];
  patterns: ImportedVerbPattern[];
  file: string;
  line: number;
}

export type SynsetMember =
  | {
      kind: "phrase";
      phrase: ImportedPhrase;
      /** The coder also accepts the regular plural (label and phrase not closed by `_`). */
      plural: boolean;
    }
  /** Another synset included whole (`+&TIETYPES`, a TABARI habit PETRARCH never finished). */
  | { kind: "synset"; name: string };

export interface ImportedSynset {
  /** Name without `&` and without the closing `_` (which only switches plurals off). */
  name: string;
  members: SynsetMember[];
  file: string;
  line: number;
}

/** A PETRARCH-2 clause `SOURCE OBJECT VERB`, where OBJECT is a variable or a nested clause. */
export interface TransformationClause {
  source: string;
  object: string | TransformationClause;
  verb: string;
}

/**
 * A PETRARCH-2 verb transformation, `~ a (a b ATTACK) SAY = a b 015`: when the pattern's nested
 * events occur together, code one event from `source` to `target` with `code` instead. Variables
 * are single letters; `_` means "anyone" and `.` "no one"; verbs name verb blocks or `Q` (any).
 */
export interface ImportedTransformation {
  pattern: TransformationClause;
  result: { source: string; target: string; code: string };
  file: string;
  line: number;
  text: string;
}

export interface ImportedDiscard {
  /** Upper-cased; underscores read as blanks. The last word is a stem unless written with `_`. */
  phrase: ImportedPhrase;
  /** `+` lines discard the whole story, others only the sentence. */
  story: boolean;
  file: string;
  line: number;
}

interface IssueBase {
  /** Every form the line expands to (`n:`, `v:` and `+` expansions), upper-cased. */
  forms: string[];
  /** CATEGORY of the enclosing `<ISSUE ...>` section, "" outside any section. */
  category: string;
  file: string;
  line: number;
  text: string;
}

export type ImportedIssue =
  | (IssueBase & { kind: "issue"; code: string })
  /** `~phrase` (sentence) and `~~phrase` (story): a match cancels issue coding. */
  | (IssueBase & { kind: "exclusion"; scope: "sentence" | "story" });

export interface ImportedFile {
  path: string;
  kind: DictionaryKind;
  format: FileFormat;
  /** Entries read from it (actors, agents, patterns plus verbs, discards, issues; 0 for config). */
  entries: number;
}

export interface ImportedDictionaries {
  /** The coder the dictionaries were written for; "petrarch" when no verb file tells -1 from -2. */
  format: FileFormat | "unknown";
  actors: ImportedActor[];
  agents: ImportedAgent[];
  verbBlocks: ImportedVerbBlock[];
  /** Every pattern of every block, in file order (the same objects as in `verbBlocks`). */
  patterns: ImportedVerbPattern[];
  synsets: Map<string, ImportedSynset>;
  transformations: ImportedTransformation[];
  discards: ImportedDiscard[];
  issues: ImportedIssue[];
  problems: DictionaryProblem[];
  /** Every file read, config first. Missing or unreadable files appear in `problems` only. */
  files: ImportedFile[];
  /** Coding options from the config's `[Options]` (require_dyad, comma_*), when a config was read. */
  options: Record<string, string>;
}
