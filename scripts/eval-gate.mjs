#!/usr/bin/env node
// CI gate for the PETRARCH unit-test suite: codes every record from its raw text with the suite's own
// dictionaries and fails when fewer than MIN_EXACT of the records come out exactly right.
// Usage: node scripts/eval-gate.mjs ../shared/reference/petrarch [MIN_EXACT]
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const dir = process.argv[2] ?? "../shared/reference/petrarch";
const minExact = Number(process.argv[3] ?? 0.95);
const cli = new URL("../dist/cli/bin.js", import.meta.url).pathname;
const suite = join(dir, "PETR.UnitTest.records.xml");

const table = execFileSync(process.execPath, [cli, "eval", suite, "--dictionaries", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
console.log(table);
const report = JSON.parse(execFileSync(process.execPath, [cli, "eval", suite, "--dictionaries", dir, "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
const share = report.exact / report.records;
console.log(`eval gate: ${report.exact}/${report.records} records exactly right (${(share * 100).toFixed(1)}%), gate ${(minExact * 100).toFixed(0)}%`);
if (!(share >= minExact)) {
  console.error(`eval gate: below ${(minExact * 100).toFixed(0)}%; misses: ${report.misses.join(", ")}`);
  process.exit(1);
}
