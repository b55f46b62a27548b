/**
 * Openmart batch jobs from the sidebar: find_people, find_tech, lookup_business_email and
 * lookup_people from rows (batches of 100), and the resubmit of rows whose outcome is unknown.
 */
import * as z from 'zod/mini';
import { againOf } from './duplicates';
import { KeyStore } from '../platform/keys';
import { withLock } from '../platform/lock';
import { newJob } from '../jobs/model';
import { BatchBook } from '../jobs/openmart-book';
import { requeue } from '../jobs/openmart-batches';
import { OM_BATCHES, OM_BATCHES_KIND, PlannedBatches, type OmBatchesData } from '../jobs/openmart-batch-data';
import { dataOf } from '../jobs/kind';
import { readOpenmartRows } from '../jobs/openmart-source';
import { writeIds, type RowsRead } from '../sheet/read-rows';
import { headersOf } from '../sheet/mapping-headers';
import { JobStore } from '../jobs/store';
import { buildBatches, idsHash } from '../providers/openmart/build-batches';
import { estimateBatch } from '../providers/openmart/credits';
import { BATCH_FIELDS } from '../providers/openmart/fields';
import { BATCH_TABS } from '../providers/openmart/result-rows';
import { BATCH_OPS, type BatchOp } from '../providers/openmart/schemas';
import { missingRequiredProblems, noRowsProblem, type Mapping } from '../sheet/headers';
import { freshTabName } from './result-tabs';
import type { AppContext } from './context';
import { MappingInput, SourceInput, UserInputError, parseInput, sourceLabel } from './input';
import { toView, type JobView } from './job-view';
import { requireMine } from './owner';
import {
  count,
  creditCheck,
  forgetStale,
  MAX_BATCH_ROWS,
  pinned,
  problemsText,
  requireConfirmation,
  startOpenmartJob,
  type CreditCheck,
  type OpenmartSubmitResult,
} from './openmart';

export const BatchInput = z.object({
  operation: z.enum(BATCH_OPS),
  source: SourceInput,
  mapping: z.optional(MappingInput),
  options: z.optional(z.unknown()),
  confirmCredits: z.optional(z.boolean()),
});

export interface BatchPreview extends CreditCheck {
  operation: BatchOp;
  source: string;
  sheetName: string;
  headers: string[];
  mapping: Mapping;
  /** The first tasks as they would be sent. */
  tasks: Array<Record<string, unknown>>;
  validCount: number;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  idsToGenerate: number;
  batches: number;
  /** Values Sheets changed (ids that lost leading zeros, `#ERROR!` phone cells). */
  hints: string[];
  problems: string[];
}

/** The rows of a batch form, read once (ids previewed). */
function readBatchRows(ctx: AppContext, input: z.infer<typeof BatchInput>): RowsRead {
  return readOpenmartRows(ctx.spreadsheet(), input.source, { columns: input.mapping }, BATCH_FIELDS[input.operation]);
}

/** The preview of rows read once: the same check for the preview and the submit. */
function previewBatchOf(ctx: AppContext, input: z.infer<typeof BatchInput>, rows: RowsRead): BatchPreview {
  const build = buildBatches(input.operation, rows.records, input.options ?? {});
  const invalid = [...rows.invalid, ...build.invalid].sort((a, b) => a.rowNumber - b.rowNumber);
  const tasks = build.batches.flatMap((b) => b.tasks);
  const unmapped = missingRequiredProblems(rows.mapping, BATCH_FIELDS[input.operation]);
  // "No rows" counts the rows refused before the builder saw them; an unmapped column says so instead.
  const problems = build.problems.filter((p) => p.field !== 'rows').map((p) => p.message);
  if (unmapped.length > 0) problems.unshift(...unmapped);
  else if (build.problems.some((p) => p.field === 'rows')) problems.push(noRowsProblem(invalid.length));
  if (tasks.length > MAX_BATCH_ROWS)
    problems.push(`${count(tasks.length)} rows are more than one job takes (${count(MAX_BATCH_ROWS)}); split them over several sheets or ranges.`);
  return {
    operation: input.operation,
    source: sourceLabel(input.source),
    sheetName: rows.block.sheet.getName(),
    headers: rows.block.headers,
    mapping: rows.mapping,
    tasks: tasks.slice(0, 5),
    validCount: tasks.length,
    invalid: invalid.slice(0, 100),
    invalidCount: invalid.length,
    idsToGenerate: rows.idsToGenerate,
    batches: build.batches.length,
    hints: rows.hints,
    problems,
    ...creditCheck(ctx, estimateBatch(input.operation, tasks)),
  };
}

/** Read the rows, guess (or apply) the mapping, check every row, estimate credits; nothing is written or sent. */
export function previewOpenmartBatch(ctx: AppContext, input: unknown): BatchPreview {
  const parsed = parseInput(BatchInput, input, 'the Openmart batch form');
  return previewBatchOf(ctx, parsed, readBatchRows(ctx, parsed));
}

/**
 * Submit a batch job: check rows, options and credits first (nothing written when they are
 * wrong), write generated external_ids back, create the ledger (batches of 100) and the job, and
 * send the first waves.
 */
export function submitOpenmartBatch(ctx: AppContext, input: unknown): OpenmartSubmitResult {
  const parsed = parseInput(BatchInput, input, 'the Openmart batch form');
  new KeyStore(ctx.userProps()).require('openmart');
  // One read of the rows: checked as the preview checks them, then ids written back from it.
  const read = readBatchRows(ctx, parsed);
  const check = previewBatchOf(ctx, parsed, read);
  if (check.problems.length > 0) throw new UserInputError(check.problems.join(' '));
  requireConfirmation(check, parsed.confirmCredits);
  forgetStale(ctx);
  const source = pinned(parsed.source, read.block);
  const rows = writeIds(read);
  const build = buildBatches(parsed.operation, rows.records, parsed.options ?? {});
  if (build.problems.length > 0) throw new UserInputError(problemsText(build.problems));
  const id = ctx.uuid();
  const title = build.options.title;
  const t = BATCH_TABS[parsed.operation];
  const batches = build.batches.map((b) => ({ state: 'pending' as const, rows: b.tasks.length, hash: idsHash(b.ids) }));
  BatchBook.create(ctx.docProps(), id, batches).save();
  const mappingHeaders = headersOf(read.mapping, read.block.headers);
  const data: OmBatchesData = {
    op: parsed.operation,
    source,
    mapping: read.mapping,
    mappingHeaders,
    options: parsed.options ?? {},
    batches: build.batches.length,
  };
  const total = build.batches.reduce((n, b) => n + b.tasks.length, 0);
  const job = newJob({
    id,
    provider: 'openmart',
    kind: OM_BATCHES_KIND,
    title,
    now: ctx.clock.now(),
    tabs: { [t.role]: freshTabName(ctx, `${title} - ${t.suffix}`) },
    data,
    total,
  });
  job.counts = { rows: total, invalidRows: check.invalidCount, idsGenerated: rows.idsGenerated };
  const started = startOpenmartJob(ctx, job, true, { rows: build.batches.map((b) => b.tasks), again: againOf(input) }, new PlannedBatches(build.batches));
  return {
    job: toView(started.job),
    invalid: check.invalid,
    invalidCount: check.invalidCount,
    idsGenerated: rows.idsGenerated,
    estimate: check.estimate,
    notice: started.notice,
  };
}

export const ResubmitInput = z.object({ jobId: z.string(), confirm: z.optional(z.boolean()) });

/** What a resubmit did (or would do, without `confirm`). */
export interface ResubmitResult {
  resubmitted: boolean;
  /** Rows that would be (or were) sent again. */
  rows: number;
  /** Of those, rows whose first submission may have been billed already. */
  unknownRows: number;
  warning: string;
  job: JobView | null;
}

/**
 * Resubmit the rows of a batch job marked "submitted, outcome unknown" (and rows not sent for
 * lack of credits). Without `confirm: true` nothing happens: the answer carries the warning that
 * Openmart may already have the first batch and may bill twice.
 */
export function resubmitOpenmartRows(ctx: AppContext, input: unknown): ResubmitResult {
  const { jobId, confirm } = parseInput(ResubmitInput, input, 'the job');
  const store = new JobStore(ctx.docProps());
  const job = store.get(jobId);
  if (!job || job.kind !== OM_BATCHES_KIND) throw new UserInputError('That Openmart batch job no longer exists. Refresh the Jobs list.');
  requireMine(ctx, job, 'resubmit rows of');
  const data = dataOf(job, OM_BATCHES);
  const book = BatchBook.load(ctx.docProps(), job.id, data.batches);
  const unknownRows = book.where('unknown').reduce((n, i) => n + book.get(i).rows, 0);
  const rows = book.where('unknown', 'skipped').reduce((n, i) => n + book.get(i).rows, 0);
  const warning =
    unknownRows > 0
      ? `${unknownRows} row(s) were submitted before but their answer was lost: Openmart may already have them and may bill them twice. Resubmit only if they never got results.`
      : 'Only rows never sent are resubmitted; nothing is billed twice.';
  if (rows === 0) return { resubmitted: false, rows: 0, unknownRows: 0, warning: 'No rows of this job wait for a resubmit.', job: toView(job) };
  if (confirm !== true) return { resubmitted: false, rows, unknownRows, warning, job: toView(job) };
  new KeyStore(ctx.userProps()).require('openmart');
  // Under the lock: a trigger run advancing this job would otherwise save its older ledger over ours.
  const locked = withLock(ctx.documentLock(), 5_000, () => {
    const fresh = store.get(job.id) ?? job;
    const r = requeue(fresh, ctx.docProps(), ctx.clock.now());
    store.save(r.job);
    return r;
  });
  if (!locked.ran) throw new UserInputError('The jobs are being updated right now; try again in a minute.');
  const requeued = locked.value;
  const started = startOpenmartJob(ctx, requeued.job, false);
  return { resubmitted: true, rows: requeued.rows, unknownRows: requeued.unknownRows, warning, job: toView(started.job) };
}
