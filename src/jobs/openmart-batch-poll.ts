/** An Openmart batch job's status polls: the processing batches asked all now and then, a few in turn between. */
import { ApiError, NotFoundError } from '../platform/errors';
import { NotSentError } from '../platform/http';
import { readStatus, statusRequest } from '../providers/openmart/batch-status';
import { unknownBatch } from '../providers/openmart/errors';
import { ROW_STATUS } from '../providers/openmart/result-rows';
import { keepTransient, markRows, save, type Run } from './openmart-batch-run';
import { askInTurn, readStatusPolls } from './openmart-status-plan';

/** Ask these batches for their status; returns how many turned ready. */
function askStatus(run: Run, batches: readonly number[]): number {
  if (batches.length === 0) return 0;
  const answers = run.http.requestAll<unknown>(batches.map((i) => statusRequest(run.book.get(i).batchId as string)));
  let ready = 0;
  batches.forEach((i, k) => {
    const a = answers[k];
    const id = run.book.get(i).batchId as string;
    if (a instanceof NotSentError) return;
    if (a instanceof NotFoundError) {
      run.book.set(i, { state: 'rejected', reason: unknownBatch(id) });
      markRows(run, i, ROW_STATUS.rejected, unknownBatch(id));
      return;
    }
    try {
      const s = readStatus(a as never, id);
      // Without counters every status is listed and the counts come from the lists.
      if (s.ready) {
        run.book.set(i, { state: 'ready', written: 0, counts: s.counts });
        ready++;
      }
    } catch (e) {
      if (e instanceof ApiError) keepTransient(run, e);
      else throw e;
    }
  });
  return ready;
}

/** Ask the processing batches for their status: all now and then, a few in turn between (openmart-status-plan.ts). */
export function poll(run: Run): void {
  const waiting = run.book.where('submitted');
  if (waiting.length === 0) return;
  // A hint in the document cache, not the job: saving it would count as a change of the jobs.
  const key = `om.polls.${run.job.id}`;
  const was = readStatusPolls(run.env.hints?.get<unknown>(key));
  run.env.hints?.put(
    key,
    askInTurn(waiting, was, run.env.clock.now(), (batches) => askStatus(run, batches)),
  );
  save(run);
}
