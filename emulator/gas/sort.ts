/**
 * Sorting rows the way Sheets does (`Range.sort`, `Sheet.sort`, and the user's Data > Sort range):
 * whole cells move with their row (value, formula, format, note); a formula's relative row
 * references move with it (`=ENRICHED(E2, "x")` sorted from row 2 to row 5 reads E5), absolute ones
 * (`$2`) stay; formulas outside the sorted rows are not rewritten, they see the new values.
 * Ascending order: numbers, then text (case-insensitive), then booleans; empty cells always last.
 * Stable. The caller recalculates formulas afterwards (the playground's Workbook does, as Sheets).
 */
import type { Cell, SheetModel } from './grid';
import { isDate, type CellValue } from './values';

/** One sort key: a 1-based sheet column and its direction. */
export interface SortKey {
  column: number;
  ascending: boolean;
}

const REF = /(?<![A-Za-z0-9_.$])('(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** Pure: `formula` with its relative row references moved by `delta` rows (text in quotes untouched). */
export function shiftFormulaRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  // Split on string literals so "A1" inside quotes is kept.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (m, sheet: string | undefined, dc: string, col: string, dr: string, row: string) =>
            dr === '$' ? m : `${sheet ?? ''}${dc}${col}${dr}${Number(row) + delta}`,
          ),
    )
    .join('');
}

function rank(v: CellValue): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

/** Pure: Sheets' ascending order of two non-empty values. */
export function compareValues(a: CellValue, b: CellValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  if (ra === 1) return String(a).localeCompare(String(b), 'en', { sensitivity: 'base', numeric: false });
  return Number(a) - Number(b);
}

/** Parse Apps Script's `sortSpecObj`: a column number, `{column, ascending}`, or an array of them. */
export function sortKeys(spec: unknown): SortKey[] | null {
  const one = (s: unknown): SortKey | null => {
    if (typeof s === 'number' && Number.isInteger(s) && s > 0) return { column: s, ascending: true };
    if (typeof s === 'object' && s !== null && typeof (s as { column?: unknown }).column === 'number') {
      const asc = (s as { ascending?: unknown }).ascending;
      return { column: (s as { column: number }).column, ascending: asc === undefined ? true : asc === true };
    }
    return null;
  };
  const list = Array.isArray(spec) ? spec.map(one) : [one(spec)];
  return list.length > 0 && list.every((k) => k !== null) ? (list as SortKey[]) : null;
}

/** Sort the rows `row..row+numRows-1` of columns `col..col+numCols-1` in place. */
export function sortRect(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number, keys: readonly SortKey[]): void {
  const lines: Array<{ from: number; cells: Array<Cell | undefined> }> = [];
  for (let i = 0; i < numRows; i++) {
    const cells: Array<Cell | undefined> = [];
    // Copies: the writes below reuse the cell objects in place.
    for (let j = 0; j < numCols; j++) {
      const c = sheet.cell(row + i, col + j);
      cells.push(c ? { ...c, style: c.style ? { ...c.style } : undefined } : undefined);
    }
    lines.push({ from: row + i, cells });
  }
  const valueAt = (l: { cells: Array<Cell | undefined> }, k: SortKey): CellValue => l.cells[k.column - col]?.value ?? '';
  lines.sort((a, b) => {
    for (const k of keys) {
      const va = valueAt(a, k);
      const vb = valueAt(b, k);
      if (va === '' || vb === '') {
        if (va !== vb) return va === '' ? 1 : -1;
        continue;
      }
      const c = compareValues(va, vb);
      if (c !== 0) return k.ascending ? c : -c;
    }
    return a.from - b.from;
  });
  lines.forEach((l, i) => {
    const to = row + i;
    l.cells.forEach((c, j) => {
      const target = sheet.ensure(to, col + j);
      target.value = c?.value ?? '';
      target.formula = c?.formula === undefined ? undefined : shiftFormulaRows(c.formula, to - l.from);
      target.format = c?.format;
      target.note = c?.note;
      target.style = c?.style;
      sheet.tidy(to, col + j);
    });
  });
}
