/** A1 notation: column letters, parsing `Sheet!A1:B2` (and open forms `A:B`, `1:2`, `A2:B`), formatting. */

/** 1 -> A, 27 -> AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A -> 1, AA -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 reference; undefined bounds mean "to the edge of the grid". */
export interface A1Ref {
  sheetName: string | undefined;
  startRow: number | undefined;
  startCol: number | undefined;
  endRow: number | undefined;
  endCol: number | undefined;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function splitSheet(a1: string): [string | undefined, string] {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return [undefined, a1];
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return [name, a1.slice(bang + 1)];
}

/** Parse A1 notation; null when it is not valid. */
export function parseA1(a1: string): A1Ref | null {
  const [sheetName, ref] = splitSheet(a1.trim());
  const parts = ref.split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const cells = parts.map((p) => CELL.exec(p.trim()));
  if (cells.some((c) => !c || (!c[1] && !c[2]))) return null;
  const [a, b] = cells as [RegExpExecArray, RegExpExecArray | undefined];
  const col = (m: RegExpExecArray | undefined) => (m?.[1] ? columnNumber(m[1]) : undefined);
  const row = (m: RegExpExecArray | undefined) => (m?.[2] ? Number(m[2]) : undefined);
  if (!b) {
    if (!a[1] || !a[2]) return null;
    const r = row(a);
    const c = col(a);
    if (r === 0) return null;
    return { sheetName, startRow: r, startCol: c, endRow: r, endCol: c };
  }
  let startRow = row(a);
  let endRow = row(b);
  let startCol = col(a);
  let endCol = col(b);
  if (startRow === 0 || endRow === 0) return null;
  // A whole-column range (A:B) or whole-row range (1:2) leaves the other axis open.
  if (startRow === undefined && endRow === undefined && (startCol === undefined || endCol === undefined)) return null;
  if (startCol === undefined && endCol === undefined && (startRow === undefined || endRow === undefined)) return null;
  if (startRow !== undefined && endRow !== undefined && startRow > endRow) [startRow, endRow] = [endRow, startRow];
  if (startCol !== undefined && endCol !== undefined && startCol > endCol) [startCol, endCol] = [endCol, startCol];
  return { sheetName, startRow: startRow ?? 1, startCol: startCol ?? 1, endRow, endCol };
}

/** `B3` or `A1:C5`. */
export function formatA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}
