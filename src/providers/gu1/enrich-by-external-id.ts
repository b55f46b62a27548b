/**
 * `POST /integration-execution/marketplace/enrichment-by-external-id`: the request for one
 * entity and the reading of its answer.
 */
import type { ApiRequest, ApiResponse } from '../../platform/http-types';
import { parseAnswer } from '../../platform/response';
import { type EnrichBody, type EnrichResponse, EnrichResponseSchema } from './schemas';

export const ENRICH_BY_EXTERNAL_ID_PATH = '/integration-execution/marketplace/enrichment-by-external-id';

/** What one row asks gu1 for. */
export interface EnrichArgs {
  externalId: string;
  integrationCodes: readonly string[];
  enrichmentGroupRefs: readonly string[];
  /** Values from mapped columns; never `forceRefresh` (see `withForceRefresh`). */
  parameters?: Readonly<Record<string, unknown>>;
  forceRefresh: boolean;
}

/**
 * The one place `forceRefresh` is put. The contract says a repeat may be answered from the cache
 * "unless forceRefresh is used" but no page shows where it goes; NOTES.md says `parameters`.
 */
export function withForceRefresh(parameters: Readonly<Record<string, unknown>>, forceRefresh: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...parameters };
  delete out['forceRefresh'];
  if (forceRefresh) out['forceRefresh'] = true;
  return out;
}

/**
 * The request for one entity. `integrationCodes` is always sent (older doc versions require
 * it), `enrichmentGroupRefs` and `parameters` only when non-empty. The route is `billed` in the
 * billing table: Http re-sends it only after a 429; after a 408, 5xx or lost answer the job
 * re-sends the row itself, once and without forceRefresh, so gu1's cache answers it and the job
 * counts it as "up to" cost.
 */
export function buildEnrichRequest(args: EnrichArgs): ApiRequest {
  const body: EnrichBody = { externalId: args.externalId, integrationCodes: [...args.integrationCodes] };
  if (args.enrichmentGroupRefs.length > 0) body.enrichmentGroupRefs = [...args.enrichmentGroupRefs];
  const parameters = withForceRefresh(args.parameters ?? {}, args.forceRefresh);
  if (Object.keys(parameters).length > 0) body.parameters = parameters;
  return { method: 'post', path: ENRICH_BY_EXTERNAL_ID_PATH, json: body };
}

/**
 * The Settings test: gu1 has no free read, but an enrichment call with no integrations is refused
 * (400) after the key is checked, so nothing is billed and the answer says whether the key is good.
 */
export function keyCheckRequest(): ApiRequest {
  return { method: 'post', path: ENRICH_BY_EXTERNAL_ID_PATH, json: { externalId: '__connection_test__', integrationCodes: [], enrichmentGroupRefs: [] } };
}

/** Read an answer (a 2xx, or a 422 carrying partial data); one without `results` is a MalformedResponseError. */
export function readEnrichAnswer(res: ApiResponse<unknown>): EnrichResponse {
  return parseAnswer('gu1', EnrichResponseSchema, res, `POST ${ENRICH_BY_EXTERNAL_ID_PATH}`);
}

/** The response's total cost: `totalCostCents` when sent, else the sum of the results. */
export function totalCostCents(res: EnrichResponse): number {
  if (typeof res.totalCostCents === 'number' && Number.isFinite(res.totalCostCents)) return res.totalCostCents;
  return res.results.reduce((n, r) => n + (typeof r.costCents === 'number' && Number.isFinite(r.costCents) ? r.costCents : 0), 0);
}
