import { describe, expect, it } from "vitest";
import { createProgress, formatProgress, type ProgressStream } from "../../src/cli/progress.js";

class FakeTerminal implements ProgressStream {
  chunks: string[] = [];
  constructor(
    readonly isTTY: boolean,
    readonly columns = 100,
  ) {}
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
}

const ERASE = "\r\x1b[K";

function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe("formatProgress", () => {
  it("shows the counts, the rate and what is being read", () => {
    expect(formatProgress({ coded: 1100, skipped: 120, failed: 14, current: "news.jsonl" }, 10)).toBe(
      "parley 1,234 records: 1,100 coded, 120 skipped, 14 failed | 123/s | news.jsonl",
    );
    expect(formatProgress({ coded: 1, skipped: 0, failed: 0 }, 0)).toBe("parley 1 record: 1 coded, 0 skipped, 0 failed");
  });

  it("draws a bar and a percentage when the input size is known", () => {
    const line = formatProgress({ coded: 10, skipped: 0, failed: 0, bytesDone: 13_500_000, bytesTotal: 27_000_000 }, 2, 120);
    expect(line).toBe("parley [##########----------] 50% 13.5/27.0 MB | 10 records: 10 coded, 0 skipped, 0 failed | 5/s");
  });

  it("fits the line into the terminal, one column to spare", () => {
    const line = formatProgress({ coded: 1, skipped: 2, failed: 3, current: "a/very/long/path/".repeat(10) }, 1, 60);
    expect(line).toHaveLength(59);
    expect(line.endsWith("…")).toBe(true);
  });
});

describe("createProgress", () => {
  it("stays silent when stderr is not a terminal", () => {
    const stream = new FakeTerminal(false);
    const progress = createProgress({ stream, env: {} });
    expect(progress.enabled).toBe(false);
    progress.update({ coded: 1, skipped: 0, failed: 0 });
    expect(progress.suspend(() => 42)).toBe(42);
    progress.done();
    expect(stream.chunks).toEqual([]);
  });

  it("stays silent on a dumb terminal", () => {
    const stream = new FakeTerminal(true);
    expect(createProgress({ stream, env: { TERM: "dumb" } }).enabled).toBe(false);
  });

  it("redraws one line in place, at most every intervalMs", () => {
    const stream = new FakeTerminal(true);
    const time = clock();
    const progress = createProgress({ stream, env: {}, now: time.now, intervalMs: 100 });
    expect(progress.enabled).toBe(true);
    progress.update({ coded: 1, skipped: 0, failed: 0 });
    time.advance(50);
    progress.update({ coded: 2, skipped: 0, failed: 0 });
    time.advance(60);
    progress.update({ coded: 3, skipped: 1, failed: 0 });
    expect(stream.chunks).toEqual([
      `${ERASE}parley 1 record: 1 coded, 0 skipped, 0 failed`,
      `${ERASE}parley 4 records: 3 coded, 1 skipped, 0 failed | 36/s`,
    ]);
  });

  it("erases the line around a warning and draws it again after", () => {
    const stream = new FakeTerminal(true);
    const time = clock();
    const progress = createProgress({ stream, env: {}, now: time.now });
    progress.update({ coded: 1, skipped: 0, failed: 0 });
    progress.suspend(() => stream.write("parley: page.html: skipped: not English (fra)\n"));
    expect(stream.chunks.slice(1)).toEqual([ERASE, "parley: page.html: skipped: not English (fra)\n", `${ERASE}parley 1 record: 1 coded, 0 skipped, 0 failed`]);
  });

  it("erases the line when done and then writes nothing more", () => {
    const stream = new FakeTerminal(true);
    const time = clock();
    const progress = createProgress({ stream, env: {}, now: time.now });
    progress.update({ coded: 1, skipped: 0, failed: 0 });
    progress.done();
    time.advance(1000);
    progress.update({ coded: 2, skipped: 0, failed: 0 });
    progress.done();
    expect(stream.chunks).toEqual([`${ERASE}parley 1 record: 1 coded, 0 skipped, 0 failed`, ERASE]);
  });

  it("writes nothing around a warning before anything was drawn", () => {
    const stream = new FakeTerminal(true);
    const progress = createProgress({ stream, env: {}, now: clock().now });
    progress.suspend(() => stream.write("warning\n"));
    expect(stream.chunks).toEqual(["warning\n"]);
  });
});
