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

  it("takes a country word before an attacked place or a firing weapon for the country", () => {
    expect(code("The United States struck three Iranian nuclear sites on Saturday.", { date: "2025-06-22" }).map((event) => `${event.source} ${event.code} ${event.target}`)).toEqual(["USA 190 IRN"]);
    expect(triples("Russian missiles hit Ukrainian cities.")).toEqual(["RUSMIL 190 UKR"]);
    expect(triples("Israeli jets bombed Lebanese villages.")[0]).toMatch(/^ISRMIL 195 LBN/);
    expect(triples("Ukraine attacked Russian oil refineries.")).toEqual(["UKR 190 RUS"]);
  });

  it("does not make a topic, a trade good or a foreign-made weapon a target", () => {
    expect(triples("France criticized the Iranian nuclear programme.")).toEqual([]);
    expect(triples("Ukraine and Turkey signed a deal on Ukrainian grain exports.")).toEqual(["UKR 057 TUR", "TUR 057 UKR"]);
    expect(triples("Ukraine shot down Russian-made drones.").filter((triple) => triple.endsWith(" RUS"))).toEqual([]);
    expect(triples("Russian forces strike Ukrainian cities as invasion begins")).toEqual([]);
  });

  it("resolves a pronoun to a nearer subject of its own sentence, not to a person named before", () => {
    const text = "U.S. President Joe Biden welcomed Gershkovich home. Gershkovich had been sentenced to 16 years on spying charges that he denied.";
    expect(code(text, { date: "2024-08-02" }).filter((event) => event.source?.startsWith("USA"))).toEqual([]);
    const doc = analyze(text, { date: "2024-08-02" });
    expect(doc.decisions.find((decision) => decision.verb === "denied")?.reason).toMatch(/pronoun "he"/);
    // With no name in its own sentence, "he" still goes back to the person named before.
    expect(triples("Russian President Vladimir Putin arrived in Tehran. Later, he criticized Israel.")).toContain("RUSGOV 111 ISR");
  });

  it("does not take the speaker for 'it' when a thing is named between them", () => {
    const text = "The Pentagon said the balloon had been tracked since it entered U.S. airspace over Alaska.";
    expect(triples(text)).toEqual([]);
    expect(triples("Israel's military said it struck Hezbollah targets in Lebanon.")).toEqual(["ISRMIL 190 LBNREBHEZ"]);
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

describe("event dates for announcements and 'the next day'", () => {
  // Thursday 2023-03-16, the day Xi's Moscow visit of Monday 2023-03-20 was announced.
  const thursday = "2023-03-16";
  const dated = (text: string, published = thursday) => code(text, { date: published }).map((event) => `${event.code} ${event.date} ${event.datePrecision}`);

  it("dates a future visit on a weekday to the coming one, and a past meeting to the one before", () => {
    expect(dated("Chinese President Xi Jinping will visit Moscow on Monday.")).toEqual(["036 2023-03-20 day"]);
    expect(dated("Xi Jinping is expected to visit Moscow on Monday.")).toEqual(["036 2023-03-20 day"]);
    expect(dated("Xi Jinping is to visit Moscow on Monday.")).toEqual(["042 2023-03-20 day"]);
    expect(dated("Xi Jinping met Vladimir Putin on Monday.")).toEqual(["040 2023-03-13 day"]);
  });

  it("reads 'is due to' as a schedule", () => {
    expect(dated("Xi Jinping is due to visit Moscow on Tuesday.")).toEqual(["036 2023-03-21 day"]);
  });

  it("dates a future month to this year's or, once past, next year's", () => {
    expect(dated("Xi Jinping will meet Vladimir Putin in April.")).toEqual(["036 2023-04-01 month"]);
    expect(dated("Xi Jinping will meet Vladimir Putin in April.", "2025-11-10")).toEqual(["036 2026-04-01 month"]);
    // Past tense keeps the past reading: last April.
    expect(dated("Xi Jinping met Vladimir Putin in April.", "2025-11-10")).toEqual(["040 2025-04-01 month"]);
  });

  it("keeps the statement's date when the date belongs to the speech verb or the intention is only a wish", () => {
    expect(dated("Xi Jinping said on Monday he will visit Moscow.")).toEqual(["036 2023-03-13 day"]);
    expect(dated("Xi Jinping said he would like to visit Moscow next year.")).toEqual(["036 2023-03-16 day"]);
    expect(dated("Xi Jinping had planned to visit Moscow on Monday.")).toEqual(["036 2023-03-13 day"]);
  });

  it("dates 'the next day' one day after the previous date in the article", () => {
    const events = code("Russian forces attacked Ukraine on March 3. The next day, Ukraine attacked Russia.", { date: thursday });
    expect(events.map((event) => `${event.source} ${event.date}`)).toEqual(["RUSMIL 2023-03-03", "UKR 2023-03-04"]);
    expect(events[1]?.rule).toContain('date:"The next day"');
  });

  it("gives each verb of a clause the date written for it", () => {
    const events = code("On Monday, Russia attacked Ukraine. A day later, Ukraine attacked Russia, and Russia will meet Turkey on Saturday.", { date: thursday });
    expect([...new Set(events.map((event) => `${event.source} ${event.code} ${event.date}`))]).toEqual([
      "RUS 190 2023-03-13",
      "UKR 190 2023-03-14",
      "RUS 036 2023-03-18",
    ]);
  });

  it("leaves 'the next day' at the publication date when its anchor is missing or not a single day", () => {
    expect(dated("The next day, Ukraine attacked Russia.")).toEqual(["190 2023-03-16 day"]);
    expect(dated("Russia attacked Ukraine in 2019. A day later Ukraine attacked Russia.")).toEqual(["190 2019-01-01 year", "190 2023-03-16 day"]);
  });
});
