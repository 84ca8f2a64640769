#!/usr/bin/env node
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2));
// For benchmarks: the peak resident memory of the whole process, worker threads included.
if (process.env["PARLEY_PEAK_RSS"]) process.stderr.write(`parley: peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
