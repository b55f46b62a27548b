/** What the Spreadsheet, Sheet and Range façades share: the model, the runtime and the façade factories. */
import type { VirtualDateClass } from './clock';
import type { SheetModel, SpreadsheetModel } from './grid';
import type { Access, Runtime } from './runtime';
import type { UiLog } from './ui';

/** An emulated Apps Script object (a strict proxy over a plain object of methods). */
export type GasObject = Record<string, unknown>;

export interface SheetsCtx {
  rt: Runtime;
  model: SpreadsheetModel;
  ui: UiLog;
  VDate: VirtualDateClass;
  spreadsheet(): GasObject;
  sheet(m: SheetModel): GasObject;
  range(m: SheetModel, row: number, col: number, numRows: number, numCols: number): GasObject;
  /** The sheet model behind a Sheet façade (undefined for anything else). */
  sheetOf(obj: unknown): SheetModel | undefined;
}

/** Apps Script's name for a value's type in "The parameters (...) don't match" messages. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  return 'Object';
}

/** `The parameters (number,null) don't match the method signature for SpreadsheetApp.Sheet.getRange.` */
export function paramMismatch(qualified: string, args: readonly unknown[]): string {
  return `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${qualified}.`;
}

/** A call helper bound to one Sheets class: counts, charges Sheets latency, checks access. */
export function sheetsCaller(ctx: SheetsCtx, service: 'Spreadsheet' | 'Sheet' | 'Range', deletedCheck?: () => boolean, sheetName?: () => string) {
  return <T>(method: string, access: Access, cells: number, body: () => T): T =>
    ctx.rt.invoke(
      { service, method, access, family: 'sheets', cells, qualified: `SpreadsheetApp.${service}.${method}`, ...(sheetName ? { sheet: sheetName() } : {}) },
      () => {
        if (deletedCheck?.()) throw ctx.rt.error('This sheet has been deleted.');
        if (access === 'doc-write') ctx.rt.writes.noteWrite(ctx.rt.executionId());
        return body();
      },
    );
}

export const OUTSIDE_GRID = 'The coordinates of the range are outside the dimensions of the sheet.';

/** Validate a rectangle against a sheet's grid; returns an error text or null. */
export function rectError(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): string | null {
  if (row < 1) return 'The starting row of the range is too small.';
  if (col < 1) return 'The starting column of the range is too small.';
  if (numRows < 1) return 'The number of rows in the range must be at least 1.';
  if (numCols < 1) return 'The number of columns in the range must be at least 1.';
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) return OUTSIDE_GRID;
  return null;
}
