/**
 * The side record of an OpenProspect discovery job: its order body, kept beside the job (one
 * document property) so a later run can re-send it with the same Idempotency-Key. It goes with
 * the job (the orders kind's cleanup).
 */
import * as z from 'zod/mini';
import { JsonStore, type PropertyStore } from '../platform/store';
import type { OrderBody } from '../providers/openprospect/bodies';

const BODY_PREFIX = 'jobbody:';
const StoredBodySchema = z.looseObject({ order_type: z.string() });

/** Keep a discovery body for a retry from a later run; false when it is too large to keep. */
export function storeBody(props: PropertyStore, jobId: string, body: OrderBody): boolean {
  try {
    new JsonStore(props).set(BODY_PREFIX + jobId, StoredBodySchema, body as unknown as z.infer<typeof StoredBodySchema>);
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
