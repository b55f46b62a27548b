/**
 * The emulated spreadsheet as the playground page sees it: grid snapshots with formula results
 * spilled into their neighbours, cell edits typed like a person would, selection, and the
 * evaluation of the add-on's custom functions (each one a `custom-function` execution of the
 * built bundle, exactly as in the tests).
 */
import { columnLetters, formatA1 } from '../gas/a1';
import type { AddOn } from '../addon';
import { FormulaSyntaxError, parseFormula, type FormulaArg } from './formula';

/** One cell as the page draws it. */
export interface CellView {
  /** Display text. */
  v: string;
  /** The formula, for a cell that holds one. */
  f?: string;
  /** An error message (the cell shows #ERROR!, #NAME? or #REF!). */
  e?: string;
  /** True for a cell filled by a neighbour's array answer. */
  s?: boolean;
  /** True for numbers (right-aligned). */
  n?: boolean;
}

export interface SheetView {
  name: string;
  rows: CellView[][];
  /** Rows in the sheet's data (the snapshot may show more, or fewer past the cap). */
  dataRows: number;
  truncated: boolean;
}

interface Result {
  value: unknown;
  error?: string;
  code?: '#ERROR!' | '#NAME?' | '#REF!';
}

const MIN_ROWS = 40;
const MIN_COLS = 12;
/** Beyond this the page would get slow; the snapshot says it is cut. */
const MAX_ROWS = 1000;

/** The message of an error from the script's realm too (a vm Error is not a host `instanceof Error`). */
export function errorMessage(e: unknown): string {
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(e);
}

function display(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return (v as Date).toISOString().slice(0, 10);
  return String(v);
}

function plain(value: unknown): unknown {
  if (value === undefined) return '';
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString().slice(0, 10) : v)),
  );
}

export class Workbook {
  /** Formula results by `sheet\u0000row\u0000col`. */
  private readonly results = new Map<string, Result>();
  /** The data version the results were computed at. */
  private computedAt = -1;

  constructor(
    private readonly addOn: AddOn,
    private readonly customFunctions: ReadonlySet<string>,
    /** Called before each execution (keeps the virtual clock in step). */
    private readonly beforeRun: () => void,
  ) {}

  private get ss() {
    return this.addOn.emulator.spreadsheet;
  }

  sheetNames(): string[] {
    return this.ss.sheetNames();
  }

  activeSheet(): string {
    return this.ss.getActiveSheet().getName();
  }

  /** The selection as A1 (on the active sheet). */
  selection(): string {
    const r = this.ss.getActiveRange();
    return r ? r.getA1Notation() : 'A1';
  }

  select(sheet: string, a1: string): void {
    this.ss.select(`'${sheet.replace(/'/g, "''")}'!${a1}`);
  }

  /** Write what a person typed into a cell (a leading `=` makes a formula; Sheets' parsing applies). */
  edit(sheet: string, row: number, col: number, input: string): void {
    const s = this.ss.getSheetByName(sheet);
    if (!s) throw new Error(`No tab "${sheet}"`);
    if (row > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), row - s.getMaxRows());
    if (col > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), col - s.getMaxColumns());
    s.getRange(row, col).setValue(input);
  }

  /**
   * Data > Sort range with "Data has header row": the rows below row 1, every column with data,
   * by one column (1-based). Formulas recalculate afterwards, as in Sheets.
   */
  sort(sheet: string, col: number, ascending: boolean): void {
    const s = this.ss.getSheetByName(sheet);
    if (!s) throw new Error(`No tab "${sheet}"`);
    const rows = s.getLastRow() - 1;
    const width = Math.max(col, s.getLastColumn());
    if (rows > 1) s.getRange(2, 1, rows, width).sort({ column: col, ascending });
  }

  private cellValue(sheet: string, row: number, col: number, values: unknown[][] = this.ss.sheetValues(sheet)): unknown {
    const hit = this.results.get(`${sheet}\u0000${row}\u0000${col}`);
    if (hit) return Array.isArray(hit.value) ? ((hit.value as unknown[][])[0]?.[0] ?? '') : hit.value;
    return values[row - 1]?.[col - 1] ?? '';
  }

  private argValue(arg: FormulaArg, sheet: string): unknown {
    if (arg.kind === 'value') return arg.value;
    if (arg.kind === 'array') return arg.rows;
    const on = arg.ref.sheetName ?? sheet;
    if (!this.ss.getSheetByName(on)) throw new FormulaSyntaxError(`there is no tab "${on}"`);
    const r0 = arg.ref.startRow ?? 1;
    const c0 = arg.ref.startCol ?? 1;
    // An open end (`E2:E`, `A:B`) runs to the edge of the grid, as in Sheets.
    const grid = this.ss.getSheetByName(on);
    const r1 = arg.ref.endRow ?? grid?.getMaxRows() ?? r0;
    const c1 = arg.ref.endCol ?? grid?.getMaxColumns() ?? c0;
    const values = this.ss.sheetValues(on);
    if (r0 === r1 && c0 === c1) return this.cellValue(on, r0, c0, values);
    const out: unknown[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: unknown[] = [];
      for (let c = c0; c <= c1; c++) row.push(this.cellValue(on, r, c, values));
      out.push(row);
    }
    return out;
  }

  /** Evaluate one formula as a custom-function execution of the built add-on. */
  evaluate(sheet: string, formula: string): Result {
    let call: ReturnType<typeof parseFormula>;
    try {
      call = parseFormula(formula);
    } catch (e) {
      return { value: '', error: `Formula parse error: ${(e as Error).message}`, code: '#ERROR!' };
    }
    if (!this.customFunctions.has(call.name)) {
      return {
        value: '',
        error: `Unknown function: ${call.name}. The playground evaluates the add-on's custom functions: ${[...this.customFunctions].sort().join(', ')}.`,
        code: '#NAME?',
      };
    }
    let args: unknown[];
    try {
      args = call.args.map((a) => this.argValue(a, sheet));
    } catch (e) {
      return { value: '', error: (e as Error).message, code: '#REF!' };
    }
    // Trailing omitted arguments are not passed at all, as in Sheets.
    while (args.length > 0 && args[args.length - 1] === '' && call.args[args.length - 1]?.kind === 'value') args.pop();
    this.beforeRun();
    try {
      return { value: plain(this.addOn.call('custom-function', call.name, ...args)) };
    } catch (e) {
      return { value: '', error: errorMessage(e), code: '#ERROR!' };
    }
  }

  /** Recompute every formula (at most once per data version; answers come from the add-on's cache). */
  recalc(version: number, force = false): void {
    if (!force && version === this.computedAt) return;
    this.computedAt = version;
    this.results.clear();
    for (const name of this.sheetNames()) {
      this.ss.sheetFormulas(name).forEach((row, i) => {
        row.forEach((f, j) => {
          if (f) this.results.set(`${name}\u0000${i + 1}\u0000${j + 1}`, this.evaluate(name, f));
        });
      });
    }
  }

  /** The sheet as the page draws it: values, formulas with their spilled answers, errors. */
  view(sheet: string): SheetView {
    const values = this.ss.sheetDisplayValues(sheet);
    const raw = this.ss.sheetValues(sheet);
    const formulas = this.ss.sheetFormulas(sheet);
    const dataRows = values.length;
    let rows = Math.max(MIN_ROWS, dataRows + 10);
    let cols = Math.max(MIN_COLS, (values[0]?.length ?? 0) + 3);
    const spills: Array<{ r: number; c: number; res: Result }> = [];
    for (const [key, res] of this.results) {
      const [s, r, c] = key.split('\u0000');
      if (s !== sheet) continue;
      spills.push({ r: Number(r), c: Number(c), res });
      // Trailing empty rows of an answer (an open range's empty ids) do not grow the view.
      const filled = Array.isArray(res.value) ? (res.value as unknown[]).map((x) => (Array.isArray(x) ? x : [x]).some((v) => v !== '' && v !== null)) : [];
      const h = Array.isArray(res.value) ? Math.max(1, filled.lastIndexOf(true) + 1) : 1;
      const w = Array.isArray(res.value) ? Math.max(1, ...(res.value as unknown[][]).map((x) => (Array.isArray(x) ? x.length : 1))) : 1;
      rows = Math.max(rows, Number(r) + h + 5);
      cols = Math.max(cols, Number(c) + w + 1);
    }
    const truncated = rows > MAX_ROWS;
    rows = Math.min(rows, MAX_ROWS);
    const grid: CellView[][] = [];
    for (let i = 0; i < rows; i++) {
      const line: CellView[] = [];
      for (let j = 0; j < cols; j++) {
        const v = values[i]?.[j] ?? '';
        const cell: CellView = { v };
        const f = formulas[i]?.[j];
        if (f) cell.f = f;
        if (typeof raw[i]?.[j] === 'number') cell.n = true;
        line.push(cell);
      }
      grid.push(line);
    }
    const occupied = (r: number, c: number): boolean => (values[r - 1]?.[c - 1] ?? '') !== '' || (formulas[r - 1]?.[c - 1] ?? '') !== '';
    for (const { r, c, res } of spills) {
      const origin = grid[r - 1]?.[c - 1];
      if (!origin) continue;
      if (res.error !== undefined) {
        origin.v = res.code ?? '#ERROR!';
        origin.e = res.error;
        continue;
      }
      const table = Array.isArray(res.value) ? (res.value as unknown[][]).map((x) => (Array.isArray(x) ? x : [x])) : [[res.value]];
      // An array answer may not overwrite data: Sheets shows #REF! instead.
      let blocked: string | undefined;
      table.forEach((line, i) => {
        line.forEach((_, j) => {
          if ((i > 0 || j > 0) && blocked === undefined && occupied(r + i, c + j)) blocked = `${columnLetters(c + j)}${r + i}`;
        });
      });
      if (blocked) {
        origin.v = '#REF!';
        origin.e = `Array result was not expanded because it would overwrite data in ${blocked}.`;
        continue;
      }
      table.forEach((line, i) => {
        line.forEach((v, j) => {
          const cell = grid[r - 1 + i]?.[c - 1 + j];
          if (!cell) return;
          cell.v = display(v);
          if (typeof v === 'number') cell.n = true;
          if (i > 0 || j > 0) cell.s = true;
        });
      });
    }
    return { name: sheet, rows: grid, dataRows, truncated };
  }

  /** A1 of a rectangle (for the page's name box). */
  static a1(row: number, col: number, numRows = 1, numCols = 1): string {
    return formatA1(row, col, numRows, numCols);
  }
}
