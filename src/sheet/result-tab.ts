/**
 * The result-tab writer every provider reuses: upsert rows by key into a tab, with few Sheets calls.
 *
 * `openResultTab` reads the tab once (one `getValues` of its data range; none for a new tab) and
 * keeps the header, the rows and a key index in memory, so a job can `upsert` page after page in
 * one execution without reading again. Writing the same rows twice leaves the sheet as it was.
 *
 * Ownership: the writer owns the columns named in `spec.columns` (and the keys) plus every column
 * a later page brings; new columns go at the right end of the header. It never reorders, drops
 * or writes columns the user added, and never writes cells of rows it does not change.
 * A field that is `undefined` (or absent) in a row leaves the cell as it is; `null` clears it.
 *
 * setValues rule: the changed and appended rows (and the header when it changed) are grouped
 * into row blocks (./row-blocks.ts); two neighbouring blocks are merged over the unchanged rows
 * between them only where rewriting those rows is exact (no formula, the `@` format: one
 * `getFormulas` + `getNumberFormats` of the merged block tells), so a user's formula or format in
 * an unchanged row is never touched. Each block is written with one `setValues` per contiguous run of owned columns (one
 * run unless the user inserted a column among ours). A 10,000-row page into a new tab is one
 * `setValues`; updating 10% of the rows scattered over the tab is also one. Every block gets the
 * `@` number format right before its values, so strings stay literal; numbers and booleans are
 * written as such.
 */
import { cellText, isDate, toCell, type CellValue } from './cells';
import { SheetError } from './errors';
import { columnRuns, exactRewrite, planRowBlocks, splitAtKeptRows, type RowBlock } from './row-blocks';

import { claimTab, headerStartsWith, MAX_TAB_NAME_CHARS } from './tab-names';

export { columnRuns, GAP_BUDGET_CELLS, planRowBlocks, type RowBlock } from './row-blocks';
export { isOurTab, MAX_TAB_NAME_CHARS, RESULT_TAB_MARK, uniqueTabName } from './tab-names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows are added in steps of this size, so page after page does not grow the grid each time. */
const ROW_GROWTH_STEP = 1_000;

/** What a result tab holds. */
export interface ResultTabSpec {
  /** The exact tab name (see `uniqueTabName` for a fresh one). */
  tabName: string;
  /** The columns that identify a row, e.g. `['external_id']` or `['external_id', 'integration_code']`. */
  keyColumns: string[];
  /** Header order for a new tab, keys first; fields not listed are appended when they arrive. */
  columns: string[];
  /** A note on A1 (e.g. the job summary). */
  note?: string;
  /** Who writes it (a job id): finds the tab made instead when the user holds `tabName`. */
  owner?: string;
  /** Names not to take when the user holds `tabName` (other jobs' tabs); called only then. */
  reserved?: () => Iterable<string>;
  /**
   * The writer made this tab before tabs were marked (a job of an older version): an unmarked tab of
   * that name whose header starts with the key columns is its own, adopted and marked.
   */
  legacy?: boolean;
}

/** The outcome of one upsert. */
export interface UpsertResult {
  /** Rows appended. */
  inserted: number;
  /** Rows whose owned cells changed. */
  updated: number;
  /** Rows already exactly as given (not written). */
  unchanged: number;
  /** Rows without a value in every key column (not written). */
  skipped: number;
  /** Header names appended by this upsert. */
  columnsAdded: string[];
}

/** An open result tab; keeps its header, rows and key index in memory for one execution. */
export interface ResultTab {
  /** The tab. */
  readonly sheet: Sheet;
  /** Upsert rows (field -> value, flattened by `toCell`) by key; see the module doc for the write rule. */
  upsert(rows: ReadonlyArray<Record<string, unknown>>): UpsertResult;
  /** True when a row with these key values is in the tab (in key-column order). */
  hasKey(...keyValues: unknown[]): boolean;
  /** Number of keyed rows in the tab. */
  rowCount(): number;
  /** The header as it stands (user columns included). */
  header(): readonly string[];
  /** Replace the note on A1. */
  setNote(note: string): void;
}

/** Two cell values that read back the same (`''`, null and undefined are all an empty cell). */
function sameCell(a: unknown, b: unknown): boolean {
  const ea = a === '' || a === null || a === undefined;
  const eb = b === '' || b === null || b === undefined;
  if (ea || eb) return ea && eb;
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return a === b;
}

/** One key part as text, the same whether it came from `getValues` or from an API row. */
function keyPart(v: unknown): string {
  return cellText(toCell(v));
}

function checkSpec(spec: ResultTabSpec): void {
  if (spec.tabName.trim() === '' || spec.tabName.length > MAX_TAB_NAME_CHARS)
    throw new SheetError('BAD_SPEC', `A result tab needs a name of 1 to ${MAX_TAB_NAME_CHARS} characters.`);
  if (spec.keyColumns.length === 0) throw new SheetError('BAD_SPEC', `Result tab "${spec.tabName}" needs at least one key column.`);
}

/**
 * Open (or create) a result tab and read it once. The header (bold, frozen) is written with the
 * first `upsert`, in the same `setValues` as the first rows. A tab of that name the add-on did not
 * create is left alone (see `claimTab`). Throws `SheetError` TAB_NOT_OURS when the tab has data
 * but no header with the key columns.
 */
export function openResultTab(ss: Spreadsheet, spec: ResultTabSpec): ResultTab {
  checkSpec(spec);
  const claimed = claimTab(ss, spec.tabName, spec.owner, spec.reserved, spec.legacy === true ? (sheet) => headerStartsWith(sheet, spec.keyColumns) : undefined);
  const sheet = claimed.sheet;
  const existing = claimed.existing ? sheet : null;
  // A new tab is empty: nothing to read.
  const values: unknown[][] = existing === null ? [] : (existing.getDataRange().getValues() as unknown[][]);
  const headerCells = (values[0] ?? []).map((c) => cellText(c));
  const header: string[] = headerCells.every((h) => h === '') ? [] : headerCells;
  const data: unknown[][] = header.length === 0 ? [] : values.slice(1);
  if (header.length === 0 && values.some((r) => r.some((c) => cellText(c) !== ''))) {
    throw new SheetError(
      'TAB_NOT_OURS',
      `The tab "${spec.tabName}" has data but no header row, so its rows cannot be matched. Rename that tab or choose another name.`,
    );
  }
  if (header.length > 0) {
    const missing = spec.keyColumns.filter((k) => !header.includes(k));
    if (missing.length > 0)
      throw new SheetError(
        'TAB_NOT_OURS',
        `The tab "${spec.tabName}" exists but has no ${missing.join(', ')} column, so its rows cannot be matched. Rename that tab or choose another name.`,
      );
  }
  let writtenHeaderLength = header.length;
  let maxRows = sheet.getMaxRows();
  let maxColumns = sheet.getMaxColumns();
  if (spec.note !== undefined) sheet.getRange(1, 1).setNote(spec.note);

  /** Owned column name -> 0-based position. */
  const owned = new Map<string, number>();
  const added: string[] = [];
  const own = (name: string): void => {
    if (owned.has(name)) return;
    let pos = header.indexOf(name);
    if (pos < 0) {
      pos = header.length;
      header.push(name);
      added.push(name);
    }
    owned.set(name, pos);
  };
  for (const name of [...spec.keyColumns, ...spec.columns]) own(name);

  const keyPositions = spec.keyColumns.map((k) => owned.get(k) ?? -1);
  const index = new Map<string, number>();
  data.forEach((row, i) => {
    const parts = keyPositions.map((p) => keyPart(row[p]));
    const key = parts.join('\u001f');
    // Keyless rows are not ours to match; the first of duplicate keys wins.
    if (parts.every((p) => p !== '') && !index.has(key)) index.set(key, i);
  });

  const grow = (rowsNeeded: number, columnsNeeded: number): void => {
    // setValues never grows the grid; insert first (rows in steps, so pages rarely pay for it).
    if (rowsNeeded > maxRows) {
      const add = Math.ceil((rowsNeeded - maxRows) / ROW_GROWTH_STEP) * ROW_GROWTH_STEP;
      sheet.insertRowsAfter(maxRows, add);
      maxRows += add;
    }
    if (columnsNeeded > maxColumns) {
      sheet.insertColumnsAfter(maxColumns, columnsNeeded - maxColumns);
      maxColumns = columnsNeeded;
    }
  };

  /** Cut a merged block where an unchanged row holds a formula or a format a rewrite would lose. */
  const exactBlocks = (block: RowBlock, changed: ReadonlySet<number>, positions: number[]): RowBlock[] => {
    if (block.to - block.from + 1 === [...changed].filter((r) => r >= block.from && r <= block.to).length) return [block];
    const first = Math.min(...positions);
    const span = Math.max(...positions) - first + 1;
    const range = sheet.getRange(block.from, first + 1, block.to - block.from + 1, span);
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    const keep = (r: number): boolean =>
      positions.some((p) => !exactRewrite(formulas[r - block.from]?.[p - first] ?? '', formats[r - block.from]?.[p - first] ?? ''));
    return splitAtKeptRows(block, changed, keep);
  };

  const write = (changedSheetRows: number[]): void => {
    const positions = [...owned.values()];
    const changed = new Set(changedSheetRows);
    grow(1 + data.length, header.length);
    const blocks = planRowBlocks(changedSheetRows, positions.length).flatMap((b) => exactBlocks(b, changed, positions));
    const runs = columnRuns(positions);
    for (const block of blocks) {
      for (const [start, count] of runs) {
        const matrix: CellValue[][] = [];
        for (let r = block.from; r <= block.to; r++) {
          // Held values are cells already (toCell at upsert, or read back by getValues).
          const source = (r === 1 ? header : (data[r - 2] ?? [])) as readonly CellValue[];
          // A whole row is written as it is held (setValues copies it), a part of one as a slice.
          if (start === 0 && source.length === count) {
            matrix.push(source as CellValue[]);
            continue;
          }
          const line = new Array<CellValue>(count);
          for (let c = 0; c < count; c++) line[c] = source[start + c] ?? '';
          matrix.push(line);
        }
        const range = sheet.getRange(block.from, start + 1, block.to - block.from + 1, count);
        range.setNumberFormat('@');
        range.setValues(matrix);
      }
    }
    if (header.length > writtenHeaderLength) {
      // First header in this tab (new, or an empty tab of that name): keep it in view.
      if (writtenHeaderLength === 0) sheet.setFrozenRows(1);
      sheet.getRange(1, writtenHeaderLength + 1, 1, header.length - writtenHeaderLength).setFontWeight('bold');
      writtenHeaderLength = header.length;
    }
  };

  return {
    sheet,
    upsert(rows) {
      const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, skipped: 0, columnsAdded: [] };
      for (const row of rows) for (const k of Object.keys(row)) if (row[k] !== undefined) own(k);
      result.columnsAdded = added.splice(0);
      const changed: number[] = [];
      if (header.length > writtenHeaderLength) changed.push(1);
      for (const row of rows) {
        const parts = spec.keyColumns.map((k) => keyPart(row[k]));
        if (parts.some((p) => p === '')) {
          result.skipped++;
          continue;
        }
        const key = parts.join('\u001f');
        const at = index.get(key);
        if (at === undefined) {
          const line = new Array<unknown>(header.length).fill('');
          for (const k of Object.keys(row)) {
            const v = row[k];
            const pos = owned.get(k);
            if (v !== undefined && pos !== undefined) line[pos] = toCell(v);
          }
          data.push(line);
          index.set(key, data.length - 1);
          changed.push(data.length + 1);
          result.inserted++;
          continue;
        }
        const line = data[at] ?? [];
        let dirty = false;
        for (const k of Object.keys(row)) {
          const v = row[k];
          const pos = owned.get(k);
          if (v === undefined || pos === undefined) continue;
          const cell = toCell(v);
          if (!sameCell(line[pos], cell)) {
            line[pos] = cell;
            dirty = true;
          }
        }
        if (dirty) {
          changed.push(at + 2);
          result.updated++;
        } else result.unchanged++;
      }
      if (changed.length > 0) write(changed);
      return result;
    },
    hasKey(...keyValues) {
      return index.has(keyValues.map(keyPart).join('\u001f'));
    },
    rowCount() {
      return index.size;
    },
    header() {
      return header;
    },
    setNote(note) {
      sheet.getRange(1, 1).setNote(note);
    },
  };
}
