import { describe, expect, it } from "vitest";
import { builtinActorIndex } from "../../src/actors/actor-index.js";
import { findActors } from "../../src/actors/match.js";
import { tokenized } from "../helpers.js";

function actorsOf(text: string, date = "2024-09-05", verbLemmas: ReadonlySet<string> = new Set(["host"])) {
  const doc = tokenized(text, date);
  findActors(doc, { index: builtinActorIndex(), verbLemmas });
  return {
    doc,
    mentions: doc.actors.map((mention) => ({
      text: doc.tokenSpanText(mention.tokenStart, mention.tokenEnd),
      code: mention.code,
      members: mention.members?.map((member) => member.code),
    })),
  };
}

describe("findActors", () => {
  it("combines a demonym and an agent into one actor", () => {
    expect(actorsOf("The Iranian president arrived.").mentions).toContainEqual({ text: "Iranian president", code: "IRNGOV", members: undefined });
    expect(actorsOf("U.S. troops left the base.").mentions).toContainEqual({ text: "U.S. troops", code: "USAMIL", members: undefined });
    expect(actorsOf("The foreign minister of Iran arrived.").mentions).toContainEqual({ text: "foreign minister of Iran", code: "IRNGOV", members: undefined });
  });

  it("reads capitals and seats of power as metonyms", () => {
    const { doc } = actorsOf("The Kremlin said Moscow would reply to Washington and the White House.");
    const codes = doc.actors.flatMap((mention) => mention.members ?? [mention]).map((mention) => mention.code);
    expect(codes).toEqual(["RUSGOV", "RUS", "USA", "USAGOV"]);
  });

  it("gives a compound actor its members", () => {
    const { mentions } = actorsOf("Britain, France, Germany, Russia and China are still part of the agreement.");
    expect(mentions[0]).toMatchObject({ text: "Britain, France, Germany, Russia and China", members: ["GBR", "FRA", "DEU", "RUS", "CHN"] });
  });

  it("does not take a place word that only modifies a noun for an actor", () => {
    const texts = actorsOf("Israel rejected the Iranian presence in Syria and the Kremlin talks.").mentions.map((mention) => mention.text);
    expect(texts).toContain("Israel");
    expect(texts).toContain("Syria");
    expect(texts).not.toContain("Iranian");
    expect(texts).not.toContain("Kremlin");
  });

  it("lets a country word stand for the place, facility or weapon it qualifies", () => {
    const sites = actorsOf("The United States struck three Iranian nuclear sites.").doc.actors.find((mention) => mention.code === "IRN");
    expect(sites?.possessor).toBe(true);
    expect(sites?.rule).toContain("stands-for:sites");
    expect(actorsOf("Ukraine attacked Russian oil refineries.").doc.actors.find((mention) => mention.code === "RUS")?.possessor).toBe(true);
    expect(actorsOf("Russian missiles hit Kyiv.").mentions).toContainEqual({ text: "Russian", code: "RUSMIL", members: undefined });
  });

  it("keeps a country word before a topic or a trade good a mere modifier", () => {
    const codes = (text: string) => actorsOf(text).mentions.map((mention) => mention.code);
    expect(codes("France criticized the Iranian nuclear programme.")).toEqual(["FRA"]);
    expect(codes("France criticized the Iranian missile programme.")).toEqual(["FRA"]);
    expect(codes("Turkey signed a deal on Ukrainian grain exports.")).toEqual(["TUR"]);
  });

  it("does not re-tag a headline word that is itself an actor as a verb", () => {
    const { doc } = actorsOf("Russian forces strike Ukrainian cities as invasion begins", "2022-02-24", new Set(["force", "strike"]));
    expect(doc.tokens[1]?.pos).toBe("NOUN");
  });

  it("gives a counterpart the office of the leader the story is about", () => {
    const { mentions } = actorsOf("Russian President Vladimir Putin hosted his Iranian counterpart.");
    expect(mentions).toContainEqual({ text: "Iranian counterpart", code: "IRNGOV", members: undefined });
  });

  it("takes a counterpart's office from the office-holder in the same sentence", () => {
    const { mentions } = actorsOf("Police arrested dozens of protesters.\nSaudi Crown Prince Mohammed bin Salman hosted his Indian counterpart.");
    expect(mentions).toContainEqual({ text: "Indian counterpart", code: "INDGOV", members: undefined });
  });

  it("resolves people to their role at the publication date", () => {
    expect(actorsOf("Vladimir Putin spoke.", "2022-01-19").mentions[0]?.code).toBe("RUSGOV");
    expect(actorsOf("Ebrahim Raisi spoke.", "2022-01-19").mentions[0]?.code).toBe("IRNGOV");
    expect(actorsOf("Ebrahim Raisi spoke.", "2025-01-19").mentions[0]?.code).not.toBe("IRNGOV");
  });

  it("carries a name seen in full to its later short mentions", () => {
    const { mentions } = actorsOf("Iranian President Ebrahim Raisi arrived.\nRaisi spoke later.", "2022-01-19");
    expect(mentions.filter((mention) => mention.code === "IRNGOV").map((mention) => mention.text)).toEqual(["Iranian President Ebrahim Raisi", "Raisi"]);
  });

  it("extends a title over a name the dictionaries do not know", () => {
    const { doc, mentions } = actorsOf("Ruritanian officials met Syrian President Abdul Qadir Zafarov.");
    expect(mentions).toContainEqual({ text: "Syrian President Abdul Qadir Zafarov", code: "SYRGOV", members: undefined });
    expect(doc.actors.find((mention) => mention.code === "SYRGOV")?.kind).toBe("person");
  });

  it("re-tags a headline verb read as a noun after an actor", () => {
    const { doc } = actorsOf("Putin hosts Iranian president for Kremlin talks");
    expect(doc.tokens[1]?.pos).toBe("VERB");
    expect(doc.tokens.find((token) => token.normal === "talks")?.pos).toBe("NOUN");
  });
});
