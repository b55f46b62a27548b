/**
 * `GET /api/v1/business_records/list/openmart_id` and `.../google_place_id`: 1-100 ids in a JSON
 * body of a GET (as the document says). Unknown ids are omitted; 1 credit per returned row.
 * UrlFetchApp documents payloads for POST/PUT/PATCH only, so a 422 that reads like a missing
 * body is explained as "the platform dropped the GET body".
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { ApiError } from '../../platform/errors';
import { droppedBodyHint, explain, explained } from './errors';
import { parseAnswer } from '../../platform/response';
import { LIMITS, PATHS, RecordsSchema, type RecordsKind } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for what the openmart_id route accepts (it silently drops anything else). */
export function isOpenmartId(s: string): boolean {
  return UUID.test(s.trim());
}

/** A Google Place id as the route wants it (the `GOOGLE_MAP@` source prefix removed). */
export function barePlaceId(s: string): string {
  return s.trim().replace(/^GOOGLE_MAP@/i, '');
}

/** The request for one call (1-100 ids). */
export function recordsRequest(kind: RecordsKind, ids: readonly string[]): ApiRequest {
  if (ids.length < 1 || ids.length > LIMITS.recordIds) throw new RangeError(`records: 1-${LIMITS.recordIds} ids per call, got ${ids.length}`);
  return { method: 'get', path: PATHS.records(kind), json: [...ids] };
}

/** Turn a records failure into a clear error (the dropped-body case above all). */
export function explainRecordsError(e: unknown): unknown {
  return explain(e, droppedBodyHint(e));
}

/** Read one answer: records keyed by the ids sent. */
export function readRecords(res: ApiResponse<unknown> | ApiError, kind: RecordsKind): Record<string, Record<string, unknown>> {
  if (res instanceof ApiError) throw explainRecordsError(res);
  return parseAnswer('openmart', RecordsSchema, res, `GET /api/v1/business_records/list/${kind}`);
}

/** Fetch one call's records. */
export function getRecords(http: Http, kind: RecordsKind, ids: readonly string[]): Record<string, Record<string, unknown>> {
  return readRecords(
    explained(() => http.request<unknown>(recordsRequest(kind, ids)), droppedBodyHint),
    kind,
  );
}
