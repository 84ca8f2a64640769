import { describe, expect, it } from "vitest";
import { formatGdelt, fractionDate, gdeltFields, gdeltHeader, GDELT_COLUMN_COUNT } from "../../src/output/gdelt.js";
import { russiaVisitsIran, tassMeta, testCountries } from "./fixture.js";

const options = {
  eventId: 1001,
  dateAdded: "20220119153000",
  countryCodes: testCountries,
  actorNames: { source: "Vladimir Putin", target: "Ebrahim Raisi" },
  isRootEvent: true,
};

/** The row as column name → value, read back from the tab-separated line. */
function rowOf(line: string): Record<string, string> {
  const header = gdeltHeader();
  const values = line.split("\t");
  expect(values).toHaveLength(header.length);
  return Object.fromEntries(header.map((name, i) => [name, values[i]!]));
}

describe("gdeltHeader", () => {
  it("lists GDELT 2.0's 61 event columns in order", () => {
    const header = gdeltHeader();
    expect(header).toHaveLength(61);
    expect(GDELT_COLUMN_COUNT).toBe(61);
    expect(new Set(header).size).toBe(61);
    expect(header.slice(0, 7)).toEqual([
      "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    ]);
    expect(header[14]).toBe("Actor1Type3Code");
    expect(header[15]).toBe("Actor2Code");
    expect(header.slice(25, 35)).toEqual([
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
      "NumMentions", "NumSources", "NumArticles", "AvgTone",
    ]);
    expect(header.slice(35, 43)).toEqual([
      "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
      "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    ]);
    expect(header[51]).toBe("ActionGeo_Type");
    expect(header.slice(59)).toEqual(["DATEADDED", "SOURCEURL"]);
  });
});

describe("formatGdelt", () => {
  it("writes 61 tab-separated fields with the right values in the right columns", () => {
    const line = formatGdelt(russiaVisitsIran(), tassMeta, options);
    expect(line.split("\t")).toHaveLength(61);
    expect(line).not.toMatch(/[\r\n]/);
    const row = rowOf(line);
    expect(row).toMatchObject({
      GLOBALEVENTID: "1001",
      SQLDATE: "20220119",
      MonthYear: "202201",
      Year: "2022",
      FractionDate: "2022.0521",
      Actor1Code: "RUSGOV",
      Actor1Name: "VLADIMIR PUTIN",
      Actor1CountryCode: "RUS",
      Actor1KnownGroupCode: "",
      Actor1Type1Code: "GOV",
      Actor1Type2Code: "",
      Actor2Code: "IRNGOV",
      Actor2Name: "EBRAHIM RAISI",
      Actor2CountryCode: "IRN",
      Actor2Type1Code: "GOV",
      IsRootEvent: "1",
      EventCode: "043",
      EventBaseCode: "043",
      EventRootCode: "04",
      QuadClass: "1",
      GoldsteinScale: "2.8",
      NumMentions: "1",
      NumSources: "1",
      NumArticles: "1",
      AvgTone: "",
      Actor1Geo_Type: "",
      ActionGeo_FeatureID: "",
      DATEADDED: "20220119153000",
      SOURCEURL: "https://tass.example/world/1234",
    });
  });

  it("splits four-digit codes into base and root, and empties Actor2 when there is no target", () => {
    const event = { ...russiaVisitsIran(), target: null, code: "1383", root: "13", quad: 3, goldstein: -7 };
    const row = rowOf(formatGdelt(event, tassMeta, { ...options, isRootEvent: false }));
    expect(row.EventCode).toBe("1383");
    expect(row.EventBaseCode).toBe("138");
    expect(row.EventRootCode).toBe("13");
    expect(row.QuadClass).toBe("3");
    expect(row.GoldsteinScale).toBe("-7");
    expect(row.IsRootEvent).toBe("0");
    for (const name of gdeltHeader().filter((column) => column.startsWith("Actor2") && !column.includes("Geo"))) {
      expect(row[name]).toBe("");
    }
  });

  it("breaks down international actors and falls back to the document id for SOURCEURL", () => {
    const event = { ...russiaVisitsIran(), source: "IGOUNO", target: "USAMILREB" };
    const { url: _url, ...metaWithoutUrl } = tassMeta;
    const row = rowOf(formatGdelt(event, metaWithoutUrl, { ...options, actorNames: undefined }));
    expect(row.Actor1CountryCode).toBe("");
    expect(row.Actor1KnownGroupCode).toBe("UNO");
    expect(row.Actor1Type1Code).toBe("IGO");
    expect(row.Actor1Name).toBe("");
    expect([row.Actor2CountryCode, row.Actor2Type1Code, row.Actor2Type2Code]).toEqual(["USA", "MIL", "REB"]);
    expect(row.SOURCEURL).toBe("tass-2022-01-19");
  });

  it("keeps tabs and line breaks in values from shifting the columns", () => {
    const fields = gdeltFields(russiaVisitsIran(), tassMeta, {
      ...options,
      actorNames: { source: "Vladimir\tPutin\n" },
    });
    expect(fields).toHaveLength(61);
    expect(fields[6]).toBe("VLADIMIR PUTIN");
  });

  it("rejects a malformed DATEADDED", () => {
    expect(() => formatGdelt(russiaVisitsIran(), tassMeta, { ...options, dateAdded: "2022-01-19" })).toThrow(RangeError);
  });
});

describe("fractionDate", () => {
  it("reproduces GDELT's 30-day-month fraction", () => {
    expect(fractionDate(2022, 1, 19)).toBe("2022.0521");
    // Values from published GDELT rows.
    expect(fractionDate(2019, 1, 25)).toBe("2019.0685");
    expect(fractionDate(2003, 7, 3)).toBe("2003.5014");
    expect(fractionDate(2020, 12, 31)).toBe("2020.9890");
  });
});
