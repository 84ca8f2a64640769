import { describe, expect, it } from "vitest";
import { HeapTrimmer } from "../../src/cli/coding-heap.js";

/** Objects kept long enough to reach the old generation, then dropped: garbage only a full collection frees. */
function oldGarbage(): void {
  let kept: Array<{ index: number; text: string }> | undefined = [];
  for (let i = 0; i < 300_000; i += 1) kept.push({ index: i, text: `item ${i}` });
  // Allocate more so that scavenges promote the kept objects.
  for (let round = 0; round < 5; round += 1) new Array(200_000).fill(round).map(String);
  kept = undefined;
}

const MB = 1024 * 1024;

describe("HeapTrimmer", () => {
  it("looks at the heap only once enough text has been coded, and collects when it has outgrown its limit", () => {
    const trimmer = new HeapTrimmer(1000, 16 * MB, 1);
    oldGarbage();
    const before = process.memoryUsage().heapUsed;
    trimmer.note(999);
    const notYet = process.memoryUsage().heapUsed;
    trimmer.note(1);
    const after = process.memoryUsage().heapUsed;
    expect(notYet).toBeGreaterThan(before - 5_000_000);
    expect(after).toBeLessThan(notYet - 10_000_000);
  });

  it("leaves a heap below its limit alone, and sets the next limit above what a collection left live", () => {
    const roomy = new HeapTrimmer(1, 16 * MB, Number.MAX_SAFE_INTEGER);
    oldGarbage();
    const before = process.memoryUsage().heapUsed;
    roomy.note(1);
    expect(process.memoryUsage().heapUsed).toBeGreaterThan(before - 5_000_000);

    const trimmer = new HeapTrimmer(1, 512 * MB, 1);
    trimmer.note(1); // collects: the first limit is 1 byte
    oldGarbage();
    const grown = process.memoryUsage().heapUsed;
    trimmer.note(1); // the heap is far below live + 512 MB
    expect(process.memoryUsage().heapUsed).toBeGreaterThan(grown - 5_000_000);
  });
});
