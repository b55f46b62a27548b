/**
 * The bounded rule for answers the add-on cannot read: a 2xx whose body is not JSON, or lacks a
 * field the add-on needs, may be a one-off (a truncated transfer), so the job asks again at the
 * next run; after UNREADABLE_RUNS runs in a row with such an answer the job stops FAILED with a
 * sentence naming the route and what was missing. Nothing written is removed, and a failed job is
 * no longer open, so the poll trigger goes when nothing else is. Counted in the job record.
 */
import { MalformedResponseError, PROVIDER_NAMES } from '../platform/errors';
import { note, transition, type Job } from './model';

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

/** After a step: one that met no unreadable answer ends the run of them. */
export function afterStep(before: Job, after: Job): Job {
  const was = before.counts[COUNT] ?? 0;
  if (was === 0 || (after.counts[COUNT] ?? 0) !== was) return after;
  const { [COUNT]: _gone, ...counts } = after.counts;
  return { ...after, counts };
}
