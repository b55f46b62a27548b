/**
 * Rebuilding an order body for a part not yet accepted (a submission killed midway): from the
 * source sheet for enrichment (ids were written back before the first POST, so the same rows
 * give the same body and the same Idempotency-Key returns the same order), or from the stored
 * body for discovery.
 */
import * as z from 'zod/mini';
import type { JobEnv } from '../jobs/handler';
import type { Job } from '../jobs/model';
import type { OpOrdersData } from '../jobs/openprospect-orders';
import { JsonStore } from '../platform/store';
import { buildEnrichmentOrders } from '../providers/openprospect/build-enrichment';
import { ENRICHMENT_FIELDS } from '../providers/openprospect/fields';
import type { OrderBody } from '../providers/openprospect/bodies';
import { ensureExternalIds } from '../sheet/external-ids';
import { rowsToRecords } from '../sheet/records';
import { withoutBrokenPhones } from '../sheet/sheets-changed';
import { PinnedSourceSchema, readSource, type SourceSpec } from '../sheet/source';

export const EnrichmentRebuildSchema = z.object({
  source: PinnedSourceSchema,
  mapping: z.record(z.string(), z.number()),
  options: z.unknown(),
  /** "Send without the phone": rows whose phone cell shows #ERROR! go out without it. */
  withoutBrokenPhones: z.optional(z.boolean()),
});
export type EnrichmentRebuild = z.infer<typeof EnrichmentRebuildSchema>;

const BODY_PREFIX = 'jobbody:';
export const StoredBodySchema = z.looseObject({ order_type: z.string() });

/** Read the source, fill missing ids (written back), and plan the orders. */
export function planEnrichment(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, source: SourceSpec, mapping: Record<string, number>, options: unknown, withoutPhone = false) {
  const read = readSource(ss, source);
  const block = withoutPhone ? withoutBrokenPhones(read, mapping['phone']) : read;
  const ids = ensureExternalIds(block, mapping);
  const records = rowsToRecords(ids.values, block.headerRowIndex, ids.mapping, { fields: ENRICHMENT_FIELDS, firstRow: block.firstRow });
  const build = buildEnrichmentOrders(records.records, options);
  return { block, ids, records, build };
}

/** Keep a discovery body for a retry from a later run. */
export function storeBody(docProps: JobEnv['docProps'], jobId: string, body: OrderBody): boolean {
  try {
    new JsonStore(docProps).set(BODY_PREFIX + jobId, StoredBodySchema, body as unknown as z.infer<typeof StoredBodySchema>);
    return true;
  } catch {
    return false;
  }
}

export function forgetBody(docProps: JobEnv['docProps'], jobId: string): void {
  docProps.deleteProperty(BODY_PREFIX + jobId);
}

/** The BodyRebuilder for the OpenProspect orders job. */
export function rebuildOrderBody(job: Job, data: OpOrdersData, index: number, env: JobEnv): { body: OrderBody; rowNumbers?: number[] } {
  if (data.orderType === 'DISCOVERY') {
    const body = new JsonStore(env.docProps).get(BODY_PREFIX + job.id, StoredBodySchema);
    if (!body) throw new Error('The discovery form of this job was not kept; submit it again from the Discover section.');
    return { body: body as unknown as OrderBody };
  }
  const rebuild = EnrichmentRebuildSchema.safeParse(data.rebuild);
  if (!rebuild.success) throw new Error('This job cannot be resubmitted (its source is unknown); start it again from the sidebar.');
  const { build } = planEnrichment(env.spreadsheet, rebuild.data.source, rebuild.data.mapping, rebuild.data.options, rebuild.data.withoutBrokenPhones === true);
  const order = build.orders[index];
  if (!order || build.orders.length !== data.parts.length) {
    throw new Error('The source rows changed since this job was submitted, so the unsent orders cannot be rebuilt. Cancel this job and submit again.');
  }
  return { body: order.body, rowNumbers: order.rowNumbers };
}
