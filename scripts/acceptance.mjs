#!/usr/bin/env node
// Acceptance check over the shared seed articles: codes every *.txt with the built CLI and checks
// the events the project was founded on. Usage: node scripts/acceptance.mjs ../shared/seed
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const seedDir = process.argv[2] ?? "../shared/seed";
const cli = new URL("../dist/cli/bin.js", import.meta.url).pathname;

/** What each known seed article must yield. Unknown seed files must simply code without error. */
const EXPECTATIONS = {
  "000_f5746450aeab118a.txt": {
    date: "2022-01-19",
    checks: [
      ["RUSGOV 043 IRNGOV dated 2022-01-19", (e) => e.source === "RUSGOV" && e.code === "043" && e.target === "IRNGOV" && e.date === "2022-01-19"],
      ["RUS 057 IRN dated 2018", (e) => e.source.startsWith("RUS") && e.code === "057" && e.target?.startsWith("IRN") && e.date.startsWith("2018")],
      ["IRNGOV 03x RUS (Raisi: Iran is willing to expand cooperation)", (e) => e.source === "IRNGOV" && e.code.startsWith("03") && e.target === "RUS"],
    ],
    // The donation appeal sits between the dek and the first body sentence; nothing in it may be coded.
    forbidden: [["an event from the donation appeal", (e) => /Independent|donation|journalism|reporters|paywall|Musk/i.test(e.text)]],
  },
};

let failures = 0;
for (const file of readdirSync(seedDir).filter((name) => name.endsWith(".txt")).sort()) {
  const expectation = EXPECTATIONS[file];
  const args = ["code", join(seedDir, file)];
  if (expectation) args.push("--date", expectation.date);
  const output = execFileSync(process.execPath, [cli, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const events = output.split("\n").filter(Boolean).map((line) => JSON.parse(line));
  console.log(`${file}: ${events.length} events`);
  for (const event of events) console.log(`  ${event.source} ${event.code} ${event.target ?? "-"} ${event.date} | ${event.text.slice(0, 90)}`);
  if (!expectation) continue;
  for (const [name, test] of expectation.checks) {
    const ok = events.some(test);
    if (!ok) failures += 1;
    console.log(`  ${ok ? "ok  " : "FAIL"} ${name}`);
  }
  for (const [name, test] of expectation.forbidden) {
    const bad = events.filter(test);
    if (bad.length > 0) failures += 1;
    console.log(`  ${bad.length === 0 ? "ok  " : "FAIL"} no ${name}`);
  }
}
if (failures > 0) {
  console.error(`acceptance: ${failures} check(s) failed`);
  process.exit(1);
}
console.log("acceptance: all checks passed");
