/**
 * A worker thread of `parley code --jobs N`: builds its own coder (dictionaries are loaded once
 * per thread), codes the batches of documents the main thread sends, and returns what the main
 * thread prints, formatted here when the output format allows it.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Coder } from "../pipeline.js";
import { HeapTrimmer, TRIM_EVERY_CHARACTERS } from "./coding-heap.js";
import { coderFor, codingResult, type CoderSpec, type WorkerJob, type WorkerResult } from "./coding-jobs.js";
import { codePrepared } from "./record-coder.js";

const spec = workerData as CoderSpec;
let coder: Coder | undefined;
const heap = new HeapTrimmer(TRIM_EVERY_CHARACTERS);

parentPort?.on("message", (job: WorkerJob) => {
  try {
    coder ??= coderFor(spec);
    const ready = coder;
    const results = job.documents.map((prepared) => codingResult(codePrepared(ready, prepared), job.explain, job.format));
    parentPort?.postMessage({ id: job.id, results } satisfies WorkerResult);
    heap.note(job.documents.reduce((sum, prepared) => sum + prepared.text.length, 0));
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) } satisfies WorkerResult);
  }
});
