/**
 * Openmart from the sidebar, what its three flows share: the credit check with the confirmation
 * threshold, starting a job, cleaning stale side records, and the form facts. The flows mirror
 * the jobs they start: openmart-batches.ts, openmart-search.ts, openmart-enrich.ts.
 */
import type * as z from 'zod/mini';
import { isOpen, type Job } from '../jobs/model';
import { claimOf } from '../jobs/ownership';
import { ScheduleStore } from '../jobs/schedules';
import { BatchBook } from '../jobs/openmart-book';
import { OM_BATCHES, OM_BATCHES_KIND } from '../jobs/openmart-batch-data';
import { searchBodyJob } from '../jobs/openmart-search';
import { dataOf } from '../jobs/kind';
import { pinSource, type PinnedSource, type Source } from '../sheet/source';
import { JobStore } from '../jobs/store';
import { getCreditBalance, type CreditEstimate } from '../providers/openmart/credits';
import { BATCH_FIELDS, ENRICH_FIELDS } from '../providers/openmart/fields';
import type { Problem } from '../providers/openmart/form';
import { BATCH_TABS } from '../providers/openmart/result-rows';
import { BATCH_OPS, LIMITS, type BatchOp } from '../providers/openmart/schemas';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { removeTabWithoutResults } from './sheets';
import { type SourceInput, UserInputError } from './input';
import { startJob } from './job-start';
import type { JobView } from './job-view';
import { whoAmI } from './owner';
import { readOpenmartPrefs } from './openmart-account';
import { SOURCE_ROW_LIMITS } from '../sheet/limits';

/** Rows one batch job takes (250 batches): the source limit of sheet/limits.ts. */
export const MAX_BATCH_ROWS = SOURCE_ROW_LIMITS.openmart;

/** What every preview says about credits. */
export interface CreditCheck {
  estimate: CreditEstimate;
  /** The user's confirmation threshold. */
  threshold: number;
  /** True when the estimate is above the threshold: submit needs `confirmCredits: true`. */
  needsConfirmation: boolean;
  /** The live balance (null when it could not be read). */
  balance: number | null;
  /** True when the estimate is above the balance. */
  exceedsBalance: boolean;
}

export function creditCheck(ctx: AppContext, estimate: CreditEstimate): CreditCheck {
  const threshold = readOpenmartPrefs(ctx).creditThreshold;
  let balance: number | null = null;
  try {
    balance = getCreditBalance(httpFor(ctx, 'openmart')).balance;
  } catch {
    // The preview works without a key or a connection; the submit checks again.
  }
  return { estimate, threshold, needsConfirmation: estimate.credits > threshold, balance, exceedsBalance: balance !== null && estimate.credits > balance };
}

export function requireConfirmation(check: CreditCheck, confirmed: boolean | undefined): void {
  if (check.needsConfirmation && confirmed !== true) {
    throw new UserInputError(
      `This may use up to ${count(check.estimate.credits)} Openmart credits (${check.estimate.basis}), more than your confirmation threshold of ${count(check.threshold)}. Confirm to continue.`,
    );
  }
}

/** 25000 -> "25,000" */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function problemsText(problems: Problem[]): string {
  return problems.map((p) => p.message).join(' ');
}

/**
 * Delete side records of jobs that no longer exist (ledgers, search bodies) and the search bodies
 * of this user's own finished jobs. A scheduled job keeps its body (each run searches with it),
 * and another editor's records are theirs to clean.
 */
export function forgetStale(ctx: AppContext): void {
  const props = ctx.docProps();
  const store = new JobStore(props);
  const scheduled = new Set(new ScheduleStore(props).all().map((s) => s.jobId));
  const me = whoAmI(ctx);
  for (const k of props.getKeys()) {
    const search = searchBodyJob(k);
    const id = search ?? BatchBook.jobOf(k);
    if (id === undefined) continue;
    let job: Job | undefined;
    try {
      job = store.get(id);
    } catch {
      continue;
    }
    const finishedSearch = search !== undefined && job !== undefined && !isOpen(job) && !scheduled.has(job.id) && claimOf(job, me) === 'mine';
    if (!job || finishedSearch) props.deleteProperty(k);
  }
}

/**
 * Save a new job, make sure the trigger exists (so a run killed now still continues), then
 * advance it under the document lock (the trigger must never submit the same batch at the same
 * time) within this execution's budget.
 */
export function startOpenmartJob(
  ctx: AppContext,
  job: Job,
  fresh = true,
  repeat?: { rows: unknown; again: boolean },
  prepared?: object,
): { job: Job; notice: string | null } {
  return startJob(ctx, job, {
    fresh,
    ...(repeat ? { repeat } : {}),
    ...(prepared ? { prepared } : {}),
    // Nothing was created or billed (a refused key, a form Openmart rejects, no credits).
    refused: (latest) => refusedBeforeAnything(ctx, latest),
    cleanup: (latest) => {
      for (const tab of Object.values(latest.tabs)) removeTabWithoutResults(ctx, tab);
    },
  });
}

/** A job that failed before Openmart created or returned anything. */
function refusedBeforeAnything(ctx: AppContext, job: Job): boolean {
  if (job.state !== 'FAILED') return false;
  if (job.kind !== OM_BATCHES_KIND) return job.progress.done === 0;
  const book = BatchBook.load(ctx.docProps(), job.id, dataOf(job, OM_BATCHES).batches);
  return book.entries.every((e) => e.batchId === undefined && e.state !== 'unknown');
}

/** The source a job reads again: a sheet or range as given, the selection pinned to its A1 range. */
export function pinned(source: z.infer<typeof SourceInput>, block: Source): PinnedSource {
  return typeof source === 'string' ? pinSource(block) : source;
}

/** The flows, labels and columns the Openmart forms need. */
export function openmartFormInfo(ctx: AppContext): {
  operations: Array<{ operation: BatchOp; tab: string; fields: Array<{ key: string; label: string; required: boolean }> }>;
  enrichFields: Array<{ key: string; label: string; required: boolean }>;
  creditThreshold: number;
  limits: typeof LIMITS;
} {
  const fields = (list: typeof ENRICH_FIELDS) => list.map((f) => ({ key: f.key, label: f.label, required: f.required === true }));
  return {
    operations: BATCH_OPS.map((operation) => ({ operation, tab: BATCH_TABS[operation].suffix, fields: fields(BATCH_FIELDS[operation]) })),
    enrichFields: fields(ENRICH_FIELDS),
    creditThreshold: readOpenmartPrefs(ctx).creditThreshold,
    limits: LIMITS,
  };
}

/** What an Openmart submit answers. */
export interface OpenmartSubmitResult {
  job: JobView;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  idsGenerated: number;
  estimate: CreditEstimate;
  notice: string | null;
}
