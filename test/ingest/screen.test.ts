import { describe, expect, it } from "vitest";
import type { InputDocument } from "../../src/ingest/record.js";
import { DocumentScreen } from "../../src/ingest/screen.js";

const wire = [
  "Turkish President Recep Tayyip Erdogan hosted Egyptian President Abdel Fattah el-Sisi in Ankara on Wednesday, the first visit by an Egyptian leader in more than a decade.",
  "The two leaders signed agreements on energy, defence, tourism and trade, and pledged to raise bilateral trade to 15 billion dollars within five years.",
  "Relations between the two regional powers collapsed in 2013 after the Egyptian military removed President Mohamed Morsi, an ally of Erdogan.",
  "Ankara and Cairo restored full diplomatic ties last year and exchanged ambassadors after months of talks between their intelligence services.",
].join("\n");

function article(id: string, text: string, source?: string): InputDocument {
  return { kind: "document", meta: { id, date: "2024-09-05", ...(source ? { source } : {}) }, text, where: id };
}

describe("DocumentScreen", () => {
  it("codes an article once and skips its republished copy as a further source", () => {
    const screen = new DocumentScreen();
    expect(screen.screen(article("ap", wire)).kind).toBe("code");
    const copy = screen.screen(article("mirror", `Erdogan hosts Sisi\n${wire}`));
    expect(copy).toMatchObject({ kind: "skipped", reason: expect.stringMatching(/^near-duplicate of ap, similarity \d\.\d\d: a further source/) });
    expect(new DocumentScreen({ keepDuplicates: true }).screen(article("mirror", wire)).kind).toBe("code");
  });

  it("skips an article confidently detected as another language, but not a short English one", () => {
    const screen = new DocumentScreen();
    const french =
      "Le président turc Recep Tayyip Erdogan a reçu mercredi son homologue égyptien à Ankara, une première visite depuis plus de dix ans. Les deux dirigeants ont signé plusieurs accords de coopération dans les domaines de l'énergie, de la défense et du tourisme.";
    expect(screen.screen(article("fr", french))).toMatchObject({ kind: "skipped", reason: expect.stringMatching(/^not English \(detected fra/) });
    expect(screen.screen(article("short", "Erdogan met Egyptian President Abdel Fattah al-Sisi in Cairo.")).kind).toBe("code");
  });

  it("drops paragraphs a source repeats across its articles", () => {
    const screen = new DocumentScreen();
    const footer = "Sign in to read the rest of our coverage of the region every morning.";
    const stories = ["Iran and Iraq signed a water agreement on Monday.", "Egypt hosted talks on Sudan on Tuesday.", "Jordan opened a border crossing with Syria.", "Qatar mediated a prisoner exchange."];
    const docs = stories.map((story, i) => article(`a${i}`, `${story}\n${footer}`, "example.com"));
    for (const doc of docs) screen.observe(doc);
    const result = screen.screen(docs[3]!);
    expect(result).toMatchObject({ kind: "code", text: stories[3] });
    expect(result.kind === "code" && result.removed[0]?.reason).toMatch(/recurs in \d+ articles from example\.com/);
  });
});
