/** A gu1 run's saved state (its zod schema) and the pure wave planning over it: which rows next, what the cap allows. */
import * as z from 'zod/mini';
import { PinnedSourceSchema } from '../sheet/source';
import { gu1CostLine, rowCost } from '../providers/gu1/costs';
import type { Gu1Record } from '../providers/gu1/records';
import type { KindData } from './kind';
import { JobStopError, type Job } from './model';

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

/** The kind's data, read with `dataOf(job, GU1_RUN)`. */
export const GU1_RUN: KindData<Gu1RunData> = {
  kind: GU1_RUN_KIND,
  schema: Gu1RunDataSchema,
  again: 'start the run again from the sidebar',
};

/** Time kept for the tab note, the checkpoint and the price memory at the end of a run. */
export const RESERVE_MS = 20_000;
/** How long to leave a run alone after gu1 kept failing (without Retry-After). */
export const PAUSE_MS = 60_000;
/** Runs in a row without a usable answer from gu1 after which unanswered rows are written as NO_RESPONSE. */
export const GIVE_UP_RUNS = 5;

export function count(job: Job, key: string): number {
  return job.counts[key] ?? 0;
}

/** Rows written (done + failed + not found). */
export function processed(job: Job): number {
  return count(job, 'rowsDone') + count(job, 'rowsFailed') + count(job, 'rowsNotFound');
}

export function withData(job: Job, data: Gu1RunData, total: number): Job {
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
  const noResponse =
    count(job, 'noResponse') > 0
      ? `; ${count(job, 'noResponse')} rows marked NO_RESPONSE after ${GIVE_UP_RUNS} runs in a row without a usable answer from gu1`
      : '';
  const notSent = count(job, 'notSent') > 0 ? `; ${count(job, 'notSent')} rows not sent` : '';
  return `${count(job, 'rowsDone')} rows done, ${count(job, 'rowsFailed')} failed, ${count(job, 'rowsNotFound')} not found of ${job.progress.total}; ${cost}${resends}${noResponse}${notSent}.`;
}

/** Find the cursor again when rows were inserted or removed above it since the last run. */
export function realign(data: Gu1RunData, records: readonly Gu1Record[]): Gu1RunData {
  if (data.cursorId === undefined || records[data.cursor]?.externalId === data.cursorId) return data;
  const at = records.findIndex((r) => r.externalId === data.cursorId);
  if (at < 0)
    throw new JobStopError(
      `The row with external_id ${data.cursorId} (the next one to send) is no longer in the source, so the run cannot tell which rows are left. Start a new run for the remaining rows.`,
    );
  const shift = (list: number[]): number[] => list.map((i) => i + at - data.cursor);
  return { ...data, cursor: at, doneAhead: shift(data.doneAhead), inflight: shift(data.inflight) };
}

/** The next rows to send: a killed run's wave first, else from the cursor, skipping rows written ahead. */
export function nextWave(data: Gu1RunData, total: number): { indices: number[]; resend: boolean } {
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

export function remainingRows(data: Gu1RunData, total: number): number {
  return Math.max(0, total - data.cursor - data.doneAhead.filter((i) => i >= data.cursor).length);
}
