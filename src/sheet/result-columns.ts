/**
 * Results beside the rows, pure: which columns of the user's sheet take a job's result fields
 * (the first run of free columns right of the header row's last header; never a cell holding a
 * value or a formula), and what goes into them: one `=ENRICHED(keys, "field", "tab", TRUE)`
 * formula in the header cell of each column (it answers the field name and one value per row,
 * keyed by the row's external_id), or the values themselves under a header row.
 *
 * Why one formula per column in the header row: Sheets runs each custom-function cell as its own
 * execution, so a formula per row costs rows x fields executions (each reading the result tab)
 * on every recalculation; one per column costs `fields`. Sitting in the header row, outside the
 * rows a sort moves, it stays put and re-reads the sorted ids, so values follow their rows; its
 * ids run to the bottom of the sheet, so rows added below get their values as well.
 */
import { firstFreeRun } from './beside';
import { needsTextFormat } from './cells';

/** 1 -> A, 27 -> AA (A1 notation of a column). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What the user's sheet looks like around the header, read once (1-based sheet coordinates). */
export interface BesideBlock {
  headerRow: number;
  lastRow: number;
  /** 1-based column of the header row's last non-empty header: the table's right edge. */
  rightEdge: number;
  /** 1-based column of the key (external_id) column. */
  keyColumn: number;
  /** Values and formulas of rows headerRow..lastRow, columns rightEdge+1 .. (the sheet's last column). */
  right: { values: unknown[][]; formulas: string[][] };
}

/** Where the columns go: the first one (1-based) and whether it had to move past cells of the user's. */
export interface ColumnsPlace {
  column: number;
  moved: boolean;
}

/** Pure: the first run of `count` columns right of the table whose cells (header row to last row) are all empty. */
export function placeColumns(block: BesideBlock, count: number): ColumnsPlace {
  const width = block.right.values.reduce((w, r) => Math.max(w, r.length), 0);
  const free = (c: number): boolean => block.right.values.every((row, r) => (row[c] ?? '') === '' && (block.right.formulas[r]?.[c] ?? '') === '');
  const offset = firstFreeRun(free, width, count);
  return { column: block.rightEdge + 1 + offset, moved: offset > 0 };
}

/** A text argument of a formula: in double quotes, inner quotes doubled. */
function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Pure: the header-row formula of one result column. Its ids run to the bottom of the sheet
 * (`E2:E`), so rows added later get their values too; the column below stays the formula's.
 */
export function enrichedFormula(block: Pick<BesideBlock, 'headerRow' | 'keyColumn'>, field: string, tab: string): string {
  const key = columnLetters(block.keyColumn);
  return `=ENRICHED(${key}${block.headerRow + 1}:${key}, ${quoted(field)}, ${quoted(tab)}, TRUE)`;
}

/**
 * Pure: the fields of `tab` already shown by a header-row formula of this shape (added before),
 * with their 1-based columns; `headerFormulas` is the header row's formulas from `firstColumn`.
 * Adding them again would only duplicate them.
 */
export function existingColumns(headerFormulas: readonly string[], firstColumn: number, tab: string): Map<string, number> {
  const out = new Map<string, number>();
  headerFormulas.forEach((f, c) => {
    const m = /^=ENRICHED\([A-Z]+\d+:[A-Z]+\d*, "((?:[^"]|"")*)", "((?:[^"]|"")*)", TRUE\)$/.exec(f);
    if (m && (m[2] ?? '').replace(/""/g, '"') === tab) out.set((m[1] ?? '').replace(/""/g, '"'), firstColumn + c);
  });
  return out;
}

/** A result tab read whole: its header and its rows by key. */
export interface ResultIndex {
  header: string[];
  rows: Map<string, unknown[]>;
}

/**
 * Pure: the values mode's block: the field names, then per source row the field's value for the
 * row's key ('' where the tab has no row yet), with the number formats that keep text literal.
 */
export function valuesBlock(
  fields: readonly string[],
  columns: readonly number[],
  keys: readonly string[],
  index: ResultIndex,
): { values: unknown[][]; formats: string[][] } {
  const values: unknown[][] = [[...fields]];
  for (const k of keys) {
    const row = k === '' ? undefined : index.rows.get(k);
    values.push(columns.map((c) => (row === undefined ? '' : (row[c] ?? ''))));
  }
  const formats = values.map((r) => r.map((v) => (typeof v === 'string' && needsTextFormat(v) ? '@' : 'General')));
  return { values, formats };
}

/** The sentence after a write: where the columns went, and why they moved. */
export function columnsSentence(o: {
  fields: readonly string[];
  sheet: string;
  place: ColumnsPlace;
  mode: 'formulas' | 'values';
  tab: string;
  rows: number;
}): string {
  const from = columnLetters(o.place.column);
  const to = columnLetters(o.place.column + o.fields.length - 1);
  const where = from === to ? `column ${from}` : `columns ${from}:${to}`;
  const what =
    o.mode === 'formulas'
      ? `=ENRICHED formulas in the header row, one per column, keyed by external_id; they follow a sort of the rows`
      : `values copied now (a snapshot; sort whole rows so they stay with theirs)`;
  const moved = o.place.moved ? ` The columns right of your table hold cells of yours, so the results start at ${from}.` : '';
  return `Added ${o.fields.join(', ')} from "${o.tab}" to "${o.sheet}" as ${where} (${o.rows} row(s)): ${what}.${moved}`;
}
