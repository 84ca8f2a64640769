import { describe, expect, it } from "vitest";
import { addDays, earliestWeekdayOnOrAfter, formatIsoDate, isRealDate, latestWeekdayOnOrBefore, toCalendarDate, weekdayOf } from "../../src/time/calendar.js";

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

describe("integer day arithmetic agrees with the JavaScript calendar", () => {
  /** The reference: UTC `Date` arithmetic, which implements the same proleptic Gregorian calendar. */
  function byDate(year: number, month: number, day: number, offset: number): { date: [number, number, number]; weekday: number; real: boolean } {
    const value = new Date(Date.UTC(2000, 0, 1, 12));
    value.setUTCFullYear(year, month - 1, day);
    const real = value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === day;
    const moved = new Date(value.getTime() + offset * 86_400_000);
    return { date: [moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate()], weekday: value.getUTCDay(), real };
  }

  it("on real and impossible dates, weekdays and offsets from year 1 to 2400", () => {
    let checked = 0;
    for (let year = 1; year <= 2400; year += year < 100 ? 1 : 7) {
      for (let month = 1; month <= 12; month += 1) {
        for (const day of [1, 15, 28, 29, 30, 31]) {
          const expected = byDate(year, month, day, 0);
          expect(isRealDate({ year, month, day })).toBe(expected.real);
          if (!expected.real) continue;
          expect(weekdayOf({ year, month, day })).toBe(expected.weekday);
          for (const offset of [-400, -31, -1, 1, 30, 365, 1000]) {
            const moved = addDays({ year, month, day }, offset);
            expect([moved.year, moved.month, moved.day]).toEqual(byDate(year, month, day, offset).date);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100_000);
  });
});
