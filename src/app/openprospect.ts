/** OpenProspect from the sidebar: preview, enrichment and discovery orders, imports, search profiles (blacklists: openprospect-blacklists.ts). */
import { againOf, withoutAgain } from './duplicates';
import * as z from 'zod/mini';
import { KeyStore } from '../platform/keys';
import { newJob, type Job } from '../jobs/model';
import { OP_ORDERS, OP_ORDERS_KIND, type OpOrdersData, type OrderPart } from '../jobs/openprospect-order-data';
import { dataOf } from '../jobs/kind';
import { buildDiscoveryOrder } from '../providers/openprospect/build-discovery';
import { ENRICHMENT_FIELDS } from '../providers/openprospect/fields';
import { getOrder } from '../providers/openprospect/get-order';
import { FEATURE_DEPENDENCIES, FEATURE_INFO, featureHints, RECOMMENDED_FEATURES, type Problem } from '../providers/openprospect/order-options';
import { FEATURES, type Feature } from '../providers/openprospect/schemas';
import { isUnknownOrder, unknownOrderSentence } from '../providers/openprospect/errors';
import type { FieldSpec, Mapping } from '../sheet/headers';
import { freshTabName } from './result-tabs';
import { pinSource } from '../sheet/source';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { MappingInput, SourceInput, UserInputError, parseInput } from './input';
import { startJob } from './job-start';
import { toView, type JobView } from './job-view';
import { planEnrichment, PlannedOrders, readEnrichmentRows } from './openprospect-bodies';
import { storeBody } from '../jobs/openprospect-order-body';
import { writeIds } from '../sheet/read-rows';
import { headersOf } from '../sheet/mapping-headers';
import { sourceLabel } from './input';
import { requireScopes } from './openprospect-scopes';

/** Whether any part of an orders job exists at the provider. */
function hasRemoteWork(job: Job): boolean {
  return dataOf(job, OP_ORDERS).parts.some((p) => p.orderId !== undefined);
}

/** The enrichment fields as the mapping table shows them. */
export function fieldList(fields: readonly FieldSpec[]): Array<{ key: string; label: string; required: boolean }> {
  return fields.map((f) => ({ key: f.key, label: f.label, required: f.required === true }));
}

/** Static facts the enrichment and discovery forms need (features, hints). */
export function openProspectFormInfo(): {
  features: Array<{ key: Feature; label: string; description: string; needs: Feature[] }>;
  recommended: Feature[];
  fields: ReturnType<typeof fieldList>;
  cost: string;
} {
  return {
    cost: OP_COST_BEFORE,
    features: FEATURES.map((f) => ({ key: f, label: FEATURE_INFO[f].label, description: FEATURE_INFO[f].description, needs: [...FEATURE_DEPENDENCIES[f]] })),
    recommended: [...RECOMMENDED_FEATURES],
    fields: fieldList(ENRICHMENT_FIELDS),
  };
}

function problemsText(problems: Problem[]): string {
  return problems.map((p) => p.message).join(' ');
}

export interface EnrichmentPreview {
  source: string;
  sheetName: string;
  headers: string[];
  mapping: Mapping;
  fields: ReturnType<typeof fieldList>;
  /** The first rows as they would be sent. */
  rows: Array<{ rowNumber: number; values: Record<string, string> }>;
  validCount: number;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  emptyRows: number;
  idsToGenerate: number;
  orders: number;
  hints: string[];
  problems: string[];
  /** What the order will cost, before it is sent. */
  cost: string;
  /** Sheet rows whose phone cell shows #ERROR! (the sidebar offers to send them without the phone). */
  brokenPhoneRows: number[];
}

export const PreviewInput = z.object({
  source: SourceInput,
  mapping: z.optional(MappingInput),
  options: z.optional(z.unknown()),
  withoutBrokenPhones: z.optional(z.boolean()),
});

/** OpenProspect prices an order at review, after it is sent: what the sidebar says before a submit. */
export const OP_COST_BEFORE =
  'Cost: priced by OpenProspect at review, after you submit (nothing is charged before); the Jobs view shows its estimate once the order carries one.';

/** Read the source once, guess (or apply) the mapping, and check every row; nothing is written or sent. */
export function previewEnrichment(ctx: AppContext, input: unknown): EnrichmentPreview {
  const { source, mapping: given, options, withoutBrokenPhones: withoutPhone } = parseInput(PreviewInput, input, 'the enrichment source');
  // Previewed with the ids the submission would generate, without writing them.
  const read = readEnrichmentRows(ctx.spreadsheet(), source, { columns: given }, withoutPhone === true);
  const plan = planEnrichment(read, options ?? { title: 'Preview', features: [...RECOMMENDED_FEATURES] });
  return {
    source: sourceLabel(source),
    sheetName: read.block.sheet.getName(),
    headers: read.block.headers,
    mapping: read.mapping,
    fields: fieldList(ENRICHMENT_FIELDS),
    rows: read.records.slice(0, 5),
    validCount: plan.validCount,
    invalid: plan.invalid.slice(0, 100),
    invalidCount: plan.invalid.length,
    emptyRows: read.emptyRows,
    idsToGenerate: read.idsToGenerate,
    orders: plan.build.orders.length,
    hints: [...read.hints, ...plan.build.hints],
    problems: plan.problems,
    cost: OP_COST_BEFORE,
    brokenPhoneRows: read.brokenPhoneRows,
  };
}

export interface SubmitResult {
  job: JobView;
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
  idsGenerated: number;
  hints: string[];
  notice: string | null;
}

function createTabs(ctx: AppContext, title: string): Record<string, string> {
  const companies = freshTabName(ctx, `${title} - Companies`);
  return { companies, prospects: freshTabName(ctx, `${title} - Prospects`, [companies]) };
}

/** Submit and poll once within this execution; a refused submission leaves no job behind. */
function start(ctx: AppContext, job: Job, repeat?: { rows: unknown; again: boolean }, prepared?: PlannedOrders): { job: Job; notice: string | null } {
  return startJob(ctx, job, {
    ...(repeat ? { repeat } : {}),
    ...(prepared ? { prepared } : {}),
    // Refused before any order existed (bad key, missing scope, invalid input).
    refused: (latest) => latest.state === 'FAILED' && !hasRemoteWork(latest),
  });
}

export const SubmitEnrichmentInput = z.object({
  source: SourceInput,
  mapping: MappingInput,
  options: z.unknown(),
  withoutBrokenPhones: z.optional(z.boolean()),
});

/**
 * Submit an enrichment: check the options and rows first (nothing written when they are wrong),
 * write generated external_ids back, split into orders of 10,000, create one job whose parts
 * carry their Idempotency-Keys, and post them.
 */
export function submitEnrichment(ctx: AppContext, input: unknown): SubmitResult {
  const { source, mapping, options, withoutBrokenPhones: withoutPhone } = parseInput(SubmitEnrichmentInput, input, 'the enrichment form');
  new KeyStore(ctx.userProps()).require('openprospect');
  // One read of the rows: checked as the preview checks them, then ids written back from it.
  const read = readEnrichmentRows(ctx.spreadsheet(), source, { columns: mapping }, withoutPhone === true);
  const check = planEnrichment(read, options);
  if (check.problems.length > 0) throw new UserInputError(check.problems.join(' '));
  if (check.validCount === 0) throw new UserInputError('None of the rows can be sent; fix the rows listed in the preview and try again.');
  requireScopes(ctx, 'enrichment');
  const written = writeIds(read);
  const plan = planEnrichment(written, options);
  if (plan.build.problems.length > 0) throw new UserInputError(problemsText(plan.build.problems));
  const pinned = typeof source === 'string' ? pinSource(read.block) : source;

  const id = ctx.uuid();
  const title = plan.build.orders[0]?.body.title.replace(/ \(part 1 of \d+\)$/, '') ?? 'Enrichment';
  const parts: OrderPart[] = plan.build.orders.map((o, i) => ({
    key: `${id}-part-${i + 1}`,
    companies: o.body.companies.length,
    synced: false,
    offset: 0,
    written: 0,
  }));
  // "Send without the phone" is kept with the job: a submit killed midway re-sends the same body.
  const phoneChoice = withoutPhone === true ? { withoutBrokenPhones: true } : {};
  const rebuild = { source: pinned, mapping: read.mapping, mappingHeaders: headersOf(read.mapping, read.block.headers), options, ...phoneChoice };
  const data: OpOrdersData = { orderType: 'ENRICHMENT', rebuild, parts };
  const job = newJob({
    id,
    provider: 'openprospect',
    kind: OP_ORDERS_KIND,
    title,
    now: ctx.clock.now(),
    tabs: createTabs(ctx, title),
    data,
    total: parts.reduce((n, p) => n + p.companies, 0),
  });
  job.counts = { rows: written.records.length, invalidRows: plan.invalid.length, idsGenerated: written.idsGenerated };
  const started = start(ctx, job, { rows: written.records, again: againOf(input) }, new PlannedOrders(plan.build.orders));
  return {
    job: toView(started.job),
    invalid: plan.invalid.slice(0, 100),
    invalidCount: plan.invalid.length,
    idsGenerated: written.idsGenerated,
    hints: plan.build.hints,
    notice: started.notice,
  };
}

/** Submit a discovery order from the ICP form (validated; the form stays in the sidebar on error). */
export function submitDiscovery(ctx: AppContext, input: unknown): SubmitResult {
  new KeyStore(ctx.userProps()).require('openprospect');
  const build = buildDiscoveryOrder(withoutAgain(input));
  if (!build.ok) throw new UserInputError(problemsText(build.problems));
  requireScopes(ctx, (build.body.blacklist_ids ?? []).length > 0 ? 'discovery' : 'enrichment');
  const id = ctx.uuid();
  const title = build.body.title;
  const quantity = build.body.briefing_quantity ?? 0;
  const data: OpOrdersData = { orderType: 'DISCOVERY', parts: [{ key: `${id}-part-1`, companies: quantity, synced: false, offset: 0, written: 0 }] };
  const job = newJob({ id, provider: 'openprospect', kind: OP_ORDERS_KIND, title, now: ctx.clock.now(), tabs: createTabs(ctx, title), data, total: quantity });
  if (!storeBody(ctx.docProps(), id, build.body)) job.warnings.push('The form is too large to keep for a retry; if the submission fails, submit it again.');
  const started = start(ctx, job, { rows: build.body, again: againOf(input) });
  return { job: toView(started.job), invalid: [], invalidCount: 0, idsGenerated: 0, hints: build.hints, notice: started.notice };
}

export const ImportInput = z.object({ orderId: z.string(), title: z.optional(z.string()) });

/** Track an existing order by id so its results sync into tabs. */
export function importOrder(ctx: AppContext, input: unknown): SubmitResult {
  const { orderId, title: given } = parseInput(ImportInput, input, 'the order id');
  const trimmed = orderId.trim();
  if (trimmed === '') throw new UserInputError('Paste an order id, or pick an order from the list.');
  const http = httpFor(ctx, 'openprospect');
  let order: ReturnType<typeof getOrder>;
  try {
    order = getOrder(http, trimmed);
  } catch (e) {
    if (isUnknownOrder(e)) throw new UserInputError(unknownOrderSentence(trimmed));
    throw e;
  }
  const title = (given?.trim() || order.title || `Order ${trimmed.slice(0, 8)}`).slice(0, 80);
  const id = ctx.uuid();
  const orderType = order.order_type === 'DISCOVERY' ? 'DISCOVERY' : 'ENRICHMENT';
  const data: OpOrdersData = {
    orderType,
    parts: [{ key: `${id}-import`, orderId: order.order_id, companies: order.company_count ?? 0, synced: false, offset: 0, written: 0 }],
  };
  const job = {
    ...newJob({
      id,
      provider: 'openprospect',
      kind: OP_ORDERS_KIND,
      title,
      now: ctx.clock.now(),
      tabs: createTabs(ctx, title),
      data,
      total: order.company_count ?? 0,
    }),
    state: 'WAITING' as const,
  };
  const started = start(ctx, job);
  return { job: toView(started.job), invalid: [], invalidCount: 0, idsGenerated: 0, hints: [], notice: started.notice };
}

/** Feature keys picked in the form. */
export const FeaturesInput = z.array(z.string());

/** Feature dependency hints for the chosen features (the form shows them live). */
export function openProspectFeatureHints(input: unknown): string[] {
  const names = parseInput(FeaturesInput, input, 'the features');
  const unknown = names.find((f) => !(FEATURES as readonly string[]).includes(f));
  // The same sentence the submit gives for an unknown feature.
  if (unknown !== undefined) throw new UserInputError(`Feature "${unknown}" is not one of ${FEATURES.join(', ')}.`);
  return featureHints(names as Feature[]);
}
