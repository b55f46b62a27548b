/**
 * Sheets value coercion, pure: what a cell holds after `setValues`/`setValue`/`appendRow`, the way
 * Sheets parses a string "as if typed by a person" (docs/PLATFORM.md, "Values in cells").
 */
import { zonedToEpoch } from './tz';

/** What a cell evaluates to: '' is empty. Errors are their display strings ('#NAME?', '#ERROR!'). */
export type CellValue = string | number | boolean | Date;

/** The result of writing one input into a cell. */
export interface Coerced {
  value: CellValue;
  /** Set when the input became a formula (getFormulas shows it). */
  formula?: string;
  /** A number format Sheets picks by itself (percent, dates), applied only if the cell has none. */
  autoFormat?: string;
}

export interface CoerceOptions {
  /** The cell's number format; '@' (plain text) keeps strings literal. */
  format?: string | undefined;
  /** The spreadsheet time zone, for date-looking strings. */
  timeZone: string;
  /** Virtual now (ms), for dates typed without a year ('9/1'). */
  now: number;
}

/** docs/PLATFORM.md: 50,000 characters per cell. */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** True when writing `input` would exceed the per-cell character limit. */
export function exceedsCellLimit(input: unknown): boolean {
  return typeof input === 'string' && input.length > MAX_CELL_CHARS;
}

/** True for a Date from any realm. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.(\d*))?|\.(\d+)))%$/;
const BOOLEAN = /^(?:true|false)$/i;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;

/** Sheets keeps 15 significant digits of a typed number ('12345678901234567' -> 12345678901234600). */
export function typedNumber(text: string): number {
  const n = Number(text.replace(/,/g, ''));
  return Number(n.toPrecision(15));
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDate(y: number, m: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && h <= 23 && mi <= 59 && s <= 59;
}

/** A date-looking string as Sheets (en_US locale) reads it, or null. */
export function parseDateText(text: string, timeZone: string, now: number): { date: Date; format: string } | null {
  let m = ISO_MONTH.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return validDate(y, mo, 1) ? { date: new Date(zonedToEpoch(y, mo, 1, 0, 0, 0, timeZone)), format: 'yyyy-mm-dd' } : null;
  }
  m = ISO_DATE.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    if (!validDate(y, mo, d, h, mi, s)) return null;
    return { date: new Date(zonedToEpoch(y, mo, d, h, mi, s, timeZone)), format: m[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' };
  }
  m = US_DATE.exec(text);
  if (m) {
    const [mo, d, y, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    if (!validDate(y, mo, d, h, mi, s)) return null;
    return { date: new Date(zonedToEpoch(y, mo, d, h, mi, s, timeZone)), format: m[4] ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy' };
  }
  m = US_DAY_MONTH.exec(text);
  if (m) {
    const mo = Number(m[1]);
    const d = Number(m[2]);
    const y = new Date(now).getUTCFullYear();
    return validDate(y, mo, d) ? { date: new Date(zonedToEpoch(y, mo, d, 0, 0, 0, timeZone)), format: 'M/d' } : null;
  }
  return null;
}

const STRING_LITERAL = /^"((?:[^"]|"")*)"$/;
const HYPERLINK = /^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i;

/**
 * The value a formula shows. Only trivial constants are evaluated (strings, numbers, TRUE/FALSE,
 * HYPERLINK with literal arguments); bare words are `#NAME?`, anything else `#ERROR!`.
 */
export function evaluateFormula(formula: string): CellValue {
  const expr = formula.replace(/^=/, '').trim();
  let m = STRING_LITERAL.exec(expr);
  if (m) return (m[1] ?? '').replace(/""/g, '"');
  m = HYPERLINK.exec(expr);
  if (m) return (m[2] ?? m[1] ?? '').replace(/""/g, '"');
  if (PLAIN_NUMBER.test(expr)) return Number(expr);
  if (BOOLEAN.test(expr)) return expr.toUpperCase() === 'TRUE';
  const unsigned = expr.replace(/^[+-]\s*/, '');
  if (/^[A-Za-z_][A-Za-z0-9_.]*(?:\s+[A-Za-z0-9_.]+)*$/.test(unsigned) && !/^[A-Za-z]{1,3}\d+$/.test(unsigned)) return '#NAME?';
  return '#ERROR!';
}

function coerceString(s: string, opts: CoerceOptions): Coerced {
  if (opts.format === '@') return { value: s };
  if (s === '') return { value: '' };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { value: evaluateFormula(s), formula: s };
  const t = s.trim();
  if (PLAIN_NUMBER.test(t) || GROUPED_NUMBER.test(t)) return { value: typedNumber(t) };
  const pct = PERCENT.exec(t);
  if (pct) {
    const decimals = (pct[2] ?? pct[3] ?? '').length;
    return { value: typedNumber(String(Number(pct[1]) / 100)), autoFormat: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  if (BOOLEAN.test(t)) return { value: t.toUpperCase() === 'TRUE' };
  const date = parseDateText(t, opts.timeZone, opts.now);
  if (date) return { value: date.date, autoFormat: date.format };
  if ((t.startsWith('+') || t.startsWith('-')) && t.length > 1) {
    const formula = `=${t}`;
    return { value: evaluateFormula(formula), formula };
  }
  return { value: s };
}

/**
 * What Sheets stores when a script writes `input` into a cell with number format `opts.format`.
 * Strings are parsed like typed text unless the format is '@'; null/undefined become empty;
 * objects become their String() text; numbers, booleans and Dates stay (Dates are copied).
 * Does not check the 50,000-character limit (see exceedsCellLimit).
 */
export function coerce(input: unknown, opts: CoerceOptions): Coerced {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'string') return coerceString(input, opts);
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : { value: String(input) };
  if (typeof input === 'boolean') return { value: input };
  if (isDate(input)) {
    const t = input.getTime();
    return Number.isNaN(t) ? { value: '' } : { value: new Date(t) };
  }
  return { value: String(input) };
}
