/**
 * The bounded rule for answers the add-on cannot read: a 2xx whose body is not JSON, or lacks a
 * field the add-on needs, may be a one-off (a truncated transfer), so the job asks again at the
 * next run; after UNREADABLE_RUNS runs in a row with such an answer the job stops FAILED with a
 * sentence naming the route and what was missing. Nothing written is removed, and a failed job is
 * no longer open, so the poll trigger goes when nothing else is. Counted in the job record.
 * The same bounded rule holds for an error of a Google service the add-on does not recognise.
 */
import { MalformedResponseError, PROVIDER_NAMES } from '../platform/errors';
import { JobStopError, note, transition, type Job } from './model';

/** Runs in a row with an unreadable answer before the job fails. */
export const UNREADABLE_RUNS = 3;
const COUNT = 'unreadableRuns';
const PAUSE_MS = 60_000;

/** A 2xx whose body could not be read (truncated JSON, a shape without a required field). */
export function isUnreadableAnswer(e: unknown): e is MalformedResponseError {
  return e instanceof MalformedResponseError && e.status >= 200 && e.status < 300;
}

/** The job after one more run ended on an unreadable answer: paused, or failed at the limit. */
export function onUnreadable(job: Job, e: MalformedResponseError, now: number): Job {
  const runs = (job.counts[COUNT] ?? 0) + 1;
  const counted: Job = { ...job, counts: { ...job.counts, [COUNT]: runs } };
  const who = PROVIDER_NAMES[e.provider];
  const said = e.requestId ? ` (request id ${e.requestId})` : '';
  if (runs < UNREADABLE_RUNS) {
    const text = `${who} sent an answer the add-on cannot read: ${e.message}${said}. Asked again at the next run (${runs} of ${UNREADABLE_RUNS} tries).`;
    return note({ ...counted, lastError: text, resumeAt: now + PAUSE_MS }, now, text);
  }
  const why = `Stopped: ${who} answered ${UNREADABLE_RUNS} runs in a row with something the add-on cannot read: ${e.message}${said}. Everything written so far is kept in the tab(s). Report this to ${who}; start the job again once they fix it.`;
  return transition({ ...counted, lastError: why }, 'FAILED', now, why);
}

/** Runs in a row ending on an error the add-on does not recognise before the job fails. */
export const UNRECOGNISED_RUNS = 3;
const UNRECOGNISED = 'unrecognisedRuns';

/**
 * A plain Error, not one of the add-on's own (JobStopError, the API errors): an Apps Script
 * service's, whose text is in the user's language (docs/PLATFORM.md), so no rule can match it.
 */
export function isUnrecognisedError(e: unknown): e is Error {
  return e instanceof Error && !(e instanceof JobStopError) && Object.getPrototypeOf(e) === Error.prototype;
}

/** The job after one more run ended on such an error: tried again at the next run, failed at the limit. */
export function onUnrecognised(job: Job, e: Error, now: number): Job {
  const runs = (job.counts[UNRECOGNISED] ?? 0) + 1;
  const counted: Job = { ...job, counts: { ...job.counts, [UNRECOGNISED]: runs } };
  const said = e.message.slice(0, 300);
  if (runs < UNRECOGNISED_RUNS) {
    const text = `A Google service stopped this step with an error the add-on does not know ("${said}"); it tries again at the next run (${runs} of ${UNRECOGNISED_RUNS} tries).`;
    return note({ ...counted, lastError: text, resumeAt: now + PAUSE_MS }, now, text);
  }
  const why = `Stopped: a Google service stopped this job ${UNRECOGNISED_RUNS} runs in a row with an error the add-on does not know ("${said}"). Everything written so far is kept in the tab(s); start the job again later.`;
  return transition({ ...counted, lastError: why }, 'FAILED', now, why);
}

/** After a step: one that met no unreadable answer (or unknown error) ends the run of them. */
export function afterStep(before: Job, after: Job): Job {
  let out = after;
  for (const key of [COUNT, UNRECOGNISED]) {
    const was = before.counts[key] ?? 0;
    if (was === 0 || (out.counts[key] ?? 0) !== was) continue;
    const { [key]: _gone, ...counts } = out.counts;
    out = { ...out, counts };
  }
  return out;
}
