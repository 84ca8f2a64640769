import { Worker } from "node:worker_threads";
import type { OutputFormat } from "../output/writer.js";
import type { CoderSpec, CodingResult, ExplainMode, WorkerJob, WorkerResult } from "./coding-jobs.js";
import type { PreparedDocument } from "./record-coder.js";

interface Pending {
  resolve: (results: CodingResult[]) => void;
  reject: (error: Error) => void;
}

/**
 * A coding thread's young generation. Coding makes ~15 KB of short-lived objects per sentence (a
 * document's tokens, phrases and frames, and wink's own); with V8's default the thread scavenged
 * every few hundred sentences and promoted whole documents. A larger one measured ~10% faster with
 * two jobs for ~16 MB more memory per thread. The main thread keeps Node's default.
 */
const YOUNG_GENERATION_MB = 32;

/**
 * Worker threads that code batches of documents in parallel (`parley code --jobs N`). Each thread
 * builds its own coder once; a batch goes to the thread with the fewest batches waiting. The
 * caller keeps the promises in input order, so output order never depends on which thread
 * finishes first.
 */
export class CodingPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(
    jobs: number,
    spec: CoderSpec,
    private readonly job: { explain: ExplainMode; format: OutputFormat },
  ) {
    const script = new URL("./coding-worker.js", import.meta.url);
    for (let i = 0; i < jobs; i += 1) {
      const worker = new Worker(script, { workerData: spec, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on("message", (result: WorkerResult) => this.settle(i, result));
      worker.on("error", (error) => this.failAll(error));
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /** Whether every thread already has at least `depth` batches waiting. */
  saturated(depth: number): boolean {
    return this.load.every((waiting) => waiting >= depth);
  }

  /** Code a batch; results come back in the batch's order. */
  code(documents: PreparedDocument[]): Promise<CodingResult[]> {
    const id = this.nextId;
    this.nextId += 1;
    let target = 0;
    for (let i = 1; i < this.workers.length; i += 1) if ((this.load[i] ?? 0) < (this.load[target] ?? 0)) target = i;
    this.load[target] = (this.load[target] ?? 0) + 1;
    const message: WorkerJob = { id, documents, explain: this.job.explain, format: this.job.format };
    return new Promise<CodingResult[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[target]?.postMessage(message);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(worker: number, result: WorkerResult): void {
    const waiting = this.pending.get(result.id);
    this.pending.delete(result.id);
    this.load[worker] = Math.max(0, (this.load[worker] ?? 1) - 1);
    if (!waiting) return;
    if (result.error !== undefined) waiting.reject(new Error(`worker failed: ${result.error}`));
    else waiting.resolve(result.results);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
