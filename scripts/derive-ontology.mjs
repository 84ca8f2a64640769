#!/usr/bin/env node
/**
 * Derives data/cameo/codes.tsv — the project's CAMEO event ontology — from the third-party reference
 * tables in ../shared/reference (read-only; see its README for provenance and licences).
 *
 * Usage:
 *   node scripts/derive-ontology.mjs [referenceDir] [--stdout | --out <file>]
 *
 * referenceDir defaults to ../shared/reference next to the repository root (not the working
 * directory), so the script behaves the same wherever it is started from. The output is fully
 * determined by the input files: no dates, no absolute paths. test/ontology/cameo.test.ts re-runs
 * it with --stdout and compares the result with the committed file.
 *
 * Plain Node ESM, no dependencies.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The 20 CAMEO root codes, "01".."20". */
const ROOTS = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0"));

/** Written for codes whose whole root has no PLOVER event (CAMEO 01 and 02, dropped by PLOVER). */
const PLOVER_NONE = "NONE";

/**
 * Typos in the codefile's names, fixed here so they do not end up in explanations. Each must
 * match exactly one name; the script fails when one stops matching (the source changed).
 */
const SPELLING_FIXES = [
  ["055", "Apolgize", "Apologize"],
  ["1051", "adminstrative", "administrative"],
  ["1444", "Ostruct", "Obstruct"],
];

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  let referenceDir = resolve(repoRoot, "../shared/reference");
  let out = resolve(repoRoot, "data/cameo/codes.tsv");
  let toStdout = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stdout") toStdout = true;
    else if (arg === "--out") {
      const next = argv[++i];
      if (next === undefined) fail("--out needs a file name");
      out = resolve(next);
    } else if (arg.startsWith("--")) fail(`unknown option ${arg}`);
    else referenceDir = resolve(arg);
  }
  return { referenceDir, out, toStdout };
}

function fail(message) {
  process.stderr.write(`derive-ontology: ${message}\n`);
  process.exit(1);
}

/** Reads a reference file as lines, without line terminators (one of the inputs uses CRLF). */
function readLines(referenceDir, relative) {
  const path = resolve(referenceDir, relative);
  if (!existsSync(path)) fail(`missing reference file ${path}`);
  return readFileSync(path, "utf8").split(/\r?\n/);
}

const CODE = /^\d{2,4}$/;
const WEIGHT = /^-?\d+(\.\d+)?$/;

// ---------------------------------------------------------------------------------------------
// Readers, one per source file. Each returns a Map keyed by CAMEO code.

/**
 * CAMEO_codefile.txt: root headers "//01: NAME" or "//03= NAME", then "LABEL: 010= Name" lines.
 * "LABELi"/"LABELI" lines and codes with a suffix ("0811i", "13y") are ICEWS variants, not codes,
 * and are skipped. When a code has several LABEL lines the last one wins: the later lines correct
 * the earlier ones (018 "commment" → "comment"; 175 and 0354 take the CAMEO 1.1b3 wording).
 */
function readCodefile(referenceDir) {
  const names = new Map();
  for (const line of readLines(referenceDir, "cameo/CAMEO_codefile.txt")) {
    const root = /^\/\/(\d{2})[:=]\s*(.+?)\s*$/.exec(line);
    if (root) {
      names.set(root[1], root[2]);
      continue;
    }
    const label = /^LABEL:\s*([0-9A-Za-z]+)=\s*(.+?)\s*$/.exec(line);
    if (label && CODE.test(label[1])) names.set(label[1], label[2]);
  }
  for (const [code, wrong, right] of SPELLING_FIXES) {
    const name = names.get(code);
    if (name === undefined || !name.includes(wrong)) fail(`spelling fix for ${code} ("${wrong}") no longer applies`);
    names.set(code, name.replace(wrong, right));
  }
  return names;
}

/** A two-column "code<TAB>weight" table with a header row (GDELT's and Phoenix's Goldstein scales). */
function readWeights(referenceDir, relative) {
  const weights = new Map();
  const lines = readLines(referenceDir, relative);
  for (const line of lines.slice(1)) {
    if (line.trim() === "") continue;
    const [code, weight] = line.split("\t").map((field) => field.trim());
    if (!CODE.test(code) || !WEIGHT.test(weight)) fail(`${relative}: cannot read line "${line}"`);
    if (weights.has(code) && weights.get(code) !== weight) fail(`${relative}: ${code} has two weights`);
    weights.set(code, weight);
  }
  return weights;
}

/**
 * CAMEO2PLOVER-2021.txt: "043: CONSULT, visit,   # Host a visit", i.e. event, mode, context and a
 * comment. Two-digit header lines ("04: CONSULT") give the root's event. Root 08 has two headers
 * (CONCEDE for 081-083, RETREAT for 084-087); the root itself keeps the first, CONCEDE, matching
 * 080 "Yield". Context lists keep PLOVER's "a; b" form.
 */
function readPlover(referenceDir) {
  const relative = "plover/CAMEO2PLOVER-2021.txt";
  const plover = new Map();
  for (const raw of readLines(referenceDir, relative)) {
    const line = raw.split("#")[0].trim();
    const match = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!match) continue;
    const [code, rest] = [match[1], match[2]];
    const fields = rest.split(",").map((field) => field.trim().replace(/\s+/g, " "));
    const [event = "", mode = "", context = ""] = fields;
    if (fields.length > 3 || !/^[A-Z]+$/.test(event)) fail(`${relative}: cannot read line "${raw}"`);
    const entry = { event, mode, context };
    const previous = plover.get(code);
    if (previous === undefined) plover.set(code, entry);
    else if (code.length > 2 && JSON.stringify(previous) !== JSON.stringify(entry)) {
      fail(`${relative}: ${code} is mapped twice, differently`);
    }
  }
  return plover;
}

/** cameo_codes_merged.tsv, used only to cross-check this derivation (differences go to stderr). */
function readMerged(referenceDir) {
  const lines = readLines(referenceDir, "cameo/cameo_codes_merged.tsv").filter((line) => line.trim() !== "");
  const header = lines[0].split("\t");
  const rows = new Map();
  for (const line of lines.slice(1)) {
    const fields = line.split("\t");
    const row = Object.fromEntries(header.map((column, i) => [column, (fields[i] ?? "").trim()]));
    rows.set(row.code, row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Derivation

/** The code one level up: "0110" → "011", "011" → "01", "01" → undefined. */
function parentOf(code) {
  return code.length > 2 ? code.slice(0, code.length === 4 ? 3 : 2) : undefined;
}

/** The value for a code, or failing that its nearest ancestor's, with the code it came from. */
function lookUpwards(table, code) {
  for (let at = code; at !== undefined; at = parentOf(at)) {
    if (table.has(at)) return { value: table.get(at), from: at };
  }
  return undefined;
}

/**
 * GDELT's quad classes by root: 01-04 verbal cooperation, 05-08 material cooperation, 09-13 verbal
 * conflict, 14-20 material conflict. (Phoenix's phoenix_quad_class.tsv differs: 01-02 neutral,
 * 05 verbal, 16 verbal; the project reports GDELT's.)
 */
function quadOf(root) {
  const n = Number(root);
  if (n <= 4) return 1;
  if (n <= 8) return 2;
  if (n <= 13) return 3;
  return 4;
}

function derive(referenceDir) {
  const names = readCodefile(referenceDir);
  const gdelt = readWeights(referenceDir, "cameo/CAMEO.goldsteinscale.txt");
  const phoenix = readWeights(referenceDir, "cameo/phoenix_goldstein_scale.tsv");
  const plover = readPlover(referenceDir);

  // Every code any of the tables knows: the codebook's own, plus the few extra codes that only the
  // Phoenix weights list (0110, 0357, 109, 1641-1643), so Phoenix-coded data looks up cleanly.
  const codes = new Set([...names.keys(), ...gdelt.keys(), ...phoenix.keys(), ...plover.keys()]);
  for (const root of ROOTS) {
    if (!codes.has(root)) fail(`root ${root} is missing from the codebook`);
  }
  for (const code of codes) {
    if (!CODE.test(code) || !ROOTS.includes(code.slice(0, 2))) fail(`unexpected code ${code}`);
    if (code.length === 4 && !codes.has(code.slice(0, 3))) fail(`${code} has no three-digit parent`);
  }

  const rows = [];
  for (const code of [...codes].sort()) {
    const inherited = [];
    const take = (field, table) => {
      const found = lookUpwards(table, code);
      if (found === undefined) return undefined;
      if (found.from !== code) inherited.push(`${field}<${found.from}`);
      return found.value;
    };

    const name = take("name", names);
    const goldstein = take("goldstein", gdelt);
    const goldsteinPhoenix = take("goldstein_phoenix", phoenix);
    if (name === undefined || goldstein === undefined || goldsteinPhoenix === undefined) {
      fail(`${code}: no name or weight even from its root`);
    }
    let coding = take("plover", plover);
    if (coding === undefined) {
      coding = { event: PLOVER_NONE, mode: "", context: "" };
      inherited.push("plover:none");
    }

    const root = code.slice(0, 2);
    rows.push([
      code,
      root,
      name,
      String(quadOf(root)),
      goldstein,
      goldsteinPhoenix,
      coding.event,
      coding.mode,
      coding.context,
      inherited.join(","),
    ]);
  }
  return rows;
}

/** Reports, on stderr, where this derivation and the reference's merged table disagree. */
function crossCheck(referenceDir, rows) {
  const merged = readMerged(referenceDir);
  const notes = [];
  const ours = new Set(rows.map((row) => row[0]));
  for (const code of merged.keys()) if (!ours.has(code)) notes.push(`${code}: only in the merged table`);
  for (const [code, , name, , goldstein, goldsteinPhoenix, event, mode, context, inherited] of rows) {
    const other = merged.get(code);
    if (other === undefined) {
      notes.push(`${code}: not in the merged table`);
      continue;
    }
    const own = (field) => !inherited.split(",").some((entry) => entry.startsWith(`${field}<`));
    const compare = (label, mine, theirs) => {
      if (theirs !== "" && mine !== theirs) notes.push(`${code} ${label}: "${mine}" here, "${theirs}" in the merged table`);
    };
    if (own("name")) compare("name", name, other.name);
    if (own("goldstein")) compare("goldstein", goldstein, other.goldstein_gdelt);
    if (own("goldstein_phoenix")) compare("goldstein_phoenix", goldsteinPhoenix, other.goldstein_phoenix);
    if (own("plover") && !inherited.includes("plover:none")) {
      compare("plover_event", event, other.plover_event);
      compare("plover_mode", mode, other.plover_mode);
      compare("plover_context", context, other.plover_context);
    }
  }
  for (const note of notes) process.stderr.write(`derive-ontology: note: ${note}\n`);
}

// ---------------------------------------------------------------------------------------------
// Output

const COLUMNS = [
  "code",
  "root",
  "name",
  "quad",
  "goldstein",
  "goldstein_phoenix",
  "plover_event",
  "plover_mode",
  "plover_context",
  "inherited",
];

const PREAMBLE = [
  "# CAMEO event codes with GDELT quad class, Goldstein weights and PLOVER mapping.",
  "# Generated by scripts/derive-ontology.mjs; do not edit by hand. Format and rules: data/cameo/README.md.",
  "# Derived from (paths under ../shared/reference):",
  "#   cameo/CAMEO_codefile.txt           names (openeventdata/text_to_CAMEO @ 6d7b3abe, MIT)",
  "#   cameo/CAMEO.goldsteinscale.txt     goldstein: GDELT's Goldstein weights (GDELT lookup table)",
  "#   cameo/phoenix_goldstein_scale.tsv  goldstein_phoenix (openeventdata/phoenix_pipeline @ d1639c59, MIT)",
  "#   plover/CAMEO2PLOVER-2021.txt       plover_* (openeventdata/PLOVER @ 5e0c24fb, PLOVER draft 0.8, CC BY-SA 4.0)",
  "# quad: GDELT's root-based quad class (01-04 = 1, 05-08 = 2, 09-13 = 3, 14-20 = 4).",
  `# inherited: fields filled from the nearest ancestor ("name<011"); "plover:none" = no PLOVER event ("${PLOVER_NONE}").`,
];

function render(rows) {
  for (const row of rows) {
    for (const field of row) {
      if (/[\t\r\n]/.test(field)) fail(`field "${field}" contains a tab or newline`);
    }
  }
  const lines = [...PREAMBLE, COLUMNS.join("\t"), ...rows.map((row) => row.join("\t"))];
  return lines.join("\n") + "\n";
}

const { referenceDir, out, toStdout } = parseArgs(process.argv.slice(2));
if (!existsSync(referenceDir)) fail(`reference directory ${referenceDir} not found`);
const rows = derive(referenceDir);
crossCheck(referenceDir, rows);
const text = render(rows);
if (toStdout) process.stdout.write(text);
else {
  writeFileSync(out, text);
  process.stderr.write(`derive-ontology: wrote ${rows.length} codes to ${out}\n`);
}
