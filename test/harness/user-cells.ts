/**
 * The user's cells, for the "never touched" tests: a snapshot of a tab's values AND formulas, and
 * the cells that differ between two snapshots (so a test asserts exactly where the add-on wrote).
 */
import type { AddOn } from './addon';

/** One cell as the user sees it: its formula if it has one, else its value (Dates as ms). */
export type CellSnapshot = string[][];

/** Values and formulas of every cell of a tab (uncounted helpers). */
export function snapshot(addOn: AddOn, tab: string): CellSnapshot {
  const values = addOn.emulator.spreadsheet.sheetValues(tab);
  const formulas = addOn.emulator.spreadsheet.sheetFormulas(tab);
  return values.map((row, r) =>
    row.map((v, c) => {
      const f = formulas[r]?.[c] ?? '';
      if (f !== '') return `formula:${f}`;
      return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? `date:${(v as Date).getTime()}` : `${typeof v}:${String(v)}`;
    }),
  );
}

/** A1 addresses of the cells that differ between two snapshots (an empty cell is `string:`). */
export function changedCells(before: CellSnapshot, after: CellSnapshot): string[] {
  const out: string[] = [];
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const a = before[r]?.[c] ?? 'string:';
      const b = after[r]?.[c] ?? 'string:';
      if (a !== b) out.push(`${columnLetter(c + 1)}${r + 1}`);
    }
  }
  return out;
}

/** Sheet rows (1-based) touched in a list of A1 addresses. */
export function rowsOf(cells: readonly string[]): number[] {
  return [...new Set(cells.map((a) => Number(/\d+$/.exec(a)?.[0])))].sort((x, y) => x - y);
}

/** 1 -> A, 27 -> AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
