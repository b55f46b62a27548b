/**
 * Custom function arguments as Sheets passes them: a single value, or a 2-D array for a range.
 * A function that "accepts ranges" answers once per unique value and spreads the answers back
 * over the range's shape.
 */

/** What a cell can hand to a custom function. */
export type CellArg = string | number | boolean | Date | null | undefined;
/** One argument: a value, or a range (rows of values). */
export type Arg = CellArg | CellArg[][] | unknown;

/** An error a formula shows as `#ERROR!` with this message (already a user sentence). */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** True when Sheets passed a range. */
export function isRange(arg: unknown): arg is unknown[][] {
  return Array.isArray(arg) && arg.every((r) => Array.isArray(r));
}

/** The text of one cell value (trimmed; Dates as ISO dates; empty for null). */
export function argText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return (v as Date).toISOString().slice(0, 10);
  return String(v).trim();
}

/** A scalar argument; a range here is an error naming the parameter. */
export function scalarArg(arg: unknown, name: string, fn: string): string {
  if (isRange(arg)) {
    const flat = arg.flat();
    if (flat.length === 1) return argText(flat[0]);
    throw new FormulaError(`${fn}: ${name} must be one value, not a range.`);
  }
  return argText(arg);
}

/** The values of an argument in row-major order, with its shape (a single value is 1 x 1). */
export interface Grid {
  rows: number;
  cols: number;
  values: string[];
  /** False when the argument was a single value (answer with a value, throw on error). */
  range: boolean;
}

export function gridOf(arg: unknown): Grid {
  if (!isRange(arg)) return { rows: 1, cols: 1, values: [argText(arg)], range: false };
  const rows = arg.length;
  const cols = Math.max(0, ...arg.map((r) => r.length));
  const values: string[] = [];
  for (const r of arg) for (let j = 0; j < cols; j++) values.push(argText(r[j]));
  return { rows, cols, values, range: true };
}

/** The distinct non-empty values, in first-seen order. */
export function uniqueValues(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
