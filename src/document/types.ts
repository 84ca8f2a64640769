/**
 * The shapes every pipeline stage shares. A `Doc` (see doc.ts) owns the cleaned text; everything
 * here points into it by character offset or token index instead of copying text around.
 */

/** Half-open character range [start, end) into the owning text. */
export interface CharRange {
  start: number;
  end: number;
}

/** Publication metadata that arrives with a document. */
export interface DocMeta {
  /** Document id: the JSONL `id`, or the file name for files. */
  id: string;
  /** Publication date, YYYY-MM-DD. Relative dates resolve against it. */
  date: string;
  title?: string;
  url?: string;
  source?: string;
}

/** Where a sentence came from in the article's layout. */
export type SentenceRole = "headline" | "dek" | "body";

export interface Token extends CharRange {
  /** Index in `doc.tokens`. */
  index: number;
  /** Index of the owning sentence in `doc.sentences`. */
  sentence: number;
  /** Lower-cased surface form, used for dictionary matching. */
  normal: string;
  /** Lower-cased lemma. */
  lemma: string;
  /** Universal POS tag (wink-nlp's tag set), possibly re-tagged by later stages. */
  pos: string;
}

export interface Sentence extends CharRange {
  index: number;
  /** First token index (inclusive) and last (exclusive) in `doc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
  role: SentenceRole;
}

/** Half-open token range [tokenStart, tokenEnd) in `doc.tokens`. */
export interface TokenRange {
  tokenStart: number;
  tokenEnd: number;
}

export type ChunkKind = "NP" | "VG" | "PP";

/** A noun phrase, verb group or prepositional phrase. */
export interface Chunk extends TokenRange {
  kind: ChunkKind;
  sentence: number;
  /** Token index of the chunk's head (noun of an NP, main verb of a VG, preposition of a PP). */
  head: number;
}

/** What a verb group says about its verb beyond the lemma. */
export interface VerbGroup extends TokenRange {
  sentence: number;
  /** Token index of the main (lexical) verb. */
  head: number;
  /** Lemma of the main verb, with a particle joined by "_" ("pull_out"). */
  lemma: string;
  /** Token index of a verb particle ("out" in "pull out"), if any. */
  particle?: number;
  passive: boolean;
  negated: boolean;
  /** Intention or offer ("wants to", "is willing to", "will", "plans to"): codes as 03x/13x. */
  intent: boolean;
  /** The governing word that marked intent ("want", "willing", "will"), for explanations. */
  intentMarker?: string;
  /** Modal other than will/would ("could", "may"): recorded, not coded differently. */
  modal?: string;
}

export type ClauseKind = "main" | "subordinate" | "reported" | "relative" | "participial" | "appositive";

export interface Clause extends TokenRange {
  sentence: number;
  kind: ClauseKind;
  /** Index in `doc.clauses` of the clause this one depends on (reported speech: the speech clause). */
  parent?: number;
  /** Speech verb group (index in doc.verbGroups) that introduces a reported clause. */
  speechVerb?: number;
}

export type ActorKind = "country" | "capital" | "seat" | "demonym" | "organisation" | "person" | "agent" | "pronoun";

/** An actor found in the text: a resolved CAMEO actor code with where it came from. */
export interface ActorMention extends TokenRange {
  sentence: number;
  /** CAMEO actor code, e.g. "RUSGOV", "IRN", "IGOUNO". */
  code: string;
  kind: ActorKind;
  /** Dictionary entries that produced the code, e.g. ["person:putin", "country:RUS"]. */
  rule: string[];
  /** For people: the dictionary id. Their code depends on the event's date, so the events stage
   * resolves it again at that date; `code` holds the code at the publication date. */
  personId?: string;
  /** A place named as the owner of what follows ("Ukraine's energy grid"): it stands for the
   * phrase it opens only when that phrase's head is no actor of its own. */
  possessor?: boolean;
  /** Members when the mention is a compound ("Britain, France and Germany"): one event each. */
  members?: ActorMention[];
}

export interface PloverCoding {
  event: string;
  mode: string;
  context: string;
}

export type DatePrecision = "day" | "month" | "year";

/** A coded event, as emitted by `parley code` (JSONL) and the library API. */
export interface CodedEvent {
  doc: string;
  /** Sentence index within the document. */
  sentence: number;
  /** Event date, YYYY-MM-DD (the first day of the month or year for coarser precision). */
  date: string;
  datePrecision: DatePrecision;
  source: string;
  target: string | null;
  /** CAMEO event code, e.g. "043". */
  code: string;
  root: string;
  /** GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: number;
  /** Goldstein weight from GDELT's table. */
  goldstein: number;
  plover: PloverCoding;
  /** The sentence the event was coded from. */
  text: string;
  /** Offsets into `text`. */
  spans: { source: [number, number] | null; target: [number, number] | null; verb: [number, number] };
  /** Lexicon and dictionary entries that produced the event. */
  rule: string[];
}

export type MessageSeverity = "info" | "warning" | "error";

/**
 * A problem or decision attached to a document, vfile-style: stages record what they did
 * ("removed a donation appeal") or what went wrong, with a position, instead of throwing.
 */
export interface DocMessage {
  stage: string;
  severity: MessageSeverity;
  reason: string;
  /** Offsets into the raw input when the message is about text that was removed or rejected. */
  rawStart?: number;
  rawEnd?: number;
  /** 1-based line in the raw input. */
  line?: number;
}
