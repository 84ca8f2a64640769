/**
 * A worker thread of `parley code --jobs N`: builds its own coder (dictionaries are loaded once
 * per thread), codes the documents the main thread sends, and returns what the writers need.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Coder } from "../pipeline.js";
import { codedDocument } from "../output/writer.js";
import { coderFor, explanationOf, type CoderSpec, type WorkerJob, type WorkerResult } from "./coding-jobs.js";
import { codePrepared } from "./record-coder.js";

const spec = workerData as CoderSpec;
let coder: Coder | undefined;

parentPort?.on("message", (job: WorkerJob) => {
  coder ??= coderFor(spec);
  try {
    const doc = codePrepared(coder, job.prepared);
    const result: WorkerResult = { id: job.id, coded: codedDocument(doc), sentences: doc.sentences.length, explanation: explanationOf(doc, job.explain) };
    parentPort?.postMessage(result);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) } satisfies WorkerResult);
  }
});
