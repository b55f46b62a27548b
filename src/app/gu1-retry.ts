/** Retry failed rows: a finished gu1 run's rows that did not succeed, sent again into its tab. */
import { KeyStore } from '../platform/keys';
import { isOpen, newJob } from '../jobs/model';
import { JobStore } from '../jobs/store';
import { GU1_RUN, GU1_RUN_KIND, type Gu1RunData } from '../jobs/gu1-run-data';
import { readableData } from '../jobs/kind';
import { estimateCost, readKnownCosts } from '../providers/gu1/costs';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';
import { startJob } from './job-start';
import { toView } from './job-view';
import { requireMine } from './owner';
import { JobIdInput } from './jobs';

import { refusedBeforeAnything, type Gu1SubmitResult } from './gu1';

/** At most this many ids go into one retry (the job record must stay under 9 KB). */
const RETRY_LIMIT = 300;

/**
 * The external_ids whose rows in a gu1 tab did not succeed and may succeed on a retry (an
 * integration failed, no answer), and those whose failures gu1 marked `retryable: false` only
 * (sending them again would fail the same way).
 */
export function failedIds(ctx: AppContext, tabName: string): { retry: string[]; final: string[] } {
  const sheet = ctx.spreadsheet().getSheetByName(tabName);
  if (!sheet || sheet.getLastRow() < 2) return { retry: [], final: [] };
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => String(h));
  const id = header.indexOf('external_id');
  const ok = header.indexOf('success');
  const retryable = header.indexOf('error_retryable');
  if (id < 0 || ok < 0) return { retry: [], final: [] };
  const retry = new Set<string>();
  const final = new Set<string>();
  for (const row of values.slice(1)) {
    const value = row[ok];
    const key = String(row[id] ?? '');
    if (value === true || String(value).toUpperCase() === 'TRUE' || key === '') continue;
    const flag = retryable < 0 ? '' : String(row[retryable]).toUpperCase();
    if (flag === 'FALSE') final.add(key);
    else retry.add(key);
  }
  return { retry: [...retry], final: [...final].filter((k) => !retry.has(k)) };
}

/** "N row(s) failed with errors gu1 marked not retryable". */
function notRetryable(n: number): string {
  return `${n} row(s) failed with errors gu1 marked not retryable (error_retryable FALSE)`;
}

/**
 * Send again, into the same tab, only the rows of a finished gu1 run that did not succeed
 * (without forceRefresh unless the run had it: gu1's cache keeps successes, not failures).
 */
export function retryGu1FailedRows(ctx: AppContext, input: unknown): Gu1SubmitResult {
  const { jobId } = parseInput(JobIdInput, input, 'the job');
  new KeyStore(ctx.userProps()).require('gu1');
  const old = new JobStore(ctx.docProps()).get(jobId);
  if (!old || old.kind !== GU1_RUN_KIND) throw new UserInputError('That gu1 job no longer exists. Refresh the Jobs list.');
  requireMine(ctx, old, 'retry rows of');
  if (isOpen(old)) throw new UserInputError('This run is still going; retry its failed rows once it has finished.');
  const tabName = old.tabs['results'] ?? '';
  const failed = failedIds(ctx, tabName);
  const ids = failed.retry;
  if (ids.length === 0 && failed.final.length === 0) throw new UserInputError(`Every row in "${tabName}" succeeded: nothing to retry.`);
  if (ids.length === 0)
    throw new UserInputError(
      `${notRetryable(failed.final.length)}; nothing to retry. Fix those entities in gu1 (see error_code and error_message in "${tabName}") and run them again.`,
    );
  const data = readableData(old, GU1_RUN);
  if (!data) throw new UserInputError('This run has damaged saved state; start a new run from the gu1 section.');
  const retry = ids.slice(0, RETRY_LIMIT);
  const { cursorId: _c, ...rest } = data;
  const fresh: Gu1RunData = { ...rest, cursor: 0, doneAhead: [], inflight: [], spentCents: 0, maybeBilledCents: 0, onlyIds: retry };
  const job = newJob({
    id: ctx.uuid(),
    provider: 'gu1',
    kind: GU1_RUN_KIND,
    title: `${old.title} (retry)`,
    now: ctx.clock.now(),
    tabs: { results: tabName },
    data: fresh,
    total: retry.length,
  });
  job.counts = { rows: retry.length, rowsDone: 0, rowsFailed: 0, rowsNotFound: 0, costCents: 0, resends: 0 };
  if (ids.length > RETRY_LIMIT) job.warnings.push(`${ids.length} rows failed; this retry sends the first ${RETRY_LIMIT}. Retry again for the rest.`);
  if (failed.final.length > 0) job.warnings.push(`${notRetryable(failed.final.length)}; they are not sent again.`);
  const { job: latest, notice } = startJob(ctx, job, { refused: refusedBeforeAnything });
  return {
    job: toView(latest),
    invalid: [],
    invalidCount: 0,
    estimate: estimateCost(retry.length, data.integrationCodes, data.enrichmentGroupRefs, readKnownCosts(ctx.docProps())),
    notice,
  };
}
