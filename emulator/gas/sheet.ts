/** The emulated Sheet: grid size, ranges, row/column insertion and deletion, appendRow, sheet settings. */
import { parseA1 } from './a1';
import { MAX_CELLS, MAX_COLUMNS, type SheetModel } from './grid';
import { checkCellLengths, writeCell } from './range';
import { metadataView } from './metadata';
import { sortRect } from './sort';
import { paramMismatch, rectError, sheetsCaller, type GasObject, type SheetsCtx } from './sheets-ctx';

export const TOO_MANY_CELLS = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;
export const TOO_MANY_COLUMNS = `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS} columns.`;
const ROWS_OUT_OF_BOUNDS = 'Those rows are out of bounds.';
const COLUMNS_OUT_OF_BOUNDS = 'Those columns are out of bounds.';

/** Resolve `getRange(...)` arguments on `sheet` to a validated rectangle, or throw. */
export function resolveRange(ctx: SheetsCtx, sheet: SheetModel, qualified: string, args: readonly unknown[]): GasObject {
  const { rt } = ctx;
  if (args.length === 1 && typeof args[0] === 'string') {
    const ref = parseA1(args[0]);
    if (!ref) throw rt.error('Range not found');
    let target = sheet;
    if (ref.sheetName !== undefined) {
      const named = ctx.model.byName(ref.sheetName);
      if (!named) throw rt.error('Range not found');
      target = named;
    }
    const row = ref.startRow ?? 1;
    const col = ref.startCol ?? 1;
    const endRow = ref.endRow ?? target.maxRows;
    const endCol = ref.endCol ?? target.maxCols;
    const err = rectError(target, row, col, endRow - row + 1, endCol - col + 1);
    if (err) throw rt.error(err);
    return ctx.range(target, row, col, endRow - row + 1, endCol - col + 1);
  }
  if (args.length < 2 || args.length > 4 || args.some((a) => typeof a !== 'number' || Number.isNaN(a))) throw rt.error(paramMismatch(qualified, args));
  const [row, col, numRows = 1, numCols = 1] = (args as number[]).map((a) => Math.trunc(a));
  const err = rectError(sheet, row ?? 0, col ?? 0, numRows, numCols);
  if (err) throw rt.error(err);
  return ctx.range(sheet, row ?? 0, col ?? 0, numRows, numCols);
}

/** Build the Sheet façade over `sheet`. */
export function makeSheet(ctx: SheetsCtx, sheet: SheetModel): GasObject {
  const { rt, model } = ctx;
  const call = sheetsCaller(
    ctx,
    'Sheet',
    () => sheet.deleted,
    () => sheet.name,
  );
  const q = (m: string) => `SpreadsheetApp.Sheet.${m}`;
  const num = (method: string, ...args: unknown[]): number[] => {
    if (args.some((a) => typeof a !== 'number' || Number.isNaN(a))) throw rt.error(paramMismatch(q(method), args));
    return (args as number[]).map((a) => Math.trunc(a));
  };
  const growRows = (n: number) => {
    if (model.totalCells() + n * sheet.maxCols > MAX_CELLS) throw rt.error(TOO_MANY_CELLS);
  };
  const growCols = (n: number) => {
    if (sheet.maxCols + n > MAX_COLUMNS) throw rt.error(TOO_MANY_COLUMNS);
    if (model.totalCells() + n * sheet.maxRows > MAX_CELLS) throw rt.error(TOO_MANY_CELLS);
  };
  const insertRows = (method: string, at: number, howMany: number) =>
    call(method, 'doc-write', 0, () => {
      if (at < 1 || at > sheet.maxRows + 1 || howMany < 1) throw rt.error(ROWS_OUT_OF_BOUNDS);
      growRows(howMany);
      sheet.insertRows(at, howMany);
      return self;
    });
  const insertCols = (method: string, at: number, howMany: number) =>
    call(method, 'doc-write', 0, () => {
      if (at < 1 || at > sheet.maxCols + 1 || howMany < 1) throw rt.error(COLUMNS_OUT_OF_BOUNDS);
      growCols(howMany);
      sheet.insertColumns(at, howMany);
      return self;
    });
  const deleteRows = (method: string, at: number, howMany: number) =>
    call(method, 'doc-write', 0, () => {
      if (at < 1 || howMany < 1 || at + howMany - 1 > sheet.maxRows) throw rt.error(ROWS_OUT_OF_BOUNDS);
      if (sheet.maxRows - howMany <= sheet.frozenRows) throw rt.error('Sorry, it is not possible to delete all non-frozen rows.');
      sheet.deleteRows(at, howMany);
    });
  const deleteCols = (method: string, at: number, howMany: number) =>
    call(method, 'doc-write', 0, () => {
      if (at < 1 || howMany < 1 || at + howMany - 1 > sheet.maxCols) throw rt.error(COLUMNS_OUT_OF_BOUNDS);
      if (sheet.maxCols - howMany <= sheet.frozenCols) throw rt.error('Sorry, it is not possible to delete all non-frozen columns.');
      sheet.deleteColumns(at, howMany);
    });
  const clearAll = (method: string, what: { contents?: boolean; formats?: boolean; notes?: boolean }) =>
    call(method, 'doc-write', sheet.maxRows * sheet.maxCols, () => {
      sheet.clearRect(1, 1, sheet.maxRows, sheet.maxCols, what);
      return self;
    });

  const api = {
    toString: () => 'Sheet',
    getName: () => call('getName', 'doc', 0, () => sheet.name),
    getSheetName: () => call('getSheetName', 'doc', 0, () => sheet.name),
    setName: (name: unknown) =>
      call('setName', 'doc-write', 0, () => {
        if (typeof name !== 'string' || name.trim() === '') throw rt.error(paramMismatch(q('setName'), [name]));
        const clash = model.byName(name);
        if (clash && clash !== sheet) throw rt.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
        sheet.name = name;
        return self;
      }),
    getSheetId: () => call('getSheetId', 'doc', 0, () => sheet.id),
    addDeveloperMetadata: (key: unknown, value?: unknown) =>
      call('addDeveloperMetadata', 'doc-write', 0, () => {
        // Sheets: a key of 1-256 characters; the value is optional text.
        if (typeof key !== 'string' || key.length === 0 || key.length > 256 || (value !== undefined && typeof value !== 'string'))
          throw rt.error(paramMismatch(q('addDeveloperMetadata'), [key, value]));
        sheet.metadata.push({ id: model.newSheetId(), key, value: value ?? null });
        return self;
      }),
    getDeveloperMetadata: () => call('getDeveloperMetadata', 'doc', 0, () => sheet.metadata.map((m) => metadataView(ctx, call, sheet, m))),
    getIndex: () => call('getIndex', 'doc', 0, () => model.sheets.indexOf(sheet) + 1),
    getParent: () => call('getParent', 'doc', 0, () => ctx.spreadsheet()),
    getRange: (...args: unknown[]) => call('getRange', 'doc', 0, () => resolveRange(ctx, sheet, q('getRange'), args)),
    getDataRange: () => call('getDataRange', 'doc', 0, () => ctx.range(sheet, 1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastColumn()))),
    getLastRow: () => call('getLastRow', 'doc', 0, () => sheet.lastRow()),
    getLastColumn: () => call('getLastColumn', 'doc', 0, () => sheet.lastColumn()),
    getMaxRows: () => call('getMaxRows', 'doc', 0, () => sheet.maxRows),
    getMaxColumns: () => call('getMaxColumns', 'doc', 0, () => sheet.maxCols),
    insertRowsAfter: (after: number, howMany: number) => {
      const [a = 0, h = 0] = num('insertRowsAfter', after, howMany);
      return insertRows('insertRowsAfter', a + 1, h);
    },
    insertRowsBefore: (before: number, howMany: number) => {
      const [b = 0, h = 0] = num('insertRowsBefore', before, howMany);
      return insertRows('insertRowsBefore', b, h);
    },
    insertRowAfter: (after: number) => insertRows('insertRowAfter', (num('insertRowAfter', after)[0] ?? 0) + 1, 1),
    insertRowBefore: (before: number) => insertRows('insertRowBefore', num('insertRowBefore', before)[0] ?? 0, 1),
    insertColumnsAfter: (after: number, howMany: number) => {
      const [a = 0, h = 0] = num('insertColumnsAfter', after, howMany);
      return insertCols('insertColumnsAfter', a + 1, h);
    },
    insertColumnsBefore: (before: number, howMany: number) => {
      const [b = 0, h = 0] = num('insertColumnsBefore', before, howMany);
      return insertCols('insertColumnsBefore', b, h);
    },
    insertColumnAfter: (after: number) => insertCols('insertColumnAfter', (num('insertColumnAfter', after)[0] ?? 0) + 1, 1),
    insertColumnBefore: (before: number) => insertCols('insertColumnBefore', num('insertColumnBefore', before)[0] ?? 0, 1),
    deleteRow: (position: number) => {
      deleteRows('deleteRow', num('deleteRow', position)[0] ?? 0, 1);
      return self;
    },
    deleteRows: (position: number, howMany: number) => {
      const [p = 0, h = 0] = num('deleteRows', position, howMany);
      deleteRows('deleteRows', p, h);
    },
    deleteColumn: (position: number) => {
      deleteCols('deleteColumn', num('deleteColumn', position)[0] ?? 0, 1);
      return self;
    },
    deleteColumns: (position: number, howMany: number) => {
      const [p = 0, h = 0] = num('deleteColumns', position, howMany);
      deleteCols('deleteColumns', p, h);
    },
    appendRow: (rowContents: unknown) =>
      call('appendRow', 'doc-write', Array.isArray(rowContents) ? rowContents.length : 0, () => {
        if (!Array.isArray(rowContents) || rowContents.length === 0) throw rt.error(paramMismatch(q('appendRow'), [rowContents]));
        checkCellLengths(ctx, [rowContents]);
        const target = sheet.lastRow() + 1;
        if (target > sheet.maxRows) {
          growRows(target - sheet.maxRows);
          sheet.insertRows(sheet.maxRows + 1, target - sheet.maxRows);
        }
        if (rowContents.length > sheet.maxCols) {
          growCols(rowContents.length - sheet.maxCols);
          sheet.insertColumns(sheet.maxCols + 1, rowContents.length - sheet.maxCols);
        }
        for (const [j, v] of (rowContents as unknown[]).entries()) writeCell(ctx, sheet, target, j + 1, v);
        return self;
      }),
    clear: (options?: { contentsOnly?: boolean; formatOnly?: boolean }) =>
      clearAll(
        'clear',
        options && (options.contentsOnly || options.formatOnly)
          ? { contents: !!options.contentsOnly, formats: !!options.formatOnly }
          : { contents: true, formats: true },
      ),
    clearContents: () => clearAll('clearContents', { contents: true }),
    clearFormats: () => clearAll('clearFormats', { formats: true }),
    clearNotes: () => clearAll('clearNotes', { notes: true }),
    setFrozenRows: (rows: number) =>
      call('setFrozenRows', 'doc-write', 0, () => {
        const [r = 0] = num('setFrozenRows', rows);
        if (r < 0 || r >= sheet.maxRows) throw rt.error('Sorry, it is not possible to freeze all rows.');
        sheet.frozenRows = r;
      }),
    // Sorts every row below the frozen ones by one column, as Data > Sort sheet does.
    sort: (column: number, ascending?: boolean) =>
      call('sort', 'doc-write', 0, () => {
        const [c = 0] = num('sort', column);
        const last = sheet.lastRow();
        if (last > sheet.frozenRows)
          sortRect(sheet, sheet.frozenRows + 1, 1, last - sheet.frozenRows, Math.max(c, sheet.lastColumn()), [{ column: c, ascending: ascending !== false }]);
        return self;
      }),
    getFrozenRows: () => call('getFrozenRows', 'doc', 0, () => sheet.frozenRows),
    setFrozenColumns: (cols: number) =>
      call('setFrozenColumns', 'doc-write', 0, () => {
        const [c = 0] = num('setFrozenColumns', cols);
        if (c < 0 || c >= sheet.maxCols) throw rt.error('Sorry, it is not possible to freeze all columns.');
        sheet.frozenCols = c;
      }),
    getFrozenColumns: () => call('getFrozenColumns', 'doc', 0, () => sheet.frozenCols),
    activate: () =>
      call('activate', 'doc-write', 0, () => {
        model.activeSheetId = sheet.id;
        model.activeRange = { sheetId: sheet.id, row: 1, col: 1, numRows: 1, numCols: 1 };
        return self;
      }),
    setTabColor: (color: unknown) =>
      call('setTabColor', 'doc-write', 0, () => {
        sheet.tabColor = color === null || color === undefined ? null : String(color);
        return self;
      }),
    getTabColor: () => call('getTabColor', 'doc', 0, () => sheet.tabColor),
    hideSheet: () =>
      call('hideSheet', 'doc-write', 0, () => {
        if (!sheet.hidden && model.sheets.filter((s) => !s.hidden).length <= 1)
          throw rt.error('Sorry, it is not possible to hide all the sheets in a document.');
        sheet.hidden = true;
        return self;
      }),
    showSheet: () =>
      call('showSheet', 'doc-write', 0, () => {
        sheet.hidden = false;
        return self;
      }),
    isSheetHidden: () => call('isSheetHidden', 'doc', 0, () => sheet.hidden),
    autoResizeColumns: (start: number, howMany: number) =>
      call('autoResizeColumns', 'doc-write', 0, () => {
        num('autoResizeColumns', start, howMany);
        return self;
      }),
    autoResizeColumn: (column: number) =>
      call('autoResizeColumn', 'doc-write', 0, () => {
        num('autoResizeColumn', column);
        return self;
      }),
    setColumnWidth: (column: number, width: number) =>
      call('setColumnWidth', 'doc-write', 0, () => {
        const [c = 0, w = 0] = num('setColumnWidth', column, width);
        sheet.columnWidths.set(c, w);
        return self;
      }),
    setColumnWidths: (start: number, howMany: number, width: number) =>
      call('setColumnWidths', 'doc-write', 0, () => {
        const [s = 0, h = 0, w = 0] = num('setColumnWidths', start, howMany, width);
        for (let c = s; c < s + h; c++) sheet.columnWidths.set(c, w);
        return self;
      }),
    getColumnWidth: (column: number) => call('getColumnWidth', 'doc', 0, () => sheet.columnWidths.get(num('getColumnWidth', column)[0] ?? 0) ?? 100),
  };
  const self: GasObject = rt.strict('Sheet', api);
  return self;
}
