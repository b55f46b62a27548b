/**
 * Openmart batch jobs (find_people, find_tech, lookup_business_email, lookup_people): rows are
 * split into batches of 100 (tracking_id = external_id) and submitted in fetchAll waves, so the
 * ~26 s lookup routes run in parallel; batches are polled; ready batches have their task ids
 * listed and their tasks read in waves, and results go to `<job> - People|Emails|Tech`.
 *
 * Batches have no Idempotency-Key and cannot be listed, so a submit is never repeated unless
 * Openmart proved nothing was created (a 429, retried by Http; the route is `billed` in the billing
 * table): a batch is marked `sending` (saved) before its wave, and one whose answer was lost or
 * unreadable (a 2xx with a truncated body), a 408 or 5xx (gateways answer those after the batch
 * was created), anything but a 4xx refusal or a 429, or that was `sending` when a run died,
 * becomes `unknown`; its rows say "submitted, outcome unknown" until the user resubmits.
 * All batch state lives in the ledger (openmart-book.ts), never in the rows or task ids.
 */
import type { JobEnv } from './handler';
import { dataOf, defineJobKind, type JobKind } from './kind';
import { isOpen, transition, warn, type Job } from './model';
import { BatchBook } from './openmart-book';
import { applyError, failureText } from './failure-policy';
import { OM_BATCHES, withCounts, type OmBatchesData } from './openmart-batch-data';
import { poll } from './openmart-batch-poll';
import { fetchReady, recover, submit, type Run } from './openmart-batch-run';

function settle(run: Run): Job {
  const { book, data } = run;
  const now = run.env.clock.now();
  let job = withCounts(run.job, data, book, run.written);
  if (run.fatal) {
    const why = run.fatal.userMessage();
    return transition({ ...job, lastError: why }, 'FAILED', now, why);
  }
  if (run.transient) {
    // Rate limits, server errors and unreadable answers (a bounded number of runs: unreadable.ts) pause the job.
    job = applyError(job, run.transient, now, failureText);
    if (!isOpen(job)) return job;
  }
  if (book.where('pending', 'sending').length > 0 && !data.outOfCredits) return transition(job, 'SUBMITTING', now);
  if (book.where('submitted').length > 0) return transition(job, 'WAITING', now);
  if (book.where('ready').length > 0) return transition(job, 'FETCHING', now);
  const c = job.counts;
  if ((c['tasksErrored'] ?? 0) > 0) job = warn(job, `${c['tasksErrored']} row(s) ended ERRORED at Openmart; the reasons are in the tab.`);
  if ((c['unknownRows'] ?? 0) > 0)
    job = warn(job, `${c['unknownRows']} row(s): submitted, outcome unknown. Resubmit them only if they get no results (it may bill twice).`);
  if ((c['rejectedRows'] ?? 0) > 0) job = warn(job, `${c['rejectedRows']} row(s) were refused by Openmart; the reasons are in the tab.`);
  if (data.outOfCredits) {
    const why = `${data.outOfCredits} ${c['notSentRows'] ?? 0} row(s) were not submitted; the results fetched so far are in the tab.`;
    return transition({ ...job, lastError: why }, 'FAILED', now, why);
  }
  if (book.where('rejected').length === book.entries.length) {
    const why = data.refused ?? book.entries[0]?.reason ?? 'Openmart refused every batch.';
    return transition({ ...job, lastError: why }, 'FAILED', now, why);
  }
  return transition(job, 'DONE', now, `${c['resultRowsWritten'] ?? 0} result row(s) written`);
}

/** The batch job kind: its ledger goes with the job. */
export function openmartBatchesHandler(): JobKind<OmBatchesData> {
  return defineJobKind({
    ...OM_BATCHES,
    cleanup: (props, jobId) => BatchBook.remove(props, jobId),
    source: ({ source, mapping, mappingHeaders }) => ({ source, mapping, mappingHeaders }),
    advance(job, data, env) {
      const run: Run = { job, data, book: BatchBook.load(env.docProps, job.id, data.batches), env, http: env.http('openmart'), written: 0 };
      recover(run);
      submit(run);
      if (!run.fatal) {
        poll(run);
        fetchReady(run);
      }
      return settle(run);
    },
  });
}

/**
 * Put a job's unknown-outcome (and, once credits are back, not-sent) batches back in the queue.
 * Returns the rows requeued; the caller warns that an unknown one may bill twice.
 */
export function requeue(job: Job, props: JobEnv['docProps'], now: number): { job: Job; rows: number; unknownRows: number } {
  const data = dataOf(job, OM_BATCHES);
  const book = BatchBook.load(props, job.id, data.batches);
  let rows = 0;
  let unknownRows = 0;
  for (const i of book.where('unknown', 'skipped')) {
    const e = book.get(i);
    rows += e.rows;
    if (e.state === 'unknown') unknownRows += e.rows;
    book.set(i, { state: 'pending', batchId: undefined, reason: undefined, written: undefined, counts: undefined });
  }
  book.save();
  const { outOfCredits: _o, ...rest } = data;
  const { lastError: _l, resumeAt: _r, ...clean } = job;
  const next = transition({ ...clean, data: rest }, 'SUBMITTING', now, `resubmitting ${rows} row(s) on request`);
  return { job: withCounts(next, rest, book, 0), rows, unknownRows };
}
