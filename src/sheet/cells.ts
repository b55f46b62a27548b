/**
 * Cell values in both directions, pure.
 *
 * Writing: `toCell` flattens whatever an API returned into one value `setValues` accepts.
 * Strings are always written under the `@` (plain text) number format, so `=HYPERLINK(...)`,
 * `+49 30 1234`, `-CEO` and `01067` stay literal; numbers and booleans stay numbers and booleans.
 *
 * Rendering rules (readable first, lossless where the 50,000-char cell limit allows):
 * - null / undefined / NaN / an invalid Date -> `''` (an empty cell)
 * - strings as given; longer than 50,000 chars -> cut, ending in ` …[truncated, N chars]`
 * - numbers, booleans, valid Dates as they are
 * - arrays of scalars -> joined with `, `; with a newline instead when an element is long
 *   (> 60 chars) or holds a comma or a newline, so elements stay distinguishable
 * - arrays of objects -> one line per object, `key: value; key: value`
 * - objects -> one `key: value` line per non-empty key
 * - deeper nesting inside a line -> `(key: value; key: value)` and `a, b` for lists
 *
 * Reading: `cellText` turns what `getValues` returned into the trimmed string a provider gets.
 */

/** Sheets refuses a cell longer than this (`Your input contains more than the maximum of 50000 characters in a single cell.`). */
export const MAX_CELL_CHARS = 50_000;

/** An array element longer than this switches the join from `, ` to newlines. */
const LONG_ELEMENT_CHARS = 60;

/** What `toCell` returns: one value `Range.setValues` writes faithfully. */
export type CellValue = string | number | boolean | Date | '';

type Scalar = string | number | boolean | bigint | Date | null | undefined;

/** True for a Date from any realm (the emulator's and a vm's Dates fail `instanceof Date`). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function isScalar(v: unknown): v is Scalar {
  return v === null || v === undefined || isDate(v) || ['string', 'number', 'boolean', 'bigint'].includes(typeof v);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isDate(v);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar fields of `d` in `timeZone` (Intl, which Apps Script's V8 has). */
function zonedParts(d: Date, timeZone: string): number[] {
  let f = zoneFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(d)) parts[p.type] = Number(p.value);
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => parts[k] ?? 0);
}

/**
 * A Date as ISO text: `yyyy-mm-dd` at midnight (what a date cell holds), `yyyy-mm-ddThh:mm:ss`
 * otherwise. Read in `timeZone` (pass the spreadsheet's: cell dates are midnight there), else in
 * the script's local zone.
 */
export function dateText(d: Date, timeZone?: string): string {
  if (Number.isNaN(d.getTime())) return '';
  const [y = 0, mo = 0, day = 0, h = 0, mi = 0, s = 0] =
    timeZone === undefined ? [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()] : zonedParts(d, timeZone);
  const date = `${y}-${pad2(mo)}-${pad2(day)}`;
  if (h === 0 && mi === 0 && s === 0) return date;
  return `${date}T${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

/**
 * The trimmed text of a cell value as `getValues` returns it: numbers as written
 * (`1067`, `2.5`), booleans `true`/`false`, Dates via `dateText` (in `timeZone` when given),
 * empty cells `''`.
 */
export function cellText(value: unknown, timeZone?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (isDate(value)) return dateText(value, timeZone);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return String(value).trim();
}

/** Quote a cell value for a message, cut so one bad cell cannot flood the sidebar (never inside an emoji). */
export function quoteCell(v: string, max = 40): string {
  if (v.length <= max) return `"${v}"`;
  // Half a surrogate pair renders as garbage: cut before it.
  const code = v.charCodeAt(max - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `"${v.slice(0, cut)}..."`;
}

/**
 * Cut `s` to the 50,000-char cell limit with a visible marker naming the original length;
 * shorter strings come back unchanged.
 */
export function truncateCell(s: string, max = MAX_CELL_CHARS): string {
  if (s.length <= max) return s;
  const marker = ` …[truncated, ${s.length} chars]`;
  let cut = max - marker.length;
  // Never split a surrogate pair: half an emoji renders as garbage.
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return s.slice(0, cut) + marker;
}

function scalarText(v: Scalar): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return dateText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** One value rendered for use inside a line: lists joined by `, `, objects in parentheses. */
function inlineText(v: unknown): string {
  if (isScalar(v)) return scalarText(v);
  if (Array.isArray(v))
    return v
      .map(inlineText)
      .filter((t) => t !== '')
      .join(', ');
  if (isPlainObject(v)) {
    const inner = objectEntriesText(v).join('; ');
    return inner === '' ? '' : `(${inner})`;
  }
  return '';
}

/** `key: value` for every key of `o` whose value renders non-empty. */
function objectEntriesText(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    const t = inlineText(v);
    if (t !== '') out.push(`${k}: ${t}`);
  }
  return out;
}

function joinScalars(items: Scalar[]): string {
  const texts = items.map(scalarText).filter((t) => t !== '');
  const multiline = texts.some((t) => t.length > LONG_ELEMENT_CHARS || t.includes(',') || t.includes('\n'));
  return texts.join(multiline ? '\n' : ', ');
}

function arrayText(items: unknown[]): string {
  if (items.every(isScalar)) return joinScalars(items);
  // Mixed or object arrays: one element per line, so each object reads as one record.
  return items
    .map((item) => (isPlainObject(item) ? objectEntriesText(item).join('; ') : inlineText(item)))
    .filter((t) => t !== '')
    .join('\n');
}

/**
 * Flatten any value into one cell value (see the module doc for the rules). Strings are cut to
 * the 50,000-char limit with a marker; numbers, booleans and Dates are kept as they are.
 */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return truncateCell(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return String(value);
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : value;
  if (Array.isArray(value)) return truncateCell(arrayText(value));
  if (isPlainObject(value)) return truncateCell(objectEntriesText(value).join('\n'));
  // Functions and symbols have no cell form.
  return '';
}

const PLATFORM_HOSTS: Array<[RegExp, string]> = [
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)(twitter|x)\.com$/, 'twitter'],
  [/(^|\.)(facebook|fb)\.com$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)xing\.com$/, 'xing'],
  [/(^|\.)github\.com$/, 'github'],
  [/(^|\.)pinterest\.[a-z.]+$/, 'pinterest'],
];

/** The platform a profile URL belongs to (`linkedin`, `twitter`, ...), or its host name. */
function platformOf(url: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:]+)/i.exec(url.trim());
  const host = (m?.[1] ?? '').toLowerCase().replace(/^www\./, '');
  for (const [re, name] of PLATFORM_HOSTS) if (re.test(host)) return name;
  return host;
}

function firstString(o: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

const URL_KEYS = ['url', 'link', 'href', 'profile_url', 'profileUrl', 'value'];
const PLATFORM_KEYS = ['platform', 'network', 'type', 'name', 'site', 'source'];

function linkLines(platform: string | undefined, v: unknown): string[] {
  if (typeof v === 'string') {
    const url = v.trim();
    if (url === '') return [];
    return [`${platform ?? platformOf(url)}: ${url}`];
  }
  if (Array.isArray(v)) return v.flatMap((item) => linkLines(platform, item));
  if (isPlainObject(v)) {
    const url = firstString(v, URL_KEYS);
    if (url === undefined) return [];
    return [`${firstString(v, PLATFORM_KEYS) ?? platform ?? platformOf(url)}: ${url}`];
  }
  return [];
}

/**
 * Social profiles as `platform: url` lines. Accepts a map (`{ linkedin: url, twitter: null }`),
 * a list of `{ platform|network|type, url|link|href }` objects, or a list of bare URLs (the
 * platform is then read from the host). Empty entries are dropped.
 */
export function socialLinks(value: unknown): string {
  let lines: string[];
  if (Array.isArray(value) || typeof value === 'string') lines = linkLines(undefined, value);
  else if (isPlainObject(value)) {
    // A single `{ platform, url }` object, or a map platform -> url(s).
    lines = firstString(value, URL_KEYS) !== undefined ? linkLines(undefined, value) : Object.entries(value).flatMap(([k, v]) => linkLines(k, v));
  } else lines = [];
  return truncateCell(lines.join('\n'));
}

/**
 * True when Sheets would not keep `s` as typed text without the `@` format: it starts with `=`
 * (a formula), or with `+`/`-` followed by anything (`+49 30 1234` and `-CEO` parse as
 * formulas, `-5` as a number). A lone `-` stays text.
 */
export function isFormulaLike(s: string): boolean {
  return s.startsWith('=') || ((s.startsWith('+') || s.startsWith('-')) && s.length > 1);
}

const MONTH_WORD = /^(jan|feb|f[eä]b|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])/i;

/**
 * Conservative: true unless `s` is certainly kept literal by a cell in the default format.
 * Only strings that start with a letter, are not TRUE/FALSE and do not start with a month
 * name (`March 2020` becomes a date) count as safe; anything starting with a digit, a sign,
 * `=`, `'`, a currency sign or a bracket may be re-parsed and needs `@`.
 */
export function needsTextFormat(s: string): boolean {
  if (s === '') return false;
  if (!/^[A-Za-z]/.test(s)) return true;
  if (/^(true|false)$/i.test(s.trim())) return true;
  return MONTH_WORD.test(s) && /\d/.test(s);
}

/** Options of `flattenObject`. */
export interface FlattenOptions {
  /** Nesting below this depth is kept whole (rendered by `toCell` as `key: value` lines). Default 6. */
  maxDepth?: number;
}

/**
 * Flatten nested objects into dot-path keys (`company.address.city`) for the gu1 result columns.
 * Arrays are kept whole under their own path: lists of scalars become one joined cell, lists of
 * objects one line per object (see `toCell`). Indexing them (`officers.0.name`, `officers.1.name`)
 * would add columns per element and make every row's width depend on its longest list.
 * Empty objects produce no key; a non-object input comes back under `prefix` (or `value`).
 */
export function flattenObject(obj: unknown, prefix = '', opts: FlattenOptions = {}): Record<string, unknown> {
  const maxDepth = opts.maxDepth ?? 6;
  const out: Record<string, unknown> = {};
  const walk = (v: unknown, path: string, depth: number): void => {
    if (isPlainObject(v) && depth < maxDepth) {
      for (const [k, child] of Object.entries(v)) walk(child, path === '' ? k : `${path}.${k}`, depth + 1);
      return;
    }
    out[path === '' ? 'value' : path] = v;
  };
  walk(obj, prefix, 0);
  return out;
}
