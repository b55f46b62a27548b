/** What one gu1 wave's answers do to a run: rows written, costs learnt, pauses, stops. */
import { stopSentence } from '../providers/gu1/errors';
import type { ApiError } from '../platform/errors';
import { NotSentError } from '../platform/http';
import { hiddenCost, learnFromResponse, type KnownCosts, rowCost, settleUnpriced } from '../providers/gu1/costs';
import { totalCostCents } from '../providers/gu1/enrich-by-external-id';
import { formatUnits } from '../providers/gu1/options';
import type { Gu1Record } from '../providers/gu1/records';
import { requestErrorRows, responseRows, type Row } from '../providers/gu1/result-rows';
import type { WaveOutcome } from '../providers/gu1/wave';
import type { ResultTab } from '../sheet/result-tab';
import { failureText } from './failure-policy';
import { dataOf } from './kind';
import { note, transition, warn, type Job } from './model';
import { count, GIVE_UP_RUNS, GU1_RUN, gu1Summary, PAUSE_MS, processed, remainingRows, withData } from './gu1-run-data';
import type { Gu1RunData } from './gu1-run-data';

export interface Applied {
  job: Job;
  stop?: ApiError;
  later?: ApiError;
  notSent: boolean;
  /** Rows left unwritten because gu1 gave no usable answer (sent again at a later run). */
  unanswered: ApiError[];
  /** Rows written as NO_RESPONSE because gu1 gave no usable answer for GIVE_UP_RUNS runs in a row. */
  givenUp: ApiError[];
}

/** The row text of a row given up after GIVE_UP_RUNS runs without a usable answer. */
export function givenUpMessage(e: ApiError): string {
  return `No usable answer from gu1 in ${GIVE_UP_RUNS} runs in a row (last: ${failureText(e)}). gu1 may have processed it once; run it again later without forceRefresh and gu1's cache answers it without billing again.`;
}

/**
 * The run's data with the prices the wave's paid answers show (the same object when they teach
 * nothing new). Checkpointed before the answers are written: a run that dies writing them re-sends
 * the wave, gu1's cache answers at 0 cost, and those rows count "up to" at these prices.
 */
export function withWavePrices(data: Gu1RunData, wave: WaveOutcome): Gu1RunData {
  let known: KnownCosts = { costs: data.costs, groups: data.groups };
  for (const o of wave.outcomes) if (o.kind === 'ok') known = learnFromResponse(known, o.res, data);
  const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (same(known.costs, data.costs) && same(known.groups, data.groups)) return data;
  return { ...data, costs: known.costs, groups: known.groups };
}

/** Write one wave's answers into the tab and account for them in the job. */
export function applyWave(job: Job, data: Gu1RunData, records: readonly Gu1Record[], indices: readonly number[], wave: WaveOutcome, tab: ResultTab): Applied {
  const rows: Row[] = [];
  const written: number[] = [];
  const inflight: number[] = [];
  const counts = { ...job.counts };
  const add = (k: string, by = 1): void => {
    counts[k] = (counts[k] ?? 0) + by;
  };
  let known: KnownCosts = { costs: data.costs, groups: data.groups };
  // Learn the wave's prices first, so a cached answer early in the wave is counted at them.
  for (const o of wave.outcomes) if (o.kind === 'ok') known = learnFromResponse(known, o.res, data);
  let spent = data.spentCents;
  let maybe = data.maybeBilledCents;
  const unpriced: Record<string, number> = { ...(data.unpriced ?? {}) };
  const out: Applied = { job, notSent: false, unanswered: [], givenUp: [] };
  // Any usable answer shows gu1 answers again; rows without one make this run count as one more without.
  const answered = wave.outcomes.some((o) => o.kind === 'ok' || o.kind === 'notFound' || o.kind === 'rowError');
  const unanswered = wave.outcomes.some((o) => o.kind === 'unanswered');
  const lostRuns = (answered ? 0 : (data.lostRuns ?? 0)) + (unanswered ? 1 : 0);
  const giveUp = lostRuns >= GIVE_UP_RUNS;
  wave.outcomes.forEach((o, k) => {
    const i = indices[k] as number;
    const rec = records[i] as Gu1Record;
    if (o.kind === 'ok') {
      const got = responseRows(rec.externalId, o.res, data.integrationCodes);
      rows.push(...got.rows);
      written.push(i);
      const failed = got.rows.filter((r) => r['success'] === false).length;
      add('resultsOk', got.rows.length - failed);
      add('resultsFailed', failed);
      if (got.unkeyed > 0) add('unkeyedResults', got.unkeyed);
      add(failed > 0 ? 'rowsFailed' : 'rowsDone');
      // Every failure of the row marked not retryable by gu1: "Retry failed rows" would not send it.
      if (failed > 0 && got.rows.every((r) => r['success'] !== false || r['error_retryable'] === false)) add('rowsFinal');
      spent += totalCostCents(o.res);
      // A cached answer (a re-send after a lost answer, a duplicate delivery) may hide a charge: "up to".
      const hidden = hiddenCost(o.res, known);
      maybe += hidden.cents;
      for (const code of hidden.unpriced) unpriced[code] = (unpriced[code] ?? 0) + 1;
    } else if (o.kind === 'notFound' || o.kind === 'rowError') {
      rows.push(
        ...requestErrorRows(rec.externalId, data.integrationCodes, data.enrichmentGroupRefs, o.kind === 'notFound' ? 'ENTITY_NOT_FOUND' : o.code, o.message),
      );
      written.push(i);
      add(o.kind === 'notFound' ? 'rowsNotFound' : 'rowsFailed');
    } else if (o.kind === 'unanswered') {
      if (giveUp) {
        rows.push(...requestErrorRows(rec.externalId, data.integrationCodes, data.enrichmentGroupRefs, 'NO_RESPONSE', givenUpMessage(o.error)));
        written.push(i);
        add('rowsFailed');
        add('noResponse');
        // gu1 may have billed one of its sends (a lost answer is processed): count it as "up to".
        maybe += rowCost(data.integrationCodes, data.enrichmentGroupRefs, known).knownCents;
        out.givenUp.push(o.error);
      } else {
        inflight.push(i);
        out.unanswered.push(o.error);
      }
    } else if (o.kind === 'stop') {
      out.stop ??= o.error;
    } else {
      if (o.error instanceof NotSentError) out.notSent = true;
      else out.later ??= o.error;
      if (o.resend) inflight.push(i);
    }
  });
  if (rows.length > 0) tab.upsert(rows);
  const settled = settleUnpriced(unpriced, known);
  maybe += settled.cents;
  const done = new Set([...data.doneAhead, ...written]);
  let cursor = data.cursor;
  while (done.has(cursor)) cursor++;
  const next: Gu1RunData = {
    ...data,
    cursor,
    doneAhead: [...done].filter((i) => i > cursor).sort((a, b) => a - b),
    inflight,
    spentCents: spent,
    maybeBilledCents: maybe,
    unpriced: settled.left,
    costs: known.costs,
    groups: known.groups,
  };
  if (lostRuns > 0) next.lostRuns = lostRuns;
  else delete next.lostRuns;
  const cursorId = records[cursor]?.externalId;
  if (cursorId === undefined) delete next.cursorId;
  else next.cursorId = cursorId;
  counts['resends'] = (counts['resends'] ?? 0) + wave.resends;
  out.job = withData({ ...job, counts }, next, records.length);
  return out;
}

export function finish(job: Job, now: number): Job {
  let next = job;
  if (count(job, 'resends') > 0)
    next = warn(next, `${count(job, 'resends')} rows were re-sent after a lost response, without forceRefresh, so gu1's cache answered them.`);
  return transition(next, 'DONE', now, gu1Summary(next));
}

/** Pause after a wave that left rows without a usable answer: a later run sends them again. */
export function pauseUnanswered(job: Job, applied: Applied, now: number): Job {
  const runs = dataOf(job, GU1_RUN).lostRuns ?? 1;
  const n = applied.unanswered.length;
  const first = applied.unanswered[0] as ApiError;
  const text = `gu1 gave no usable answer for ${n} row(s) (${failureText(first)}). They are not written yet and go again at the next run, without forceRefresh, so gu1's cache answers them and nothing is billed twice (${runs} of ${GIVE_UP_RUNS} runs in a row without an answer; after that they are marked NO_RESPONSE).`;
  const until = now + Math.max(PAUSE_MS, applied.later?.retryAfterMs ?? 0);
  return note({ ...job, lastError: text, resumeAt: until }, now, `paused: ${n} row(s) without a usable answer from gu1; sending them again after a pause`);
}

/** Say in the job that rows were given up (their rows say why). */
export function reportGivenUp(job: Job, givenUp: readonly ApiError[], now: number): Job {
  const tail = ` rows got no usable answer from gu1 in ${GIVE_UP_RUNS} runs in a row and are marked NO_RESPONSE`;
  const text = `${count(job, 'noResponse')}${tail} (last: ${failureText(givenUp[0])}). Run them again later without forceRefresh: gu1's cache answers them without billing again.`;
  // One warning, its count kept current.
  const others = { ...job, warnings: job.warnings.filter((w) => !w.includes(tail)) };
  return note(warn(others, text), now, `${givenUp.length} row(s) marked NO_RESPONSE after ${GIVE_UP_RUNS} runs in a row without a usable answer from gu1`);
}

export function stopAtCap(job: Job, data: Gu1RunData, total: number, rowCents: number | null, now: number): Job {
  const cap = data.costCapCents ?? 0;
  const left = remainingRows(data, total);
  const next = rowCents === null ? 'the next row costs an unknown amount that may pass it' : `the next row would cost up to ${formatUnits(rowCents)}`;
  const text = `Stopped at the cost cap of ${formatUnits(cap)}: ${formatUnits(data.spentCents + data.maybeBilledCents)} spent and ${next}; ${left} rows not sent.`;
  const stopped = { ...job, counts: { ...job.counts, notSent: left } };
  return transition(warn(stopped, text), 'DONE', now, text);
}

export function stopOnError(job: Job, data: Gu1RunData, total: number, e: ApiError, now: number): Job {
  const left = remainingRows(data, total);
  // Stopped before any row was written: nothing to keep, so nothing to say about it.
  const done = processed(job);
  const kept = done > 0 ? `${done} rows written before it stopped are kept` : null;
  const text = stopSentence(e, kept);
  return transition({ ...job, lastError: text, counts: { ...job.counts, notSent: left } }, 'FAILED', now, text);
}

export function pause(job: Job, e: ApiError, now: number): Job {
  const until = now + (e.retryAfterMs ?? PAUSE_MS);
  return note({ ...job, lastError: failureText(e), resumeAt: until }, now, `paused: ${failureText(e)}`);
}

/** Send waves until every row is written, the budget is spent, or something stops the run. */
