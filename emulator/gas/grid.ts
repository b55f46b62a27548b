/** The stored state of a spreadsheet: sheets, sparse cell grids, formats, notes. No Apps Script surface. */
import type { CellValue } from './values';

export interface Cell {
  value: CellValue;
  formula?: string | undefined;
  format?: string | undefined;
  note?: string | undefined;
  /** Recorded formatting (fontWeight, background, wrap, horizontalAlignment, ...). */
  style?: Record<string, string> | undefined;
}

/** docs/PLATFORM.md: a new sheet is 1,000 rows by 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLS = 26;
/** docs/PLATFORM.md: 10,000,000 cells per spreadsheet, 18,278 columns. */
export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;

function hasContent(c: Cell | undefined): boolean {
  return c !== undefined && (c.value !== '' || c.formula !== undefined);
}

function isBlank(c: Cell): boolean {
  return !hasContent(c) && c.format === undefined && c.note === undefined && c.style === undefined;
}

/** One sheet: a sparse grid of cells (1-based coordinates in the API, 0-based arrays inside). */
export class SheetModel {
  maxRows = NEW_SHEET_ROWS;
  maxCols = NEW_SHEET_COLS;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  deleted = false;
  tabColor: string | null = null;
  /** Sheet-level developer metadata (invisible to users; only a script adds it). */
  readonly metadata: Array<{ id: number; key: string; value: string | null }> = [];
  readonly columnWidths = new Map<number, number>();
  rows: Array<Array<Cell | undefined> | undefined> = [];

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  /** The cell at (row, col), 1-based, or undefined when never touched. */
  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** The cell at (row, col), created empty when missing. */
  ensure(row: number, col: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = { value: '' };
      r[col - 1] = c;
    }
    return c;
  }

  /** Drop a cell that holds nothing any more. */
  tidy(row: number, col: number): void {
    const r = this.rows[row - 1];
    const c = r?.[col - 1];
    if (r && c && isBlank(c)) r[col - 1] = undefined;
  }

  /** Last row with a value or formula (0 when the sheet is empty). */
  lastRow(): number {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const r = this.rows[i];
      if (r?.some(hasContent)) return i + 1;
    }
    return 0;
  }

  /** Last column with a value or formula (0 when the sheet is empty). */
  lastColumn(): number {
    let last = 0;
    for (const r of this.rows) {
      if (!r) continue;
      for (let j = r.length - 1; j >= last; j--) {
        if (hasContent(r[j])) {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Insert `n` empty rows so that the first new row is `at` (1-based). */
  insertRows(at: number, n: number): void {
    if (this.rows.length >= at) this.rows.splice(at - 1, 0, ...new Array<undefined>(n));
    this.maxRows += n;
  }

  /** Delete `n` rows starting at `at` (1-based). */
  deleteRows(at: number, n: number): void {
    this.rows.splice(at - 1, n);
    this.maxRows -= n;
  }

  /** Insert `n` empty columns so that the first new column is `at` (1-based). */
  insertColumns(at: number, n: number): void {
    for (const r of this.rows) if (r && r.length >= at) r.splice(at - 1, 0, ...new Array<undefined>(n));
    this.maxCols += n;
  }

  /** Delete `n` columns starting at `at` (1-based). */
  deleteColumns(at: number, n: number): void {
    for (const r of this.rows) if (r) r.splice(at - 1, n);
    this.maxCols -= n;
  }

  /** Clear parts of every cell in a rectangle. */
  clearRect(row: number, col: number, numRows: number, numCols: number, what: { contents?: boolean; formats?: boolean; notes?: boolean }): void {
    for (let i = row; i < row + numRows; i++) {
      const r = this.rows[i - 1];
      if (!r) continue;
      for (let j = col; j < col + numCols; j++) {
        const c = r[j - 1];
        if (!c) continue;
        if (what.contents) {
          c.value = '';
          c.formula = undefined;
        }
        if (what.formats) {
          c.format = undefined;
          c.style = undefined;
        }
        if (what.notes) c.note = undefined;
        this.tidy(i, j);
      }
    }
  }
}

export interface ActiveRange {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** One spreadsheet file: its sheets in tab order, the selection, and settings. */
export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  activeSheetId: number;
  activeRange: ActiveRange | null = null;
  private nextSheetId: number;

  constructor(
    readonly id: string,
    public name: string,
    readonly timeZone: string,
    readonly locale: string,
    sheetIdSeed: number,
  ) {
    const first = new SheetModel(0, 'Sheet1');
    this.sheets.push(first);
    this.activeSheetId = first.id;
    this.nextSheetId = 100_000_000 + (sheetIdSeed % 900_000_000);
  }

  /** A new sheet id (the first sheet has gid 0, later ones large numbers, like Sheets). */
  newSheetId(): number {
    this.nextSheetId = (this.nextSheetId * 7 + 12_345) % 2_000_000_000;
    return this.nextSheetId;
  }

  /** Case-insensitive lookup, as Sheets compares tab names. */
  byName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  byId(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  activeSheet(): SheetModel {
    const s = this.byId(this.activeSheetId) ?? this.sheets[0];
    if (!s) throw new Error('emulator: spreadsheet has no sheets');
    return s;
  }

  /** Total grid cells across all sheets (the 10,000,000-cell cap). */
  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  /** The next free default name: Sheet2, Sheet3, ... */
  defaultSheetName(): string {
    let i = this.sheets.length + 1;
    while (this.byName(`Sheet${i}`)) i++;
    return `Sheet${i}`;
  }
}
