/**
 * "Add result columns to my sheet": fields of a job's result tab become new columns right of the
 * user's table, as `=ENRICHED(...)` header-row formulas or as values, keyed by external_id. The
 * user's cells are never written: the columns go to the first run of empty columns (planned in
 * sheet/result-columns.ts), the grid grows when it must. Reads: the options read each user tab's
 * mark and the chosen tab's header; the write reads the sheet once (plus formulas right of the
 * table), and the result tab once in the values mode; one setFormulas or setValues.
 */
import * as z from 'zod/mini';
import { keyColumn, norm, readTab } from '../functions/enriched';
import { JobStore } from '../jobs/store';
import { withLock } from '../platform/lock';
import { cellText } from '../sheet/cells';
import { EXTERNAL_ID_FIELD, normalizeHeader } from '../sheet/headers';
import { type BesideBlock, columnLetters, columnsSentence, enrichedFormula, existingColumns, placeColumns, valuesBlock } from '../sheet/result-columns';
import { pinnedSheetName, readSource } from '../sheet/source';
import { isOurTab, ourTabNames } from '../sheet/tab-names';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';
import { handlers } from './jobs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 10_000;

/** At most this many fields in one go (each is a column, and a formula execution per recalculation). */
export const MAX_RESULT_COLUMNS = 20;

export interface ResultColumnsOptions {
  /** Result tabs that exist, newest job first, with the job's title. */
  tabs: Array<{ tab: string; job: string }>;
  tab: string | null;
  /** The chosen tab's columns (its key column left out: the user's sheet has it). */
  fields: string[];
  /** The user's own tabs (not the add-on's). */
  sheets: string[];
  sheet: string | null;
}

export const ResultColumnsOptionsInput = z.optional(z.object({ tab: z.optional(z.string()), sheet: z.optional(z.string()) }));
export const AddResultColumnsInput = z.object({
  tab: z.string().check(z.minLength(1)),
  fields: z.array(z.string()).check(z.minLength(1), z.maxLength(MAX_RESULT_COLUMNS)),
  sheet: z.string().check(z.minLength(1)),
  mode: z.enum(['formulas', 'values']),
});

/** Every job's result tab name with its job title and source sheet (when the job keeps it), newest job first. */
function jobTabs(ctx: AppContext): Array<{ tab: string; job: string; source?: string }> {
  const kinds = handlers();
  return new JobStore(ctx.docProps())
    .all()
    .reverse()
    .flatMap((j) => {
      const read = kinds[j.kind]?.sourceOf?.(j);
      const source = read ? pinnedSheetName(read.source) : undefined;
      return Object.values(j.tabs).map((tab) => ({ tab, job: j.title, ...(source === undefined ? {} : { source }) }));
    });
}

function userSheets(ss: Spreadsheet, resultTabs: ReadonlySet<string>): string[] {
  const ours = ourTabNames(ss);
  return ss
    .getSheets()
    .map((s) => s.getName())
    .filter((name) => !resultTabs.has(name) && !ours.has(name));
}

function resultHeader(ss: Spreadsheet, tab: string): string[] {
  const sheet = ss.getSheetByName(tab);
  if (!sheet || sheet.getLastColumn() < 1) return [];
  return (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map((h) => cellText(h));
}

/** The sidebar's choices: result tabs, the chosen tab's fields, the user's sheets. */
export function resultColumnsOptions(ctx: AppContext, input?: unknown): ResultColumnsOptions {
  const want = parseInput(ResultColumnsOptionsInput, input, 'the result columns form') ?? {};
  const ss = ctx.spreadsheet();
  const tabs = jobTabs(ctx).filter((t) => ss.getSheetByName(t.tab) !== null);
  const chosen = tabs.find((t) => t.tab === want.tab) ?? tabs[0];
  const tab = chosen?.tab ?? null;
  const header = tab === null ? [] : resultHeader(ss, tab);
  const key = keyColumn(header.map(norm));
  const sheets = userSheets(ss, new Set(tabs.map((t) => t.tab)));
  const active = ss.getActiveSheet().getName();
  // The sheet asked for, else the job's source, else the active one, else the first with rows.
  const sheet =
    [want.sheet, chosen?.source, active].find((n) => n !== undefined && sheets.includes(n)) ??
    sheets.find((n) => (ss.getSheetByName(n)?.getLastRow() ?? 0) > 1) ??
    sheets[0] ??
    null;
  return { tabs: tabs.map((t) => ({ tab: t.tab, job: t.job })), tab, fields: header.filter((h, i) => h !== '' && i !== key), sheets, sheet };
}

/** The user's table around its header: key column, right edge, the cells right of it. */
function readBlock(ss: Spreadsheet, sheetName: string): { block: BesideBlock; keys: string[]; headerFormulas: string[]; firstColumn: number } {
  const src = readSource(ss, { sheetName });
  const headerCells = src.raw[src.headerRowIndex] ?? [];
  const exact = src.headers.findIndex((h) => norm(h) === 'external_id');
  // Else a header that is exactly one of the id names (ID, Kundennummer, ...): a key is never guessed loosely.
  const names = new Set([EXTERNAL_ID_FIELD.key, ...EXTERNAL_ID_FIELD.aliases].map(normalizeHeader));
  const keyIdx = exact >= 0 ? exact : src.headers.findIndex((h) => names.has(normalizeHeader(h)));
  if (keyIdx < 0)
    throw new UserInputError(
      `"${sheetName}" has no external_id column. The results are keyed by external_id: add them to the sheet the job read (its external_id column holds the keys).`,
    );
  let last = headerCells.length - 1;
  while (last > 0 && cellText(headerCells[last]) === '') last--;
  const headerRow = src.headerRow;
  const lastRow = src.firstRow + src.raw.length - 1;
  const rightEdge = src.firstColumn + last;
  const sheetLast = src.sheet.getLastColumn();
  const rows = src.raw.slice(src.headerRowIndex).map((r) => r.slice(last + 1));
  const formulas =
    sheetLast > rightEdge
      ? (src.sheet.getRange(headerRow, rightEdge + 1, lastRow - headerRow + 1, sheetLast - rightEdge).getFormulas() as string[][])
      : rows.map(() => []);
  const keys = src.values.slice(src.headerRowIndex + 1).map((r) => cellText(r[keyIdx]));
  // The header row's formulas: columns added before look like the table's own (they show a header).
  const headerFormulas = (src.sheet.getRange(headerRow, src.firstColumn, 1, Math.max(1, sheetLast - src.firstColumn + 1)).getFormulas()[0] ?? []) as string[];
  return {
    block: { headerRow, lastRow, rightEdge, keyColumn: src.firstColumn + keyIdx, right: { values: rows, formulas } },
    keys,
    headerFormulas,
    firstColumn: src.firstColumn,
  };
}

/**
 * Write the chosen fields of `tab` as new columns of `sheet`: formulas in the header row, or
 * values. Answers the sentence the sidebar shows and the A1 range written.
 */
export function addResultColumns(ctx: AppContext, input: unknown): { message: string; a1: string } {
  const { tab, fields, sheet: sheetName, mode } = parseInput(AddResultColumnsInput, input, 'the result columns form');
  const ss = ctx.spreadsheet();
  const tabs = new Set(jobTabs(ctx).map((t) => t.tab));
  if (!tabs.has(tab)) throw new UserInputError(`"${tab}" is not a result tab of a job in this spreadsheet. Pick one from the list.`);
  const index = readTab(ss, tab, fields);
  if (!index) throw new UserInputError(`The result tab "${tab}" is missing or empty. Results appear there when the job delivers them.`);
  const columns = fields.map((f) => index.header.indexOf(norm(f)));
  const unknown = fields.filter((_, i) => columns[i] === -1);
  if (unknown.length > 0) throw new UserInputError(`"${tab}" has no column ${unknown.map((f) => `"${f}"`).join(', ')}. Pick the fields from the list.`);
  const target = ss.getSheetByName(sheetName);
  if (!target) throw new UserInputError(`There is no sheet named "${sheetName}". Pick a sheet from the list.`);
  if (tabs.has(target.getName()) || isOurTab(target))
    throw new UserInputError(`"${sheetName}" is a result tab of the add-on. Add the columns to your own sheet, the one with the rows the job read.`);

  // Under the document lock: two editors adding columns at once never pick the same ones.
  const locked = withLock(ctx.documentLock(), LOCK_WAIT_MS, () => {
    const { block, keys, headerFormulas, firstColumn } = readBlock(ss, target.getName());
    // A field this tab already shows as a formula column is not added twice.
    const shown = mode === 'formulas' ? existingColumns(headerFormulas, firstColumn, tab) : new Map<string, number>();
    const fresh = fields.filter((f) => !shown.has(f));
    const already = fields.filter((f) => shown.has(f)).map((f) => `${f} (column ${columnLetters(shown.get(f) ?? 0)})`);
    if (fresh.length === 0)
      throw new UserInputError(`Already in "${sheetName}": ${already.join(', ')}. Its formula shows every row, including rows added later.`);
    const place = placeColumns(block, fresh.length);
    const lastNeeded = place.column + fresh.length - 1;
    if (lastNeeded > target.getMaxColumns()) target.insertColumnsAfter(target.getMaxColumns(), lastNeeded - target.getMaxColumns());
    const rows = block.lastRow - block.headerRow;
    let range: GoogleAppsScript.Spreadsheet.Range;
    if (mode === 'formulas') {
      range = target.getRange(block.headerRow, place.column, 1, fresh.length);
      range.setFormulas([fresh.map((f) => enrichedFormula(block, f, tab))]);
    } else {
      const out = valuesBlock(fields, columns, keys, index);
      range = target.getRange(block.headerRow, place.column, out.values.length, fields.length);
      range.setNumberFormats(out.formats);
      range.setValues(out.values);
    }
    return { range, place, rows, fresh, already };
  });
  if (!locked.ran) throw new UserInputError('Another run is writing to this spreadsheet right now; try again in a minute.');
  const { range, place, rows, fresh, already } = locked.value;
  const a1 = `'${target.getName().replace(/'/g, "''")}'!${range.getA1Notation()}`;
  const skipped = already.length > 0 ? ` Already there, not added again: ${already.join(', ')}.` : '';
  return { message: columnsSentence({ fields: fresh, sheet: target.getName(), place, mode, tab, rows }) + skipped, a1 };
}
