import { describe, expect, it } from "vitest";
import { analyze, code } from "../../src/index.js";

const date = "2024-09-05";
const triples = (text: string) => code(text, { date }).map((event) => `${event.source} ${event.code} ${event.target ?? "-"}`);

describe("codeEvents", () => {
  it("codes subject-verb-object with the lexicon", () => {
    expect(triples("Russian troops attacked Ukrainian soldiers near Bakhmut.")).toContain("RUSMIL 190 UKRMIL");
  });

  it("takes the target from the right prepositional phrase", () => {
    expect(triples("Russia signed a treaty with Iran.")).toEqual(["RUS 057 IRN"]);
  });

  it("swaps roles in the passive voice", () => {
    expect(triples("The Iranian president was hosted by Russia in Moscow.")).toEqual(["RUS 043 IRNGOV"]);
  });

  it("codes nothing for a negated or hypothetical verb, and says why", () => {
    expect(triples("Russia did not attack Ukraine.")).toEqual([]);
    expect(triples("Russia could attack Ukraine.")).toEqual([]);
    const doc = analyze("Russia did not attack Ukraine.", { date });
    expect(doc.decisions[0]?.reason).toMatch(/negated/);
  });

  it("codes intentions as 03x and threats as 13x", () => {
    expect(triples("Iran is willing to expand cooperation with Russia.")[0]).toMatch(/^IRN 03\d+ RUS$/);
    expect(triples("Russia threatened to attack Ukraine.")[0]).toMatch(/^RUS 13\d+ UKR$/);
  });

  it("codes the reported event, with a pronoun resolved to the speaker", () => {
    expect(triples("Turkish President Recep Tayyip Erdogan said he would visit Egypt.")).toEqual(["TURGOV 036 EGY"]);
  });

  it("does not code what was demanded or denied as if it happened", () => {
    expect(triples("Ukraine denied that its forces attacked Russia.").filter((triple) => triple.includes(" 19"))).toEqual([]);
  });

  it("gives one event per member of a compound actor", () => {
    expect(triples("Britain, France and Germany condemned Iran.")).toEqual(["GBR 111 IRN", "FRA 111 IRN", "DEU 111 IRN"]);
  });

  it("is not fooled by trap phrases", () => {
    expect(triples("The Iranian president suffered a heart attack.")).toEqual([]);
  });

  it("drops acts that need a target when there is none", () => {
    expect(triples("Russia praised the decision.")).toEqual([]);
  });
});

describe("codeEvents on wire-style sentences", () => {
  it("finds the subject behind a locating phrase and the object behind a quantity", () => {
    expect(triples("Police in Nairobi arrested dozens of protesters.")).toEqual(["KENCOP 173 OPP"]);
  });

  it("codes two partners with no other target as acting on each other", () => {
    expect(triples("Russia and Iran signed a treaty.")).toEqual(["RUS 057 IRN", "IRN 057 RUS"]);
  });

  it("does not add an agent an organisation's code already has", () => {
    expect(triples("Hamas militants released three Israeli hostages.")).toEqual(["PSEREBHMS 0841 ISRCVL"]);
  });

  it("ends the object before a time phrase", () => {
    expect(triples("French President Emmanuel Macron will visit China next month.")).toEqual(["FRAGOV 036 CHN"]);
  });
});

describe("codeEvents on more wire-style sentences", () => {
  it("takes the phrase after a particle verb as its object", () => {
    expect(triples("German Chancellor Olaf Scholz called on China to use its influence with Russia.")).toEqual(["DEUGOV 020 CHN"]);
  });

  it("reads 'the offensive' as a noun phrase and a vow to attack as a threat", () => {
    expect(triples("Israeli Prime Minister Benjamin Netanyahu vowed to continue the offensive against Hamas.")).toEqual(["ISRGOV 138 PSEREBHMS"]);
  });

  it("finds the counted subject of a protest", () => {
    expect(code("Thousands of people protested in Tbilisi against a new law.", { date })[0]).toMatchObject({ source: "CVL", root: "14" });
  });
});

describe("actors that own or qualify a phrase", () => {
  it("takes the owner of a phrase with no actor of its own as the actor", () => {
    expect(triples("Russian forces launched a missile attack on Ukraine's energy infrastructure.")).toEqual(["RUSMIL 190 UKR"]);
  });

  it("gives partners that restore relations one event each way", () => {
    expect(triples("Saudi Arabia and Iran agreed to restore diplomatic relations.")).toEqual(["SAU 032 IRN", "IRN 032 SAU"]);
  });

  it("reads mediators as their government's envoys", () => {
    expect(triples("Egyptian mediators met Hamas officials in Cairo.")).toEqual(["EGYGOV 040 PSEREBHMS"]);
  });
});

describe("what is not an event", () => {
  it("codes nothing inside a condition", () => {
    expect(triples("If the United States imposes a tariff on China, Beijing will respond.")).toEqual([]);
  });

  it("does not code violence against something that is no actor", () => {
    expect(triples("London has been fighting dirty air since the 14th century.")).toEqual([]);
  });

  it("reads a headline's bare participle as passive", () => {
    const events = code("US service members killed in Afghanistan helicopter crash\nThe crash happened on Monday.", { date });
    expect(events.filter((event) => event.source === "USAMIL")).toEqual([]);
  });
});

describe("more wire-style sentences", () => {
  it("gives an agent after a place and a trade word that place", () => {
    expect(triples("The U.S. Treasury Department imposed sanctions on three Iranian oil companies.")).toEqual(["USAGOV 163 IRNBUS"]);
  });

  it("reads 'it' in reported speech as the speaker", () => {
    expect(triples("Israel's military said it struck Hezbollah weapons depots in the Bekaa Valley.")).toEqual(["ISRMIL 190 LBNREBHEZ"]);
  });

  it("joins 'A and the B' as partners", () => {
    expect(triples("Sudan's army and the Rapid Support Forces agreed to a humanitarian truce in Jeddah.")).toEqual(["SDNMIL 0356 SDNREB", "SDNREB 0356 SDNMIL"]);
  });

  it("gives a government named without a country the source's country", () => {
    expect(triples("Protesters in Belgrade demanded the resignation of the government.")).toEqual(["SRBOPP 1041 SRBGOV"]);
  });
});

describe("refusals", () => {
  it("codes 'refused to' and 'declined to' as rejections, not as the act", () => {
    expect(triples("Iran refused to meet American negotiators.")).toEqual(["IRN 125 USAGOV"]);
    expect(triples("Germany declined to send arms to Ukraine.")).toEqual(["DEU 122 UKR"]);
  });
});
