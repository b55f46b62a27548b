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
import * as z from 'zod/mini';
import { isOutcomeUnknown } from '../platform/billing';
import { ApiError, AuthError, MalformedResponseError, NotFoundError, PermissionError, RateLimitError } from '../platform/errors';
import { NotSentError } from '../platform/http';
import type { Http } from '../platform/http-types';
import { readStatus, statusRequest } from '../providers/openmart/batch-status';
import { buildBatches, idsHash, type PlannedBatch } from '../providers/openmart/build-batches';
import { explain, isOutOfCredits } from '../providers/openmart/errors';
import { BATCH_FIELDS } from '../providers/openmart/fields';
import { readTask, taskRequest } from '../providers/openmart/get-task';
import { companyNames, withCompany } from './openmart-companies';
import { BATCH_KEY, BATCH_TABS, ROW_STATUS, statusRow, taskKey, taskRows, type Row } from '../providers/openmart/result-rows';
import { salvageBatchId } from '../providers/openmart/readers';
import { BATCH_OPS } from '../providers/openmart/schemas';
import { readSubmit, submitRequest } from '../providers/openmart/submit-batch';
import { readTaskIds, taskIdsRequest, type ListedStatus } from '../providers/openmart/task-ids';
import type { ResultTab } from '../sheet/result-tab';
import { openJobTab } from './job-tabs';
import type { JobEnv, JobHandler } from './handler';
import { isOpen, note, transition, warn, type Job } from './model';
import { BatchBook, type Entry } from './openmart-book';
import { PinnedSourceSchema, sourceRows } from './openmart-source';
import { failureText } from './openmart-stop';
import { applyError } from './poller';

export const OM_BATCHES_KIND = 'openmart.batches';

export const OmBatchesDataSchema = z.object({
  op: z.enum(BATCH_OPS),
  source: PinnedSourceSchema,
  mapping: z.record(z.string(), z.number()),
  options: z.unknown(),
  /** Number of ledger entries. */
  batches: z.number(),
  /** Set once Openmart said the credits are used up: nothing more is submitted. */
  outOfCredits: z.optional(z.string()),
  /** The first refusal in full (the ledger keeps short reasons). */
  refused: z.optional(z.string()),
});
export type OmBatchesData = z.infer<typeof OmBatchesDataSchema>;

/** fetchAll wave size (the openmart Http's default): one wave of submits runs in parallel. */
const WAVE = 20;
/** Ready batches whose tasks are read between two checkpoints (<= 200 task reads). */
const FETCH_GROUP = 2;
/** Keep this much of the budget: a lookup wave takes ~27 s, then the writes and the checkpoint. */
const RESERVE_MS = 45_000;

export const UNKNOWN_REASON =
  'Submitted, outcome unknown: Openmart\'s answer was lost or was a gateway error (these come after the work is done), so the batch may or may not exist. It is never resubmitted by itself; use "Resubmit" only if these rows get no results (it may bill twice).';
const LISTED: ListedStatus[] = ['COMPLETED', 'ERRORED', 'CANCELLED'];

function readData(job: Job): OmBatchesData {
  const res = OmBatchesDataSchema.safeParse(job.data);
  if (!res.success) throw new Error(`Job "${job.title}" has damaged saved state; start it again from the sidebar.`);
  return res.data;
}

/** Rebuild the batches from the source rows (ids were written back at submission). */
export function planFromSheet(env: Pick<JobEnv, 'spreadsheet'>, data: Pick<OmBatchesData, 'op' | 'source' | 'mapping' | 'options'>): PlannedBatch[] {
  const rows = sourceRows(env.spreadsheet, data.source, data.mapping, BATCH_FIELDS[data.op], { write: true });
  return buildBatches(data.op, rows.records, data.options).batches;
}

interface Run {
  job: Job;
  data: OmBatchesData;
  book: BatchBook;
  env: JobEnv;
  http: Http;
  plan?: PlannedBatch[];
  tab?: ResultTab;
  /** People tabs: external_id -> company name (openmart-companies.ts), read once per run. */
  companies?: Map<string, string>;
  /** A failure a later run may get past (rate limit, server error, connection). */
  transient?: ApiError;
  /** A failure of the whole job (the key refused): nothing more is sent. */
  fatal?: ApiError;
  written: number;
}

function save(run: Run): void {
  run.book.save();
  run.job = withCounts(run.job, run.data, run.book, run.written);
  run.written = 0;
  run.env.checkpoint(run.job);
}

function tab(run: Run): ResultTab {
  const t = BATCH_TABS[run.data.op];
  run.tab ??= openJobTab(run.env, run.job, t.role, `${run.job.title} - ${t.suffix}`, { keyColumns: BATCH_KEY, columns: t.columns });
  return run.tab;
}

function plan(run: Run): PlannedBatch[] {
  run.plan ??= planFromSheet(run.env, run.data);
  return run.plan;
}

function upsert(run: Run, rows: Row[]): void {
  if (rows.length === 0) return;
  if (BATCH_TABS[run.data.op].role === 'people') rows = withCompany(rows, (run.companies ??= companyNames(run.env, run.data)));
  run.written += tab(run).upsert(rows).inserted;
}

/** Status lines for every row of batch `i`. */
function markRows(run: Run, i: number, status: string, reason: string): void {
  const ids = plan(run)[i]?.ids ?? [];
  upsert(run, ids.map((id) => statusRow(id, status, reason, { batch_id: run.book.get(i).b ?? '' })));
}

function keepTransient(run: Run, e: ApiError): void {
  run.transient ??= e;
}

/** A batch that was being sent when a run died has an unknown outcome. */
function recover(run: Run): void {
  const stuck = run.book.where('sending');
  if (stuck.length === 0) return;
  for (const i of stuck) {
    run.book.set(i, { s: 'unknown', r: 'the run submitting it was stopped before the answer was saved' });
    markRows(run, i, ROW_STATUS.unknown, UNKNOWN_REASON);
  }
  run.job = warn(run.job, `${stuck.length} batch(es) were being submitted when a run stopped: their rows are marked "submitted, outcome unknown".`);
  save(run);
}

/**
 * Whether a failed submit proves what happened to the batch: a 4xx refusal (nothing created:
 * rejected, out of credits, the key) or a 429 (nothing created: sent again). Anything else (no
 * answer, a 2xx with an unreadable body, a 408 or 5xx from a gateway after the batch was
 * created, a 3xx) leaves the batch's fate unknown.
 */
function isClearAnswer(e: ApiError): boolean {
  return !isOutcomeUnknown(e) && e.status >= 400 && e.status < 500;
}

function submit(run: Run): void {
  const pending = run.book.where('pending');
  if (pending.length === 0 || run.data.outOfCredits) return;
  const planned = plan(run);
  for (let g = 0; g < pending.length; g += WAVE) {
    if (run.env.deadline.nearlyOver(RESERVE_MS)) break;
    const sendable: number[] = [];
    for (const i of pending.slice(g, g + WAVE)) {
      const p = planned[i];
      if (!p || idsHash(p.ids) !== run.book.get(i).h) {
        run.book.set(i, { s: 'rejected', r: 'the source rows changed since the job was submitted' });
        continue;
      }
      sendable.push(i);
    }
    for (const i of sendable) run.book.set(i, { s: 'sending' });
    save(run);
    const answers = run.http.requestAll<unknown>(sendable.map((i) => submitRequest(run.data.op, (planned[i] as PlannedBatch).tasks)), { waveSize: WAVE });
    let created = 0;
    sendable.forEach((i, k) => {
      const a = answers[k] as ApiError | { status: number; headers: Record<string, string>; body: unknown };
      if (!(a instanceof ApiError)) {
        try {
          run.book.set(i, { s: 'submitted', b: readSubmit(a, run.data.op) });
          created++;
        } catch (e) {
          // A 2xx we cannot read: the batch probably exists.
          run.book.set(i, { s: 'unknown', r: e instanceof ApiError ? e.message : String(e) });
          markRows(run, i, ROW_STATUS.unknown, UNKNOWN_REASON);
        }
        return;
      }
      const salvaged = a instanceof MalformedResponseError ? salvageBatchId(a.body) : undefined;
      if (salvaged !== undefined) {
        // Cut off in transit, but it names the batch Openmart created (and billed): track that one.
        run.book.set(i, { s: 'submitted', b: salvaged });
        run.job = warn(run.job, 'Openmart\'s answer to a submit arrived cut off; the batch it named is being followed.');
        created++;
        return;
      }
      if (a instanceof NotSentError || a.code === 'QUOTA') {
        // Never left the script: safe to send later.
        run.book.set(i, { s: 'pending' });
        if (a.code === 'QUOTA') keepTransient(run, a);
        return;
      }
      const e = explain(a) as ApiError;
      if (!isClearAnswer(e)) {
        // No answer (lost, timed out), a 2xx whose body could not be read, or a status that says
        // neither "refused" nor "nothing created": the batch may exist, so it is never sent again by itself.
        run.book.set(i, { s: 'unknown', r: e.message });
        markRows(run, i, ROW_STATUS.unknown, UNKNOWN_REASON);
        return;
      }
      if (isOutOfCredits(e)) {
        run.book.set(i, { s: 'pending' });
        run.data = { ...run.data, outOfCredits: e.userMessage() };
      } else if (e instanceof AuthError || e instanceof PermissionError) {
        // The key, not the rows: every batch would be refused the same way.
        run.book.set(i, { s: 'pending' });
        run.fatal ??= e;
      } else if (e instanceof RateLimitError) {
        // A 429: nothing was created, so this batch is sent again later.
        run.book.set(i, { s: 'pending' });
        keepTransient(run, e);
      } else {
        run.book.set(i, { s: 'rejected', r: e.userMessage() });
        run.data.refused ??= e.userMessage().slice(0, 300);
        markRows(run, i, ROW_STATUS.rejected, e.userMessage());
      }
    });
    if (created > 0) run.job = note(run.job, run.env.clock.now(), `${created} batch(es) submitted`);
    save(run);
    if (run.data.outOfCredits || run.transient || run.fatal) break;
  }
  if (run.data.outOfCredits) {
    const left = run.book.where('pending');
    for (const i of left) {
      run.book.set(i, { s: 'skipped', r: 'out of credits' });
      markRows(run, i, ROW_STATUS.notSent, 'not submitted: Openmart credits ran out');
    }
    run.job = note({ ...run.job, data: run.data }, run.env.clock.now(), `Out of credits: ${left.length} batch(es) not submitted`);
    save(run);
  }
}

function poll(run: Run): void {
  const waiting = run.book.where('submitted');
  if (waiting.length === 0) return;
  const answers = run.http.requestAll<unknown>(waiting.map((i) => statusRequest(run.book.get(i).b as string)));
  waiting.forEach((i, k) => {
    const a = answers[k];
    const id = run.book.get(i).b as string;
    if (a instanceof NotSentError) return;
    if (a instanceof NotFoundError) {
      run.book.set(i, { s: 'rejected', r: `Openmart does not know batch ${id}` });
      markRows(run, i, ROW_STATUS.rejected, `Openmart does not know batch ${id}`);
      return;
    }
    try {
      const s = readStatus(a as never, id);
      // Without counters every status is listed and the counts come from the lists.
      if (s.ready) run.book.set(i, { s: 'ready', d: 0, c: s.counts });
    } catch (e) {
      if (e instanceof ApiError) keepTransient(run, e);
      else throw e;
    }
  });
  save(run);
}

/** Rows for the tasks read, plus "COMPLETED" on status lines left from an earlier state. */
function rowsOf(run: Run, tasks: Array<{ task: ReturnType<typeof readTask>; batchId: string }>): Row[] {
  const rows: Row[] = [];
  for (const { task, batchId } of tasks) {
    if (!task.tracking_id) run.job = warn(run.job, 'Openmart returned some results without their tracking_id: they are keyed "task:<task id>" instead of the row\'s external_id.');
    const r = taskRows(run.data.op, task, batchId);
    const key = taskKey(task);
    if (r.length > 0 && r.every((x) => x['index'] !== 0) && tab(run).hasKey(key, 0)) rows.push(statusRow(key, ROW_STATUS.completed, `${r.length} result(s)`, { task_id: task.task_id, batch_id: batchId }));
    rows.push(...r);
  }
  return rows;
}

function fetchReady(run: Run): void {
  const ready = run.book.where('ready');
  for (let g = 0; g < ready.length; g += FETCH_GROUP) {
    if (run.env.deadline.nearlyOver(RESERVE_MS)) return;
    const group = ready.slice(g, g + FETCH_GROUP);
    const lists: Array<{ i: number; status: ListedStatus }> = [];
    for (const i of group) {
      const c = run.book.get(i).c ?? [1, 1, 1];
      LISTED.forEach((status, k) => {
        if ((c[k] ?? 0) > 0) lists.push({ i, status });
      });
    }
    const listed = run.http.requestAll<unknown>(lists.map((l) => taskIdsRequest(run.book.get(l.i).b as string, l.status)));
    const ids = new Map<number, string[] | null>(group.map((i) => [i, []]));
    const lengths = new Map<number, number[]>(group.map((i) => [i, [0, 0, 0]]));
    lists.forEach((l, k) => {
      const a = listed[k];
      const have = ids.get(l.i);
      if (have === null || have === undefined) return;
      try {
        const got = readTaskIds(a as never, run.book.get(l.i).b as string);
        have.push(...got);
        (lengths.get(l.i) as number[])[LISTED.indexOf(l.status)] = got.length;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (!(e instanceof NotSentError)) keepTransient(run, e);
        ids.set(l.i, null);
      }
    });
    const reads: Array<{ i: number; taskId: string }> = [];
    for (const i of group) {
      const list = ids.get(i);
      if (list) for (const taskId of list.slice(run.book.get(i).d ?? 0)) reads.push({ i, taskId });
    }
    // Task reads: waves that adapt to Openmart's answers (no published rate limit).
    const concurrency = run.env.concurrency?.('openmart-reads');
    const answers = reads.length > 0 ? run.http.requestAll<unknown>(reads.map((r) => taskRequest(r.taskId)), concurrency ? { concurrency } : {}) : [];
    const got: Array<{ task: ReturnType<typeof readTask>; batchId: string }> = [];
    const advanced = new Map<number, number>();
    const broken = new Set<number>();
    reads.forEach((r, k) => {
      if (broken.has(r.i)) return;
      try {
        got.push({ task: readTask(answers[k] as never, r.taskId), batchId: run.book.get(r.i).b as string });
        advanced.set(r.i, (advanced.get(r.i) ?? 0) + 1);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        // Only a contiguous prefix counts, so the saved position stays exact.
        broken.add(r.i);
        if (!(e instanceof NotSentError)) keepTransient(run, e);
      }
    });
    upsert(run, rowsOf(run, got));
    for (const i of group) {
      const list = ids.get(i);
      if (!list) continue;
      const d = (run.book.get(i).d ?? 0) + (advanced.get(i) ?? 0);
      const c = run.book.get(i).c ?? lengths.get(i);
      run.book.set(i, d >= list.length ? { s: 'done', d, c } : { d, c });
    }
    save(run);
    if (run.transient) return;
  }
}

function sum(book: BatchBook, pick: (e: Entry) => number): number {
  return book.entries.reduce((n, e) => n + pick(e), 0);
}

/** The job with counters and progress from the ledger; `written` = result rows added since the last count. */
function withCounts(job: Job, data: OmBatchesData, book: BatchBook, written: number): Job {
  const rows = sum(book, (e) => e.n);
  const rowsIn = (s: Entry['s']) => sum(book, (e) => (e.s === s ? e.n : 0));
  const done = sum(book, (e) => (e.s === 'done' || e.s === 'unknown' || e.s === 'rejected' || e.s === 'skipped' ? e.n : e.s === 'ready' ? Math.min(e.n, e.d ?? 0) : 0));
  const counts = {
    ...job.counts,
    rows,
    batches: book.entries.length,
    batchesSubmitted: book.entries.filter((e) => e.b !== undefined).length,
    tasksCompleted: sum(book, (e) => e.c?.[0] ?? 0),
    tasksErrored: sum(book, (e) => e.c?.[1] ?? 0),
    tasksCancelled: sum(book, (e) => e.c?.[2] ?? 0),
    unknownRows: rowsIn('unknown'),
    rejectedRows: rowsIn('rejected'),
    notSentRows: rowsIn('skipped'),
    resultRowsWritten: (job.counts['resultRowsWritten'] ?? 0) + written,
  };
  return { ...job, data, counts, progress: { done, total: rows } };
}

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
  if ((c['unknownRows'] ?? 0) > 0) job = warn(job, `${c['unknownRows']} row(s): submitted, outcome unknown. Resubmit them only if they get no results (it may bill twice).`);
  if ((c['rejectedRows'] ?? 0) > 0) job = warn(job, `${c['rejectedRows']} row(s) were refused by Openmart; the reasons are in the tab.`);
  if (data.outOfCredits) {
    const why = `${data.outOfCredits} ${c['notSentRows'] ?? 0} row(s) were not submitted; the results fetched so far are in the tab.`;
    return transition({ ...job, lastError: why }, 'FAILED', now, why);
  }
  if (book.where('rejected').length === book.entries.length) {
    const why = data.refused ?? book.entries[0]?.r ?? 'Openmart refused every batch.';
    return transition({ ...job, lastError: why }, 'FAILED', now, why);
  }
  return transition(job, 'DONE', now, `${c['resultRowsWritten'] ?? 0} result row(s) written`);
}

/** Load the ledger of a job. */
export function bookOf(job: Job, props: JobEnv['docProps']): BatchBook {
  return BatchBook.load(props, job.id, readData(job).batches);
}

/** The batch job handler. */
export function openmartBatchesHandler(): JobHandler {
  return {
    kind: OM_BATCHES_KIND,
    advance(job, env) {
      const data = readData(job);
      const run: Run = { job, data, book: BatchBook.load(env.docProps, job.id, data.batches), env, http: env.http('openmart'), written: 0 };
      recover(run);
      submit(run);
      if (!run.fatal) {
        poll(run);
        fetchReady(run);
      }
      return settle(run);
    },
  };
}

/**
 * Put a job's unknown-outcome (and, once credits are back, not-sent) batches back in the queue.
 * Returns the rows requeued; the caller warns that an unknown one may bill twice.
 */
export function requeue(job: Job, props: JobEnv['docProps'], now: number): { job: Job; rows: number; unknownRows: number } {
  const data = readData(job);
  const book = BatchBook.load(props, job.id, data.batches);
  let rows = 0;
  let unknownRows = 0;
  for (const i of book.where('unknown', 'skipped')) {
    const e = book.get(i);
    rows += e.n;
    if (e.s === 'unknown') unknownRows += e.n;
    book.set(i, { s: 'pending', b: undefined, r: undefined, d: undefined, c: undefined });
  }
  book.save();
  const { outOfCredits: _o, ...rest } = data;
  const { lastError: _l, resumeAt: _r, ...clean } = job;
  const next = transition({ ...clean, data: rest }, 'SUBMITTING', now, `resubmitting ${rows} row(s) on request`);
  return { job: withCounts(next, rest, book, 0), rows, unknownRows };
}
