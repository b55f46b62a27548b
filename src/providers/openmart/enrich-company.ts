/**
 * `POST /api/v1/enrich_company`: a website or social-media URL -> matching stores, as a raw array
 * or `{data, total_count}` (estimate_total). `limit` 1-50 (the server answers 422 above 50);
 * 1 credit per returned row, so the add-on asks for few.
 */
import type { ApiRequest, ApiResponse } from '../../platform/http-types';
import { ApiError } from '../../platform/errors';
import { explain } from './errors';
import { LIMITS, PATHS, readSearchEnvelope, type SearchRow } from './schemas';

/** What one row of the sheet asks about. */
export interface EnrichTarget {
  website?: string | undefined;
  social_media_link?: string | undefined;
}

/** The request for one row. At least one of website / social link (the server would return an unfiltered slice). */
export function enrichCompanyRequest(target: EnrichTarget, opts: { limit: number; location?: Record<string, unknown> | undefined }): ApiRequest {
  if (!target.website && !target.social_media_link) throw new TypeError('enrich_company: a website or a social media link is required');
  if (!Number.isInteger(opts.limit) || opts.limit < 1 || opts.limit > LIMITS.enrichLimitMax)
    throw new RangeError(`enrich_company: limit must be 1-${LIMITS.enrichLimitMax}`);
  const json: Record<string, unknown> = { limit: opts.limit };
  if (target.website) json['website'] = target.website;
  if (target.social_media_link) json['social_media_link'] = target.social_media_link;
  if (opts.location) json['location'] = opts.location;
  return { method: 'post', path: PATHS.enrichCompany, json };
}

/** Read one answer (either envelope). */
export function readEnrichCompany(res: ApiResponse<unknown> | ApiError): SearchRow[] {
  if (res instanceof ApiError) throw explain(res);
  return readSearchEnvelope(res, 'POST /api/v1/enrich_company').rows;
}
