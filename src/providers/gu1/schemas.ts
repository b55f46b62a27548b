/**
 * gu1 response shapes (zod/mini): the one place that says what the add-on requires of gu1.
 *
 * | route | required (why) | optional | variants accepted |
 * |---|---|---|---|
 * | POST /integration-execution/marketplace/enrichment-by-external-id (2xx, and a 422 with partial data) | `results`, an array (the rows) | every other key: `success`, `entityId`, `externalId`, `totalCostCents` (else the sum of `costCents`), `totalExecutionTime`; per result all keys, `integrationCode` to key a row (a result without one is counted as unkeyed) | the second documented shape with `rulesResult` / `rulesExecutionSummary` and without `entityId` / `integrationName` (the rules keys are written as `rulesResult.*` / `rulesExecutionSummary.*` columns); per-result `error` with `category`, `retryable`, `statusCode`; nulls for absent values; extra keys anywhere |
 * | errors | the status code | `{ success: false, error: { code, message } }` | any other body (a short scrubbed detail) |
 */
import * as z from 'zod/mini';

/** Optional and possibly null: what a defensive reader accepts for an undocumented absence. */
function opt<S extends z.ZodMiniType>(schema: S) {
  return z.optional(z.nullable(schema));
}

export const ResultErrorSchema = z.looseObject({
  code: opt(z.string()),
  message: opt(z.string()),
  category: opt(z.string()),
  retryable: opt(z.boolean()),
  statusCode: opt(z.number()),
});

export const EnrichmentResultSchema = z.looseObject({
  success: opt(z.boolean()),
  enrichmentId: opt(z.string()),
  integrationCode: opt(z.string()),
  integrationName: opt(z.string()),
  executionTime: opt(z.number()),
  costCents: opt(z.number()),
  result: opt(
    z.looseObject({
      fieldsEnriched: opt(z.array(z.unknown())),
      dataQuality: opt(z.looseObject({ completeness: opt(z.number()), confidence: opt(z.number()) })),
      summary: opt(z.string()),
      enrichmentData: z.optional(z.unknown()),
    }),
  ),
  error: opt(ResultErrorSchema),
});
export type EnrichmentResult = z.infer<typeof EnrichmentResultSchema>;

export const EnrichResponseSchema = z.looseObject({
  success: opt(z.boolean()),
  entityId: opt(z.string()),
  externalId: opt(z.string()),
  totalCostCents: opt(z.number()),
  totalExecutionTime: opt(z.number()),
  results: z.array(EnrichmentResultSchema),
});
export type EnrichResponse = z.infer<typeof EnrichResponseSchema>;

/** The request body (NOTES.md). */
export interface EnrichBody {
  externalId: string;
  integrationCodes: string[];
  enrichmentGroupRefs?: string[];
  parameters?: Record<string, unknown>;
}
