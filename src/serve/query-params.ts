/**
 * Reading a request's query string into typed values. Each reader checks one parameter and
 * throws an ApiError (400) naming it; a parameter the route does not know is an error too, so a
 * misspelt filter ("form=2024") is reported instead of silently ignored.
 */
import { actorCode, dateBound, eventCode, FilterError, ploverType } from "../store/filter.js";

export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    readonly status: 400 | 401 | 404 | 413 | 415 | 503,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

export class QueryParams {
  private readonly values: Record<string, string> = {};

  /** `given`: every value of every parameter, as Hono's `c.req.queries()` returns them. */
  constructor(given: Record<string, string[]>, allowed: readonly string[]) {
    for (const [name, values] of Object.entries(given)) {
      if (!allowed.includes(name)) throw new ApiError(400, `unknown parameter "${name}" (this endpoint takes: ${allowed.join(", ") || "none"})`, name);
      // "quad=1&quad=2" is ambiguous: refused rather than silently read as one of them.
      if (values.length > 1) throw new ApiError(400, `${name} is given ${values.length} times; give it once`, name);
      this.values[name] = values[0] ?? "";
    }
  }

  /** `from` and `to`, checked each and against each other. */
  dateRange(): { from?: string; to?: string } {
    const from = this.date("from");
    const to = this.date("to");
    if (from && to && dateBound(from, "from") > dateBound(to, "to")) throw new ApiError(400, `from (${from}) is after to (${to})`, "from");
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }

  private raw(name: string): string | undefined {
    const value = this.values[name];
    return value === undefined || value.trim() === "" ? undefined : value.trim();
  }

  /** Runs a store validator, turning its FilterError into a 400 naming the parameter. */
  private checked<T>(name: string, check: (value: string) => T): T | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      return check(value);
    } catch (error) {
      if (error instanceof FilterError) throw new ApiError(400, `${name}: ${error.message}`, name);
      throw error;
    }
  }

  /** YYYY, YYYY-MM or YYYY-MM-DD (kept as given; the store turns it into a bound). */
  date(name: string): string | undefined {
    return this.checked(name, (value) => {
      dateBound(value, "from");
      return value;
    });
  }

  actor(name: string): string | undefined {
    return this.checked(name, actorCode);
  }

  /** A required actor code. */
  requiredActor(name: string): string {
    const value = this.actor(name);
    if (value === undefined) throw new ApiError(400, `${name} is required (an actor code such as RUS or IRNGOV)`, name);
    return value;
  }

  eventCode(name: string): string | undefined {
    return this.checked(name, eventCode);
  }

  /** A two-digit CAMEO root ("04"). */
  root(name: string): string | undefined {
    return this.checked(name, (value) => {
      if (!/^\d{2}$/.test(value)) throw new FilterError(`invalid root "${value}": expected two digits such as 04 or 19`);
      return value;
    });
  }

  plover(name: string): string | undefined {
    return this.checked(name, ploverType);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) throw new ApiError(400, `${name} must be a whole number, got "${value}"`, name);
    const number = Number(value);
    if (number < min || number > max) throw new ApiError(400, `${name} must be between ${min} and ${max}, got ${number}`, name);
    return number;
  }

  optionalInt(name: string, min: number, max: number): number | undefined {
    return this.raw(name) === undefined ? undefined : this.int(name, min, min, max);
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const choice = choices.find((item) => item === value);
    if (choice === undefined) throw new ApiError(400, `${name} must be one of ${choices.join(", ")}, got "${value}"`, name);
    return choice;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (value === "true" || value === "1") return true;
    if (value === "false" || value === "0") return false;
    throw new ApiError(400, `${name} must be true or false, got "${value}"`, name);
  }

  /** Free text, at most `maxLength` characters. */
  text(name: string, maxLength = 200): string | undefined {
    const value = this.raw(name);
    if (value !== undefined && value.length > maxLength) throw new ApiError(400, `${name} is longer than ${maxLength} characters`, name);
    return value;
  }
}
