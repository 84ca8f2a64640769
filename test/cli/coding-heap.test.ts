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

describe("HeapTrimmer", () => {
  it("collects only once enough text has been coded since the last collection", () => {
    const trimmer = new HeapTrimmer(1000);
    oldGarbage();
    const before = process.memoryUsage().heapUsed;
    trimmer.note(999);
    const notYet = process.memoryUsage().heapUsed;
    trimmer.note(1);
    const after = process.memoryUsage().heapUsed;
    expect(notYet).toBeGreaterThan(before - 5_000_000);
    expect(after).toBeLessThan(notYet - 10_000_000);
  });
});
