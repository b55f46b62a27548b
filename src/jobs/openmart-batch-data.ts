/** An Openmart batch job's saved state (its zod schema), its limits and the plan read from the sheet. */
import * as z from 'zod/mini';
import { buildBatches, type PlannedBatch } from '../providers/openmart/build-batches';
import { BATCH_FIELDS } from '../providers/openmart/fields';
import { BATCH_OPS } from '../providers/openmart/schemas';
import type { ListedStatus } from '../providers/openmart/task-ids';
import type { JobEnv } from './handler';
import type { KindData } from './kind';
import type { Job } from './model';
import type { Batch, BatchBook, BatchState } from './openmart-book';
import { PinnedSourceSchema } from '../sheet/source';
import { runRows } from './openmart-source';

export const OM_BATCHES_KIND = 'openmart.batches';

export const OmBatchesDataSchema = z.object({
  op: z.enum(BATCH_OPS),
  source: PinnedSourceSchema,
  mapping: z.record(z.string(), z.number()),
  /** The header text of each mapped column when submitted: a run finds moved columns by it. */
  mappingHeaders: z.optional(z.record(z.string(), z.string())),
  options: z.unknown(),
  /** Number of ledger entries. */
  batches: z.number(),
  /** Set once Openmart said the credits are used up: nothing more is submitted. */
  outOfCredits: z.optional(z.string()),
  /** The first refusal in full (the ledger keeps short reasons). */
  refused: z.optional(z.string()),
});
export type OmBatchesData = z.infer<typeof OmBatchesDataSchema>;

/** The kind's data, read with `dataOf(job, OM_BATCHES)`. */
export const OM_BATCHES: KindData<OmBatchesData> = { kind: OM_BATCHES_KIND, schema: OmBatchesDataSchema };

/** fetchAll wave size (the openmart Http's default): one wave of submits runs in parallel. */
export const WAVE = 20;
/** Ready batches whose tasks are read between two checkpoints (<= 200 task reads). */
export const FETCH_GROUP = 2;
/** Keep this much of the budget: a lookup wave takes ~27 s, then the writes and the checkpoint. */
export const RESERVE_MS = 45_000;

export const UNKNOWN_REASON =
  'Submitted, outcome unknown: Openmart\'s answer was lost or was a gateway error (these come after the work is done), so the batch may or may not exist. It is never resubmitted by itself; use "Resubmit" only if these rows get no results (it may bill twice).';
export const LISTED: ListedStatus[] = ['COMPLETED', 'ERRORED', 'CANCELLED'];

/** The batches a submit planned (JobEnv.prepared): its first advance sends them without reading the rows again. */
export class PlannedBatches {
  constructor(readonly batches: PlannedBatch[]) {}
}

/** The batches: the submit's plan in its own execution, else rebuilt from the source rows (ids were written back at submission). */
export function planFromSheet(
  env: Pick<JobEnv, 'spreadsheet' | 'prepared'>,
  job: Pick<Job, 'id'>,
  data: Pick<OmBatchesData, 'op' | 'source' | 'mapping' | 'mappingHeaders' | 'options'>,
): PlannedBatch[] {
  const prepared = env.prepared;
  if (prepared?.jobId === job.id && prepared.plan instanceof PlannedBatches) return prepared.plan.batches;
  const rows = runRows(env.spreadsheet, data.source, { columns: data.mapping, headers: data.mappingHeaders }, BATCH_FIELDS[data.op]);
  return buildBatches(data.op, rows.records, data.options).batches;
}

/** Batch states whose rows count as done for the progress bar. */
const FINISHED: readonly BatchState[] = ['done', 'unknown', 'rejected', 'skipped'];

export function sum(book: BatchBook, pick: (e: Batch) => number): number {
  return book.entries.reduce((n, e) => n + pick(e), 0);
}

/** The job with counters and progress from the ledger; `written` = result rows added since the last count. */
export function withCounts(job: Job, data: OmBatchesData, book: BatchBook, written: number): Job {
  const rows = sum(book, (e) => e.rows);
  const rowsIn = (s: BatchState) => sum(book, (e) => (e.state === s ? e.rows : 0));
  const finished = (e: Batch) => FINISHED.includes(e.state);
  const done = sum(book, (e) => (finished(e) ? e.rows : e.state === 'ready' ? Math.min(e.rows, e.written ?? 0) : 0));
  const counts = {
    ...job.counts,
    rows,
    batches: book.entries.length,
    batchesSubmitted: book.entries.filter((e) => e.batchId !== undefined).length,
    tasksCompleted: sum(book, (e) => e.counts?.[0] ?? 0),
    tasksErrored: sum(book, (e) => e.counts?.[1] ?? 0),
    tasksCancelled: sum(book, (e) => e.counts?.[2] ?? 0),
    unknownRows: rowsIn('unknown'),
    rejectedRows: rowsIn('rejected'),
    notSentRows: rowsIn('skipped'),
    resultRowsWritten: (job.counts['resultRowsWritten'] ?? 0) + written,
  };
  return { ...job, data, counts, progress: { done, total: rows } };
}
