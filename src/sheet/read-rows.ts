/**
 * The one reader of source rows, for every provider and for preview and submit alike: ONE read of
 * the block (source.ts), the mapping (given, guessed from the headers, and found again by the
 * header text it was made with: mapping-headers.ts), records with their external_ids, and the
 * sentences for values Sheets changed (sheets-changed.ts). Nothing is written: a submit that
 * generates ids calls `writeIds` on the same read, which writes them back and rebuilds the
 * records from the values in hand (no second read).
 */
import { ensureExternalIds, fillExternalIds, findIdColumnInBlock } from './external-ids';
import { SheetError } from './errors';
import { EXTERNAL_ID_KEY, guessMapping, type FieldSpec, type Mapping } from './headers';
import { resolveByHeader, type MappingHeaders } from './mapping-headers';
import { rowsToRecords, type RecordsResult } from './records';
import { brokenPhoneIndexes, sourceChangedHints, withoutBrokenPhones } from './sheets-changed';
import { readSource, type Source, type SourceSpec } from './source';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Which columns hold which field: given by the user, or guessed; `headers` re-finds moved columns. */
export interface MappingSpec {
  /** Field -> 0-based column in the block, or made from the headers; absent: guessed from them. */
  columns?: Mapping | ((headers: readonly string[]) => Mapping) | undefined;
  /** Field -> the header text its column had when the mapping was made. */
  headers?: MappingHeaders | undefined;
}

export interface ReadRowsOptions {
  /** Data rows above this are refused before the block is read whole (sheet/limits.ts). */
  maxRows: number;
  /**
   * `generate`: rows without an external_id get the id the submit will write (previewed here);
   * `keep`: ids are taken as they are (gu1 finds entities by the id the user has).
   */
  ids: 'generate' | 'keep';
  /** Read date cells in the spreadsheet's zone (default true). */
  sheetTimeZone?: boolean;
  /** "Send without the phone": rows whose phone cell shows #ERROR! go out without it (sheets-changed.ts). */
  withoutBrokenPhones?: boolean;
}

/** What `readRows` read: the block, the mapping used, the records and what the preview says. */
export interface RowsRead extends RecordsResult {
  block: Source;
  /** The mapping used: given or guessed, columns found again by header. */
  mapping: Mapping;
  /** Ids the submit generates (and writes back) for rows without one. */
  idsToGenerate: number;
  /** Values Sheets changed: ids that lost leading zeros, `#ERROR!` phone cells (sheets-changed.ts). */
  hints: string[];
  /** Sheet rows whose phone cell shows `#ERROR!` with no phone number in its formula. */
  brokenPhoneRows: number[];
  fields: readonly FieldSpec[];
  timeZone: string | undefined;
}

/** The mapping with each column found again by its stored header text; throws the sentence when one is gone. */
export function resolveMapping(columns: Mapping, headers: MappingHeaders | undefined, blockHeaders: readonly string[]): Mapping {
  const r = resolveByHeader(columns, headers, blockHeaders);
  if ('problem' in r) throw new SheetError('HEADER_GONE', r.problem);
  return r.mapping;
}

/** The mapped field that holds phone numbers (its `#ERROR!` cells are named in the preview). */
function phoneKey(mapping: Mapping): string {
  return Object.keys(mapping).find((k) => /phone/i.test(k)) ?? 'phone';
}

/** Read `source` once and turn its rows into records (see the module doc). Throws SheetError sentences. */
export function readRows(ss: Spreadsheet, source: SourceSpec, spec: MappingSpec, fields: readonly FieldSpec[], opts: ReadRowsOptions): RowsRead {
  const read = readSource(ss, source, opts.maxRows);
  const columns = typeof spec.columns === 'function' ? spec.columns(read.headers) : (spec.columns ?? guessMapping(read.headers, fields));
  const mapping = resolveMapping(columns, spec.headers, read.headers);
  const phone = phoneKey(mapping);
  const withoutPhone = opts.withoutBrokenPhones === true;
  const block = withoutPhone ? withoutBrokenPhones(read, mapping[phone]) : read;
  const timeZone = opts.sheetTimeZone === false ? undefined : block.timeZone;
  const recordOpts = { fields, firstRow: block.firstRow, ...(timeZone === undefined ? {} : { timeZone }) };
  const hints = sourceChangedHints(read, mapping, withoutPhone, EXTERNAL_ID_KEY, phone);
  const brokenPhoneRows = brokenPhoneIndexes(read, mapping[phone]).map((i) => read.firstRow + i);
  const base = { block, mapping, hints, brokenPhoneRows, fields, timeZone };
  if (opts.ids === 'keep') return { ...rowsToRecords(block.values, block.headerRowIndex, mapping, recordOpts), ...base, idsToGenerate: 0 };
  // The ids the write would generate, without writing them (the same stable ids: external-ids.ts).
  // The column the write would use: mapped, else one headed external_id (external-ids.ts).
  const found = findIdColumnInBlock(block, mapping, EXTERNAL_ID_KEY);
  const idCol = found >= 0 ? found : undefined;
  const data = block.values.slice(block.headerRowIndex + 1);
  const column = data.map((r) => (idCol === undefined ? '' : (r[idCol] ?? '')));
  const filled = fillExternalIds(column, data, block.sheet.getSheetId(), block.firstDataRow, idCol ?? -1);
  const width = block.values.reduce((w, r) => Math.max(w, r.length), 0);
  const at = idCol ?? width;
  const values = block.values.map((r, i) => {
    if (i <= block.headerRowIndex) return r;
    const row = r.slice();
    row[at] = filled.column[i - block.headerRowIndex - 1];
    return row;
  });
  const records = rowsToRecords(values, block.headerRowIndex, { ...mapping, [EXTERNAL_ID_KEY]: at }, recordOpts);
  return { ...records, ...base, idsToGenerate: filled.changed.length };
}

/**
 * Write the ids `read` previewed into the sheet (one setValues; never over a non-empty cell) and
 * rebuild its records from the values in hand. Call it only once the rows passed the checks.
 */
export function writeIds(read: RowsRead): RowsRead & { idsGenerated: number } {
  const ids = ensureExternalIds(read.block, read.mapping);
  const recordOpts = { fields: read.fields, firstRow: read.block.firstRow, ...(read.timeZone === undefined ? {} : { timeZone: read.timeZone }) };
  const records = rowsToRecords(ids.values, read.block.headerRowIndex, ids.mapping, recordOpts);
  return { ...read, ...records, idsToGenerate: 0, idsGenerated: ids.generated.length };
}
