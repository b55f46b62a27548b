/**
 * The failure policy of every job, in one place: what an error does to a job (fail it, pause it
 * until a time, wait for a key, try again at the next run) and the sentence a job keeps for it.
 * The poller, every kind and the submit (app/job-start.ts) apply it from here.
 */
import { ApiError, ConnectionError, RateLimitError, ServerError } from '../platform/errors';
import { NotSentError } from '../platform/http';
import { MissingKeyError } from '../platform/keys';
import { nextDayStart } from '../platform/quota';
import { SHEETS_UNAVAILABLE, isTransientSheetsError } from '../platform/sheets-retry';
import { note, transition, type Job } from './model';
import { JobSaveError } from './store';
import { isUnreadableAnswer, isUnrecognisedError, onUnrecognised, onUnreadable } from './unreadable';

export type ErrorMessage = (e: unknown) => string;

/** A step needs at least this many UrlFetch calls left today to start. */
export const MIN_FETCHES_FOR_A_STEP = 200;
const QUOTA_TEXT = "Paused: this Google account's UrlFetch quota for today is (nearly) used up. The job continues tomorrow by itself.";
const BURST_TEXT = 'Google refused more requests for a moment (too many in a short time); nothing was sent. The job continues at the next run by itself.';
/** How long to leave a job alone after a transient failure without Retry-After. */
const TRANSIENT_PAUSE_MS = 60_000;
/** A job whose owner removed their key waits (open, unchanged) and looks again after this long. */
const MISSING_KEY_PAUSE_MS = 3_600_000;

/** The sentence a job keeps for a failure: the API's own explanation, else the error's message. */
export function failureText(e: unknown): string {
  if (e instanceof ApiError) return e.userMessage();
  return e instanceof Error ? e.message : String(e);
}

/** Paused until tomorrow: the daily UrlFetch quota is (nearly) used up. */
export function pauseForQuota(job: Job, now: number): Job {
  return note({ ...job, lastError: QUOTA_TEXT, resumeAt: nextDayStart(now) }, now, QUOTA_TEXT);
}

/** A job of a kind this version does not know: it fails with the sentence. */
export function unknownKind(job: Job, now: number): Job {
  return transition({ ...job, lastError: `This add-on version cannot run jobs of kind "${job.kind}".` }, 'FAILED', now);
}

/**
 * Apply an error to a job: permanent errors (bad key, missing scope, no credits, invalid input)
 * fail it; transient ones keep it open with `resumeAt` set.
 */
export function applyError(job: Job, e: unknown, now: number, message: ErrorMessage): Job {
  const text = message(e);
  if (e instanceof NotSentError) return { ...job, updatedAt: now };
  // Never a failed job: the next run tries again (the step is safe to repeat).
  if (isTransientSheetsError(e)) return note({ ...job, lastError: SHEETS_UNAVAILABLE }, now, SHEETS_UNAVAILABLE);
  if (e instanceof ConnectionError && e.code === 'QUOTA') {
    // A short burst ("exec qps") passes in seconds: the next run tries again; the day's quota waits for tomorrow.
    if (e.extra['window'] === 'short') return note({ ...job, lastError: BURST_TEXT, resumeAt: now + TRANSIENT_PAUSE_MS }, now, BURST_TEXT);
    return pauseForQuota(job, now);
  }
  if (e instanceof RateLimitError) {
    const until = now + (e.retryAfterMs ?? TRANSIENT_PAUSE_MS);
    const at = new Date(until).toISOString().slice(11, 16);
    return note({ ...job, lastError: text, resumeAt: until }, now, `Rate limited; resuming after ${at} UTC`);
  }
  if (e instanceof JobSaveError) {
    return { ...job, lastError: text, resumeAt: now + TRANSIENT_PAUSE_MS, updatedAt: now };
  }
  if (e instanceof MissingKeyError) {
    // A missing key says nothing about the job: it waits, unchanged, until the key is back.
    return note({ ...job, lastError: `Waiting: ${text}`, resumeAt: now + MISSING_KEY_PAUSE_MS }, now, text);
  }
  // A 2xx the add-on cannot read: asked again a bounded number of runs, then the job stops.
  if (isUnreadableAnswer(e)) return onUnreadable(job, e, now);
  if (e instanceof ServerError || e instanceof ConnectionError) {
    return note({ ...job, lastError: text, resumeAt: now + TRANSIENT_PAUSE_MS }, now, text);
  }
  // A Google service's error in the user's language: tried again for a few runs, never failed at once.
  if (isUnrecognisedError(e)) return onUnrecognised(job, e, now);
  // Everything else (a refused key, a missing scope, no credits, invalid input) fails the job.
  return transition({ ...job, lastError: text }, 'FAILED', now, text);
}
