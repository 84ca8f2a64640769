/**
 * Near-duplicate articles: a wire story republished by many sites is coded once, and the copies are
 * recorded as further sources of the same article.
 *
 * API
 *   const index = new NearDuplicateIndex({ capacity?, threshold?, containment? });
 *   index.add(id, text) → { duplicateOf?: string; similarity?: number; containment?: number }
 *     - `duplicateOf` set: `text` is a copy of the earlier document `duplicateOf`; `similarity` is the
 *       estimated Jaccard similarity of their word shingles, `containment` the estimated share of
 *       the shorter one's shingles found in the other. The copy is NOT added to the index (the
 *       original stays the representative, so later copies point at the same id).
 *     - `duplicateOf` unset: the document was added; `similarity` is that of the closest earlier
 *       document the index looked at, if any (for `--explain`), and is below the threshold.
 *   index.size  documents held (≤ capacity).
 *   Use in a streaming loop: after boilerplate cleaning and the language check, `add(meta.id, cleanedText)`;
 *   on `duplicateOf`, skip the record with reason `near-duplicate of ${duplicateOf} (similarity
 *   0.83)` and record `meta.url`/`meta.source` as a further source of that article.
 *
 * How
 * - Text → words (lower-cased, accents folded, digits kept: numbers tell stories apart). Lines that
 *   do not end like a sentence or have fewer than BODY_LINE_MIN_WORDS words (headlines, bylines,
 *   datelines, "Related: …" links) are left out when the rest has enough words, because
 *   republishers change exactly those. The remaining words form one stream, so a site that splits
 *   or joins paragraphs differently still produces the same shingles: SHINGLE_WORDS = 5
 *   consecutive words.
 * - MinHash: SIGNATURE_SIZE = 128 hash functions; the share of equal minima estimates the Jaccard
 *   similarity (standard error ≈ 0.044 at 0.45).
 * - LSH: the signature is cut into BANDS = 64 bands of ROWS = 2; articles that agree on a whole
 *   band are candidates, and only candidates are compared. A pair of similarity s becomes a
 *   candidate with probability 1 − (1 − s²)⁶⁴: 0.93 at 0.2, 0.998 at 0.3, 0.99999 at 0.4. Unrelated
 *   articles share almost no shingles — over the 16,290 pairs of the shared extraction benchmark's
 *   161 English articles the mean similarity is 0.00006 and the 99.9th percentile 0.012 — so they
 *   become candidates about 15 times in 100,000: a full index of 40,000 offers ~6 per `add`.
 * - Decision: a candidate is the same article when the estimated Jaccard similarity is at least
 *   DEFAULT_THRESHOLD = 0.4, or when the shorter text (≥ MIN_CONTAINED_SHINGLES shingles) is
 *   contained in the longer one at DEFAULT_CONTAINMENT = 0.8 (a site that printed only the first
 *   part of the story) with Jaccard at least CONTAINMENT_FLOOR.
 *   Why 0.4 — measured on test/fixtures/dedup (exact similarity / MinHash estimate):
 *     copy with another headline, byline and dateline, one paragraph rewritten, one dropped,
 *       a link and a copyright line added                                 0.67 / 0.63
 *     copy with another headline and byline, one paragraph rewritten, cut after five of eight
 *       paragraphs                                                        0.49 / 0.48
 *     a later story by the same agency re-using two background paragraphs  0.15 / 0.15
 *     an independent report of the same event (same names, one shared quote)  0.02 / 0.02
 *     another story on the same topic                                     0.01 / 0.02
 *   The copies sit at 0.45 and above, everything else at 0.15 and below; 0.4 lies in the gap,
 *   leaving room for the estimate's error (±0.09 at two standard errors) on the copy side while
 *   a story must share more than half its text with another before it is merged into it.
 * - Bounded memory: the index is a ring of the `capacity` (default 40,000) most recent distinct
 *   articles in typed arrays — signature 512 B, chain links 256 B and hash-table heads 256–512 B per
 *   article, ≈ 1.2 kB; 48.6 MB measured when full. The arrays grow by doubling, so small runs
 *   stay small. When full, the oldest article is evicted; wire copies appear within hours of each
 *   other, so a window of tens of thousands of articles catches them. Texts are cut at MAX_WORDS
 *   words so that one pathological record costs bounded time.
 */

export const SHINGLE_WORDS = 5;
export const BANDS = 64;
export const ROWS = 2;
export const SIGNATURE_SIZE = BANDS * ROWS;
export const DEFAULT_THRESHOLD = 0.4;
export const DEFAULT_CONTAINMENT = 0.8;
/** Containment is computed from the Jaccard estimate; below this its error is too large to trust. */
export const CONTAINMENT_FLOOR = 0.2;
/** Containment is not trusted for texts of a few sentences (a lead paragraph is in every copy). */
export const MIN_CONTAINED_SHINGLES = 60;
export const DEFAULT_CAPACITY = 40_000;
/** Shorter lines, or lines not ending like a sentence, are headline, byline, dateline or furniture. */
export const BODY_LINE_MIN_WORDS = 8;
const ENDS_LIKE_PROSE = /[.!?]["'\u2019\u201D)\]]?\s*$/u;
/** The body must keep this many words for the short lines to be left out. */
const MIN_BODY_WORDS = 40;
export const MAX_WORDS = 20_000;
const INITIAL_SLOTS = 256;
const EMPTY = -1;

export interface NearDuplicateOptions {
  /** Most recent distinct articles kept (default DEFAULT_CAPACITY). */
  capacity?: number;
  /** Estimated Jaccard similarity from which two articles are the same (default 0.4). */
  threshold?: number;
  /** Containment of the shorter article from which it is a copy (default 0.8). */
  containment?: number;
}

export interface NearDuplicateResult {
  /** Id of the earlier article this one copies; unset when the article is new. */
  duplicateOf?: string;
  /** Estimated Jaccard similarity to `duplicateOf`, or to the closest candidate seen. */
  similarity?: number;
  /** Estimated share of the shorter article's shingles found in the other. */
  containment?: number;
}

/** murmur3's 32-bit finaliser: a cheap, well-mixed bijection on 32-bit integers. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Seeds of the SIGNATURE_SIZE hash functions, fixed so that signatures are reproducible. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 + Math.imul(i + 1, 0x61c88647)));

const WORD = /[\p{L}\p{N}]+/gu;

const NON_ASCII = /[^\x00-\x7f]/;

function wordsOf(line: string): string[] {
  // Folding accents is the slow part; most news lines do not need it.
  const folded = NON_ASCII.test(line) ? line.normalize("NFKD").replace(/\p{M}/gu, "") : line;
  return folded.toLowerCase().match(WORD) ?? [];
}

/** The words the fingerprint is built from (see the header: short lines dropped when possible). */
export function fingerprintWords(text: string): string[] {
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/);
  const body = lines.filter((line) => ENDS_LIKE_PROSE.test(line)).map(wordsOf).filter((words) => words.length >= BODY_LINE_MIN_WORDS).flat();
  const words = body.length >= MIN_BODY_WORDS ? body : lines.flatMap(wordsOf);
  return words.length > MAX_WORDS ? words.slice(0, MAX_WORDS) : words;
}

/** Distinct shingle hashes; a text shorter than a shingle is one shingle of all its words. */
export function shingleHashes(words: readonly string[]): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = Uint32Array.from(words, hashWord);
  const count = Math.max(1, wordHashes.length - SHINGLE_WORDS + 1);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    let h = 0x2545f491;
    const end = Math.min(i + SHINGLE_WORDS, wordHashes.length);
    for (let j = i; j < end; j += 1) h = Math.imul(h ^ (wordHashes[j] as number), 0x5bd1e995) ^ (h >>> 15);
    shingles[i] = mix32(h);
  }
  // Distinct values: sort, then compact in place.
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < count; i += 1) if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[distinct++] = shingles[i] as number;
  return shingles.slice(0, distinct);
}

/** MinHash signature: per hash function, the least hash of any shingle. */
export function minHashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s += 1) {
    const shingle = shingles[s] as number;
    for (let i = 0; i < SIGNATURE_SIZE; i += 1) {
      const value = mix32(shingle ^ (SEEDS[i] as number));
      if (value < (signature[i] as number)) signature[i] = value;
    }
  }
  return signature;
}

/** Share of positions where two signatures agree: the MinHash estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array, bOffset = 0): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i += 1) if (a[i] === b[bOffset + i]) equal += 1;
  return equal / SIGNATURE_SIZE;
}

/** |A∩B| / min(|A|,|B|) from the Jaccard estimate and the two set sizes. */
function containmentOf(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / ((1 + jaccard) * smaller));
}

/** Hash of one band of a signature stored at `offset` in `signatures`. */
function bandKey(signatures: Uint32Array, offset: number, band: number): number {
  let h = band + 1;
  for (let r = 0; r < ROWS; r += 1) h = mix32(h ^ Math.imul(signatures[offset + band * ROWS + r] as number, 0x9e3779b1));
  return h;
}

/**
 * Storage: slot s holds one article: its id, shingle count, sequence number and signature
 * (signatures[s*SIGNATURE_SIZE …]). Node n = s*BANDS + b is the article's entry in band b's hash
 * table (heads: one bucket per key's low bits; the band key itself is recomputed from the stored
 * signature rather than stored): a link to the next-older article in the same bucket. Slots are
 * reused in insertion order, so an article is evicted only after every article older than it, and
 * a bucket's head is always live (evict empties a bucket its article heads). A link that leads to
 * a slot holding a newer article than the one linking marks the end of the live part of a chain:
 * everything further down is older still, hence evicted too.
 */
export class NearDuplicateIndex {
  readonly capacity: number;
  readonly threshold: number;
  readonly containment: number;
  private slots = 0;
  private tableSize = 0;
  private ids: Array<string | undefined> = [];
  private shingleCounts = new Uint32Array(0);
  /** Insertion number of each slot's article (a double: no wrap-around in any real run). */
  private slotSeq = new Float64Array(0);
  private signatures = new Uint32Array(0);
  private nodeNext = new Int32Array(0);
  private heads = new Int32Array(0);
  /** Marks slots already verified during one `add`, by that call's query number. */
  private visited = new Uint32Array(0);
  private queries = 0;
  /** Sequence numbers start at 1 so that 0 means "never used". */
  private nextSeq = 1;
  private count = 0;
  /** Slot the next article is written to (the oldest one once full). */
  private cursor = 0;

  constructor(options: NearDuplicateOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_CAPACITY));
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.containment = options.containment ?? DEFAULT_CONTAINMENT;
    this.allocate(Math.min(this.capacity, INITIAL_SLOTS));
  }

  get size(): number {
    return this.count;
  }

  add(id: string, text: string): NearDuplicateResult {
    const shingles = shingleHashes(fingerprintWords(text));
    if (shingles.length === 0) return {};
    const signature = minHashSignature(shingles);
    const keys = new Uint32Array(BANDS);
    for (let b = 0; b < BANDS; b += 1) keys[b] = bandKey(signature, 0, b);

    this.queries = this.queries === 0xffffffff ? 1 : this.queries + 1;
    const query = this.queries;
    let best: { slot: number; jaccard: number; containment: number; duplicate: boolean } | undefined;
    for (let b = 0; b < BANDS; b += 1) {
      const key = keys[b] as number;
      for (let node = this.heads[b * this.tableSize + (key & (this.tableSize - 1))] as number; node !== EMPTY; ) {
        const slot = Math.floor(node / BANDS);
        // Buckets are shared by keys equal in their low bits: compare the whole key first.
        if (this.visited[slot] !== query && bandKey(this.signatures, slot * SIGNATURE_SIZE, b) === key) {
          this.visited[slot] = query;
          const jaccard = estimateJaccard(signature, this.signatures, slot * SIGNATURE_SIZE);
          const containment = containmentOf(jaccard, shingles.length, this.shingleCounts[slot] as number);
          const duplicate = this.isSameArticle(jaccard, containment, Math.min(shingles.length, this.shingleCounts[slot] as number));
          if (!best || (duplicate && !best.duplicate) || (duplicate === best.duplicate && jaccard > best.jaccard)) {
            best = { slot, jaccard, containment, duplicate };
          }
        }
        const next = this.nodeNext[node] as number;
        // A link always points to an older article; a newer one in that slot means it was evicted and reused.
        if (next === EMPTY || (this.slotSeq[Math.floor(next / BANDS)] as number) > (this.slotSeq[slot] as number)) break;
        node = next;
      }
    }
    if (best?.duplicate) return { duplicateOf: this.ids[best.slot] as string, similarity: round(best.jaccard), containment: round(best.containment) };
    this.insert(id, shingles.length, signature);
    return best ? { similarity: round(best.jaccard), containment: round(best.containment) } : {};
  }

  private isSameArticle(jaccard: number, containment: number, smallerShingles: number): boolean {
    if (jaccard >= this.threshold) return true;
    return jaccard >= CONTAINMENT_FLOOR && smallerShingles >= MIN_CONTAINED_SHINGLES && containment >= this.containment;
  }

  private insert(id: string, shingleCount: number, signature: Uint32Array): void {
    if (this.count === this.slots && this.slots < this.capacity) this.grow();
    const slot = this.cursor;
    if (this.count === this.slots) this.evict(slot);
    else this.count += 1;
    const seq = this.nextSeq;
    this.nextSeq += 1;
    this.ids[slot] = id;
    this.shingleCounts[slot] = shingleCount;
    this.slotSeq[slot] = seq;
    this.signatures.set(signature, slot * SIGNATURE_SIZE);
    this.link(slot);
    this.cursor = (slot + 1) % this.slots;
  }

  private link(slot: number): void {
    for (let b = 0; b < BANDS; b += 1) {
      const node = slot * BANDS + b;
      const head = this.bucketOf(slot, b);
      const previous = this.heads[head] as number;
      this.nodeNext[node] = previous;
      this.heads[head] = node;
    }
  }

  /** Removes the oldest article; a bucket it heads is emptied (everything older is gone already). */
  private evict(slot: number): void {
    for (let b = 0; b < BANDS; b += 1) {
      const head = this.bucketOf(slot, b);
      if (this.heads[head] === slot * BANDS + b) this.heads[head] = EMPTY;
    }
    this.ids[slot] = undefined;
  }

  /** Index in `heads` of the bucket of band `band` of the article in `slot`. */
  private bucketOf(slot: number, band: number): number {
    return band * this.tableSize + (bandKey(this.signatures, slot * SIGNATURE_SIZE, band) & (this.tableSize - 1));
  }

  private allocate(slots: number): void {
    this.slots = slots;
    let tableSize = 1;
    while (tableSize < slots) tableSize *= 2;
    this.tableSize = tableSize;
    this.ids = new Array<string | undefined>(slots).fill(undefined);
    this.shingleCounts = new Uint32Array(slots);
    this.slotSeq = new Float64Array(slots);
    this.signatures = new Uint32Array(slots * SIGNATURE_SIZE);
    this.nodeNext = new Int32Array(slots * BANDS).fill(EMPTY);
    this.heads = new Int32Array(BANDS * tableSize).fill(EMPTY);
    this.visited = new Uint32Array(slots);
  }

  /** Doubles the storage (up to capacity) and re-links every article, oldest first. */
  private grow(): void {
    const old = {
      slots: this.slots,
      ids: this.ids,
      shingleCounts: this.shingleCounts,
      slotSeq: this.slotSeq,
      signatures: this.signatures,
    };
    const oldest = this.cursor;
    this.allocate(Math.min(this.capacity, this.slots * 2));
    // The ring was full: its oldest article sits at the cursor. Copy in age order to slots 0…n-1.
    for (let i = 0; i < old.slots; i += 1) {
      const from = (oldest + i) % old.slots;
      this.ids[i] = old.ids[from];
      this.shingleCounts[i] = old.shingleCounts[from] as number;
      this.slotSeq[i] = old.slotSeq[from] as number;
      this.signatures.set(old.signatures.subarray(from * SIGNATURE_SIZE, (from + 1) * SIGNATURE_SIZE), i * SIGNATURE_SIZE);
      this.link(i);
    }
    this.cursor = old.slots;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
