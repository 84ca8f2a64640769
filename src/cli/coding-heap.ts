import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Keeps a coding thread's heap near its live size. Coding leaves a lot of short-lived garbage
 * that survives a scavenge or two (a document's tokens live as long as the document), and V8 lets
 * the old generation grow to several times the live data before it collects it: on 100,000
 * sentences the main thread's heap reached ~230 MB over ~65 MB live, and peak memory grew with
 * the input. One full collection (tens of milliseconds for a ~50 MB live heap) after every couple
 * of megabytes of text keeps it flat. Node offers no public call for it, so `gc` is taken from a
 * fresh context once the flag that exposes it is set.
 */
export class HeapTrimmer {
  private coded = 0;
  private readonly collect: (() => void) | undefined;

  constructor(private readonly everyCharacters: number) {
    this.collect = fullCollection();
  }

  /** Count `characters` more coded text; collect when enough has gone by since the last time. */
  note(characters: number): void {
    this.coded += characters;
    if (this.coded < this.everyCharacters) return;
    this.coded = 0;
    this.collect?.();
  }
}

/** Text between two collections: 2 MB is about 20,000 sentences, a second or two of coding. */
export const TRIM_EVERY_CHARACTERS = 2 * 1024 * 1024;

function fullCollection(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? () => (gc as () => void)() : undefined;
  } catch {
    return undefined;
  }
}
