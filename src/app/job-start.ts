/** Starting a submitted job inside the submitting execution (every provider's submit ends here). */
import { assertNotRepeat, submitDigest } from './duplicates';
import { clockTime } from '../platform/http';
import { BUDGET, Deadline } from '../platform/clock';
import { withLock } from '../platform/lock';
import { isOpen, type Job } from '../jobs/model';
import { applyError } from '../jobs/failure-policy';
import { JobStore } from '../jobs/store';
import { jobBudgetRefusal } from '../jobs/budgets';
import { afterStep } from '../jobs/unreadable';
import type { AppContext } from './context';
import { UserInputError } from './input';
import { toUserMessage } from './user-error';
import { ownedByMe, requireMine } from './owner';

import { handlers, jobEnv, openJobCount, syncTrigger } from './jobs';

export interface StartOptions {
  /** Save the job before starting it (false for a job already saved under the lock, e.g. requeued rows). */
  fresh?: boolean;
  /** True when the job ended refused before anything was created or billed at the provider. */
  refused(latest: Job): boolean;
  /** Remove what else a refused job leaves behind (its empty tabs); its kind removes its side records. */
  cleanup?(latest: Job): void;
  /** The rows (or form) the job sends, and whether the user said "submit again": a repeat within 24 h asks first. */
  repeat?: { rows: unknown; again: boolean };
  /** The plan the submit made from the rows it read (JobEnv.prepared): the first advance reads no rows. */
  prepared?: object;
}

/**
 * Start a submitted job in this execution: the poll trigger exists before any request (a run
 * that dies midway is resumed by it), the job is advanced under the document lock from the
 * stored record (a trigger run or the sidebar may have advanced it while this one waited), and
 * a job refused before anything was created leaves nothing behind: the sidebar keeps the form
 * and shows the sentence.
 */
export function startJob(ctx: AppContext, job: Job, opts: StartOptions): { job: Job; notice: string | null } {
  const store = new JobStore(ctx.docProps());
  const fresh = opts.fresh !== false;
  const handler = handlers()[job.kind];
  const cleanup = (latest: Job): void => {
    handler?.cleanup?.(ctx.docProps(), latest.id);
    opts.cleanup?.(latest);
  };
  // A new job is the submitter's; a stored one (requeued rows) only its owner may start again.
  job = fresh ? ownedByMe(ctx, job) : requireMine(ctx, job, 'resubmit');
  if (fresh) {
    const full = jobBudgetRefusal(store.open(), job.owner);
    if (full) {
      cleanup(job);
      throw new UserInputError(full);
    }
    if (opts.repeat) {
      const digest = submitDigest(ctx.sha256, job.kind, job.title, opts.repeat.rows);
      try {
        assertNotRepeat(store.all(), digest, job.title, ctx.clock.now(), opts.repeat.again, (ms) =>
          clockTime(ms, () => ctx.spreadsheet().getSpreadsheetTimeZone()),
        );
      } catch (e) {
        cleanup(job);
        throw e;
      }
      job = { ...job, digest };
    }
    store.save(job);
  }
  const notice = syncTrigger(ctx, openJobCount(ctx));
  const ran = withLock(ctx.documentLock(), 5_000, () => {
    const current = store.get(job.id);
    if (!current || !isOpen(current) || (current.resumeAt !== undefined && current.resumeAt > ctx.clock.now())) return current ?? job;
    const { lastError: _e, resumeAt: _r, ...ready } = current;
    let next: Job = ready;
    if (handler) {
      try {
        const env = jobEnv(ctx, new Deadline(ctx.clock, BUDGET.executionMs));
        next = afterStep(ready, handler.advance(ready, opts.prepared ? { ...env, prepared: { jobId: job.id, plan: opts.prepared } } : env));
      } catch (e) {
        next = applyError(store.get(job.id) ?? ready, e, ctx.clock.now(), toUserMessage);
      }
    }
    store.save(next);
    return next;
  });
  // A busy lock: a trigger run is working; this job follows in the next run.
  const latest = ran.ran ? ran.value : (store.get(job.id) ?? job);
  if (fresh && opts.refused(latest)) {
    store.delete(job.id);
    cleanup(latest);
    syncTrigger(ctx, openJobCount(ctx));
    throw new UserInputError(latest.lastError ?? 'The provider refused the request.');
  }
  const open = openJobCount(ctx);
  syncTrigger(ctx, open);
  return { job: latest, notice: open > 0 ? notice : null };
}
