/**
 * external_id generation and write-back.
 *
 * Every row sent to a provider needs an id to key its results by. The mapped id column is used
 * as it is; where a cell is empty the add-on writes a generated id into it, before anything is
 * sent, so the id lives in the row from then on (sorting and inserting rows move it along).
 *
 * Id scheme: `row-<sheetId>-<rowNumber>-<digest>`, where digest is 6 base-36 chars of an FNV-1a
 * hash of the row's other cells. It is stable across re-runs for the same row in the same
 * state (a preview and the submit after it agree; a run killed before the write-back makes the
 * same ids next time). The digest keeps a row inserted later at a used position (row 5 again)
 * from repeating the id an older, moved row already carries; any remaining clash with an id in
 * the column gets `-2`, `-3`.
 */
import { cellText, isDate, needsTextFormat } from './cells';
import { EXTERNAL_ID_KEY, normalizeHeader, type Mapping } from './headers';
import type { Source } from './source';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Matches the ids this module generates (so rewriting one is known to be harmless). */
const GENERATED_ID = /^row-\d+-\d+-[0-9a-z]{6}(-\d+)?$/;

/** 32-bit FNV-1a of a string, as 6 base-36 chars. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0').slice(-6);
}

/**
 * The generated id of one row: `row-<sheetId>-<rowNumber>-<digest of the row's cells>`.
 * `skipColumn` (the id column's index in `row`) is left out of the digest.
 */
export function generateExternalId(sheetId: number, rowNumber: number, row: readonly unknown[], skipColumn = -1): string {
  const text = row.map((c, i) => (i === skipColumn ? '' : cellText(c))).join('\u001f');
  return `row-${sheetId}-${rowNumber}-${digest(text)}`;
}

/** True for ids `generateExternalId` makes (with or without a `-2` clash suffix). */
export function isGeneratedId(s: string): boolean {
  return GENERATED_ID.test(s);
}

/** Result of `fillExternalIds`. */
export interface FilledIds {
  /** The id column with blanks filled (non-empty user cells untouched, empty rows left blank). */
  column: unknown[];
  /** 0-based indices (into `column`) that received a generated id. */
  changed: number[];
}

/**
 * Pure: fill the blank cells of an id column. `column[i]` is the id cell of `rows[i]`, which is
 * sheet row `firstRowNumber + i`. Rows that are empty apart from the id cell get no id.
 */
export function fillExternalIds(
  column: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  sheetId: number,
  firstRowNumber: number,
  idColumnInRow = -1,
): FilledIds {
  const taken = new Set(column.map((c) => cellText(c)).filter((t) => t !== ''));
  const out = column.slice();
  const changed: number[] = [];
  rows.forEach((row, i) => {
    if (cellText(column[i]) !== '') return;
    if (row.every((c, ci) => ci === idColumnInRow || cellText(c) === '')) return;
    const base = generateExternalId(sheetId, firstRowNumber + i, row, idColumnInRow);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    out[i] = id;
    changed.push(i);
  });
  return { column: out, changed };
}

/** One planned write into the id column: `values` go to data rows `start .. start + values.length - 1`. */
export interface ColumnWrite {
  start: number;
  values: unknown[];
}

/** Contiguous runs of sorted indices: [[3,4,5],[9]]. */
function runsOf(indices: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const i of indices) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  }
  return runs;
}

/** A value `setValues` writes back unchanged into a cell in the default format. */
function rewritesToItself(v: unknown): boolean {
  if (typeof v === 'string') return !needsTextFormat(v);
  return v === null || typeof v === 'number' || typeof v === 'boolean' || isDate(v);
}

/**
 * Pure: plan the id column writes. One write over the span from the first to the last filled
 * cell when every cell in between is known to survive being written back as read; otherwise one
 * write per run of filled cells. `formulas(start, end)` (the span's `getFormulas`, called at most
 * once and only when the span holds user cells) decides whether a user cell could be a formula.
 */
export function planIdWrites(
  original: readonly unknown[],
  filled: readonly unknown[],
  changed: readonly number[],
  formulas: (start: number, end: number) => string[],
): ColumnWrite[] {
  const runs = runsOf(changed);
  const first = runs[0]?.[0];
  const lastRun = runs[runs.length - 1];
  const last = lastRun?.[lastRun.length - 1];
  if (first === undefined || last === undefined) return [];
  const span: ColumnWrite = { start: first, values: filled.slice(first, last + 1) };
  if (runs.length === 1) return [span];
  const isChanged = new Set(changed);
  const kept = original
    .slice(first, last + 1)
    .map((v, i) => ({ v, i }))
    .filter(({ i }) => !isChanged.has(first + i));
  // Our own ids are literal strings we wrote: rewriting them is safe without looking further.
  if (kept.every(({ v }) => typeof v === 'string' && isGeneratedId(v))) return [span];
  if (kept.every(({ v }) => rewritesToItself(v) || (typeof v === 'string' && isGeneratedId(v)))) {
    const f = formulas(first, last);
    if (kept.every(({ i }) => (f[i] ?? '') === '')) return [span];
  }
  return runs.map((run) => ({ start: run[0] ?? 0, values: run.map((i) => filled[i]) }));
}

/** Options of `ensureExternalIds`. */
export interface EnsureIdsOptions {
  /** The id field key (default `external_id`); also the header of a created column. */
  idKey?: string;
}

/** What `ensureExternalIds` did. */
export interface EnsureIdsResult {
  /** 1-based sheet column of the id column. */
  column: number;
  /** True when the column was created by this call. */
  created: boolean;
  /** The ids written, by sheet row. */
  generated: Array<{ rowNumber: number; id: string }>;
  /** `mapping` plus the id key; when the id column is outside the block it is one extra column at the right of `values`. */
  mapping: Mapping;
  /** The source values with the ids filled in; feed these to `rowsToRecords`. */
  values: unknown[][];
}

/** The id column in the block: the mapped one, else a column headed `external_id`, else -1. */
export function findIdColumnInBlock(source: Pick<Source, 'headers'>, mapping: Mapping, idKey: string): number {
  const mapped = mapping[idKey];
  if (mapped !== undefined) return mapped;
  const wanted = normalizeHeader(idKey);
  return source.headers.findIndex((h) => normalizeHeader(h) === wanted);
}

/**
 * Make sure every non-empty data row of `source` has an id, writing generated ids into the
 * sheet. Uses the mapped id column, else a column headed `external_id` (searched in the block,
 * then once in the sheet's whole header row when the block is narrower than the sheet), else
 * creates one after the last used column (header `external_id`, formatted `@`, grid grown when
 * full). Never overwrites a non-empty cell. Writes with one `setValues` (see `planIdWrites` for
 * the rare case of several).
 */
export function ensureExternalIds(source: Source, mapping: Mapping, opts: EnsureIdsOptions = {}): EnsureIdsResult {
  const idKey = opts.idKey ?? EXTERNAL_ID_KEY;
  const { sheet } = source;
  const width = source.values.reduce((w, r) => Math.max(w, r.length), 0);
  const dataValues = source.values.slice(source.headerRowIndex + 1);
  const n = dataValues.length;
  let inBlock = findIdColumnInBlock(source, mapping, idKey);
  let column: number;
  let created = false;
  let original: unknown[];

  if (inBlock >= 0) {
    column = source.firstColumn + inBlock;
    // What the cells hold (not their displayed text): the write-back plan compares against it.
    original = source.raw.slice(source.headerRowIndex + 1).map((r) => r[inBlock] ?? '');
  } else {
    const { found, lastColumn } = findIdColumnOutside(sheet, source, width, idKey);
    if (found !== undefined) {
      column = found;
      original =
        n > 0
          ? sheet
              .getRange(source.firstDataRow, column, n, 1)
              .getValues()
              .map((r) => r[0])
          : [];
    } else {
      column = lastColumn + 1;
      created = true;
      original = dataValues.map(() => '');
    }
  }

  const sheetId = sheet.getSheetId();
  const filled = fillExternalIds(original, dataValues, sheetId, source.firstDataRow, inBlock);
  if (created && filled.changed.length > 0) writeCreatedColumn(sheet, source, column, idKey, filled.column);
  else if (!created) {
    const writes = planIdWrites(original, filled.column, filled.changed, (start, end) =>
      sheet
        .getRange(source.firstDataRow + start, column, end - start + 1, 1)
        .getFormulas()
        .map((r) => r[0] ?? ''),
    );
    for (const w of writes) sheet.getRange(source.firstDataRow + w.start, column, w.values.length, 1).setValues(w.values.map((v) => [v]));
  }

  // Hand back values that already hold the ids, so records can be built without another read.
  const values = source.values.map((r) => r.slice());
  if (inBlock < 0) {
    inBlock = width;
    values.forEach((r, i) => {
      while (r.length < width) r.push('');
      r.push(i === source.headerRowIndex ? idKey : i > source.headerRowIndex ? filled.column[i - source.headerRowIndex - 1] : '');
    });
  } else {
    filled.changed.forEach((i) => {
      const row = values[source.headerRowIndex + 1 + i];
      if (row !== undefined) row[inBlock] = filled.column[i];
    });
  }
  return {
    column,
    created: created && filled.changed.length > 0,
    generated: filled.changed.map((i) => ({ rowNumber: source.firstDataRow + i, id: String(filled.column[i]) })),
    mapping: { ...mapping, [idKey]: inBlock },
    values,
  };
}

/** Look for an `external_id` header outside the block (one read of the sheet's header row, only when the block is narrower than the sheet). */
function findIdColumnOutside(sheet: Sheet, source: Source, width: number, idKey: string): { found: number | undefined; lastColumn: number } {
  const lastColumn = sheet.getLastColumn();
  if (source.firstColumn === 1 && width >= lastColumn) return { found: undefined, lastColumn };
  const wanted = normalizeHeader(idKey);
  const row = sheet.getRange(source.headerRow, 1, 1, lastColumn).getValues()[0] ?? [];
  const idx = row.findIndex((h) => normalizeHeader(cellText(h)) === wanted);
  return { found: idx >= 0 ? idx + 1 : undefined, lastColumn };
}

/** Header + ids in one setValues, the whole column formatted `@` first (typed ids stay text too). */
function writeCreatedColumn(sheet: Sheet, source: Source, column: number, idKey: string, ids: readonly unknown[]): void {
  const maxColumns = sheet.getMaxColumns();
  // setValues does not grow the grid: add the column first.
  if (column > maxColumns) sheet.insertColumnsAfter(maxColumns, column - maxColumns);
  const maxRows = sheet.getMaxRows();
  sheet.getRange(source.headerRow, column, maxRows - source.headerRow + 1, 1).setNumberFormat('@');
  sheet.getRange(source.headerRow, column, ids.length + 1, 1).setValues([[idKey], ...ids.map((v) => [v])]);
}
