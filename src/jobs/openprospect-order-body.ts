/**
 * What the unsent parts of an OpenProspect order job are rebuilt from: an enrichment's source
 * (`rebuild` in the job's data), or a discovery's order body kept beside the job (one document
 * property) so a later run re-sends it with the same Idempotency-Key. The kept body goes with the
 * job (the orders kind's cleanup).
 */
import * as z from 'zod/mini';
import { JsonStore, type PropertyStore } from '../platform/store';
import type { OrderBody } from '../providers/openprospect/bodies';
import { PinnedSourceSchema } from '../sheet/source';

/** An enrichment's rows, read again to rebuild a part's body. */
export const EnrichmentRebuildSchema = z.object({
  source: PinnedSourceSchema,
  mapping: z.record(z.string(), z.number()),
  /** The header text of each mapped column when submitted (absent in jobs of older versions). */
  mappingHeaders: z.optional(z.record(z.string(), z.string())),
  options: z.unknown(),
  /** "Send without the phone": rows whose phone cell shows #ERROR! go out without it. */
  withoutBrokenPhones: z.optional(z.boolean()),
});
export type EnrichmentRebuild = z.infer<typeof EnrichmentRebuildSchema>;

const BODY_PREFIX = 'jobbody:';
const StoredBodySchema = z.looseObject({ order_type: z.string() });

/** Keep a discovery body for a retry from a later run; false when it is too large to keep. */
export function storeBody(props: PropertyStore, jobId: string, body: OrderBody): boolean {
  try {
    const kept = body as unknown as z.infer<typeof StoredBodySchema>;
    new JsonStore(props).set(BODY_PREFIX + jobId, StoredBodySchema, kept);
    return true;
  } catch {
    return false;
  }
}

/** The kept body of a job, if any. */
export function storedBody(props: PropertyStore, jobId: string): OrderBody | undefined {
  return new JsonStore(props).get(BODY_PREFIX + jobId, StoredBodySchema) as unknown as OrderBody | undefined;
}

/** Remove the kept body of a job. */
export function forgetBody(props: PropertyStore, jobId: string): void {
  props.deleteProperty(BODY_PREFIX + jobId);
}
