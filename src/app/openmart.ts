/**
 * Openmart from the sidebar: previews with a credit estimate and the confirmation threshold,
 * then jobs for business / brand search, "enrich from a column" and the async batch routes, and
 * the resubmit of rows whose submission outcome is unknown.
 */
import { againOf } from './duplicates';
import * as z from 'zod/mini';
import { KeyStore } from '../platform/keys';
import { withLock } from '../platform/lock';
import { isOpen, newJob, type Job } from '../jobs/model';
import { claimOf } from '../jobs/ownership';
import { ScheduleStore } from '../jobs/schedules';
import { BatchBook } from '../jobs/openmart-book';
import { OM_BATCHES_KIND, requeue, type OmBatchesData } from '../jobs/openmart-batches';
import { LANES, OM_ENRICH_KIND, lanesOf, type OmEnrichData } from '../jobs/openmart-enrich';
import { OM_SEARCH_KIND, forgetSearchBody, storeSearchBody, type OmSearchData } from '../jobs/openmart-search';
import { pinSource, sourceRows, type PinnedSource } from '../jobs/openmart-source';
import { JobStore } from '../jobs/store';
import { buildBrandSearch } from '../providers/openmart/brands';
import { buildBatches, idsHash } from '../providers/openmart/build-batches';
import { buildSearch } from '../providers/openmart/build-search';
import { buildLocation } from '../providers/openmart/location';
import { estimateBatch, estimateEnrich, estimateSearch, getCreditBalance, type CreditEstimate } from '../providers/openmart/credits';
import { BATCH_FIELDS, ENRICH_FIELDS } from '../providers/openmart/fields';
import { isRecord, numberOf, textOf, type Problem } from '../providers/openmart/form';
import { BATCH_TABS } from '../providers/openmart/result-rows';
import { BATCH_OPS, LIMITS, type BatchOp } from '../providers/openmart/schemas';
import { missingRequiredProblems, noRowsProblem, type Mapping } from '../sheet/headers';
import { freshTabName } from './result-tabs';
import { readSource, type SourceSpec } from '../sheet/source';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { removeTabWithoutResults } from './sheets';
import { MappingInput, SourceInput, UserInputError, parseInput } from './input';
import { startJob, toView, type JobView } from './jobs';
import { requireMine, whoAmI } from './owner';
import { readOpenmartPrefs } from './openmart-account';
import { withSizing } from './openmart-sizing';
import { SOURCE_ROW_LIMITS } from '../sheet/limits';

/** Rows one batch job takes (250 batches): the source limit of sheet/limits.ts. */
export const MAX_BATCH_ROWS = SOURCE_ROW_LIMITS.openmart;

/** What every preview says about credits. */
export interface CreditCheck {
  estimate: CreditEstimate;
  /** The user's confirmation threshold. */
  threshold: number;
  /** True when the estimate is above the threshold: submit needs `confirmCredits: true`. */
  needsConfirmation: boolean;
  /** The live balance (null when it could not be read). */
  balance: number | null;
  /** True when the estimate is above the balance. */
  exceedsBalance: boolean;
}

function creditCheck(ctx: AppContext, estimate: CreditEstimate): CreditCheck {
  const threshold = readOpenmartPrefs(ctx).creditThreshold;
  let balance: number | null = null;
  try {
    balance = getCreditBalance(httpFor(ctx, 'openmart')).balance;
  } catch {
    // The preview works without a key or a connection; the submit checks again.
  }
  return { estimate, threshold, needsConfirmation: estimate.credits > threshold, balance, exceedsBalance: balance !== null && estimate.credits > balance };
}

function requireConfirmation(check: CreditCheck, confirmed: boolean | undefined): void {
  if (check.needsConfirmation && confirmed !== true) {
    throw new UserInputError(`This may use up to ${count(check.estimate.credits)} Openmart credits (${check.estimate.basis}), more than your confirmation threshold of ${count(check.threshold)}. Confirm to continue.`);
  }
}

/** 25000 -> "25,000" */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

function problemsText(problems: Problem[]): string {
  return problems.map((p) => p.message).join(' ');
}

/**
 * Delete side records of jobs that no longer exist (ledgers, search bodies) and the search bodies
 * of this user's own finished jobs. A scheduled job keeps its body (each run searches with it),
 * and another editor's records are theirs to clean.
 */
function forgetStale(ctx: AppContext): void {
  const props = ctx.docProps();
  const store = new JobStore(props);
  const scheduled = new Set(new ScheduleStore(props).all().map((s) => s.jobId));
  const me = whoAmI(ctx);
  for (const k of props.getKeys()) {
    const m = /^(omb|oms):([^:]+)/.exec(k);
    if (!m) continue;
    let job: Job | undefined;
    try {
      job = store.get(m[2] as string);
    } catch {
      continue;
    }
    const finishedSearch = m[1] === 'oms' && job !== undefined && !isOpen(job) && !scheduled.has(job.id) && claimOf(job, me) === 'mine';
    if (!job || finishedSearch) props.deleteProperty(k);
  }
}

/**
 * Save a new job, make sure the trigger exists (so a run killed now still continues), then
 * advance it under the document lock (the trigger must never submit the same batch at the same
 * time) within this execution's budget.
 */
function start(ctx: AppContext, job: Job, fresh = true, repeat?: { rows: unknown; again: boolean }): { job: Job; notice: string | null } {
  return startJob(ctx, job, {
    fresh,
    ...(repeat ? { repeat } : {}),
    // Nothing was created or billed (a refused key, a form Openmart rejects, no credits).
    refused: (latest) => refusedBeforeAnything(ctx, latest),
    cleanup: (latest) => {
      BatchBook.remove(ctx.docProps(), latest.id);
      forgetSearchBody(ctx.docProps(), latest.id);
      for (const tab of Object.values(latest.tabs)) removeTabWithoutResults(ctx, tab);
    },
  });
}

/** A job that failed before Openmart created or returned anything. */
function refusedBeforeAnything(ctx: AppContext, job: Job): boolean {
  if (job.state !== 'FAILED') return false;
  if (job.kind !== OM_BATCHES_KIND) return job.progress.done === 0;
  const book = BatchBook.load(ctx.docProps(), job.id, (job.data as OmBatchesData).batches);
  return book.entries.every((e) => e.b === undefined && e.s !== 'unknown');
}

function sourceLabel(source: z.infer<typeof SourceInput>): string {
  return typeof source === 'string' ? 'the selection' : 'sheetName' in source ? `sheet "${source.sheetName}"` : source.a1;
}

function pinned(ctx: AppContext, source: z.infer<typeof SourceInput>): PinnedSource {
  return typeof source === 'string' ? pinSource(readSource(ctx.spreadsheet(), 'selection')) : source;
}

/** The flows, labels and columns the Openmart forms need. */
export function openmartFormInfo(ctx: AppContext): {
  operations: Array<{ operation: BatchOp; tab: string; fields: Array<{ key: string; label: string; required: boolean }> }>;
  enrichFields: Array<{ key: string; label: string; required: boolean }>;
  creditThreshold: number;
  limits: typeof LIMITS;
} {
  const fields = (list: typeof ENRICH_FIELDS) => list.map((f) => ({ key: f.key, label: f.label, required: f.required === true }));
  return {
    operations: BATCH_OPS.map((operation) => ({ operation, tab: BATCH_TABS[operation].suffix, fields: fields(BATCH_FIELDS[operation]) })),
    enrichFields: fields(ENRICH_FIELDS),
    creditThreshold: readOpenmartPrefs(ctx).creditThreshold,
    limits: LIMITS,
  };
}

// ---- Batches -------------------------------------------------------------------------------

const BatchInput = z.object({
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
  problems: string[];
}

function previewBatchOf(ctx: AppContext, input: z.infer<typeof BatchInput>): BatchPreview {
  const rows = sourceRows(ctx.spreadsheet(), input.source as SourceSpec, input.mapping, BATCH_FIELDS[input.operation], { write: false });
  const build = buildBatches(input.operation, rows.records, input.options ?? {});
  const invalid = [...rows.invalid, ...build.invalid].sort((a, b) => a.rowNumber - b.rowNumber);
  const tasks = build.batches.flatMap((b) => b.tasks);
  const unmapped = missingRequiredProblems(rows.mapping, BATCH_FIELDS[input.operation]);
  // "No rows" counts the rows refused before the builder saw them; an unmapped column says so instead.
  const problems = build.problems.filter((p) => p.field !== 'rows').map((p) => p.message);
  if (unmapped.length > 0) problems.unshift(...unmapped);
  else if (build.problems.some((p) => p.field === 'rows')) problems.push(noRowsProblem(invalid.length));
  if (tasks.length > MAX_BATCH_ROWS) problems.push(`${count(tasks.length)} rows are more than one job takes (${count(MAX_BATCH_ROWS)}); split them over several sheets or ranges.`);
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
    idsToGenerate: rows.idsGenerated,
    batches: build.batches.length,
    problems,
    ...creditCheck(ctx, estimateBatch(input.operation, tasks)),
  };
}

/** Read the rows, guess (or apply) the mapping, check every row, estimate credits; nothing is written or sent. */
export function previewOpenmartBatch(ctx: AppContext, input: unknown): BatchPreview {
  return previewBatchOf(ctx, parseInput(BatchInput, input, 'the Openmart batch form'));
}

export interface OpenmartSubmitResult {
  job: JobView;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  idsGenerated: number;
  estimate: CreditEstimate;
  notice: string | null;
}

/**
 * Submit a batch job: check rows, options and credits first (nothing written when they are
 * wrong), write generated external_ids back, create the ledger (batches of 100) and the job, and
 * send the first waves.
 */
export function submitOpenmartBatch(ctx: AppContext, input: unknown): OpenmartSubmitResult {
  const parsed = parseInput(BatchInput, input, 'the Openmart batch form');
  new KeyStore(ctx.userProps()).require('openmart');
  const check = previewBatchOf(ctx, parsed);
  if (check.problems.length > 0) throw new UserInputError(check.problems.join(' '));
  requireConfirmation(check, parsed.confirmCredits);
  forgetStale(ctx);
  const ss = ctx.spreadsheet();
  const source = pinned(ctx, parsed.source);
  const rows = sourceRows(ss, source, check.mapping, BATCH_FIELDS[parsed.operation], { write: true });
  const build = buildBatches(parsed.operation, rows.records, parsed.options ?? {});
  if (build.problems.length > 0) throw new UserInputError(problemsText(build.problems));
  const id = ctx.uuid();
  const title = build.options.title;
  const t = BATCH_TABS[parsed.operation];
  BatchBook.create(ctx.docProps(), id, build.batches.map((b) => ({ s: 'pending', n: b.tasks.length, h: idsHash(b.ids) }))).save();
  const data: OmBatchesData = { op: parsed.operation, source, mapping: rows.mapping, options: parsed.options ?? {}, batches: build.batches.length };
  const total = build.batches.reduce((n, b) => n + b.tasks.length, 0);
  const job = newJob({ id, provider: 'openmart', kind: OM_BATCHES_KIND, title, now: ctx.clock.now(), tabs: { [t.role]: freshTabName(ctx, `${title} - ${t.suffix}`) }, data, total });
  job.counts = { rows: total, invalidRows: check.invalidCount, idsGenerated: rows.idsGenerated };
  const started = start(ctx, job, true, { rows: build.batches.map((b) => b.tasks), again: againOf(input) });
  return { job: toView(started.job), invalid: check.invalid, invalidCount: check.invalidCount, idsGenerated: rows.idsGenerated, estimate: check.estimate, notice: started.notice };
}

const ResubmitInput = z.object({ jobId: z.string(), confirm: z.optional(z.boolean()) });

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
  const data = job.data as OmBatchesData;
  const book = BatchBook.load(ctx.docProps(), job.id, data.batches);
  const unknownRows = book.where('unknown').reduce((n, i) => n + book.get(i).n, 0);
  const rows = book.where('unknown', 'skipped').reduce((n, i) => n + book.get(i).n, 0);
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
  const started = start(ctx, requeued.job, false);
  return { resubmitted: true, rows: requeued.rows, unknownRows: requeued.unknownRows, warning, job: toView(started.job) };
}

// ---- Search --------------------------------------------------------------------------------

const SearchInput = z.object({ form: z.unknown(), confirmCredits: z.optional(z.boolean()) });

export interface SearchPreview extends CreditCheck {
  /** The body as it will be sent (limit and cursor are added per page). */
  body: Record<string, unknown>;
  count: number;
  problems: string[];
  /** About how many match (only_ids; brands: estimate_total), and the sentence the form shows. */
  matches?: number | null;
  sizing?: string;
}

function searchPreviewOf(ctx: AppContext, form: unknown, brands: boolean): SearchPreview & { title: string; orderBy?: Array<{ field: string; asc: true }> } {
  if (brands) {
    const b = buildBrandSearch(form);
    if (!b.ok) return { body: {}, count: 0, title: '', problems: b.problems.map((p) => p.message), ...creditCheck(ctx, estimateSearch(0)) };
    const out = { body: b.searchParam, count: b.count, title: b.title, problems: [], ...creditCheck(ctx, estimateSearch(b.count)) };
    return b.orderBy ? { ...out, orderBy: b.orderBy } : out;
  }
  const s = buildSearch(form);
  if (!s.ok) return { body: {}, count: 0, title: '', problems: s.problems.map((p) => p.message), ...creditCheck(ctx, estimateSearch(0)) };
  return { body: s.body, count: s.count, title: s.title, problems: [], ...creditCheck(ctx, estimateSearch(s.count)) };
}

function submitSearchOf(ctx: AppContext, input: unknown, brands: boolean): OpenmartSubmitResult {
  const { form, confirmCredits } = parseInput(SearchInput, input, 'the search form');
  new KeyStore(ctx.userProps()).require('openmart');
  const check = searchPreviewOf(ctx, form, brands);
  if (check.problems.length > 0) throw new UserInputError(check.problems.join(' '));
  requireConfirmation(check, confirmCredits);
  forgetStale(ctx);
  const id = ctx.uuid();
  const mode = brands ? 'brands' : 'businesses';
  try {
    storeSearchBody(ctx.docProps(), id, check.body);
  } catch {
    throw new UserInputError('The search form is too large to keep for the job (over 9 KB); use fewer keywords or domains.');
  }
  const data: OmSearchData = { mode, count: check.count, fetched: 0 };
  if (check.orderBy) data.orderBy = check.orderBy;
  const tabName = freshTabName(ctx, `${check.title} - ${brands ? 'Brands' : 'Businesses'}`);
  const job = newJob({ id, provider: 'openmart', kind: OM_SEARCH_KIND, title: check.title, now: ctx.clock.now(), tabs: { [mode]: tabName }, data, total: check.count });
  const started = start(ctx, job, true, { rows: [mode, check.body, check.count], again: againOf(input) });
  return { job: toView(started.job), invalid: [], invalidCount: 0, idsGenerated: 0, estimate: check.estimate, notice: started.notice };
}

/** Check the business search form, count its matches (only_ids, at most 1 credit) and estimate its credits. */
export function previewOpenmartSearch(ctx: AppContext, input: unknown): SearchPreview {
  const { form } = parseInput(SearchInput, input, 'the search form');
  const { title: _t, orderBy: _o, ...out } = searchPreviewOf(ctx, form, false);
  return withSizing(ctx, out, 'businesses');
}

/** Run a business search into `<title> - Businesses` (cursor paging to the requested count). */
export function submitOpenmartSearch(ctx: AppContext, input: unknown): OpenmartSubmitResult {
  return submitSearchOf(ctx, input, false);
}

/** Check the brand search form, count its matches (a one-row page with estimate_total, at most 1 credit) and estimate its credits. */
export function previewOpenmartBrandSearch(ctx: AppContext, input: unknown): SearchPreview {
  const { form } = parseInput(SearchInput, input, 'the brand search form');
  const { title: _t, orderBy: _o, ...out } = searchPreviewOf(ctx, form, true);
  return withSizing(ctx, out, 'brands');
}

/** Run a brand search into `<title> - Brands` (encoded_cursor paging). */
export function submitOpenmartBrandSearch(ctx: AppContext, input: unknown): OpenmartSubmitResult {
  return submitSearchOf(ctx, input, true);
}

// ---- Enrich from a column -------------------------------------------------------------------

const EnrichInput = z.object({
  source: SourceInput,
  mapping: z.optional(MappingInput),
  options: z.optional(z.unknown()),
  confirmCredits: z.optional(z.boolean()),
});

export interface EnrichPreview extends CreditCheck {
  source: string;
  sheetName: string;
  headers: string[];
  mapping: Mapping;
  /** Rows per lane: by Openmart id, by Google Place id, by website / social link. */
  lanes: { openmart_id: number; google_place_id: number; website: number };
  /** Calls the job will make. */
  calls: number;
  validCount: number;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  idsToGenerate: number;
  problems: string[];
}

function enrichOptions(raw: unknown): { title: string; limit: number; location?: Record<string, unknown>; problems: Problem[] } {
  const o = isRecord(raw) ? raw : {};
  const problems: Problem[] = [];
  const title = textOf(o['title']) ?? '';
  if (title === '') problems.push({ field: 'title', message: 'Give the job a title (it names the result tab).' });
  const limit = numberOf(o['limit']) ?? 1;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.enrichLimitMax) problems.push({ field: 'limit', message: `Matches per website must be 1 to ${LIMITS.enrichLimitMax}.` });
  const out: { title: string; limit: number; location?: Record<string, unknown>; problems: Problem[] } = { title, limit, problems };
  // The same Location object as search (zip_code, long): blanks dropped, coordinates checked.
  const location = o['location'] === undefined || o['location'] === null ? undefined : buildLocation(o['location'], 0, problems);
  if (location) out.location = location;
  return out;
}

function enrichPreviewOf(ctx: AppContext, input: z.infer<typeof EnrichInput>, write: boolean) {
  const rows = sourceRows(ctx.spreadsheet(), input.source as SourceSpec, input.mapping, ENRICH_FIELDS, { write });
  const { lanes, invalid: laneInvalid } = lanesOf(rows.records);
  const opts = enrichOptions(input.options);
  const invalid = [...rows.invalid, ...laneInvalid].sort((a, b) => a.rowNumber - b.rowNumber);
  const sizes = lanes.map((l) => l.length);
  const [om = 0, place = 0, web = 0] = sizes;
  const problems = opts.problems.map((p) => p.message);
  if (om + place + web === 0) problems.push('No row has an Openmart ID, a Google Place ID, a website or a social link to look up.');
  const preview: EnrichPreview = {
    source: sourceLabel(input.source),
    sheetName: rows.block.sheet.getName(),
    headers: rows.block.headers,
    mapping: rows.mapping,
    lanes: { openmart_id: om, google_place_id: place, website: web },
    calls: Math.ceil(om / LIMITS.recordIds) + Math.ceil(place / LIMITS.recordIds) + web,
    validCount: om + place + web,
    invalid: invalid.slice(0, 100),
    invalidCount: invalid.length,
    idsToGenerate: rows.idsGenerated,
    problems,
    ...creditCheck(ctx, estimateEnrich(om + place, web, opts.limit)),
  };
  return { preview, sizes, opts, rows };
}

/** Read the rows, sort them by what they can be looked up by, estimate credits; nothing written or sent. */
export function previewOpenmartEnrich(ctx: AppContext, input: unknown): EnrichPreview {
  return enrichPreviewOf(ctx, parseInput(EnrichInput, input, 'the Openmart enrich form'), false).preview;
}

/** Enrich rows from their Openmart id, Google Place id or website into `<title> - Businesses`, keyed by external_id. */
export function submitOpenmartEnrich(ctx: AppContext, input: unknown): OpenmartSubmitResult {
  const parsed = parseInput(EnrichInput, input, 'the Openmart enrich form');
  new KeyStore(ctx.userProps()).require('openmart');
  const check = enrichPreviewOf(ctx, parsed, false).preview;
  if (check.problems.length > 0) throw new UserInputError(check.problems.join(' '));
  requireConfirmation(check, parsed.confirmCredits);
  const source = pinned(ctx, parsed.source);
  const { sizes, opts, rows } = enrichPreviewOf(ctx, { ...parsed, source, mapping: check.mapping }, true);
  const id = ctx.uuid();
  const data: OmEnrichData = { source, mapping: rows.mapping, limit: opts.limit, sizes, lane: 0, offset: 0 };
  if (opts.location) data.location = opts.location;
  const total = sizes.reduce((a, b) => a + b, 0);
  const tabName = freshTabName(ctx, `${opts.title} - Businesses`);
  const job = newJob({ id, provider: 'openmart', kind: OM_ENRICH_KIND, title: opts.title, now: ctx.clock.now(), tabs: { businesses: tabName }, data, total });
  job.counts = { rows: total, invalidRows: check.invalidCount, idsGenerated: rows.idsGenerated, ...Object.fromEntries(LANES.map((l, i) => [`${l}Rows`, sizes[i] ?? 0])) };
  const started = start(ctx, job, true, { rows: rows.records, again: againOf(input) });
  return { job: toView(started.job), invalid: check.invalid, invalidCount: check.invalidCount, idsGenerated: rows.idsGenerated, estimate: check.estimate, notice: started.notice };
}
