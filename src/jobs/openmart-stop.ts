/**
 * How an Openmart job ends a step on a failure without throwing (so what it saved stays saved:
 * the poller would put back the record it started with): out of credits ends the job FAILED with
 * what was fetched kept; the rest goes by the poller's rules (a time-budget stop continues next
 * run, rate limits / server / connection failures pause, the daily quota waits for tomorrow).
 */
import { ApiError } from '../platform/errors';
import { isOutOfCredits } from '../providers/openmart/errors';
import { transition, type Job } from './model';
import { applyError } from './poller';

/** The sentence for a failure. */
export function failureText(e: unknown): string {
  if (e instanceof ApiError) return e.userMessage();
  return e instanceof Error ? e.message : String(e);
}

/** The job after `e` stopped its step; `kept` says what stays in the tab. */
export function stopOn(job: Job, e: unknown, now: number, kept: string): Job {
  if (isOutOfCredits(e)) {
    const why = `${failureText(e)} ${kept}`;
    return transition({ ...job, lastError: why }, 'FAILED', now, why);
  }
  return applyError(job, e, now, failureText);
}
