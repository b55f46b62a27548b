/**
 * `POST /api/v1/search`: one page of businesses (`limit` 1-1000, the previous page's last
 * `cursor`), read from any of the three documented envelopes. Filters are flat keys: a body
 * with a nested `filters` object is refused before it leaves the script.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { send } from './errors';
import { LIMITS, PATHS, readSearchEnvelope, type SearchRow } from './schemas';

/** One page and where the next one starts. */
export interface SearchPageResult {
  rows: SearchRow[];
  /** The last row's cursor; undefined when the rows carry none (paging cannot go on). */
  nextCursor?: unknown[];
  totalCount?: number;
}

/** Throw when a body nests its filters (the API would ignore them all). */
export function assertFlat(body: Record<string, unknown>): void {
  if ('filters' in body) throw new TypeError('Openmart search filters must be top-level keys; a nested "filters" object is ignored by the API');
}

/** Fetch one page of search results. */
export function searchPage(http: Http, body: Record<string, unknown>, page: { limit: number; cursor?: unknown[] | undefined }): SearchPageResult {
  return readSearchPage(send(http, searchRequest(body, page)));
}

/** The request for one page (`limit` 1-1000, after `cursor`); nested filters are refused. */
export function searchRequest(body: Record<string, unknown>, page: { limit: number; cursor?: unknown[] | undefined }): ApiRequest {
  assertFlat(body);
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > LIMITS.searchLimitMax)
    throw new RangeError(`search: limit must be 1-${LIMITS.searchLimitMax}, got ${page.limit}`);
  const json: Record<string, unknown> = { ...body, limit: page.limit };
  if (page.cursor !== undefined) json['cursor'] = page.cursor;
  return { method: 'post', path: PATHS.search, json };
}

/** Read one page: its rows, the next cursor and the total when sent. */
export function readSearchPage(res: ApiResponse<unknown>): SearchPageResult {
  const parsed = readSearchEnvelope(res, 'POST /api/v1/search');
  const out: SearchPageResult = { rows: parsed.rows };
  const last = parsed.rows[parsed.rows.length - 1];
  // `[match_score, id]`: a missing cursor, or one with a null score, cannot fetch the next page.
  if (last && Array.isArray(last.cursor) && last.cursor.length > 0 && last.cursor.every((v) => v !== null && v !== undefined)) out.nextCursor = last.cursor;
  if (parsed.totalCount !== undefined) out.totalCount = parsed.totalCount;
  return out;
}
