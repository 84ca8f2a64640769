import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Keeps a coding thread's heap near its live size. Coding leaves a lot of short-lived garbage
 * that survives a scavenge or two (a document's tokens live as long as the document), and V8 lets
 * the old generation grow to several times the live data before it collects it: on 100,000
 * sentences the main thread's heap reached ~230 MB over ~65 MB live, and with two coding threads
 * peak memory passed 400 MB. So every so often the thread looks at its heap, and when it has grown
 * `headroom` bytes past what was live after the last collection (or half that while the whole
 * process is past RESIDENT_BUDGET), it collects fully: 20–40 ms for a 30–70 MB live heap, about
 * ten times in a 100,000-sentence run. Collecting on a fixed schedule instead (every 2 MB of text)
 * cost a fifth of the run; looking costs microseconds.
 * Node offers no public call for a collection, so `gc` is taken from a fresh context once the
 * flag that exposes it is set.
 */
export class HeapTrimmer {
  private sinceLook = 0;
  private limit: number;
  private collect: (() => void) | undefined | null = null;

  constructor(
    private readonly lookEveryCharacters: number,
    private readonly headroom: number = HEAP_HEADROOM,
    firstLimit: number = FIRST_LIMIT,
  ) {
    this.limit = firstLimit;
  }

  /** Count `characters` more coded text; look at the heap when enough has gone by since the last time. */
  note(characters: number): void {
    this.sinceLook += characters;
    if (this.sinceLook < this.lookEveryCharacters) return;
    this.sinceLook = 0;
    const used = getHeapStatistics().used_heap_size;
    // The process's resident size bounds the threads together: past the budget, a thread also collects once
    // its heap has grown half the headroom, so several threads stay under the bound without collecting all the time.
    const crowded = used >= this.limit - this.headroom / 2 && process.memoryUsage.rss() >= RESIDENT_BUDGET;
    if (used < this.limit && !crowded) return;
    // Taken on first need, not at start-up: short runs never collect.
    if (this.collect === null) this.collect = fullCollection();
    this.collect?.();
    this.limit = getHeapStatistics().used_heap_size + this.headroom;
  }
}

/** Text between two looks at the heap: 256 KB is about 2,500 sentences, a fraction of a second of coding. */
export const TRIM_EVERY_CHARACTERS = 256 * 1024;
/** How far the heap may grow past its live size before a full collection. */
export const HEAP_HEADROOM = 48 * 1024 * 1024;
/** Resident memory of the whole process (all threads) past which every coding thread collects: the 400 MB bound with room to spare. */
const RESIDENT_BUDGET = 300 * 1024 * 1024;
/** The heap size of the first collection: a coder's live heap is ~60 MB once its dictionaries are loaded. */
const FIRST_LIMIT = 96 * 1024 * 1024;

function fullCollection(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? () => (gc as () => void)() : undefined;
  } catch {
    return undefined;
  }
}
