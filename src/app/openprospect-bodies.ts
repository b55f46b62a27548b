/**
 * The plan of an OpenProspect enrichment from rows read once (sheet/read-rows.ts): the orders,
 * every invalid row, the blocking problems; the same pure check for the preview and the submit.
 * And the bodies of parts not yet accepted (a submission killed midway): the submit's own plan in
 * its execution, else rebuilt from the source sheet (ids were written back before the first POST,
 * so the same rows give the same body and the same Idempotency-Key returns the same order; columns
 * are found again by their header text), or from the stored body for discovery.
 */
import type { JobEnv } from '../jobs/handler';
import { JobStopError, type Job } from '../jobs/model';
import type { OpOrdersData } from '../jobs/openprospect-order-data';
import { EnrichmentRebuildSchema, storedBody, type EnrichmentRebuild } from '../jobs/openprospect-order-body';
import { buildEnrichmentOrders, type PlannedEnrichmentOrder as PlannedOrder } from '../providers/openprospect/build-enrichment';
import { ENRICHMENT_FIELDS } from '../providers/openprospect/fields';
import type { Problem } from '../providers/openprospect/order-options';
import type { OrderBody } from '../providers/openprospect/bodies';
import { missingRequiredProblems, noRowsProblem, type Mapping } from '../sheet/headers';
import { SOURCE_ROW_LIMITS } from '../sheet/limits';
import type { RecordsResult } from '../sheet/records';
import { readRows, writeIds, type MappingSpec, type RowsRead } from '../sheet/read-rows';
import type { SourceSpec } from '../sheet/source';

/** Read the enrichment rows of a source once (ids previewed, not written). */
export function readEnrichmentRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, source: SourceSpec, mapping: MappingSpec, withoutPhone = false): RowsRead {
  return readRows(ss, source, mapping, ENRICHMENT_FIELDS, { maxRows: SOURCE_ROW_LIMITS.openprospect, ids: 'generate', withoutBrokenPhones: withoutPhone });
}

/**
 * The blocking problems: an unmapped company name column says so (not "no rows"), and "no rows"
 * counts the rows refused before the builder saw them.
 */
function blockingProblems(problems: Problem[], mapping: Mapping, invalidCount: number): string[] {
  const unmapped = missingRequiredProblems(mapping, ENRICHMENT_FIELDS);
  const noRows = problems.some((p) => p.field === 'companies');
  const rest = problems.filter((p) => p.field !== 'companies').map((p) => p.message);
  if (unmapped.length > 0) return [...unmapped, ...rest];
  return noRows ? [...rest, noRowsProblem(invalidCount)] : rest;
}

/** Pure: the orders from the records, every invalid row (sorted), the rows sent, the blocking problems. */
export function planEnrichment(read: RecordsResult & { mapping: Mapping }, options: unknown) {
  const build = buildEnrichmentOrders(read.records, options);
  const invalid = [...read.invalid, ...build.invalid].sort((a, b) => a.rowNumber - b.rowNumber);
  const validCount = build.orders.reduce((n, o) => n + o.rowNumbers.length, 0);
  return { build, invalid, validCount, problems: blockingProblems(build.problems, read.mapping, invalid.length) };
}

/** The orders a submit planned (JobEnv.prepared): its first advance posts them without reading the rows again. */
export class PlannedOrders {
  constructor(readonly orders: readonly PlannedOrder[]) {}
}

/** The orders of an enrichment job: the submit's plan in its own execution, else rebuilt from the sheet. */
function plannedOrders(job: Job, rebuild: EnrichmentRebuild, env: JobEnv): readonly PlannedOrder[] {
  const prepared = env.prepared;
  if (prepared?.jobId === job.id && prepared.plan instanceof PlannedOrders) return prepared.plan.orders;
  const read = readEnrichmentRows(
    env.spreadsheet,
    rebuild.source,
    { columns: rebuild.mapping, headers: rebuild.mappingHeaders },
    rebuild.withoutBrokenPhones === true,
  );
  return planEnrichment(writeIds(read), rebuild.options).build.orders;
}

/** The BodyRebuilder for the OpenProspect orders job. */
export function rebuildOrderBody(job: Job, data: OpOrdersData, index: number, env: JobEnv): { body: OrderBody; rowNumbers?: number[] } {
  if (data.orderType === 'DISCOVERY') {
    const body = storedBody(env.docProps, job.id);
    if (!body) throw new JobStopError('The discovery form of this job was not kept; submit it again from the Discover section.');
    return { body };
  }
  const rebuild = EnrichmentRebuildSchema.safeParse(data.rebuild);
  if (!rebuild.success) throw new JobStopError('This job cannot be resubmitted (its source is unknown); start it again from the sidebar.');
  const orders = plannedOrders(job, rebuild.data, env);
  const order = orders[index];
  if (!order || orders.length !== data.parts.length) {
    throw new JobStopError('The source rows changed since this job was submitted, so the unsent orders cannot be rebuilt. Cancel this job and submit again.');
  }
  return { body: order.body, rowNumbers: [...order.rowNumbers] };
}
