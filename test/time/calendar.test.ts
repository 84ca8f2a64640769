import { describe, expect, it } from "vitest";
import { addDays, earliestWeekdayOnOrAfter, formatIsoDate, latestWeekdayOnOrBefore, toCalendarDate, weekdayOf } from "../../src/time/calendar.js";

describe("latestWeekdayOnOrBefore", () => {
  it("returns the date itself when it is that weekday", () => {
    expect(latestWeekdayOnOrBefore(3, "2022-01-19")).toBe("2022-01-19");
  });

  it("steps back within the week and across month and year ends", () => {
    expect(latestWeekdayOnOrBefore(1, "2022-01-19")).toBe("2022-01-17");
    expect(latestWeekdayOnOrBefore(4, "2022-01-19")).toBe("2022-01-13");
    expect(latestWeekdayOnOrBefore(5, "2022-01-02")).toBe("2021-12-31");
  });

  it("rejects weekdays outside 0..6", () => {
    expect(() => latestWeekdayOnOrBefore(7, "2022-01-19")).toThrow();
  });
});

describe("earliestWeekdayOnOrAfter", () => {
  it("returns the date itself when it is that weekday, else steps forward across month and year ends", () => {
    expect(earliestWeekdayOnOrAfter(4, "2023-03-16")).toBe("2023-03-16");
    expect(earliestWeekdayOnOrAfter(1, "2023-03-16")).toBe("2023-03-20");
    expect(earliestWeekdayOnOrAfter(6, "2021-12-31")).toBe("2022-01-01");
  });

  it("rejects weekdays outside 0..6", () => {
    expect(() => earliestWeekdayOnOrAfter(-1, "2022-01-19")).toThrow();
  });
});

describe("calendar arithmetic", () => {
  it("adds days across a leap day and a daylight-saving change", () => {
    expect(formatIsoDate(addDays(toCalendarDate("2024-02-28"), 1))).toBe("2024-02-29");
    expect(formatIsoDate(addDays(toCalendarDate("2022-03-13"), -1))).toBe("2022-03-12");
    expect(formatIsoDate(addDays(toCalendarDate("2022-10-30"), 1))).toBe("2022-10-31");
  });

  it("knows the weekday", () => {
    expect(weekdayOf(toCalendarDate("2022-01-19"))).toBe(3);
    expect(weekdayOf(toCalendarDate("2000-02-29"))).toBe(2);
  });
});
