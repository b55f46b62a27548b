/**
 * How an Openmart job ends a step on a failure without throwing (so what it saved stays saved:
 * the poller would put back the record it started with): out of credits ends the job FAILED with
 * what was fetched kept; the rest goes by the failure policy (failure-policy.ts: a time-budget
 * stop continues next run, rate limits / server / connection failures pause, the daily quota
 * waits for tomorrow).
 */
import { isOutOfCredits } from '../providers/openmart/errors';
import { transition, type Job } from './model';
import { applyError, failureText } from './failure-policy';

/** The job after `e` stopped its step; `kept` says what stays in the tab. */
export function stopOn(job: Job, e: unknown, now: number, kept: string): Job {
  if (isOutOfCredits(e)) {
    const why = `${failureText(e)} ${kept}`;
    return transition({ ...job, lastError: why }, 'FAILED', now, why);
  }
  return applyError(job, e, now, failureText);
}
