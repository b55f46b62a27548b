/**
 * How much one document holds, so no editor can fill its 500 KB property store (after which
 * every poll and Jobs view would fail) or crowd out the others. A job record is at most 9 KB
 * (bounded texts and history, store.ts) and usually 1-3 KB; finished jobs beyond 40 are pruned.
 * Worst case kept: 40 finished + 50 open jobs at ~3 KB and 50 schedules at ~0.5 KB: ~300 KB,
 * leaving room for side records, settings and the formula ledger.
 */
import type { Job } from './model';
import { claimOf } from './ownership';

export const BUDGETS = {
  /** Open jobs in one document, all editors together. */
  openJobsPerDocument: 50,
  /** Open jobs one editor may have in one document. */
  openJobsPerEditor: 25,
  /** Schedules in one document, all editors together. */
  schedulesPerDocument: 50,
  /** Schedules one editor may have in one document. */
  schedulesPerEditor: 25,
} as const;

type Owned = { owner?: string | undefined };

/** The sentence refusing one more record, or null when there is room. */
function refusal(existing: readonly Owned[], me: string | undefined, perDocument: number, perEditor: number, what: string, fix: string): string | null {
  const mine = existing.filter((r) => claimOf(r, { id: me }) === 'mine').length;
  if (mine >= perEditor) return `You already have ${mine} ${what} in this spreadsheet (at most ${perEditor} per editor). ${fix}`;
  if (existing.length >= perDocument) return `This spreadsheet already holds ${existing.length} ${what} (at most ${perDocument}, all editors together). ${fix}`;
  return null;
}

/** Null when `me` may start one more job, else the sentence that says what to do. */
export function jobBudgetRefusal(openJobs: readonly Job[], me: string | undefined): string | null {
  return refusal(
    openJobs,
    me,
    BUDGETS.openJobsPerDocument,
    BUDGETS.openJobsPerEditor,
    'open jobs',
    'Wait for some to finish, or cancel ones you no longer need in Jobs, then submit again.',
  );
}

/** Null when `me` may create one more schedule, else the sentence that says what to do. */
export function scheduleBudgetRefusal(schedules: readonly Owned[], me: string | undefined): string | null {
  return refusal(
    schedules,
    me,
    BUDGETS.schedulesPerDocument,
    BUDGETS.schedulesPerEditor,
    'schedules',
    'Delete schedules you no longer need in Jobs > Schedules, then create this one.',
  );
}
