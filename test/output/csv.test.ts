import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, CSV_EOL, csvField, csvHeader, formatCsv } from "../../src/output/csv.js";
import { russiaVisitsIran } from "./fixture.js";

/** A small RFC 4180 reader: records of fields, quoted fields may hold commas, quotes and line breaks. */
function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (ch === ",") {
      record.push(field);
      field = "";
      i += 1;
    } else if (ch === "\r" && input[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (ch === "\r" || ch === "\n") {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

describe("csv output", () => {
  it("has the documented header", () => {
    expect(csvHeader()).toBe(
      "doc,sentence,date,date_precision,source,target,code,root,quad,goldstein,plover_event,plover_mode," +
        "plover_context,source_start,source_end,target_start,target_end,verb_start,verb_end,rule,text",
    );
    expect(CSV_COLUMNS).toHaveLength(21);
  });

  it("puts each value in its column", () => {
    const [header, row] = parseCsv(csvHeader() + CSV_EOL + formatCsv(russiaVisitsIran()) + CSV_EOL);
    const record = Object.fromEntries(header!.map((name, i) => [name, row![i]]));
    expect(record).toEqual({
      doc: "tass-2022-01-19",
      sentence: "2",
      date: "2022-01-19",
      date_precision: "day",
      source: "RUSGOV",
      target: "IRNGOV",
      code: "043",
      root: "04",
      quad: "1",
      goldstein: "2.8",
      plover_event: "CONSULT",
      plover_mode: "visit",
      plover_context: "",
      source_start: "0",
      source_end: "32",
      target_start: "40",
      target_end: "71",
      verb_start: "33",
      verb_end: "39",
      rule: "verb:host; actor:person:putin; actor:person:raisi",
      text: "Russian President Vladimir Putin hosted Iranian President Ebrahim Raisi in Moscow on Wednesday.",
    });
  });

  it("round-trips a text with commas, quotes and a line break", () => {
    const text = 'Putin said, "We agree, in principle,"\nand left.';
    const event = { ...russiaVisitsIran(), text, rule: ['verb:say "agree"', "x,y"] };
    const line = formatCsv(event);
    const records = parseCsv(csvHeader() + CSV_EOL + line + CSV_EOL);
    expect(records).toHaveLength(2);
    const row = records[1]!;
    expect(row).toHaveLength(21);
    expect(row[CSV_COLUMNS.indexOf("text")]).toBe(text);
    expect(row[CSV_COLUMNS.indexOf("rule")]).toBe('verb:say "agree"; x,y');
    expect(line.endsWith(`"Putin said, ""We agree, in principle,""\nand left."`)).toBe(true);
  });

  it("leaves a missing target and its span empty", () => {
    const event = { ...russiaVisitsIran(), target: null };
    event.spans = { ...event.spans, target: null };
    const row = parseCsv(formatCsv(event))[0]!;
    expect(row[CSV_COLUMNS.indexOf("target")]).toBe("");
    expect(row[CSV_COLUMNS.indexOf("target_start")]).toBe("");
    expect(row[CSV_COLUMNS.indexOf("target_end")]).toBe("");
    expect(row[CSV_COLUMNS.indexOf("source_start")]).toBe("0");
  });

  it("quotes only fields that need it", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField("")).toBe("");
  });
});
