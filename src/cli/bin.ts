#!/usr/bin/env node
import { main } from "./main.js";

// `parley code big.jsonl | head`: when the reader goes away, stop quietly as other Unix tools do,
// instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
// For benchmarks: the peak resident memory and the CPU time of the whole process, worker threads included.
if (process.env["PARLEY_PEAK_RSS"]) {
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(`parley: peak RSS ${Math.round(usage.maxRSS / 1024)} MB, CPU ${cpuSeconds.toFixed(2)} s\n`);
}
