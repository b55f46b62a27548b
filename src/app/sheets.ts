/** Small sheet facts the sidebar needs: the tabs, the selection, and opening a result tab. */
import * as z from 'zod/mini';
import { isOpen } from '../jobs/model';
import { JobStore } from '../jobs/store';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';
import { handlers } from './jobs';
import { ourTabNames } from '../sheet/tab-names';
import { defaultSources, rememberedSources, type RowsFromForm } from './rows-from';

export interface SheetsInfo {
  /** `ours`: a tab the add-on created (a result tab). */
  sheets: Array<{ name: string; rows: number; columns: number; ours: boolean }>;
  /** The sheet each form's "Rows from" starts at (never a result tab). */
  defaults: Record<RowsFromForm, string>;
  active: string;
  /** The selection as `'Sheet'!A1:F30`, or null when it is a single cell. */
  selection: string | null;
}

/** List the tabs and the current selection. */
export function sheetsInfo(ctx: AppContext): SheetsInfo {
  const ss = ctx.spreadsheet();
  const active = ss.getActiveSheet();
  const range = ss.getActiveRange();
  const selection =
    range && (range.getNumRows() > 1 || range.getNumColumns() > 1) ? `'${range.getSheet().getName().replace(/'/g, "''")}'!${range.getA1Notation()}` : null;
  const ours = ourTabNames(ss);
  const sheets = ss.getSheets().map((s) => {
    const name = s.getName();
    return { name, rows: s.getLastRow(), columns: s.getLastColumn(), ours: ours.has(name) };
  });
  return {
    sheets,
    defaults: defaultSources(sheets, active.getName(), rememberedSources(ctx)),
    active: active.getName(),
    selection,
  };
}

/** A tab to bring to the front. */
export const TabInput = z.object({ name: z.string() });

/** Bring a (result) tab to the front. */
export function openTab(ctx: AppContext, input: unknown): void {
  const { name } = parseInput(TabInput, input, 'the tab name');
  const sheet = ctx.spreadsheet().getSheetByName(name);
  if (!sheet) throw new UserInputError(missingTabMessage(ctx, name));
  sheet.activate();
}

/** Why a job's tab is not there: not written yet, never written, or deleted by the user after the job finished. */
function missingTabMessage(ctx: AppContext, name: string): string {
  const job = new JobStore(ctx.docProps()).all().find((j) => Object.values(j.tabs).includes(name));
  if (!job || isOpen(job)) return `The tab "${name}" does not exist (yet): results appear once the order completes.`;
  if (job.progress.done === 0) return `The tab "${name}" does not exist: the job "${job.title}" wrote no results.`;
  const again = handlers()[job.kind]?.refresh
    ? `Use "Refresh results" on the job "${job.title}" to write them again.`
    : `Submit the job "${job.title}" again to write them anew.`;
  return `The tab "${name}" was deleted or renamed after the job wrote its results. ${again}`;
}

/**
 * Delete a tab a refused submission created, but only while it holds no results (at most its
 * header row): results already written, and possibly paid for, are never deleted.
 */
export function removeTabWithoutResults(ctx: AppContext, tabName: string): void {
  const ss = ctx.spreadsheet();
  const sheet = ss.getSheetByName(tabName);
  if (sheet !== null && sheet.getLastRow() <= 1 && ss.getSheets().length > 1) ss.deleteSheet(sheet);
}
