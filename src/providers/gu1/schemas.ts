/**
 * gu1 response shapes (zod/mini): the one place that says what the add-on requires of gu1.
 *
 * | route | required (why) | optional | variants accepted |
 * |---|---|---|---|
 * | POST /integration-execution/marketplace/enrichment-by-external-id (2xx, and a 422 with partial data) | `results`, an array (the rows) | every other key: `success`, `entityId`, `externalId`, `totalCostCents` (else the sum of `costCents`), `totalExecutionTime`; per result all keys, `integrationCode` to key a row (a result without one is counted as unkeyed) | the second documented shape with `rulesResult` / `rulesExecutionSummary` and without `entityId` / `integrationName` (the rules keys are written as `rulesResult.*` / `rulesExecutionSummary.*` columns); per-result `error` with `category`, `retryable`, `statusCode`, or a bare message text; display fields of an unexpected type (a cost sent as text, an object where text is documented) read softly (soft-fields.ts), never failing the answer; nulls for absent values; extra keys anywhere |
 * | errors | the status code | `{ success: false, error: { code, message } }` | any other body (a short scrubbed detail) |
 */
import * as z from 'zod/mini';
import { SoftList, SoftNumber, SoftText, soft } from '../soft-fields';

export const ResultErrorSchema = z.looseObject({
  code: SoftText,
  message: SoftText,
  category: SoftText,
  retryable: soft(z.boolean()),
  statusCode: SoftNumber,
});
type ResultError = z.infer<typeof ResultErrorSchema>;

/** A per-result error: the documented object, or a bare message text (kept as its message). */
const ResultError = soft(
  z.union([
    ResultErrorSchema,
    z.pipe(
      z.string(),
      z.transform((message: string): ResultError => ({ message })),
    ),
  ]),
);

export const EnrichmentResultSchema = z.looseObject({
  success: soft(z.boolean()),
  enrichmentId: SoftText,
  integrationCode: SoftText,
  integrationName: SoftText,
  executionTime: SoftNumber,
  costCents: SoftNumber,
  result: soft(
    z.looseObject({
      fieldsEnriched: SoftList,
      dataQuality: soft(z.looseObject({ completeness: SoftNumber, confidence: SoftNumber })),
      summary: SoftText,
      enrichmentData: z.optional(z.unknown()),
    }),
  ),
  error: ResultError,
});
export type EnrichmentResult = z.infer<typeof EnrichmentResultSchema>;

export const EnrichResponseSchema = z.looseObject({
  success: soft(z.boolean()),
  entityId: SoftText,
  externalId: SoftText,
  totalCostCents: SoftNumber,
  totalExecutionTime: SoftNumber,
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
