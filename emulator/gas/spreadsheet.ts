/** SpreadsheetApp and the Spreadsheet façade, plus the uncounted test helpers over the same model. */
import { parseA1 } from './a1';
import type { VirtualDateClass } from './clock';
import { displayValue } from './format';
import { MAX_CELLS, SheetModel, SpreadsheetModel } from './grid';
import { metadataFinder } from './metadata';
import { makeRange } from './range';
import type { Runtime } from './runtime';
import { makeSheet, resolveRange, TOO_MANY_CELLS } from './sheet';
import { paramMismatch, sheetsCaller, type GasObject, type SheetsCtx } from './sheets-ctx';
import type { UiLog } from './ui';
import { isDate, type CellValue } from './values';

/** Test helpers on `emulator.spreadsheet`; they bypass counters, latency and execution checks. */
export interface SpreadsheetHelpers {
  /** Create (or wipe and refill) a sheet with these values stored literally, without coercion. */
  givenSheet(name: string, rows: unknown[][]): GoogleAppsScript.Spreadsheet.Sheet;
  /** The values of a sheet's data range, as getValues returns them ([] for an empty sheet). */
  sheetValues(name: string): unknown[][];
  /** getDisplayValues of a sheet's data range. */
  sheetDisplayValues(name: string): string[][];
  /** getFormulas of a sheet's data range. */
  sheetFormulas(name: string): string[][];
  /** Tab names in order. */
  sheetNames(): string[];
  /** Set the active sheet and range, e.g. `select("'My Sheet'!A2:C10")`. */
  select(a1: string): void;
}

export interface SheetsBundle {
  SpreadsheetApp: GasObject;
  /** The active spreadsheet façade (what getActive returns). */
  active: GasObject;
  helpers: SpreadsheetHelpers;
  model: SpreadsheetModel;
}

export interface SheetsInit {
  rt: Runtime;
  ui: UiLog;
  uiObject: GasObject;
  VDate: VirtualDateClass;
  id: string;
  name: string;
  /** The spreadsheet's own zone (docs/PLATFORM.md: separate from the script's); default the script's. */
  timeZone?: string | undefined;
}

/** Build SpreadsheetApp over one active spreadsheet. */
export function makeSheets(init: SheetsInit): SheetsBundle {
  const { rt } = init;
  const model = new SpreadsheetModel(init.id, init.name, init.timeZone ?? rt.timeZone, 'en_US', rt.rng.int(1_000_000_000));
  const sheetModels = new WeakMap<object, SheetModel>();
  const ctx: SheetsCtx = {
    rt,
    model,
    ui: init.ui,
    VDate: init.VDate,
    spreadsheet: () => active,
    sheet: (m) => {
      const s = makeSheet(ctx, m);
      sheetModels.set(s, m);
      return s;
    },
    range: (m, r, c, nr, nc) => makeRange(ctx, m, r, c, nr, nc),
    sheetOf: (obj) => (typeof obj === 'object' && obj !== null ? sheetModels.get(obj) : undefined),
  };
  const call = sheetsCaller(ctx, 'Spreadsheet');
  const q = (m: string) => `SpreadsheetApp.Spreadsheet.${m}`;
  const sheetArg = (method: string, s: unknown): SheetModel => {
    const m = ctx.sheetOf(s);
    if (!m || m.deleted) throw rt.error(paramMismatch(q(method), [s]));
    return m;
  };
  const activeRangeOf = (): GasObject => {
    const a = model.activeRange;
    const sheet = a ? model.byId(a.sheetId) : undefined;
    if (a && sheet && !sheet.deleted) return ctx.range(sheet, a.row, a.col, a.numRows, a.numCols);
    return ctx.range(model.activeSheet(), 1, 1, 1, 1);
  };

  const insertSheet = (args: unknown[]): GasObject => {
    let name: string | undefined;
    let index: number | undefined;
    for (const a of args) {
      if (typeof a === 'string' && name === undefined) name = a;
      else if (typeof a === 'number' && index === undefined) index = a;
      else if (typeof a !== 'object' || a === null) throw rt.error(paramMismatch(q('insertSheet'), args));
    }
    if (name !== undefined && model.byName(name)) throw rt.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (name !== undefined && name.length > 100)
      throw rt.error(`The sheet name "${name.slice(0, 20)}..." is too long; sheet names are at most 100 characters.`);
    if (model.totalCells() + 1000 * 26 > MAX_CELLS) throw rt.error(TOO_MANY_CELLS);
    const m = new SheetModel(model.newSheetId(), name === undefined || name === '' ? model.defaultSheetName() : name);
    const at = index === undefined ? model.sheets.length : Math.max(0, Math.min(model.sheets.length, Math.trunc(index)));
    model.sheets.splice(at, 0, m);
    model.activeSheetId = m.id;
    model.activeRange = null;
    return ctx.sheet(m);
  };

  const spreadsheetApi = {
    toString: () => 'Spreadsheet',
    getId: () => call('getId', 'doc', 0, () => model.id),
    getName: () => call('getName', 'doc', 0, () => model.name),
    rename: (name: unknown) =>
      call('rename', 'doc-write', 0, () => {
        model.name = String(name);
      }),
    getUrl: () => call('getUrl', 'doc', 0, () => `https://docs.google.com/spreadsheets/d/${model.id}/edit`),
    getSpreadsheetTimeZone: () => call('getSpreadsheetTimeZone', 'doc', 0, () => model.timeZone),
    getSpreadsheetLocale: () => call('getSpreadsheetLocale', 'doc', 0, () => model.locale),
    getSheets: () => call('getSheets', 'doc', 0, () => rt.realm.array(model.sheets.map((s) => ctx.sheet(s)))),
    createDeveloperMetadataFinder: () => call('createDeveloperMetadataFinder', 'doc', 0, () => metadataFinder(ctx, model)),
    getNumSheets: () => call('getNumSheets', 'doc', 0, () => model.sheets.length),
    getSheetByName: (name: unknown) =>
      call('getSheetByName', 'doc', 0, () => {
        if (typeof name !== 'string') throw rt.error(paramMismatch(q('getSheetByName'), [name]));
        const m = model.byName(name);
        return m ? ctx.sheet(m) : null;
      }),
    getSheetById: (id: unknown) =>
      call('getSheetById', 'doc', 0, () => {
        const m = model.byId(Number(id));
        return m ? ctx.sheet(m) : null;
      }),
    insertSheet: (...args: unknown[]) => call('insertSheet', 'doc-write', 0, () => insertSheet(args)),
    deleteSheet: (sheet: unknown) =>
      call('deleteSheet', 'doc-write', 0, () => {
        const m = sheetArg('deleteSheet', sheet);
        if (model.sheets.length <= 1 || model.sheets.filter((s) => !s.hidden && s !== m).length === 0)
          throw rt.error("You can't remove all the sheets in a document.");
        model.sheets = model.sheets.filter((s) => s !== m);
        m.deleted = true;
        if (model.activeSheetId === m.id) {
          model.activeSheetId = (model.sheets.find((s) => !s.hidden) ?? model.sheets[0])?.id ?? 0;
          model.activeRange = null;
        }
      }),
    getActiveSheet: () => call('getActiveSheet', 'doc', 0, () => ctx.sheet(model.activeSheet())),
    setActiveSheet: (sheet: unknown) =>
      call('setActiveSheet', 'doc-write', 0, () => {
        const m = sheetArg('setActiveSheet', sheet);
        model.activeSheetId = m.id;
        model.activeRange = null;
        return ctx.sheet(m);
      }),
    getActiveRange: () => call('getActiveRange', 'doc', 0, activeRangeOf),
    getActiveCell: () =>
      call('getActiveCell', 'doc', 0, () => {
        const a = model.activeRange;
        const sheet = a ? model.byId(a.sheetId) : undefined;
        return a && sheet && !sheet.deleted ? ctx.range(sheet, a.row, a.col, 1, 1) : ctx.range(model.activeSheet(), 1, 1, 1, 1);
      }),
    getSelection: () =>
      call('getSelection', 'doc', 0, () =>
        rt.strict('Selection', {
          toString: () => 'Selection',
          getActiveRange: () => call('getActiveRange', 'doc', 0, activeRangeOf),
          getActiveSheet: () => call('getActiveSheet', 'doc', 0, () => ctx.sheet(model.activeSheet())),
          getCurrentCell: () =>
            call('getCurrentCell', 'doc', 0, () => {
              const a = model.activeRange;
              const sheet = a ? model.byId(a.sheetId) : undefined;
              return a && sheet && !sheet.deleted ? ctx.range(sheet, a.row, a.col, 1, 1) : ctx.range(model.activeSheet(), 1, 1, 1, 1);
            }),
        }),
      ),
    getRange: (a1: unknown) =>
      call('getRange', 'doc', 0, () => {
        if (typeof a1 !== 'string') throw rt.error(paramMismatch(q('getRange'), [a1]));
        return resolveRange(ctx, model.activeSheet(), q('getRange'), [a1]);
      }),
    getDataRange: () =>
      call('getDataRange', 'doc', 0, () => {
        const s = model.activeSheet();
        return ctx.range(s, 1, 1, Math.max(1, s.lastRow()), Math.max(1, s.lastColumn()));
      }),
    toast: (msg: unknown, title?: unknown, timeoutSeconds?: unknown) =>
      call('toast', 'doc-write', 0, () => {
        init.ui.toasts.push({
          msg: String(msg),
          title: title === undefined || title === null ? '' : String(title),
          timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : undefined,
          at: rt.clock.now(),
        });
      }),
  };
  const active: GasObject = rt.strict('Spreadsheet', spreadsheetApi);

  const appCall = <T>(method: string, access: 'doc' | 'ui', body: () => T): T => rt.invoke({ service: 'SpreadsheetApp', method, access }, body);
  const SpreadsheetApp = rt.strict('SpreadsheetApp', {
    toString: () => 'SpreadsheetApp',
    getActive: () => appCall('getActive', 'doc', () => (rt.documentVisible() ? active : null)),
    getActiveSpreadsheet: () => appCall('getActiveSpreadsheet', 'doc', () => (rt.documentVisible() ? active : null)),
    getActiveSheet: () => appCall('getActiveSheet', 'doc', () => ctx.sheet(model.activeSheet())),
    getActiveRange: () => appCall('getActiveRange', 'doc', activeRangeOf),
    getUi: () => appCall('getUi', 'ui', () => init.uiObject),
    flush: () => appCall('flush', 'doc', () => rt.writes.flush(rt.executionId())),
  });

  const dataRect = (name: string): { sheet: SheetModel; rows: number; cols: number } => {
    const sheet = model.byName(name);
    if (!sheet) throw new Error(`emulator: no sheet named ${name}`);
    return { sheet, rows: sheet.lastRow(), cols: sheet.lastColumn() };
  };
  const readRect = <T>(name: string, f: (v: CellValue, formula: string | undefined, format: string | undefined) => T): T[][] => {
    const { sheet, rows, cols } = dataRect(name);
    const out: T[][] = [];
    for (let i = 1; i <= rows; i++) {
      const r: T[] = [];
      for (let j = 1; j <= cols; j++) {
        const c = sheet.cell(i, j);
        r.push(f(c?.value ?? '', c?.formula, c?.format));
      }
      out.push(r);
    }
    return out;
  };

  const helpers: SpreadsheetHelpers = {
    givenSheet(name, rows) {
      let sheet = model.byName(name);
      if (!sheet) {
        sheet = new SheetModel(model.newSheetId(), name);
        model.sheets.push(sheet);
      }
      sheet.rows = [];
      sheet.maxRows = Math.max(sheet.maxRows, rows.length);
      sheet.maxCols = Math.max(sheet.maxCols, ...rows.map((r) => r.length));
      for (const [i, r] of rows.entries()) {
        for (const [j, v] of r.entries()) {
          const value: CellValue =
            v === null || v === undefined ? '' : isDate(v) ? new Date(v.getTime()) : typeof v === 'object' ? String(v) : (v as CellValue);
          if (value !== '') sheet.ensure(i + 1, j + 1).value = value;
        }
      }
      return ctx.sheet(sheet) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    },
    sheetValues: (name) => readRect(name, (v) => (isDate(v) ? new Date(v.getTime()) : v)),
    sheetDisplayValues: (name) => readRect(name, (v, _f, fmt) => displayValue(v, fmt, model.timeZone)),
    sheetFormulas: (name) => readRect(name, (_v, f) => f ?? ''),
    sheetNames: () => model.sheets.map((s) => s.name),
    select(a1) {
      const ref = parseA1(a1);
      const sheet = ref?.sheetName !== undefined ? model.byName(ref.sheetName) : model.activeSheet();
      if (!ref || !sheet) throw new Error(`emulator: cannot select ${a1}`);
      const row = ref.startRow ?? 1;
      const col = ref.startCol ?? 1;
      model.activeSheetId = sheet.id;
      model.activeRange = { sheetId: sheet.id, row, col, numRows: (ref.endRow ?? sheet.maxRows) - row + 1, numCols: (ref.endCol ?? sheet.maxCols) - col + 1 };
    },
  };

  return { SpreadsheetApp, active, helpers, model };
}
