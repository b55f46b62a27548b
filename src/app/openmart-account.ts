/**
 * Openmart account RPCs: the credit balance, the credit confirmation threshold, and deny rules
 * (add, check, remove) from a selected range, with the check result written next to the range
 * (never over the user's cells: sheet/beside.ts).
 */
import * as z from 'zod/mini';
import { JsonStore } from '../platform/store';
import { addDenyRules, checkDenyRules, removeDenyRules, type DenyType } from '../providers/openmart/deny-rules';
import { getCreditBalance } from '../providers/openmart/credits';
import { pickBesideColumn } from '../sheet/beside';
import { cellText } from '../sheet/cells';
import { splitA1 } from '../sheet/source';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';

const PrefsSchema = z.object({ creditThreshold: z.optional(z.number()) });
const PREFS_KEY = 'openmart.prefs';
/** Estimates above this many credits ask for a confirmation unless the user chose otherwise. */
export const DEFAULT_CREDIT_THRESHOLD = 1_000;

/** The user's Openmart preferences (user properties). */
export function readOpenmartPrefs(ctx: AppContext): { creditThreshold: number } {
  let prefs: z.infer<typeof PrefsSchema> | undefined;
  try {
    prefs = new JsonStore(ctx.userProps()).get(PREFS_KEY, PrefsSchema);
  } catch {
    prefs = undefined;
  }
  return { creditThreshold: prefs?.creditThreshold ?? DEFAULT_CREDIT_THRESHOLD };
}

/** The credit estimate above which a submit asks first. */
export const ThresholdInput = z.object({ threshold: z.number() });

/** Set the credit estimate above which a submit asks for confirmation (0 = always ask). */
export function saveOpenmartCreditThreshold(ctx: AppContext, input: unknown): { creditThreshold: number } {
  const { threshold } = parseInput(ThresholdInput, input, 'the credit threshold');
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 10_000_000)
    throw new UserInputError('The threshold is a whole number of credits from 0 to 10,000,000.');
  new JsonStore(ctx.userProps()).set(PREFS_KEY, PrefsSchema, { creditThreshold: threshold });
  return { creditThreshold: threshold };
}

/** The balance for the sidebar, with the threshold. */
export function openmartCredits(ctx: AppContext): { balance: number; periodStart: string | null; periodEnd: string | null; creditThreshold: number } {
  return { ...getCreditBalance(httpFor(ctx, 'openmart')), creditThreshold: readOpenmartPrefs(ctx).creditThreshold };
}

// ---- Deny rules ----------------------------------------------------------------------------

export const DenyInput = z.object({
  type: z.enum(['email', 'phone']),
  source: z.optional(z.union([z.literal('selection'), z.object({ a1: z.string() })])),
});

type Range = GoogleAppsScript.Spreadsheet.Range;

function rangeOf(ctx: AppContext, source: z.infer<typeof DenyInput>['source']): Range {
  const ss = ctx.spreadsheet();
  if (source === undefined || source === 'selection') {
    const r = ss.getActiveRange();
    if (!r) throw new UserInputError('Select the cells with the emails or phone numbers first.');
    return r;
  }
  const { sheetName, range } = splitA1(source.a1);
  const sheet = sheetName === undefined ? ss.getActiveSheet() : ss.getSheetByName(sheetName);
  if (!sheet) throw new UserInputError(`There is no sheet named "${sheetName}".`);
  try {
    return sheet.getRange(range);
  } catch {
    throw new UserInputError(`"${source.a1}" is not a range this sheet has.`);
  }
}

/** A value of the type (so a header cell like "Email" is skipped). */
function looksLike(type: DenyType, v: string): boolean {
  return type === 'email' ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) : (v.match(/\d/g) ?? []).length >= 5;
}

/** The first column of the range: one entry per row (null for an empty or header cell). */
function readValues(range: Range, type: DenyType): { cells: Array<string | null>; values: string[]; skipped: number; header: boolean } {
  const cells = range.getValues().map((r) => {
    const t = cellText(r[0]);
    return t === '' ? null : t;
  });
  let skipped = 0;
  const out = cells.map((t) => {
    if (t === null) return null;
    if (!looksLike(type, t)) {
      skipped++;
      return null;
    }
    return t;
  });
  const values = [...new Set(out.filter((v): v is string => v !== null))];
  if (values.length === 0) throw new UserInputError(`The first column of the range has no ${type === 'email' ? 'email address' : 'phone number'}.`);
  return { cells: out, values, skipped, header: cells[0] !== null && out[0] === null };
}

export interface DenyResult {
  type: DenyType;
  values: number;
  /** Cells skipped because they do not look like an email / phone number (a header, notes). */
  skipped: number;
}

/** Add deny rules for the emails or phone numbers in a range (first column). */
export function addOpenmartDenyRules(ctx: AppContext, input: unknown): DenyResult {
  const { type, source } = parseInput(DenyInput, input, 'the deny rule form');
  const { values, skipped } = readValues(rangeOf(ctx, source), type);
  addDenyRules(httpFor(ctx, 'openmart'), type, values);
  return { type, values: values.length, skipped };
}

/** Remove deny rules for the values in a range (values without a rule are ignored). */
export function removeOpenmartDenyRules(ctx: AppContext, input: unknown): DenyResult {
  const { type, source } = parseInput(DenyInput, input, 'the deny rule form');
  const { values, skipped } = readValues(rangeOf(ctx, source), type);
  removeDenyRules(httpFor(ctx, 'openmart'), type, values);
  return { type, values: values.length, skipped };
}

const MARKS = new Set(['', 'denied', 'not denied', 'Openmart deny rule']);
/** The note on every cell the check writes: how a later check knows the cell is the add-on's. */
export const DENY_CHECK_NOTE = 'Written by Prospect Enrich: Openmart deny rule check';

/**
 * Check the values of a range and write "denied" / "not denied" in the first column right of the
 * range whose cells are free (empty, or this check's own earlier result): a formula or a value of
 * the user's there is never replaced, the result moves right instead. One read of the block
 * (values, formulas, notes), one setValues and one setNotes.
 */
export function checkOpenmartDenyRules(ctx: AppContext, input: unknown): DenyResult & { denied: number; written: string } {
  const { type, source } = parseInput(DenyInput, input, 'the deny rule form');
  const range = rangeOf(ctx, source);
  const { cells, values, skipped, header } = readValues(range, type);
  const sheet = range.getSheet();
  const first = range.getColumn() + range.getNumColumns();
  const rows = range.getNumRows();
  const width = Math.max(0, Math.min(sheet.getLastColumn(), sheet.getMaxColumns()) - first + 1);
  const block = width === 0 ? { values: [], formulas: [], notes: [] } : readBlock(sheet.getRange(range.getRow(), first, rows, width));
  const column = first + pickBesideColumn(block, width, DENY_CHECK_NOTE, MARKS);
  if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
  const target = sheet.getRange(range.getRow(), column, rows, 1);
  const result = checkDenyRules(httpFor(ctx, 'openmart'), type, values);
  const out = cells.map((v, i) => [v === null ? (i === 0 && header ? 'Openmart deny rule' : '') : result[v] === true ? 'denied' : 'not denied']);
  target.setValues(out);
  target.setNotes(out.map(() => [DENY_CHECK_NOTE]));
  return {
    type,
    values: values.length,
    skipped,
    denied: values.filter((v) => result[v] === true).length,
    written: `'${sheet.getName().replace(/'/g, "''")}'!${target.getA1Notation()}`,
  };
}

function readBlock(r: Range): { values: unknown[][]; formulas: string[][]; notes: string[][] } {
  return { values: r.getValues(), formulas: r.getFormulas(), notes: r.getNotes() };
}
