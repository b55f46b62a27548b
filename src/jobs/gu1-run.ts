/**
 * gu1 runs: the source rows (re-read from the sheet on every run; the job keeps only the source
 * spec and the mapping) go to gu1 as fetchAll waves of `waveSize`; each wave's results are
 * written into the `<title> - gu1` tab before the next wave starts, and the cursor (the first
 * unwritten row) is checkpointed after every wave. A run stops near its time budget and the
 * trigger continues; a run killed mid-wave re-sends that wave without forceRefresh, so gu1's
 * cache answers it and nothing is billed twice. The cost cap stops the run before the wave that
 * would pass it.
 *
 * A row whose answer is lost (or unreadable) is re-sent once within the run. A row that still has
 * no usable answer is never written as failed on that account: it stays unwritten (in `inflight`),
 * the run pauses for a minute with the reason in `lastError`, and a later run sends it again
 * without forceRefresh (gu1's cache answers, nothing is billed twice; counted in `resends`). Only
 * after GIVE_UP_RUNS runs in a row without any usable answer is such a row written as NO_RESPONSE,
 * with the reason in its row, a warning and the summary of the job.
 */
import type { Http } from '../platform/http-types';
import { rememberCosts } from '../providers/gu1/costs';
import { formatUnits } from '../providers/gu1/options';
import type { Gu1Record } from '../providers/gu1/records';
import { readGu1Rows } from './gu1-source';
import { GU1_COLUMNS, GU1_KEY_COLUMNS } from '../providers/gu1/result-rows';
import { sendWave } from '../providers/gu1/wave';
import type { ResultTab } from '../sheet/result-tab';
import { openJobTab } from './job-tabs';
import type { JobEnv } from './handler';
import { dataOf, defineJobKind, type JobKind } from './kind';
import { JobStopError, transition, type Job } from './model';
import { applyError, failureText } from './failure-policy';
import { capWave, GU1_RUN, gu1Summary, nextWave, realign, remainingRows, RESERVE_MS, withData } from './gu1-run-data';
import type { Gu1RunData } from './gu1-run-data';
import { applyWave, finish, pause, pauseUnanswered, reportGivenUp, stopAtCap, stopOnError, withWavePrices } from './gu1-run-wave';

function sendRows(start: Job, records: readonly Gu1Record[], tab: ResultTab, http: Http, env: JobEnv, save: (j: Job) => Job): Job {
  let job = start;
  let waveMs = 0;
  for (;;) {
    let data = dataOf(job, GU1_RUN);
    const concurrency = data.adaptive ? env.concurrency?.('gu1') : undefined;
    const waveSize = concurrency?.size() ?? data.waveSize;
    const plan = nextWave({ ...data, waveSize }, records.length);
    if (plan.indices.length === 0) return finish(job, env.clock.now());
    // A wave that might not finish inside the budget waits for the next run.
    if (!env.deadline.canWait(waveMs, RESERVE_MS)) return job;
    let indices = plan.indices;
    if (!plan.resend) {
      const cap = capWave(data, indices.length);
      if ('stop' in cap) return stopAtCap(job, data, records.length, cap.rowCents, env.clock.now());
      indices = indices.slice(0, cap.fit);
      // Mark the wave first: a run killed mid-wave re-sends it without forceRefresh (gu1's cache
      // answers, nothing is billed twice) and counts what the first sending may have cost.
      data = { ...data, inflight: indices };
      job = save(withData(job, data, records.length));
    }
    const started = env.clock.now();
    const args = indices.map((i) => {
      const r = records[i] as Gu1Record;
      return {
        externalId: r.externalId,
        integrationCodes: data.integrationCodes,
        enrichmentGroupRefs: data.enrichmentGroupRefs,
        parameters: r.parameters,
        forceRefresh: data.forceRefresh,
      };
    });
    const wave = sendWave(http, args, { waveSize, resendOnly: indices.map(() => plan.resend), ...(concurrency ? { concurrency } : {}) });
    // The prices gu1 answered, saved before the tab is written (issue 20): dying while writing
    // re-sends the wave, and its cached answers count "up to" at them instead of at nothing.
    const priced = withWavePrices(data, wave);
    if (priced !== data) {
      data = priced;
      job = save(withData(job, data, records.length));
    }
    const applied = applyWave(job, data, records, indices, wave, tab);
    const now = env.clock.now();
    job = save(applied.givenUp.length > 0 ? reportGivenUp(applied.job, applied.givenUp, now) : applied.job);
    waveMs = Math.max(waveMs, env.clock.now() - started);
    if (applied.stop) return stopOnError(job, dataOf(job, GU1_RUN), records.length, applied.stop, now);
    if (applied.unanswered.length > 0) return pauseUnanswered(job, applied, now);
    if (applied.later) return pause(job, applied.later, now);
    if (applied.notSent) return job;
  }
}

/** The records a submit read (JobEnv.prepared): its first advance reads no rows. */
export class PlannedRecords {
  constructor(readonly records: readonly Gu1Record[]) {}
}

/** The run's records: the submit's in its own execution, else read again (moved columns found by header). */
function recordsFor(job: Job, data: Gu1RunData, env: JobEnv): readonly Gu1Record[] {
  const prepared = env.prepared;
  if (prepared?.jobId === job.id && prepared.plan instanceof PlannedRecords) return prepared.plan.records;
  const cols = { mapping: data.mapping, parameterColumns: data.parameterColumns, mappingHeaders: data.mappingHeaders, parameterHeaders: data.parameterHeaders };
  return readGu1Rows(env.spreadsheet, data.source, cols).records;
}

/** Advance a run; never throws (a failure becomes the job's state with everything written kept). */
function advance(start: Job, stored: Gu1RunData, env: JobEnv): Job {
  let job = start;
  const save = (j: Job): Job => {
    job = j;
    env.checkpoint(j);
    return j;
  };
  let tab: ResultTab | undefined;
  try {
    if (job.state === 'SUBMITTING') job = transition(job, 'FETCHING', env.clock.now(), 'sending rows to gu1');
    const http = env.http('gu1');
    let data = stored;
    const only = data.onlyIds ? new Set(data.onlyIds) : undefined;
    const loaded = recordsFor(job, data, env);
    const records = only ? loaded.filter((r) => only.has(r.externalId)) : loaded;
    data = realign(data, records);
    job = withData(job, data, records.length);
    tab = openJobTab(env, job, 'results', `${job.title} - gu1`, { keyColumns: GU1_KEY_COLUMNS, columns: [...GU1_COLUMNS] });
    job = sendRows(job, records, tab, http, env, save);
  } catch (e) {
    // The newest checkpointed record, not the one the run started from: nothing written is forgotten.
    job = applyError(job, e, env.clock.now(), failureText);
  }
  try {
    const note = `gu1 run "${job.title}" (${job.state}): ${gu1Summary(job)} Updated ${new Date(env.clock.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
    tab?.setNote(env.scrub ? env.scrub(note) : note);
    const data = dataOf(job, GU1_RUN);
    rememberCosts(env.docProps, { costs: data.costs, groups: data.groups }, env.clock.now());
  } catch {
    // The note and the price memory are conveniences; the job record already holds the truth.
  }
  return job;
}

/** The gu1 run handler. */
export function gu1RunHandler(): JobKind<Gu1RunData> {
  return defineJobKind({
    ...GU1_RUN,
    source: ({ source, mapping, mappingHeaders, parameterColumns, parameterHeaders }) => {
      return { source, mapping, mappingHeaders, parameterColumns, parameterHeaders };
    },
    advance,
    /** Resume a stopped run (after a top-up or a new key) from its first unwritten row. */
    refresh(job, data, env) {
      // Rows waiting in `inflight` are unwritten, so they are among the remaining rows.
      const left = remainingRows(data, job.progress.total);
      if (left === 0) throw new JobStopError('Every row of this run is written. Start a new run to enrich the rows again.');
      const cap = capWave(data, 1);
      if ('stop' in cap)
        throw new JobStopError(
          `This run stopped at its cost cap of ${formatUnits(data.costCapCents ?? 0)}. Start a new run with a higher cap for the ${left} rows left.`,
        );
      const { lastError: _e, resumeAt: _r, ...rest } = job;
      return transition({ ...rest, counts: { ...job.counts, notSent: 0 } }, 'FETCHING', env.clock.now(), `resumed: ${left} rows left`);
    },
    /** A scheduled refresh: the whole run again, from the first row, into the same tab (upserts). */
    rerun(job, stored, env) {
      const { cursorId: _c, lostRuns: _l, ...data } = stored;
      const fresh: Gu1RunData = { ...data, cursor: 0, doneAhead: [], inflight: [], spentCents: 0, maybeBilledCents: 0, unpriced: {} };
      const { lastError: _e, resumeAt: _r, ...rest } = job;
      return transition(
        { ...rest, data: fresh, counts: {}, progress: { done: 0, total: job.progress.total } },
        'FETCHING',
        env.clock.now(),
        'scheduled refresh: running every row again',
      );
    },
    summary: gu1Summary,
  });
}
