/** Plain-text tables and sparklines for the store commands (`parley query`, `dyad`, `top`, `events`). */
import type { SqlValue } from "../store/connection.js";

const BARS = "▁▂▃▄▅▆▇█";

/** One bar character per value, scaled between the smallest and largest value. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return "";
  const finite = values.filter((value) => Number.isFinite(value));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return values
    .map((value) => {
      if (!Number.isFinite(value)) return " ";
      if (max === min) return BARS[3];
      return BARS[Math.round(((value - min) / (max - min)) * (BARS.length - 1))];
    })
    .join("");
}

export function cellText(value: SqlValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return value.replace(/[\t\r\n]+/g, " ");
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function formatTable(columns: readonly string[], rows: readonly SqlValue[][]): string {
  const cells = rows.map((row) => row.map(cellText));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((row) => (row[index] ?? "").length)));
  const numeric = columns.map((_, index) => rows.length > 0 && rows.every((row) => row[index] === null || typeof row[index] === "number"));
  const line = (values: readonly string[]): string =>
    values
      .map((value, index) => (numeric[index] ? value.padStart(widths[index] ?? 0) : value.padEnd(widths[index] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(columns), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n") + "\n";
}

/** RFC 4180 CSV with a header line. */
export function formatCsv(columns: readonly string[], rows: readonly SqlValue[][]): string {
  const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const line = (values: readonly SqlValue[]): string => values.map((value) => quote(value === null ? "" : String(value))).join(",");
  return [columns.join(","), ...rows.map(line)].join("\r\n") + "\r\n";
}

export function formatJsonl(columns: readonly string[], rows: readonly SqlValue[][]): string {
  return rows.map((row) => JSON.stringify(Object.fromEntries(columns.map((column, index) => [column, row[index] ?? null])))).join("\n") + (rows.length > 0 ? "\n" : "");
}

export type TableFormat = "table" | "csv" | "jsonl";
export const TABLE_FORMATS: readonly TableFormat[] = ["table", "csv", "jsonl"];

export function formatRows(format: TableFormat, columns: readonly string[], rows: readonly SqlValue[][]): string {
  switch (format) {
    case "table":
      return formatTable(columns, rows);
    case "csv":
      return formatCsv(columns, rows);
    case "jsonl":
      return formatJsonl(columns, rows);
  }
}
