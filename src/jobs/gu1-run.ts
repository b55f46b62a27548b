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
import { unknownCodeText } from '../providers/gu1/codes';
import * as z from 'zod/mini';
import { PinnedSourceSchema } from '../sheet/source';
import { ApiError, AuthError, PaymentError } from '../platform/errors';
import { NotSentError } from '../platform/http';
import type { Http } from '../platform/http-types';
import { gu1CostLine, hiddenCost, learnFromResponse, type KnownCosts, rememberCosts, rowCost, settleUnpriced } from '../providers/gu1/costs';
import { totalCostCents } from '../providers/gu1/enrich-by-external-id';
import { formatUnits } from '../providers/gu1/options';
import { type Gu1Record, loadGu1Records } from '../providers/gu1/records';
import { GU1_COLUMNS, GU1_KEY_COLUMNS, requestErrorRows, responseRows, type Row } from '../providers/gu1/result-rows';
import { sendWave, type WaveOutcome } from '../providers/gu1/wave';
import type { ResultTab } from '../sheet/result-tab';
import { openJobTab } from './job-tabs';
import type { JobEnv, JobHandler } from './handler';
import { note, transition, warn, type Job } from './model';
import { applyError } from './poller';

export const GU1_RUN_KIND = 'gu1.run';

export const Gu1RunDataSchema = z.object({
  source: PinnedSourceSchema,
  /** `{ external_id: column }` (0-based in the source block). */
  mapping: z.record(z.string(), z.number()),
  /** Parameter name -> column, for values sent in `parameters`. */
  parameterColumns: z.record(z.string(), z.number()),
  /** The header texts of `mapping` and `parameterColumns`: re-resolved by header before every run. */
  mappingHeaders: z.optional(z.record(z.string(), z.string())),
  parameterHeaders: z.optional(z.record(z.string(), z.string())),
  integrationCodes: z.array(z.string()),
  enrichmentGroupRefs: z.array(z.string()),
  forceRefresh: z.boolean(),
  costCapCents: z.nullable(z.number()),
  waveSize: z.number(),
  /** The wave size adapts to gu1's answers (the user set none); else `waveSize` is fixed. */
  adaptive: z.optional(z.boolean()),
  /** Index (among the source's valid rows) of the first row not written yet. */
  cursor: z.number(),
  /** external_id at the cursor, to find it again if rows were inserted or removed above it. */
  cursorId: z.optional(z.string()),
  /** Indices past the cursor already written (a wave that stopped partway). */
  doneAhead: z.array(z.number()),
  /**
   * Indices sent whose answers are not written yet (a forced wave about to go, or rows gu1 gave
   * no usable answer): sent again, first thing at the next run, without forceRefresh.
   */
  inflight: z.array(z.number()),
  /**
   * Runs in a row that ended with rows gu1 gave no usable answer (any usable answer resets it).
   * At GIVE_UP_RUNS such rows are written as NO_RESPONSE instead of waiting again.
   */
  lostRuns: z.optional(z.number()),
  /** What gu1 reported as billed. */
  spentCents: z.number(),
  /** Upper bound of what lost answers may have cost (their re-sends came back cached at 0). */
  maybeBilledCents: z.number(),
  /** Cached results (cost 0) per code whose price is not known yet: counted as "up to" once it is. */
  unpriced: z.optional(z.record(z.string(), z.number())),
  /** Prices and group expansions known to this run (the cap uses them). */
  costs: z.record(z.string(), z.number()),
  groups: z.record(z.string(), z.array(z.string())),
  /** Only these external_ids (a "retry failed rows" run); absent: every valid row of the source. */
  onlyIds: z.optional(z.array(z.string())),
});
export type Gu1RunData = z.infer<typeof Gu1RunDataSchema>;

/** Time kept for the tab note, the checkpoint and the price memory at the end of a run. */
const RESERVE_MS = 20_000;
/** How long to leave a run alone after gu1 kept failing (without Retry-After). */
const PAUSE_MS = 60_000;
/** Runs in a row without a usable answer from gu1 after which unanswered rows are written as NO_RESPONSE. */
export const GIVE_UP_RUNS = 5;

function readData(job: Job): Gu1RunData {
  const res = Gu1RunDataSchema.safeParse(job.data);
  if (!res.success) throw new Error(`Job "${job.title}" has damaged saved state; start the run again from the sidebar.`);
  return res.data;
}

function count(job: Job, key: string): number {
  return job.counts[key] ?? 0;
}

/** Rows written (done + failed + not found). */
function processed(job: Job): number {
  return count(job, 'rowsDone') + count(job, 'rowsFailed') + count(job, 'rowsNotFound');
}

function withData(job: Job, data: Gu1RunData, total: number): Job {
  const counts: Record<string, number> = { ...job.counts, costCents: data.spentCents };
  if (data.maybeBilledCents > 0) counts['maybeBilledCents'] = data.maybeBilledCents;
  const unpriced = Object.values(data.unpriced ?? {}).reduce((n, c) => n + c, 0);
  if (unpriced > 0) counts['unpricedResults'] = unpriced;
  else delete counts['unpricedResults'];
  const next = { ...job, data, counts };
  return { ...next, progress: { done: processed(next), total } };
}

/** The job summary: Jobs view line and the result tab's header note. */
export function gu1Summary(job: Job): string {
  const cost = gu1CostLine(job.counts).replace(/\.$/, '');
  const resends = count(job, 'resends') > 0 ? `; ${count(job, 'resends')} rows re-sent after a lost response` : '';
  const noResponse = count(job, 'noResponse') > 0 ? `; ${count(job, 'noResponse')} rows marked NO_RESPONSE after ${GIVE_UP_RUNS} runs in a row without a usable answer from gu1` : '';
  const notSent = count(job, 'notSent') > 0 ? `; ${count(job, 'notSent')} rows not sent` : '';
  return `${count(job, 'rowsDone')} rows done, ${count(job, 'rowsFailed')} failed, ${count(job, 'rowsNotFound')} not found of ${job.progress.total}; ${cost}${resends}${noResponse}${notSent}.`;
}

function message(e: unknown): string {
  if (e instanceof ApiError) return e.userMessage();
  return e instanceof Error ? e.message : String(e);
}

/** Find the cursor again when rows were inserted or removed above it since the last run. */
function realign(data: Gu1RunData, records: readonly Gu1Record[]): Gu1RunData {
  if (data.cursorId === undefined || records[data.cursor]?.externalId === data.cursorId) return data;
  const at = records.findIndex((r) => r.externalId === data.cursorId);
  if (at < 0) throw new Error(`The row with external_id ${data.cursorId} (the next one to send) is no longer in the source, so the run cannot tell which rows are left. Start a new run for the remaining rows.`);
  const shift = (list: number[]): number[] => list.map((i) => i + at - data.cursor);
  return { ...data, cursor: at, doneAhead: shift(data.doneAhead), inflight: shift(data.inflight) };
}

/** The next rows to send: a killed run's wave first, else from the cursor, skipping rows written ahead. */
function nextWave(data: Gu1RunData, total: number): { indices: number[]; resend: boolean } {
  const inflight = data.inflight.filter((i) => i < total);
  if (inflight.length > 0) return { indices: inflight, resend: true };
  const ahead = new Set(data.doneAhead);
  const indices: number[] = [];
  for (let i = data.cursor; i < total && indices.length < data.waveSize; i++) if (!ahead.has(i)) indices.push(i);
  return { indices, resend: false };
}

/**
 * How many of `n` rows the cost cap lets go: rows x the last known price must stay within the
 * cap. While a price is unknown, one row goes at a time so its answer teaches the price.
 */
export function capWave(data: Gu1RunData, n: number): { fit: number } | { stop: true; rowCents: number | null } {
  if (data.costCapCents === null) return { fit: n };
  const price = rowCost(data.integrationCodes, data.enrichmentGroupRefs, { costs: data.costs, groups: data.groups });
  const remaining = data.costCapCents - data.spentCents - data.maybeBilledCents;
  if (price.cents !== null) {
    if (price.cents === 0) return { fit: n };
    const fit = Math.min(n, Math.floor(remaining / price.cents));
    return fit > 0 ? { fit } : { stop: true, rowCents: price.cents };
  }
  if (remaining <= 0 || price.knownCents >= remaining) return { stop: true, rowCents: null };
  return { fit: 1 };
}

function remainingRows(data: Gu1RunData, total: number): number {
  return Math.max(0, total - data.cursor - data.doneAhead.filter((i) => i >= data.cursor).length);
}

interface Applied {
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
function givenUpMessage(e: ApiError): string {
  return `No usable answer from gu1 in ${GIVE_UP_RUNS} runs in a row (last: ${message(e)}). gu1 may have processed it once; run it again later without forceRefresh and gu1's cache answers it without billing again.`;
}

/** Write one wave's answers into the tab and account for them in the job. */
function applyWave(job: Job, data: Gu1RunData, records: readonly Gu1Record[], indices: readonly number[], wave: WaveOutcome, tab: ResultTab): Applied {
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
      spent += totalCostCents(o.res);
      // A cached answer (a re-send after a lost answer, a duplicate delivery) may hide a charge: "up to".
      const hidden = hiddenCost(o.res, known);
      maybe += hidden.cents;
      for (const code of hidden.unpriced) unpriced[code] = (unpriced[code] ?? 0) + 1;
    } else if (o.kind === 'notFound' || o.kind === 'rowError') {
      rows.push(...requestErrorRows(rec.externalId, data.integrationCodes, data.enrichmentGroupRefs, o.kind === 'notFound' ? 'ENTITY_NOT_FOUND' : o.code, o.message));
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

function finish(job: Job, now: number): Job {
  let next = job;
  if (count(job, 'resends') > 0) next = warn(next, `${count(job, 'resends')} rows were re-sent after a lost response, without forceRefresh, so gu1's cache answered them.`);
  return transition(next, 'DONE', now, gu1Summary(next));
}

/** Pause after a wave that left rows without a usable answer: a later run sends them again. */
function pauseUnanswered(job: Job, applied: Applied, now: number): Job {
  const runs = readData(job).lostRuns ?? 1;
  const n = applied.unanswered.length;
  const first = applied.unanswered[0] as ApiError;
  const text = `gu1 gave no usable answer for ${n} row(s) (${message(first)}). They are not written yet and go again at the next run, without forceRefresh, so gu1's cache answers them and nothing is billed twice (${runs} of ${GIVE_UP_RUNS} runs in a row without an answer; after that they are marked NO_RESPONSE).`;
  const until = now + Math.max(PAUSE_MS, applied.later?.retryAfterMs ?? 0);
  return note({ ...job, lastError: text, resumeAt: until }, now, `paused: ${n} row(s) without a usable answer from gu1; sending them again after a pause`);
}

/** Say in the job that rows were given up (their rows say why). */
function reportGivenUp(job: Job, givenUp: readonly ApiError[], now: number): Job {
  const tail = ` rows got no usable answer from gu1 in ${GIVE_UP_RUNS} runs in a row and are marked NO_RESPONSE`;
  const text = `${count(job, 'noResponse')}${tail} (last: ${message(givenUp[0])}). Run them again later without forceRefresh: gu1's cache answers them without billing again.`;
  // One warning, its count kept current.
  const others = { ...job, warnings: job.warnings.filter((w) => !w.includes(tail)) };
  return note(warn(others, text), now, `${givenUp.length} row(s) marked NO_RESPONSE after ${GIVE_UP_RUNS} runs in a row without a usable answer from gu1`);
}

function stopAtCap(job: Job, data: Gu1RunData, total: number, rowCents: number | null, now: number): Job {
  const cap = data.costCapCents ?? 0;
  const left = remainingRows(data, total);
  const next = rowCents === null ? 'the next row costs an unknown amount that may pass it' : `the next row would cost up to ${formatUnits(rowCents)}`;
  const text = `Stopped at the cost cap of ${formatUnits(cap)}: ${formatUnits(data.spentCents + data.maybeBilledCents)} spent and ${next}; ${left} rows not sent.`;
  const stopped = { ...job, counts: { ...job.counts, notSent: left } };
  return transition(warn(stopped, text), 'DONE', now, text);
}

function stopOnError(job: Job, data: Gu1RunData, total: number, e: ApiError, now: number): Job {
  const left = remainingRows(data, total);
  // Stopped before any row was written: nothing to keep, so nothing to say about it.
  const done = processed(job);
  const kept = done > 0 ? `${done} rows written before it stopped are kept` : null;
  let text: string;
  if (e instanceof AuthError) text = `gu1 refused the API key (${e.message}): check your gu1 key in Settings.${kept ? ` ${kept}.` : ''}`;
  else if (e instanceof PaymentError) text = kept ? `${e.userMessage()} ${kept}; Refresh continues from the first unwritten row.` : e.userMessage();
  else {
    const said = unknownCodeText(e) ?? e.userMessage();
    text = kept ? `${said} ${kept}.` : said;
  }
  return transition({ ...job, lastError: text, counts: { ...job.counts, notSent: left } }, 'FAILED', now, text);
}

function pause(job: Job, e: ApiError, now: number): Job {
  const until = now + (e.retryAfterMs ?? PAUSE_MS);
  return note({ ...job, lastError: message(e), resumeAt: until }, now, `paused: ${message(e)}`);
}

/** Send waves until every row is written, the budget is spent, or something stops the run. */
function sendRows(start: Job, records: readonly Gu1Record[], tab: ResultTab, http: Http, env: JobEnv, save: (j: Job) => Job): Job {
  let job = start;
  let waveMs = 0;
  for (;;) {
    let data = readData(job);
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
      return { externalId: r.externalId, integrationCodes: data.integrationCodes, enrichmentGroupRefs: data.enrichmentGroupRefs, parameters: r.parameters, forceRefresh: data.forceRefresh };
    });
    const wave = sendWave(http, args, { waveSize, resendOnly: indices.map(() => plan.resend), ...(concurrency ? { concurrency } : {}) });
    const applied = applyWave(job, data, records, indices, wave, tab);
    const now = env.clock.now();
    job = save(applied.givenUp.length > 0 ? reportGivenUp(applied.job, applied.givenUp, now) : applied.job);
    waveMs = Math.max(waveMs, env.clock.now() - started);
    if (applied.stop) return stopOnError(job, readData(job), records.length, applied.stop, now);
    if (applied.unanswered.length > 0) return pauseUnanswered(job, applied, now);
    if (applied.later) return pause(job, applied.later, now);
    if (applied.notSent) return job;
  }
}

/** Advance a run; never throws (a failure becomes the job's state with everything written kept). */
function advance(start: Job, env: JobEnv): Job {
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
    let data = readData(job);
    const loaded = loadGu1Records(env.spreadsheet, data.source, data.mapping, data.parameterColumns, { mapping: data.mappingHeaders, parameters: data.parameterHeaders });
    const only = data.onlyIds ? new Set(data.onlyIds) : undefined;
    const records = only ? loaded.records.filter((r) => only.has(r.externalId)) : loaded.records;
    data = realign(data, records);
    job = withData(job, data, records.length);
    tab = openJobTab(env, job, 'results', `${job.title} - gu1`, { keyColumns: GU1_KEY_COLUMNS, columns: [...GU1_COLUMNS] });
    job = sendRows(job, records, tab, http, env, save);
  } catch (e) {
    // The newest checkpointed record, not the one the run started from: nothing written is forgotten.
    job = applyError(job, e, env.clock.now(), message);
  }
  try {
    const note = `gu1 run "${job.title}" (${job.state}): ${gu1Summary(job)} Updated ${new Date(env.clock.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
    tab?.setNote(env.scrub ? env.scrub(note) : note);
    const data = Gu1RunDataSchema.safeParse(job.data);
    if (data.success) rememberCosts(env.docProps, { costs: data.data.costs, groups: data.data.groups }, env.clock.now());
  } catch {
    // The note and the price memory are conveniences; the job record already holds the truth.
  }
  return job;
}

/** The gu1 run handler. */
export function gu1RunHandler(): JobHandler {
  return {
    kind: GU1_RUN_KIND,
    advance,
    /** Resume a stopped run (after a top-up or a new key) from its first unwritten row. */
    refresh(job, env) {
      const data = readData(job);
      // Rows waiting in `inflight` are unwritten, so they are among the remaining rows.
      const left = remainingRows(data, job.progress.total);
      if (left === 0) throw new Error('Every row of this run is written. Start a new run to enrich the rows again.');
      const cap = capWave(data, 1);
      if ('stop' in cap) throw new Error(`This run stopped at its cost cap of ${formatUnits(data.costCapCents ?? 0)}. Start a new run with a higher cap for the ${left} rows left.`);
      const { lastError: _e, resumeAt: _r, ...rest } = job;
      return transition({ ...rest, counts: { ...job.counts, notSent: 0 } }, 'FETCHING', env.clock.now(), `resumed: ${left} rows left`);
    },
    /** A scheduled refresh: the whole run again, from the first row, into the same tab (upserts). */
    rerun(job, env) {
      const { cursorId: _c, lostRuns: _l, ...data } = readData(job);
      const fresh: Gu1RunData = { ...data, cursor: 0, doneAhead: [], inflight: [], spentCents: 0, maybeBilledCents: 0, unpriced: {} };
      const { lastError: _e, resumeAt: _r, ...rest } = job;
      return transition({ ...rest, data: fresh, counts: {}, progress: { done: 0, total: job.progress.total } }, 'FETCHING', env.clock.now(), 'scheduled refresh: running every row again');
    },
    summary: gu1Summary,
  };
}
