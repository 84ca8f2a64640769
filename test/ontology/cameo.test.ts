import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it, expect } from "vitest";
import {
  PLOVER_NONE,
  allCameoCodes,
  cameoCode,
  cameoRoots,
  isCameoCode,
  nearestCameoCode,
} from "../../src/ontology/cameo.js";
import { dataPath } from "../../src/paths.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const referenceDir = fileURLToPath(new URL("../../../shared/reference/", import.meta.url));
const deriveScript = fileURLToPath(new URL("../../scripts/derive-ontology.mjs", import.meta.url));

describe("cameoCode", () => {
  it("describes 043 Host a visit", () => {
    expect(cameoCode("043")).toEqual({
      code: "043",
      root: "04",
      name: "Host a visit",
      quad: 1,
      goldstein: 2.8,
      goldsteinPhoenix: 2.8,
      plover: { event: "CONSULT", mode: "visit", context: "" },
    });
  });

  it("describes 190 as material conflict, ASSAULT in PLOVER", () => {
    const fight = cameoCode("190");
    expect(fight?.name).toBe("Use conventional military force");
    expect(fight?.quad).toBe(4);
    expect(fight?.goldstein).toBe(-10);
    expect(fight?.plover).toEqual({ event: "ASSAULT", mode: "", context: "military" });
  });

  it("keeps PLOVER's context lists and its split of root 08", () => {
    expect(cameoCode("1124")?.plover).toEqual({ event: "ACCUSE", mode: "allege", context: "military; legal" });
    expect(cameoCode("081")?.plover.event).toBe("CONCEDE");
    expect(cameoCode("0871")?.plover).toEqual({ event: "RETREAT", mode: "ceasefire", context: "military" });
    expect(cameoCode("08")?.plover.event).toBe("CONCEDE");
  });

  it("uses the GDELT quad class of each root", () => {
    const expected: Record<string, number> = { "01": 1, "04": 1, "05": 2, "08": 2, "09": 3, "13": 3, "14": 4, "16": 4, "20": 4 };
    for (const [root, quad] of Object.entries(expected)) expect(cameoCode(root)?.quad, root).toBe(quad);
  });

  it("gives CAMEO 01 and 02, which PLOVER drops, the PLOVER_NONE event", () => {
    expect(cameoCode("010")?.plover).toEqual({ event: PLOVER_NONE, mode: "", context: "" });
    expect(cameoCode("0256")?.plover.event).toBe(PLOVER_NONE);
    expect(allCameoCodes().filter((c) => c.plover.event === PLOVER_NONE).every((c) => c.root === "01" || c.root === "02")).toBe(true);
  });

  it("fills codes missing from a table from their parent", () => {
    // 1214 has no weight in either Goldstein table: both come from 121.
    expect(cameoCode("1214")).toMatchObject({ name: "Reject intelligence cooperation", goldstein: -4, goldsteinPhoenix: -4 });
    // 1951 is named by the codebook but weighted and mapped by nobody: 195's values.
    expect(cameoCode("1951")).toMatchObject({ goldstein: -10, plover: { event: "ASSAULT", mode: "heavy-weapons", context: "military" } });
    // 0110 is a Phoenix-only code: named after 011.
    expect(cameoCode("0110")?.name).toBe("Decline comment");
  });

  it("fixes the codefile's typos", () => {
    expect(cameoCode("055")?.name).toBe("Apologize");
    expect(cameoCode("018")?.name).toBe("Make empathetic comment");
    expect(cameoCode("1444")?.name).toMatch(/^Obstruct/);
  });

  it("returns undefined for codes that do not exist", () => {
    expect(cameoCode("176")).toBeUndefined();
    expect(cameoCode("43")).toBeUndefined();
    expect(cameoCode("")).toBeUndefined();
    expect(isCameoCode("043")).toBe(true);
    expect(isCameoCode("0430")).toBe(false);
  });
});

describe("the Goldstein weights of GDELT and Phoenix", () => {
  // [code, GDELT, Phoenix]; an array, not an object, because objects put "124" before "016".
  const differences: [string, number, number][] = [
    ["016", -2.0, 3.4],
    ["022", 3.2, 3.4],
    ["124", -4.0, -5.0],
    ["1246", -4.0, -5.0],
    ["163", -8.0, -6.5],
    ["165", -6.5, -7.0],
    ["166", -7.0, -8.0],
  ];

  it("differ for exactly seven codes that both tables weight", () => {
    for (const [code, gdelt, phoenix] of differences) {
      expect(cameoCode(code), code).toMatchObject({ goldstein: gdelt, goldsteinPhoenix: phoenix });
    }
    const inherited = inheritedFields();
    const disagreeing = allCameoCodes()
      .filter((c) => c.goldstein !== c.goldsteinPhoenix)
      .filter((c) => !inherited.get(c.code)?.some((field) => field.startsWith("goldstein")))
      .map((c) => c.code);
    expect(disagreeing).toEqual(differences.map(([code]) => code));
  });
});

describe("allCameoCodes", () => {
  it("lists every code of the codebook once, in codebook order", () => {
    const codes = allCameoCodes().map((c) => c.code);
    expect(codes).toHaveLength(321);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    expect(codes.slice(0, 4)).toEqual(["01", "010", "011", "0110"]);
  });

  it("gives every code a name, its root, a quad class, weights and a PLOVER event", () => {
    for (const c of allCameoCodes()) {
      expect(c.name, c.code).not.toBe("");
      expect(c.code.startsWith(c.root), c.code).toBe(true);
      expect(cameoCode(c.root), c.code).toBeDefined();
      expect(c.quad, c.code).toBe(cameoCode(c.root)?.quad);
      expect(Math.abs(c.goldstein), c.code).toBeLessThanOrEqual(10);
      expect(c.plover.event, c.code).toMatch(/^[A-Z]+$/);
    }
  });

  it("cannot be changed by a caller", () => {
    const consult = cameoCode("043");
    expect(Object.isFrozen(consult)).toBe(true);
    expect(Object.isFrozen(consult?.plover)).toBe(true);
    expect(Object.isFrozen(allCameoCodes())).toBe(true);
  });
});

describe("cameoRoots", () => {
  it("lists the twenty roots 01..20", () => {
    const roots = cameoRoots();
    expect(roots).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0")));
    expect(cameoCode("04")?.name).toBe("CONSULT");
    roots.pop();
    expect(cameoRoots()).toHaveLength(20);
  });
});

describe("nearestCameoCode", () => {
  it("falls back to the nearest listed ancestor", () => {
    expect(nearestCameoCode("043")?.code).toBe("043");
    expect(nearestCameoCode("176")?.code).toBe("17");
    expect(nearestCameoCode("0439")?.code).toBe("043");
    expect(nearestCameoCode("99")).toBeUndefined();
    expect(nearestCameoCode("x")).toBeUndefined();
  });
});

describe("data/cameo/codes.tsv", () => {
  const haveReference = existsSync(referenceDir);
  if (!haveReference) {
    console.warn(`skipping the derivation check: ${referenceDir} not found (it lives next to the repository as ../shared/reference)`);
  }

  it.skipIf(!haveReference)("is exactly what scripts/derive-ontology.mjs derives from ../shared/reference", () => {
    const run = spawnSync(process.execPath, [deriveScript, referenceDir, "--stdout"], { cwd: repoRoot, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(dataPath("cameo/codes.tsv"), "utf8"));
  });
});

/** The `inherited` column, which the library does not expose, read straight from the file. */
function inheritedFields(): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const lines = readFileSync(dataPath("cameo/codes.tsv"), "utf8").split("\n");
  for (const line of lines.filter((l) => l !== "" && !l.startsWith("#")).slice(1)) {
    const columns = line.split("\t");
    fields.set(columns[0] ?? "", (columns[9] ?? "").split(",").filter((f) => f !== ""));
  }
  return fields;
}
