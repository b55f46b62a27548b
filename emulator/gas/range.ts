/** The emulated Range: values (with Sheets coercion), formulas, formats, notes, recorded styles. */
import { formatA1 } from './a1';
import { displayValue } from './format';
import type { Cell, SheetModel } from './grid';
import { paramMismatch, rectError, sheetsCaller, type GasObject, type SheetsCtx } from './sheets-ctx';
import { sortKeys, sortRect } from './sort';
import { CELL_TOO_LONG, coerce, exceedsCellLimit, isDate, type CellValue } from './values';

/** Write one script value into a cell the way Sheets does (coercion unless the format is '@'). */
export function writeCell(ctx: SheetsCtx, sheet: SheetModel, row: number, col: number, input: unknown): void {
  const cell = sheet.ensure(row, col);
  const c = coerce(input, { format: cell.format, timeZone: ctx.model.timeZone, now: ctx.rt.clock.now() });
  cell.value = c.value;
  cell.formula = c.formula;
  if (c.autoFormat !== undefined && cell.format === undefined) cell.format = c.autoFormat;
  sheet.tidy(row, col);
}

/** Throw the 50,000-character error if any value in the grid is too long (before anything is written). */
export function checkCellLengths(ctx: SheetsCtx, rows: readonly (readonly unknown[])[]): void {
  for (const r of rows) for (const v of r) if (exceedsCellLimit(v)) throw ctx.rt.error(CELL_TOO_LONG);
}

/** Build the Range façade for a rectangle of `sheet` (the caller has validated it). */
export function makeRange(ctx: SheetsCtx, sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): GasObject {
  const { rt } = ctx;
  const call = sheetsCaller(
    ctx,
    'Range',
    () => sheet.deleted,
    () => sheet.name,
  );
  const n = numRows * numCols;
  const q = (m: string) => `SpreadsheetApp.Range.${m}`;

  const outValue = (v: CellValue): unknown => (isDate(v) ? new ctx.VDate(v.getTime()) : v);
  const grid = <T>(f: (cell: Cell | undefined) => T): T[][] => {
    const out: T[][] = [];
    for (let i = 0; i < numRows; i++) {
      const r: T[] = [];
      for (let j = 0; j < numCols; j++) r.push(f(sheet.cell(row + i, col + j)));
      out.push(rt.realm.array(r));
    }
    return rt.realm.array(out);
  };
  const forEachCell = (f: (r: number, c: number) => void): void => {
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) f(row + i, col + j);
  };
  /** Visit every value of a checked 2-D argument with its sheet coordinates. */
  const forEachValue = (rows: unknown[][], f: (r: number, c: number, v: unknown) => void): void => {
    for (const [i, r] of rows.entries()) for (const [j, v] of r.entries()) f(row + i, col + j, v);
  };
  /** Check a 2-D argument's shape against the range, with Apps Script's texts. */
  const checkShape = (method: string, data: unknown): unknown[][] => {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) throw rt.error(paramMismatch(q(method), [data]));
    const rows = data as unknown[][];
    if (rows.length !== numRows)
      throw rt.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
      );
    for (const r of rows) {
      if (r.length !== numCols)
        throw rt.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${numCols}.`,
        );
    }
    return rows;
  };
  const setStyle = (method: string, key: string, value: unknown): GasObject =>
    call(method, 'doc-write', n, () => {
      forEachCell((r, c) => {
        const cell = sheet.ensure(r, c);
        if (value === null || value === undefined) {
          if (cell.style) delete cell.style[key];
        } else cell.style = { ...(cell.style ?? {}), [key]: String(value) };
        sheet.tidy(r, c);
      });
      return self;
    });
  const setStyles = (method: string, key: string, data: unknown): GasObject =>
    call(method, 'doc-write', n, () => {
      const rows = checkShape(method, data);
      forEachValue(rows, (r, c, v) => {
        const cell = sheet.ensure(r, c);
        cell.style = { ...(cell.style ?? {}), [key]: String(v) };
      });
      return self;
    });
  const styleOf = (key: string, dflt: string) => sheet.cell(row, col)?.style?.[key] ?? dflt;

  const api = {
    toString: () => 'Range',
    getSheet: () => call('getSheet', 'doc', 0, () => ctx.sheet(sheet)),
    getGridId: () => call('getGridId', 'doc', 0, () => sheet.id),
    getRow: () => call('getRow', 'doc', 0, () => row),
    getColumn: () => call('getColumn', 'doc', 0, () => col),
    getLastRow: () => call('getLastRow', 'doc', 0, () => row + numRows - 1),
    getLastColumn: () => call('getLastColumn', 'doc', 0, () => col + numCols - 1),
    getNumRows: () => call('getNumRows', 'doc', 0, () => numRows),
    getNumColumns: () => call('getNumColumns', 'doc', 0, () => numCols),
    getHeight: () => call('getHeight', 'doc', 0, () => numRows),
    getWidth: () => call('getWidth', 'doc', 0, () => numCols),
    getA1Notation: () => call('getA1Notation', 'doc', 0, () => formatA1(row, col, numRows, numCols)),

    getValues: () => call('getValues', 'doc', n, () => grid((c) => outValue(c?.value ?? ''))),
    getValue: () => call('getValue', 'doc', 1, () => outValue(sheet.cell(row, col)?.value ?? '')),
    getDisplayValues: () => call('getDisplayValues', 'doc', n, () => grid((c) => displayValue(c?.value ?? '', c?.format, ctx.model.timeZone))),
    getDisplayValue: () =>
      call('getDisplayValue', 'doc', 1, () => {
        const c = sheet.cell(row, col);
        return displayValue(c?.value ?? '', c?.format, ctx.model.timeZone);
      }),
    getFormulas: () => call('getFormulas', 'doc', n, () => grid((c) => c?.formula ?? '')),
    getFormula: () => call('getFormula', 'doc', 1, () => sheet.cell(row, col)?.formula ?? ''),
    getNumberFormats: () => call('getNumberFormats', 'doc', n, () => grid((c) => c?.format ?? 'General')),
    getNumberFormat: () => call('getNumberFormat', 'doc', 1, () => sheet.cell(row, col)?.format ?? 'General'),
    getNotes: () => call('getNotes', 'doc', n, () => grid((c) => c?.note ?? '')),
    getNote: () => call('getNote', 'doc', 1, () => sheet.cell(row, col)?.note ?? ''),
    getBackground: () => call('getBackground', 'doc', 1, () => styleOf('background', '#ffffff')),
    getFontWeight: () => call('getFontWeight', 'doc', 1, () => styleOf('fontWeight', 'normal')),
    getHorizontalAlignment: () => call('getHorizontalAlignment', 'doc', 1, () => styleOf('horizontalAlignment', 'general')),
    getWrap: () => call('getWrap', 'doc', 1, () => styleOf('wrap', 'true') === 'true'),
    isBlank: () =>
      call('isBlank', 'doc', n, () => {
        let blank = true;
        forEachCell((r, c) => {
          const cell = sheet.cell(r, c);
          if (cell && (cell.value !== '' || cell.formula !== undefined)) blank = false;
        });
        return blank;
      }),

    setValues: (values: unknown) =>
      call('setValues', 'doc-write', n, () => {
        const rows = checkShape('setValues', values);
        checkCellLengths(ctx, rows);
        forEachValue(rows, (r, c, v) => writeCell(ctx, sheet, r, c, v));
        return self;
      }),
    setValue: (value: unknown) =>
      call('setValue', 'doc-write', n, () => {
        checkCellLengths(ctx, [[value]]);
        forEachCell((r, c) => writeCell(ctx, sheet, r, c, value));
        return self;
      }),
    setFormula: (formula: unknown) =>
      call('setFormula', 'doc-write', n, () => {
        if (typeof formula !== 'string') throw rt.error(paramMismatch(q('setFormula'), [formula]));
        forEachCell((r, c) => writeCell(ctx, sheet, r, c, formula));
        return self;
      }),
    setFormulas: (formulas: unknown) =>
      call('setFormulas', 'doc-write', n, () => {
        const rows = checkShape('setFormulas', formulas);
        forEachValue(rows, (r, c, v) => writeCell(ctx, sheet, r, c, v));
        return self;
      }),
    setNumberFormat: (format: unknown) =>
      call('setNumberFormat', 'doc-write', n, () => {
        if (typeof format !== 'string') throw rt.error(paramMismatch(q('setNumberFormat'), [format]));
        forEachCell((r, c) => {
          sheet.ensure(r, c).format = format;
        });
        return self;
      }),
    setNumberFormats: (formats: unknown) =>
      call('setNumberFormats', 'doc-write', n, () => {
        const rows = checkShape('setNumberFormats', formats);
        forEachValue(rows, (r, c, v) => {
          sheet.ensure(r, c).format = String(v);
        });
        return self;
      }),
    setNote: (note: unknown) =>
      call('setNote', 'doc-write', n, () => {
        forEachCell((r, c) => {
          sheet.ensure(r, c).note = note === null || note === undefined || note === '' ? undefined : String(note);
          sheet.tidy(r, c);
        });
        return self;
      }),
    setNotes: (notes: unknown) =>
      call('setNotes', 'doc-write', n, () => {
        const rows = checkShape('setNotes', notes);
        forEachValue(rows, (r, c, v) => {
          sheet.ensure(r, c).note = v === null || v === undefined || v === '' ? undefined : String(v);
          sheet.tidy(r, c);
        });
        return self;
      }),
    clearContent: () =>
      call('clearContent', 'doc-write', n, () => {
        sheet.clearRect(row, col, numRows, numCols, { contents: true });
        return self;
      }),
    clearFormat: () =>
      call('clearFormat', 'doc-write', n, () => {
        sheet.clearRect(row, col, numRows, numCols, { formats: true });
        return self;
      }),
    clearNote: () =>
      call('clearNote', 'doc-write', n, () => {
        sheet.clearRect(row, col, numRows, numCols, { notes: true });
        return self;
      }),
    clear: (options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }) =>
      call('clear', 'doc-write', n, () => {
        const only = options && (options.contentsOnly || options.formatOnly || options.commentsOnly);
        sheet.clearRect(
          row,
          col,
          numRows,
          numCols,
          only ? { contents: !!options.contentsOnly, formats: !!options.formatOnly, notes: !!options.commentsOnly } : { contents: true, formats: true },
        );
        return self;
      }),
    setFontWeight: (v: unknown) => setStyle('setFontWeight', 'fontWeight', v),
    setFontWeights: (v: unknown) => setStyles('setFontWeights', 'fontWeight', v),
    setFontStyle: (v: unknown) => setStyle('setFontStyle', 'fontStyle', v),
    setFontColor: (v: unknown) => setStyle('setFontColor', 'fontColor', v),
    setFontSize: (v: unknown) => setStyle('setFontSize', 'fontSize', v),
    setFontFamily: (v: unknown) => setStyle('setFontFamily', 'fontFamily', v),
    setBackground: (v: unknown) => setStyle('setBackground', 'background', v),
    setBackgrounds: (v: unknown) => setStyles('setBackgrounds', 'background', v),
    setWrap: (v: unknown) => setStyle('setWrap', 'wrap', v),
    setHorizontalAlignment: (v: unknown) => setStyle('setHorizontalAlignment', 'horizontalAlignment', v),
    setVerticalAlignment: (v: unknown) => setStyle('setVerticalAlignment', 'verticalAlignment', v),

    sort: (spec: unknown) =>
      call('sort', 'doc-write', n, () => {
        const keys = sortKeys(spec);
        if (!keys) throw rt.error(paramMismatch(q('sort'), [spec]));
        if (keys.some((k) => k.column < col || k.column >= col + numCols)) throw rt.error('Column specified in sort spec must be within the range.');
        sortRect(sheet, row, col, numRows, numCols, keys);
        return self;
      }),
    offset: (...args: unknown[]) =>
      call('offset', 'doc', 0, () => {
        if (args.length < 2 || args.length > 4 || args.some((a) => typeof a !== 'number' || Number.isNaN(a))) throw rt.error(paramMismatch(q('offset'), args));
        const [rowOffset, columnOffset, nr, nc] = args as [number, number, number | undefined, number | undefined];
        const r = row + Math.trunc(rowOffset);
        const c = col + Math.trunc(columnOffset);
        const rr = nr === undefined ? numRows : Math.trunc(nr);
        const cc = nc === undefined ? numCols : Math.trunc(nc);
        const err = rectError(sheet, r, c, rr, cc);
        if (err) throw rt.error(err);
        return ctx.range(sheet, r, c, rr, cc);
      }),
    getCell: (r: number, c: number) =>
      call('getCell', 'doc', 0, () => {
        if (typeof r !== 'number' || typeof c !== 'number') throw rt.error(paramMismatch(q('getCell'), [r, c]));
        if (r < 1 || c < 1 || r > numRows || c > numCols) throw rt.error('Cell reference out of range');
        return ctx.range(sheet, row + r - 1, col + c - 1, 1, 1);
      }),
    activate: () =>
      call('activate', 'doc-write', 0, () => {
        ctx.model.activeSheetId = sheet.id;
        ctx.model.activeRange = { sheetId: sheet.id, row, col, numRows, numCols };
        return self;
      }),
  };
  const self: GasObject = rt.strict('Range', api);
  return self;
}
