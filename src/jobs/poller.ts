/**
 * The poller: one run advances every open job within a time budget, under the document lock,
 * checkpointing each job after each step. Errors become the job's last error; transient ones
 * (rate limits, server errors, lost connections, time budget) leave the job open to resume.
 */
import { withLock, type LockLike } from '../platform/lock';
import { retryTransientSheets } from '../platform/sheets-retry';
import { applyError, MIN_FETCHES_FOR_A_STEP, pauseForQuota, unknownKind, type ErrorMessage } from './failure-policy';
import type { JobEnv, JobHandler } from './handler';
import { note, type Job } from './model';
import type { JobStore } from './store';
import { afterStep } from './unreadable';

export interface PollResult {
  /** False when another run held the lock. */
  ran: boolean;
  advanced: number;
  stillOpen: number;
  /** Jobs not reached before the budget ran out. */
  deferred: number;
}

/**
 * Save a job; when that fails (the document store is full, a record too large), save its
 * previous record with the failure noted instead, and carry on with the other jobs.
 */
function saveOrNote(store: JobStore, next: Job, before: Job, now: number, message: ErrorMessage): boolean {
  try {
    store.save(next);
    return true;
  } catch (e) {
    try {
      store.save(
        note({ ...before, lastError: `Could not save this job's progress: ${message(e)}` }, now, 'Could not save progress; the next run tries again.'),
      );
    } catch {
      // Nothing can be saved for this job now; its last saved record stands and the next run resumes from it.
    }
    return false;
  }
}

/** Which jobs this run may advance: the job to advance (maybe newly owned), or null to leave it alone. */
export type ClaimJob = (job: Job) => Job | null;

/**
 * Advance every open job of this run's user (oldest first) until the deadline; other users'
 * jobs are left exactly as they are. One job whose save fails (a full store, a record too
 * large) is noted and skipped: the others are still advanced and saved.
 */
export function pollJobs(
  store: JobStore,
  handlers: Record<string, JobHandler>,
  env: JobEnv,
  lock: LockLike,
  message: ErrorMessage,
  claim: ClaimJob = (j) => j,
  lockWaitMs = 2_000,
): PollResult {
  const outcome = withLock(lock, lockWaitMs, () => {
    let advanced = 0;
    let deferred = 0;
    const open = store.open();
    for (const stored of open) {
      const job = claim(stored);
      if (job === null) continue;
      const now = env.clock.now();
      if (job.resumeAt !== undefined && job.resumeAt > now) continue;
      if (env.deadline.nearlyOver(30_000)) {
        deferred++;
        continue;
      }
      const handler = handlers[job.kind];
      let next: Job;
      if ((env.quota?.fetchesLeft() ?? Number.POSITIVE_INFINITY) < MIN_FETCHES_FOR_A_STEP) {
        // Pause with a reason instead of dying on "Service invoked too many times for one day".
        next = pauseForQuota(job, now);
      } else if (!handler) {
        next = unknownKind(job, now);
      } else {
        try {
          // A step that runs clears the previous transient error; a new failure sets it again.
          // A transient Sheets failure: try the step again from its last checkpoint, a bounded number of times.
          next = retryTransientSheets(
            (attempt) => {
              const { lastError: _e, resumeAt: _r, ...fresh } = attempt === 1 ? job : (store.get(job.id) ?? job);
              return afterStep(job, handler.advance(fresh, env));
            },
            (ms) => env.clock.sleep(ms),
            (ms) => env.deadline.canWait(ms, 30_000),
          );
        } catch (e) {
          // From the last checkpoint: a step that saved part of its work keeps it.
          next = applyError(store.get(job.id) ?? job, e, env.clock.now(), message);
        }
      }
      if (saveOrNote(store, next, job, env.clock.now(), message)) advanced++;
    }
    store.prune();
    return { advanced, deferred, stillOpen: store.open().length };
  });
  if (!outcome.ran) return { ran: false, advanced: 0, stillOpen: store.open().length, deferred: 0 };
  return { ran: true, ...outcome.value };
}
