/** One execution of an Openmart batch job: submit waves, poll batches, fetch ready tasks (see openmart-batches.ts). */
import { companyNames, withCompany } from './openmart-companies';
import { isOutcomeUnknown } from '../platform/billing';
import { ApiError, AuthError, MalformedResponseError, PermissionError, RateLimitError } from '../platform/errors';
import { NotSentError } from '../platform/http';
import type { Http } from '../platform/http-types';
import { idsHash, type PlannedBatch } from '../providers/openmart/build-batches';
import { explain, isOutOfCredits } from '../providers/openmart/errors';
import { readTask, taskRequest } from '../providers/openmart/get-task';
import { BATCH_KEY, BATCH_TABS, ROW_STATUS, statusRow, taskKey, taskRows, type Row } from '../providers/openmart/result-rows';
import { salvageBatchId } from '../providers/openmart/readers';
import { readSubmit, submitRequest } from '../providers/openmart/submit-batch';
import { readTaskIds, taskIdsRequest, type ListedStatus } from '../providers/openmart/task-ids';
import type { ResultTab } from '../sheet/result-tab';
import { openJobTab } from './job-tabs';
import type { JobEnv } from './handler';
import { note, warn, type Job } from './model';
import type { BatchBook } from './openmart-book';
import { withCounts, FETCH_GROUP, LISTED, planFromSheet, RESERVE_MS, UNKNOWN_REASON, WAVE, type OmBatchesData } from './openmart-batch-data';

export interface Run {
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

export function save(run: Run): void {
  run.book.save();
  run.job = withCounts(run.job, run.data, run.book, run.written);
  run.written = 0;
  run.env.checkpoint(run.job);
}

export function tab(run: Run): ResultTab {
  const t = BATCH_TABS[run.data.op];
  run.tab ??= openJobTab(run.env, run.job, t.role, `${run.job.title} - ${t.suffix}`, { keyColumns: BATCH_KEY, columns: t.columns });
  return run.tab;
}

export function plan(run: Run): PlannedBatch[] {
  run.plan ??= planFromSheet(run.env, run.job, run.data);
  return run.plan;
}

export function upsert(run: Run, rows: Row[]): void {
  if (rows.length === 0) return;
  if (BATCH_TABS[run.data.op].role === 'people') rows = withCompany(rows, (run.companies ??= companyNames(run.env, run.data)));
  run.written += tab(run).upsert(rows).inserted;
}

/** Status lines for every row of batch `i`. */
export function markRows(run: Run, i: number, status: string, reason: string): void {
  const ids = plan(run)[i]?.ids ?? [];
  upsert(
    run,
    ids.map((id) => statusRow(id, status, reason, { batch_id: run.book.get(i).batchId ?? '' })),
  );
}

export function keepTransient(run: Run, e: ApiError): void {
  run.transient ??= e;
}

/** A batch that was being sent when a run died has an unknown outcome. */
export function recover(run: Run): void {
  const stuck = run.book.where('sending');
  if (stuck.length === 0) return;
  for (const i of stuck) {
    run.book.set(i, { state: 'unknown', reason: 'the run submitting it was stopped before the answer was saved' });
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
export function isClearAnswer(e: ApiError): boolean {
  return !isOutcomeUnknown(e) && e.status >= 400 && e.status < 500;
}

export function submit(run: Run): void {
  const pending = run.book.where('pending');
  if (pending.length === 0 || run.data.outOfCredits) return;
  const planned = plan(run);
  for (let g = 0; g < pending.length; g += WAVE) {
    if (run.env.deadline.nearlyOver(RESERVE_MS)) break;
    const sendable: number[] = [];
    for (const i of pending.slice(g, g + WAVE)) {
      const p = planned[i];
      if (!p || idsHash(p.ids) !== run.book.get(i).hash) {
        run.book.set(i, { state: 'rejected', reason: 'the source rows changed since the job was submitted' });
        continue;
      }
      sendable.push(i);
    }
    for (const i of sendable) run.book.set(i, { state: 'sending' });
    save(run);
    const answers = run.http.requestAll<unknown>(
      sendable.map((i) => submitRequest(run.data.op, (planned[i] as PlannedBatch).tasks)),
      { waveSize: WAVE },
    );
    let created = 0;
    sendable.forEach((i, k) => {
      const a = answers[k] as ApiError | { status: number; headers: Record<string, string>; body: unknown };
      if (!(a instanceof ApiError)) {
        try {
          run.book.set(i, { state: 'submitted', batchId: readSubmit(a, run.data.op) });
          created++;
        } catch (e) {
          // A 2xx we cannot read: the batch probably exists.
          run.book.set(i, { state: 'unknown', reason: e instanceof ApiError ? e.message : String(e) });
          markRows(run, i, ROW_STATUS.unknown, UNKNOWN_REASON);
        }
        return;
      }
      const salvaged = a instanceof MalformedResponseError ? salvageBatchId(a.body) : undefined;
      if (salvaged !== undefined) {
        // Cut off in transit, but it names the batch Openmart created (and billed): track that one.
        run.book.set(i, { state: 'submitted', batchId: salvaged });
        run.job = warn(run.job, "Openmart's answer to a submit arrived cut off; the batch it named is being followed.");
        created++;
        return;
      }
      if (a instanceof NotSentError || a.code === 'QUOTA') {
        // Never left the script: safe to send later.
        run.book.set(i, { state: 'pending' });
        if (a.code === 'QUOTA') keepTransient(run, a);
        return;
      }
      const e = explain(a) as ApiError;
      if (!isClearAnswer(e)) {
        // No answer (lost, timed out), a 2xx whose body could not be read, or a status that says
        // neither "refused" nor "nothing created": the batch may exist, so it is never sent again by itself.
        run.book.set(i, { state: 'unknown', reason: e.message });
        markRows(run, i, ROW_STATUS.unknown, UNKNOWN_REASON);
        return;
      }
      if (isOutOfCredits(e)) {
        run.book.set(i, { state: 'pending' });
        run.data = { ...run.data, outOfCredits: e.userMessage() };
      } else if (e instanceof AuthError || e instanceof PermissionError) {
        // The key, not the rows: every batch would be refused the same way.
        run.book.set(i, { state: 'pending' });
        run.fatal ??= e;
      } else if (e instanceof RateLimitError) {
        // A 429: nothing was created, so this batch is sent again later.
        run.book.set(i, { state: 'pending' });
        keepTransient(run, e);
      } else {
        run.book.set(i, { state: 'rejected', reason: e.userMessage() });
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
      run.book.set(i, { state: 'skipped', reason: 'out of credits' });
      markRows(run, i, ROW_STATUS.notSent, 'not submitted: Openmart credits ran out');
    }
    run.job = note({ ...run.job, data: run.data }, run.env.clock.now(), `Out of credits: ${left.length} batch(es) not submitted`);
    save(run);
  }
}

/** Rows for the tasks read, plus "COMPLETED" on status lines left from an earlier state. */
export function rowsOf(run: Run, tasks: Array<{ task: ReturnType<typeof readTask>; batchId: string }>): Row[] {
  const rows: Row[] = [];
  for (const { task, batchId } of tasks) {
    if (!task.tracking_id)
      run.job = warn(run.job, 'Openmart returned some results without their tracking_id: they are keyed "task:<task id>" instead of the row\'s external_id.');
    const r = taskRows(run.data.op, task, batchId);
    const key = taskKey(task);
    if (r.length > 0 && r.every((x) => x['index'] !== 0) && tab(run).hasKey(key, 0))
      rows.push(statusRow(key, ROW_STATUS.completed, `${r.length} result(s)`, { task_id: task.task_id, batch_id: batchId }));
    rows.push(...r);
  }
  return rows;
}

export function fetchReady(run: Run): void {
  const ready = run.book.where('ready');
  for (let g = 0; g < ready.length; g += FETCH_GROUP) {
    if (run.env.deadline.nearlyOver(RESERVE_MS)) return;
    const group = ready.slice(g, g + FETCH_GROUP);
    const lists: Array<{ i: number; status: ListedStatus }> = [];
    for (const i of group) {
      const c = run.book.get(i).counts ?? [1, 1, 1];
      LISTED.forEach((status, k) => {
        if ((c[k] ?? 0) > 0) lists.push({ i, status });
      });
    }
    const listed = run.http.requestAll<unknown>(lists.map((l) => taskIdsRequest(run.book.get(l.i).batchId as string, l.status)));
    const ids = new Map<number, string[] | null>(group.map((i) => [i, []]));
    const lengths = new Map<number, number[]>(group.map((i) => [i, [0, 0, 0]]));
    lists.forEach((l, k) => {
      const a = listed[k];
      const have = ids.get(l.i);
      if (have === null || have === undefined) return;
      try {
        const got = readTaskIds(a as never, run.book.get(l.i).batchId as string);
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
      if (list) for (const taskId of list.slice(run.book.get(i).written ?? 0)) reads.push({ i, taskId });
    }
    // Task reads: waves that adapt to Openmart's answers (no published rate limit).
    const concurrency = run.env.concurrency?.('openmart-reads');
    const answers =
      reads.length > 0
        ? run.http.requestAll<unknown>(
            reads.map((r) => taskRequest(r.taskId)),
            concurrency ? { concurrency } : {},
          )
        : [];
    const got: Array<{ task: ReturnType<typeof readTask>; batchId: string }> = [];
    const advanced = new Map<number, number>();
    const broken = new Set<number>();
    reads.forEach((r, k) => {
      if (broken.has(r.i)) return;
      try {
        got.push({ task: readTask(answers[k] as never, r.taskId), batchId: run.book.get(r.i).batchId as string });
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
      const written = (run.book.get(i).written ?? 0) + (advanced.get(i) ?? 0);
      const counts = run.book.get(i).counts ?? lengths.get(i);
      run.book.set(i, written >= list.length ? { state: 'done', written, counts } : { written, counts });
    }
    save(run);
    if (run.transient) return;
  }
}
