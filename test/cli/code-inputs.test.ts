import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers.js";

const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;

function parley(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const docsOf = (stdout: string) => new Set(stdout.split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { doc: string }).doc));

describe("parley code reads news as it arrives", () => {
  it("codes an HTML page's main text with the page's own date", () => {
    const run = parley(["code", fixturePath("html/news-article.html")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/1 document: 1 coded/);
    expect(docsOf(run.stdout)).toEqual(new Set(["news-article.html"]));
  });

  it("codes every item of an RSS feed", () => {
    const run = parley(["code", fixturePath("feeds/rss2.xml")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/3 documents: 3 coded/);
  });

  it("streams a WARC archive, skipping what is not an article with the reason", () => {
    const run = parley(["code", fixturePath("warc/sample.warc.gz")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("sample.warc.gz:record 9: skipped: HTTP 404");
    expect(run.stderr).toMatch(/\d+ documents: \d+ coded \(\d+ events\), \d+ skipped, 0 failed/);
  });

  it("reads a directory recursively and codes a republished wire story once", () => {
    const run = parley(["code", "--date", "2024-01-01", fixturePath("dedup")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/skipped: near-duplicate of [\w-]+\.txt, similarity 0\.\d+: a further source of the same article/);
    const all = parley(["code", "--date", "2024-01-01", "--keep-duplicates", fixturePath("dedup")]);
    expect(all.stderr).toMatch(/6 documents: 6 coded/);
  });

  it("skips articles that are not in English, with the reason", () => {
    const french = {
      id: "fr",
      date: "2024-09-05",
      text: "Le président turc Recep Tayyip Erdogan a reçu mercredi son homologue égyptien à Ankara, une première visite depuis plus de dix ans. Les deux dirigeants ont signé plusieurs accords de coopération dans les domaines de l'énergie, de la défense et du tourisme, selon la présidence turque.",
    };
    const english = { id: "en", date: "2024-09-05", text: "Turkish President Recep Tayyip Erdogan hosted his Egyptian counterpart on Wednesday." };
    const result = spawnSync(process.execPath, [bin, "code"], { input: `${JSON.stringify(french)}\n${JSON.stringify(english)}\n`, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/<stdin>:1: skipped: not English \(detected fra by trigrams\)/);
    expect(docsOf(result.stdout)).toEqual(new Set(["en"]));
  });

  it("explains what cleaning removed", () => {
    const run = parley(["code", "--date", "2024-09-05", "--explain-clean", fixturePath("erdogan-sisi.txt")]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# erdogan-sisi\.txt: 6 removed/m);
    expect(run.stdout).toMatch(/line 3: removed donation \(opens an appeal block/);
  });
});
