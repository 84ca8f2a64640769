import { describe, expect, it } from "vitest";
import { clean } from "../../src/clean/clean.js";
import { Doc } from "../../src/document/doc.js";
import { readFixture } from "../helpers.js";

function cleaned(raw: string): Doc {
  const doc = new Doc({ id: "t", date: "2024-09-05" }, raw);
  clean(doc);
  return doc;
}

describe("clean", () => {
  const doc = cleaned(readFixture("erdogan-sisi.txt"));

  it("removes the whole donation appeal, including the sentence glued to the article", () => {
    expect(doc.text).not.toMatch(/journalism|reporters|donation|newsroom|Thank you|Netanyahu/);
    expect(doc.text).toContain("Turkish President Recep Tayyip Erdogan hosted his Egyptian counterpart Wednesday");
    const removed = doc.messages.filter((message) => message.stage === "clean").map((message) => message.line);
    expect(removed).toEqual([3, 4, 4, 5, 5, 6]);
  });

  it("keeps the headline and dek as their own paragraphs with layout roles", () => {
    expect(doc.paragraphs.map((paragraph) => paragraph.role).slice(0, 3)).toEqual(["headline", "dek", "body"]);
    expect(doc.slice(doc.paragraphs[0]!)).toBe("Erdogan hosts Egyptian president in Ankara");
  });

  it("records which input line each paragraph came from", () => {
    expect(doc.paragraphs[2]?.rawLine).toBe(6);
  });

  it("removes cookie, newsletter, share and photo-credit lines and related-link lists", () => {
    const page = cleaned(
      [
        "Iran and Russia sign a treaty",
        "We use cookies to improve your experience.",
        "Share this article",
        "Facebook Twitter Email",
        "Russia and Iran signed a treaty on Friday.",
        "President Vladimir Putin greets Iranian President Masoud Pezeshkian. (AP Photo/Alexander Zemlianichenko)",
        "Sign up for our daily newsletter to get the news in your inbox.",
        "Related stories",
        "Iran tests a new missile",
        "Russia hosts summit of BRICS leaders",
        "The treaty covers defence and trade.",
      ].join("\n"),
    );
    expect(page.text.split("\n")).toEqual(["Iran and Russia sign a treaty", "Russia and Iran signed a treaty on Friday.", "The treaty covers defence and trade."]);
  });

  it("inside an appeal block, removes sentences by the stronger rules first, then by the block rules, until one matches neither", () => {
    const page = cleaned(
      [
        "Support independent journalism.",
        "Our reporters are on the ground when it matters.",
        "Make a donation today.",
        "We rely on readers like you.",
        "Egypt and Turkey signed five agreements.",
        "Our correspondent said the talks went well.",
      ].join("\n"),
    );
    const reasons = page.messages.map((message) => message.reason.replace(/, boilerplate\.tsv:\d+\)/, ")").replace(/: .*/, ""));
    expect(reasons).toEqual([
      "removed donation (opens an appeal block)",
      "removed donation (inside an appeal block)",
      "removed donation (boilerplate sentence)",
      "removed donation (inside an appeal block)",
    ]);
    expect(page.text.split("\n")).toEqual(["Egypt and Turkey signed five agreements.", "Our correspondent said the talks went well."]);
  });

  it("keeps first-person quotes that are not inside an appeal", () => {
    const quote = cleaned('Iran wants peace.\n"We will support our partners," the minister said.');
    expect(quote.text).toContain("We will support our partners");
  });
});
