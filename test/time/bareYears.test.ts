import { describe, expect, it } from "vitest";
import { findBareYears } from "../../src/time/bareYears.js";

const years = (text: string): number[] => findBareYears(text).map((m) => m.year);

describe("findBareYears", () => {
  it("finds years that give a time", () => {
    expect(years("In 2018, Russia struck a deal")).toEqual([2018]);
    expect(years("In 2018 Russia struck a deal")).toEqual([2018]);
    expect(years("The deal was signed in 2015.")).toEqual([2015]);
    expect(years("Relations soured between 2016 and 2019.")).toEqual([2016, 2019]);
    expect(years("2018 was a turning point.")).toEqual([2018]);
    expect(years("Emissions must halve by 2030")).toEqual([2030]);
  });

  it("returns offsets of the digits only", () => {
    expect(findBareYears("since 2015")).toEqual([{ start: 6, end: 10, year: 2015 }]);
  });

  it("skips years used as modifiers", () => {
    expect(years("Iran's tattered 2015 nuclear deal")).toEqual([]);
    expect(years("the 2015 agreement")).toEqual([]);
    expect(years("They disputed the 2020 election results.")).toEqual([]);
    expect(years("He criticised Iran's 2015.")).toEqual([]);
  });

  it("skips numbers that only look like years", () => {
    expect(years("2018 people fled")).toEqual([]);
    expect(years("Prices rose 2019% in a decade")).toEqual([]);
    expect(years("It cost $2019")).toEqual([]);
    expect(years("a 1,2018 ratio")).toEqual([]);
    expect(years("the 2020-21 budget")).toEqual([]);
    expect(years("In 1850, the war began")).toEqual([]);
  });
});
