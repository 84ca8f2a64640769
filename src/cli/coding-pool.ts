import { Worker } from "node:worker_threads";
import type { CoderSpec, ExplainMode, WorkerJob, WorkerResult } from "./coding-jobs.js";
import type { PreparedDocument } from "./record-coder.js";

type Done = { coded: NonNullable<Extract<WorkerResult, { coded: unknown }>["coded"]>; sentences: number; explanation: string | undefined };

interface Pending {
  resolve: (result: Done) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that code documents in parallel (`parley code --jobs N`). Each thread builds its
 * own coder once; a document goes to the thread with the fewest waiting. The caller keeps the
 * promises in input order, so output order never depends on which thread finishes first.
 */
export class CodingPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly owner = new Map<number, number>();
  private nextId = 0;

  constructor(jobs: number, spec: CoderSpec) {
    const script = new URL("./coding-worker.js", import.meta.url);
    for (let i = 0; i < jobs; i += 1) {
      const worker = new Worker(script, { workerData: spec });
      worker.on("message", (result: WorkerResult) => this.settle(i, result));
      worker.on("error", (error) => this.failAll(error));
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  code(prepared: PreparedDocument, explain: ExplainMode): Promise<Done> {
    const id = this.nextId;
    this.nextId += 1;
    let target = 0;
    for (let i = 1; i < this.workers.length; i += 1) if ((this.load[i] ?? 0) < (this.load[target] ?? 0)) target = i;
    this.load[target] = (this.load[target] ?? 0) + 1;
    this.owner.set(id, target);
    const job: WorkerJob = { id, prepared, explain };
    return new Promise<Done>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[target]?.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(worker: number, result: WorkerResult): void {
    const waiting = this.pending.get(result.id);
    this.pending.delete(result.id);
    this.owner.delete(result.id);
    this.load[worker] = Math.max(0, (this.load[worker] ?? 1) - 1);
    if (!waiting) return;
    if (result.error !== undefined) waiting.reject(new Error(`worker failed: ${result.error}`));
    else waiting.resolve({ coded: result.coded, sentences: result.sentences, explanation: result.explanation });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
