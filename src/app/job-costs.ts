/**
 * What a job cost, in the provider's unit with the unit named, for the Jobs view: gu1's reported
 * cost plus its "up to" figure, OpenProspect's `estimated_cost` once an order carries one
 * ("priced at review" before), Openmart's credits.
 */
import { OP_ORDERS_KIND, openProspectCostLine } from '../jobs/openprospect-order-data';
import { GU1_RUN_KIND } from '../jobs/gu1-run-data';
import type { Job } from '../jobs/model';
import { gu1CostLine } from '../providers/gu1/costs';

/** One sentence on what the job cost (or will), or null for a kind that spends nothing. */
export function costLine(job: Job): string | null {
  if (job.kind === GU1_RUN_KIND) return gu1CostLine(job.counts);
  if (job.kind === OP_ORDERS_KIND) return openProspectCostLine(job);
  if (job.provider === 'openmart') return 'Cost: in Openmart credits, 1 per result row (the balance is at the top of the Openmart tab).';
  return null;
}
