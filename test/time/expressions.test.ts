import { describe, expect, it } from "vitest";
import { findTimeExpressions, parseIsoDate, plainWeekdayExpression, type TimeExpression } from "../../src/time/expressions.js";

// Wednesday. Every expectation below is written against this publication date.
const PUBLISHED = "2022-01-19";

/** The expressions as [text, date, precision] triples, which is what the assertions care about. */
function resolve(sentence: string, published = PUBLISHED): Array<[string, string, string]> {
  return findTimeExpressions(sentence, published).map((e) => [e.text, e.date, e.precision]);
}

describe("findTimeExpressions: bare years", () => {
  it("dates 'In 2018, …' to the year, with offsets into the sentence", () => {
    const found = findTimeExpressions("In 2018, Russia struck a deal", PUBLISHED);
    expect(found).toEqual<TimeExpression[]>([{ start: 3, end: 7, text: "2018", date: "2018-01-01", precision: "year" }]);
  });

  it("accepts years after time prepositions and possessive years", () => {
    expect(resolve("Sanctions have been in place since 2015.")).toEqual([["2015", "2015-01-01", "year"]]);
    expect(resolve("The unrest peaked in mid-2020.")).toEqual([["2020", "2020-01-01", "year"]]);
    expect(resolve("2018's elections were disputed.")).toEqual([["2018", "2018-01-01", "year"]]);
  });

  it("skips years that name a thing, counts and numbers", () => {
    expect(resolve("Iran's tattered 2015 nuclear deal")).toEqual([]);
    expect(resolve("Both sides still back the 2015 agreement.")).toEqual([]);
    expect(resolve("2018 people were evacuated.")).toEqual([]);
    expect(resolve("The club lost the 2020-21 season opener.")).toEqual([]);
    expect(resolve("The fine was $2018 in total.")).toEqual([]);
  });
});

describe("findTimeExpressions: weekdays lean to the past", () => {
  it("reads a bare weekday as the publication day when it is that weekday", () => {
    expect(resolve("The foreign minister hosted his counterpart Wednesday")).toEqual([["Wednesday", "2022-01-19", "day"]]);
  });

  it("reads 'on Monday' as the Monday just past and leaves 'on' out of the span", () => {
    const found = findTimeExpressions("Talks resumed on Monday", PUBLISHED);
    expect(found).toEqual<TimeExpression[]>([
      { start: 17, end: 23, text: "Monday", date: "2022-01-17", precision: "day", forward: { date: "2022-01-24", precision: "day" } },
    ]);
  });

  it("reads a possessive weekday as a date", () => {
    expect(resolve("At the start of Wednesday's talks")).toEqual([["Wednesday", "2022-01-19", "day"]]);
  });

  it("never puts a bare weekday after the publication date (chrono alone says 2022-01-21)", () => {
    expect(resolve("Gunmen attacked a convoy on Friday night.")).toEqual([["Friday night", "2022-01-14", "day"]]);
  });

  it("goes forward only when told to, and 'last' excludes the publication day", () => {
    expect(resolve("They will meet again next Monday.")).toEqual([["next Monday", "2022-01-24", "day"]]);
    expect(resolve("They met last Wednesday.")).toEqual([["last Wednesday", "2022-01-12", "day"]]);
  });

  it("ignores named days and abbreviations that are not dates", () => {
    expect(resolve("The Good Friday Agreement ended the conflict.")).toEqual([]);
    expect(resolve("The Sunday Times reported the deal.")).toEqual([]);
    expect(resolve("The Sun reported the deal.")).toEqual([]);
  });
});

describe("findTimeExpressions: chrono dates and relative dates", () => {
  it("resolves explicit full dates to the day", () => {
    expect(resolve("The ministers met on March 3, 2021, in Geneva")).toEqual([["March 3, 2021", "2021-03-03", "day"]]);
  });

  it("resolves relative days", () => {
    expect(resolve("Troops crossed the border two days ago")).toEqual([["two days ago", "2022-01-17", "day"]]);
    expect(resolve("The president said yesterday that talks would go on")).toEqual([["yesterday", "2022-01-18", "day"]]);
    // Publication days on which US and EU clocks change: the calendar date must not slip.
    expect(resolve("Shelling resumed yesterday", "2022-03-13")).toEqual([["yesterday", "2022-03-12", "day"]]);
    expect(resolve("Shelling resumed two days ago", "2022-03-28")).toEqual([["two days ago", "2022-03-26", "day"]]);
  });

  it("resolves 'last year' and 'last month' to the first day with coarse precision", () => {
    expect(resolve("He was elected last year")).toEqual([["last year", "2021-01-01", "year"]]);
    expect(resolve("Fighting flared last month")).toEqual([["last month", "2021-12-01", "month"]]);
    expect(resolve("Elections are due next month")).toEqual([["next month", "2022-02-01", "month"]]);
  });

  it("reads a year-less month far ahead as last year's ('in March' written in January)", () => {
    expect(resolve("The rebels seized the town in March")).toEqual([["March", "2021-03-01", "month"]]);
  });

  it("keeps year-less dates in the coming month in the publication year", () => {
    expect(resolve("Talks are set for Jan. 25")).toEqual([["Jan. 25", "2022-01-25", "day"]]);
    expect(resolve("The vote is planned in February")).toEqual([["February", "2022-02-01", "month"]]);
    expect(resolve("The talks began on Jan. 5")).toEqual([["Jan. 5", "2022-01-05", "day"]]);
  });

  it("honours last/next before a month", () => {
    expect(resolve("Parliament met last March")).toEqual([["last March", "2021-03-01", "month"]]);
    expect(resolve("Parliament meets next March")).toEqual([["next March", "2022-03-01", "month"]]);
  });

  it("crosses a year boundary in both directions", () => {
    expect(resolve("The attack happened on Dec. 30", "2022-01-02")).toEqual([["Dec. 30", "2021-12-30", "day"]]);
    expect(resolve("The summit opens on Jan. 5", "2021-12-20")).toEqual([["Jan. 5", "2022-01-05", "day"]]);
  });

  it("finds several expressions in order without overlaps", () => {
    const found = findTimeExpressions("On Monday, Iran said it had met the envoy in 2018 and again last month.", PUBLISHED);
    expect(found.map((e) => [e.start, e.text, e.date])).toEqual([
      [3, "Monday", "2022-01-17"],
      [45, "2018", "2018-01-01"],
      [60, "last month", "2021-12-01"],
    ]);
  });
});

/** The forward readings, for clauses about the future, as [text, date, precision] triples. */
function forwardOf(sentence: string, published = PUBLISHED): Array<[string, string, string] | undefined> {
  return findTimeExpressions(sentence, published).map((e) => (e.forward ? [e.text, e.forward.date, e.forward.precision] : undefined));
}

describe("findTimeExpressions: forward readings for announcements", () => {
  it("gives a bare weekday the coming one as well, on either path", () => {
    // The fast path (no other date word) and chrono's (a relative word far away) agree.
    expect(forwardOf("Xi will visit Moscow on Monday.", "2023-03-16")).toEqual([["Monday", "2023-03-20", "day"]]);
    expect(forwardOf("Xi will visit Moscow on Monday, officials said today.", "2023-03-16")[0]).toEqual(["Monday", "2023-03-20", "day"]);
    expect(resolve("Xi will visit Moscow on Monday.", "2023-03-16")).toEqual([["Monday", "2023-03-13", "day"]]);
  });

  it("has no forward reading when it would be the same day or when a modifier already decides", () => {
    expect(forwardOf("The envoy arrives Wednesday.")).toEqual([undefined]);
    expect(forwardOf("They will meet again next Monday.")).toEqual([undefined]);
    expect(forwardOf("They met last Monday.")).toEqual([undefined]);
  });

  it("gives a bare month the earliest one from the publication month on, crossing into next year", () => {
    expect(forwardOf("Xi will meet Putin in April.", "2025-11-10")).toEqual([["April", "2026-04-01", "month"]]);
    // The coming month is already the default reading (within the grace window): nothing to add.
    expect(resolve("Xi will meet Putin in December.", "2025-11-10")).toEqual([["December", "2025-12-01", "month"]]);
    expect(forwardOf("Xi will meet Putin in December.", "2025-11-10")).toEqual([undefined]);
    expect(forwardOf("The rebels seized the town in March")).toEqual([["March", "2022-03-01", "month"]]);
    expect(forwardOf("Parliament met last March")).toEqual([undefined]);
    expect(forwardOf("The talks began on Jan. 5")).toEqual([undefined]);
  });
});

describe("findTimeExpressions: one day after the previous date", () => {
  it("keeps 'the next day', 'the following day' and 'a day later' for the events stage to anchor", () => {
    for (const [sentence, text] of [
      ["The ceasefire collapsed the next day", "the next day"],
      ["On the following day, troops withdrew", "the following day"],
      ["A day later the rebels withdrew", "A day later"],
    ]) {
      const found = findTimeExpressions(sentence as string, PUBLISHED);
      expect(found.map((e) => [e.text, e.daysAfterPrevious]), sentence).toEqual([[text, 1]]);
    }
  });
});

describe("findTimeExpressions: things that are not dates", () => {
  it("returns nothing for a sentence without a time expression", () => {
    expect(resolve("The ministry accused Israel of violating the ceasefire.")).toEqual([]);
  });

  it("ignores times of day, durations, anaphoric offsets and names", () => {
    expect(resolve("The meeting started at 3 p.m.")).toEqual([]);
    expect(resolve("The siege lasted for two days")).toEqual([]);
    expect(resolve("Two days later, the rebels withdrew")).toEqual([]);
    expect(resolve("The ceasefire collapsed the day after the vote")).toEqual([]);
    expect(resolve("It was the next day of talks")).toEqual([]);
    expect(resolve("Crowds joined a protest march")).toEqual([]);
    expect(resolve("Memorials marked the 9/11 attacks")).toEqual([]);
    expect(resolve("Iran now says it wants talks")).toEqual([]);
  });

  it("rejects an invalid publication date", () => {
    expect(() => findTimeExpressions("on Monday", "2022-02-30")).toThrow(/valid/);
  });
});

describe("parseIsoDate", () => {
  it("returns real calendar dates unchanged", () => {
    expect(parseIsoDate("2022-01-19")).toBe("2022-01-19");
    expect(parseIsoDate("2024-02-29")).toBe("2024-02-29");
  });

  it("rejects impossible dates and other strings", () => {
    expect(parseIsoDate("2022-02-30")).toBeNull();
    expect(parseIsoDate("2023-02-29")).toBeNull();
    expect(parseIsoDate("2022-13-01")).toBeNull();
    expect(parseIsoDate("2022-1-5")).toBeNull();
    expect(parseIsoDate("hello")).toBeNull();
    expect(parseIsoDate("")).toBeNull();
  });
});

describe("plainWeekdayExpression (the fast path)", () => {
  const sentences = [
    "Russian President Vladimir Putin hosted his Iranian counterpart Wednesday, hailing their cooperation.",
    "At the start of Wednesday's talks, Putin also told Raisi that he would like to discuss Afghanistan.",
    "The ministers met on Monday in Geneva.",
    "Protesters gathered on Sunday outside parliament.",
    "Iran said on Friday it would respond.",
  ];
  it("agrees with the chrono path wherever it answers", () => {
    for (const sentence of sentences) {
      const fast = plainWeekdayExpression(sentence, "2022-01-19");
      expect(fast, sentence).toBeDefined();
      // Force the chrono path by adding a relative word the fast path refuses, far from the weekday.
      const slow = findTimeExpressions(`${sentence} Officials spoke today.`, "2022-01-19").find((expression) => expression.start === fast?.start);
      expect(fast).toEqual(slow);
    }
  });

  it("leaves anything less plain to chrono", () => {
    for (const sentence of ["He will travel next Monday.", "They met last Friday.", "The Sunday Times reported it.", "Talks resume Monday at 10 a.m.", "On Monday and Tuesday they met.", "Super Tuesday results", "Ties since March, on Monday."]) {
      expect(plainWeekdayExpression(sentence, "2022-01-19"), sentence).toBeUndefined();
    }
  });
});
