/**
 * Every SQL difference between the two stores, in one place. The schema (schema.ts) and the
 * queries (queries.ts, ingest.ts) are written once in the SQL both DuckDB and PostgreSQL accept —
 * `$1` parameters, `INSERT … ON CONFLICT`, `UPDATE … FROM`, `CAST(x AS DATE)` — and ask the
 * dialect for the rest: column type names, date formatting, indexes and read-only sessions.
 */
import type { Period } from "./api-shapes.js";

export type DialectName = "duckdb" | "postgres";

/** Column types as the schema names them; each dialect spells them its own way. */
export type ColumnType = "text" | "int" | "bigint" | "double" | "date" | "timestamp";

/** Calendar buckets for time series (`parley dyad --by`). */
export type { Period };
export const PERIODS: readonly Period[] = ["day", "week", "month", "year"];

export interface Dialect {
  name: DialectName;
  type(type: ColumnType): string;
  /** An SQL expression that labels `column` (a DATE) with its period: "2024", "2024-03", "2024-W09", "2024-03-05". */
  period(column: string, by: Period): string;
  /**
   * Secondary indexes beyond mentions by event (schema.ts). PostgreSQL needs them for the dyad and
   * event queries; DuckDB's columnar scans serve those and more ART indexes would only slow bulk
   * ingest down.
   */
  createIndexes: boolean;
}

const DUCKDB_TYPES: Record<ColumnType, string> = {
  text: "VARCHAR",
  int: "INTEGER",
  bigint: "BIGINT",
  double: "DOUBLE",
  date: "DATE",
  timestamp: "TIMESTAMP",
};

const POSTGRES_TYPES: Record<ColumnType, string> = {
  text: "TEXT",
  int: "INTEGER",
  bigint: "BIGINT",
  double: "DOUBLE PRECISION",
  date: "DATE",
  timestamp: "TIMESTAMP",
};

export const DUCKDB: Dialect = {
  name: "duckdb",
  type: (type) => DUCKDB_TYPES[type],
  period: (column, by) => {
    switch (by) {
      case "day":
        return `strftime(${column}, '%Y-%m-%d')`;
      case "week":
        return `strftime(${column}, '%G-W%V')`;
      case "month":
        return `strftime(${column}, '%Y-%m')`;
      case "year":
        return `strftime(${column}, '%Y')`;
    }
  },
  createIndexes: false,
};

export const POSTGRES: Dialect = {
  name: "postgres",
  type: (type) => POSTGRES_TYPES[type],
  period: (column, by) => {
    switch (by) {
      case "day":
        return `to_char(${column}, 'YYYY-MM-DD')`;
      case "week":
        return `to_char(${column}, 'IYYY-"W"IW')`;
      case "month":
        return `to_char(${column}, 'YYYY-MM')`;
      case "year":
        return `to_char(${column}, 'YYYY')`;
    }
  },
  createIndexes: true,
};
