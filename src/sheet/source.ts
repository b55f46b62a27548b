/**
 * Reading a source block with one `getValues`: a whole sheet (its data range), an A1 range, or
 * the user's selection. Everything after this (header guess, records, ids) works on the values.
 */
import * as z from 'zod/mini';
import { SheetError } from './errors';
import { detectHeaderRow, headerNames } from './headers';
import { cellText } from './cells';
import { asDisplayed, needsDisplay } from './displayed';
import { MAX_SOURCE_ROWS, tooManyRowsMessage } from './limits';
import { hasErrorCells, readPhonesBack, type TypedBack } from './sheets-changed';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Which block to read: a sheet by name, an A1 range (`Sheet1!A1:F30`), or the active selection. */
export type SourceSpec = { sheetName: string } | { a1: string } | 'selection';

/** A block read from a sheet. `values[0][0]` sits at sheet row `firstRow`, column `firstColumn`. */
export interface Source {
  sheet: Sheet;
  /** 1-based sheet row of `values[0]`. */
  firstRow: number;
  /** 1-based sheet column of `values[*][0]`; mapping indices count from here. */
  firstColumn: number;
  /** 0-based index of the header row in `values`. */
  headerRowIndex: number;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** The header cells as trimmed text, one per column of the block. */
  headers: string[];
  /** Every row read, header included, booleans and numbers as displayed (displayed.ts); trailing empty rows are dropped. */
  values: unknown[][];
  /** The same rows exactly as `getValues` returned them (what writing back compares against). */
  raw: unknown[][];
  /** `#ERROR!` cells whose typed phone number was read back from the formula (sheets-changed.ts). */
  typedBack: TypedBack[];
  /** 1-based sheet row of the first row below the header. */
  firstDataRow: number;
  /** The spreadsheet's time zone, for reading date cells (`RowsToRecordsOptions.timeZone`). */
  timeZone: string;
}

/** Split `Sheet1!A1:F30` / `'My sheet'!A1:F30` into the sheet name (or undefined) and the range. */
export function splitA1(a1: string): { sheetName: string | undefined; range: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(a1.trim());
  if (quoted) return { sheetName: (quoted[1] ?? '').replace(/''/g, "'"), range: quoted[2] ?? '' };
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: undefined, range: a1.trim() };
  return { sheetName: a1.slice(0, bang).trim(), range: a1.slice(bang + 1).trim() };
}

function sheetByName(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (sheet === null) throw new SheetError('SHEET_NOT_FOUND', `There is no sheet named "${name}". Pick a sheet from the list or check its name.`);
  return sheet;
}

function resolveRange(ss: Spreadsheet, spec: SourceSpec): { range: Range; label: string; mode: 'data' | 'selection' } {
  if (spec === 'selection') {
    const range = ss.getActiveRange();
    if (range === null) throw new SheetError('NO_SELECTION', 'Nothing is selected. Select the header row and the data rows, then try again.');
    if (range.getNumRows() < 2)
      throw new SheetError('SELECTION_ONE_ROW', 'The selection has only one row. Select the header row and at least one data row below it.');
    return { range, label: 'The selection', mode: 'selection' };
  }
  if ('sheetName' in spec) {
    const sheet = sheetByName(ss, spec.sheetName);
    return { range: sheet.getDataRange(), label: `Sheet "${spec.sheetName}"`, mode: 'data' };
  }
  const { sheetName, range: a1 } = splitA1(spec.a1);
  const sheet = sheetName === undefined ? ss.getActiveSheet() : sheetByName(ss, sheetName);
  let range: Range;
  try {
    range = sheet.getRange(a1);
  } catch (e) {
    const why = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
    throw new SheetError('BAD_RANGE', `"${spec.a1}" is not a range this sheet has (${why}). Use a range like Sheet1!A1:F30.`);
  }
  if (range.getNumRows() < 2)
    throw new SheetError('SELECTION_ONE_ROW', `The range ${spec.a1} has only one row. Include the header row and at least one data row.`);
  return { range, label: `The range ${spec.a1}`, mode: 'data' };
}

/**
 * Read a source block with ONE `getValues` (plus `getDisplayValues` when it holds booleans or
 * numbers: they are sent as displayed, see displayed.ts) (the data range of a sheet, an A1 range, or the
 * selection). The header is the first non-empty row of a sheet or range, and the first row of
 * a selection (the user chose it). Throws `SheetError` (SHEET_NOT_FOUND, NO_SELECTION,
 * SELECTION_ONE_ROW, BAD_RANGE, SHEET_EMPTY, NO_HEADERS, TOO_MANY_ROWS above `maxRows` data rows,
 * before the full read) with a sentence for the user.
 */
export function readSource(ss: Spreadsheet, spec: SourceSpec, maxRows: number = MAX_SOURCE_ROWS): Source {
  const { range, label, mode } = resolveRange(ss, spec);
  // Refuse an oversized source before reading it whole (trailing empty rows of A:F do not count).
  const rows = Math.min(range.getNumRows(), range.getSheet().getLastRow() - range.getRow() + 1) - 1;
  if (rows > maxRows) throw new SheetError('TOO_MANY_ROWS', tooManyRowsMessage(label, rows, maxRows));
  const raw = range.getValues() as unknown[][];
  // Whole-column ranges (A:F) and stale data ranges end in empty rows: they are not "empty rows".
  let end = raw.length;
  while (end > 0 && (raw[end - 1] ?? []).every((c) => cellText(c) === '')) end--;
  raw.length = end;
  // Booleans and numbers go out as displayed (one more read, only when the block has any).
  const shown = needsDisplay(raw) ? asDisplayed(raw, range.getDisplayValues()) : raw;
  // A phone typed as +49 30 1234567 became a formula showing #ERROR!: read the typed text back.
  const { values, typedBack } = hasErrorCells(shown) ? readPhonesBack(shown, range.getFormulas()) : { values: shown, typedBack: [] };
  if (end === 0) throw new SheetError('SHEET_EMPTY', `${label} is empty. Put a header row and data rows in it first.`);
  const headerRowIndex = detectHeaderRow(values, mode);
  if (headerRowIndex < 0) throw new SheetError('NO_HEADERS', `${label} starts with an empty row. Its first row must hold the column headers.`);
  const firstRow = range.getRow();
  return {
    sheet: range.getSheet(),
    firstRow,
    firstColumn: range.getColumn(),
    headerRowIndex,
    headerRow: firstRow + headerRowIndex,
    headers: headerNames(values[headerRowIndex] ?? []),
    values,
    raw,
    typedBack,
    firstDataRow: firstRow + headerRowIndex + 1,
    timeZone: ss.getSpreadsheetTimeZone(),
  };
}

/** A source a job can read again later: a sheet by name, or a fixed A1 range (a pinned selection). */
export const PinnedSourceSchema = z.union([z.object({ sheetName: z.string() }), z.object({ a1: z.string() })]);
export type PinnedSource = z.infer<typeof PinnedSourceSchema>;

/** The sheet a pinned source reads (undefined for an A1 range without a sheet name). */
export function pinnedSheetName(pinned: PinnedSource): string | undefined {
  return 'sheetName' in pinned ? pinned.sheetName : splitA1(pinned.a1).sheetName;
}

/**
 * The block as a fixed A1 range with its sheet (`'My sheet'!A1:F30`), so a later run reads the
 * same rows even after the user's selection moved.
 */
export function pinSource(block: Source): { a1: string } {
  const sheetName = block.sheet.getName().replace(/'/g, "''");
  const cols = block.values.reduce((w, r) => Math.max(w, r.length), 0);
  const a1 = block.sheet.getRange(block.firstRow, block.firstColumn, block.values.length, Math.max(1, cols)).getA1Notation();
  return { a1: `'${sheetName}'!${a1}` };
}
