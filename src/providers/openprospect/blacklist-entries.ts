/**
 * Blacklist entries (discovery guide "Step 1" + NOTES): `POST|GET|DELETE /blacklists/{id}/entries`;
 * at most 10,000 entries per POST, so larger lists are split by `addBlacklistEntriesInChunks`.
 * Matching precedence (NOTES): external_id, then domain (website_url), then name + city, then name.
 */
import * as z from 'zod/mini';
import { ApiError } from '../../platform/errors';
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { parseAnswer } from '../../platform/response';
import { readListPage, type ListPage } from './blacklists';
import { BlacklistEntrySchema, type BlacklistEntry } from './result-schemas';
import type { DeadlineLike } from './results';
import { LIMITS, PATHS } from './schemas';

/** One entry to add (discovery guide example plus `external_id` from NOTES' matching rules). */
export interface BlacklistEntryInput {
  company_name?: string;
  website_url?: string;
  city?: string;
  country?: string;
  external_id?: string;
}

/**
 * Entries without anything to match on (external_id, website_url or company_name) are refused
 * locally: the server could only reject or ignore them. Returns one sentence per bad entry.
 */
export function checkBlacklistEntries(entries: readonly BlacklistEntryInput[]): string[] {
  const problems: string[] = [];
  entries.forEach((e, i) => {
    if (!e.external_id?.trim() && !e.website_url?.trim() && !e.company_name?.trim()) {
      problems.push(`Entry ${i + 1}: needs a company name, a website or an external id to match on.`);
    }
  });
  return problems;
}

/** Summary of an entries POST: the parsed body (its shape is not documented). */
export type AddEntriesResult = Record<string, unknown>;

/** Add up to 10,000 entries in one POST. */
export function addBlacklistEntries(http: Http, blacklistId: string, entries: readonly BlacklistEntryInput[]): AddEntriesResult {
  return readAddedEntries(http.request<unknown>(addEntriesRequest(blacklistId, entries)), blacklistId);
}

/** The request adding 1 to 10,000 entries in one POST. */
export function addEntriesRequest(blacklistId: string, entries: readonly BlacklistEntryInput[]): ApiRequest {
  if (entries.length < 1 || entries.length > LIMITS.blacklistEntriesPerPost) {
    throw new RangeError(
      `addBlacklistEntries: 1 to ${LIMITS.blacklistEntriesPerPost} entries per call, got ${entries.length}; use addBlacklistEntriesInChunks`,
    );
  }
  return { method: 'post', path: PATHS.blacklistEntries(blacklistId), json: { entries } };
}

/** Read an entries POST: any object (its shape is not documented), or nothing. */
export function readAddedEntries(res: ApiResponse<unknown>, blacklistId: string): AddEntriesResult {
  if (res.body === undefined) return {};
  return parseAnswer('openprospect', z.looseObject({}), res, `POST /blacklists/${blacklistId}/entries`);
}

/** Split a list into slices of at most `size` (default 10,000: the documented bulk-add limit). */
export function chunk<T>(list: readonly T[], size: number = LIMITS.blacklistEntriesPerPost): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk: size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Progress of a chunked add. */
export interface ChunkedAddProgress {
  /** Index of the first entry not yet sent: checkpoint it and pass it back as `startIndex`. */
  nextIndex: number;
  complete: boolean;
  /** One parsed body per successful POST. */
  results: AddEntriesResult[];
  /** The failure that stopped the run, if any (the entries of that chunk are not counted). */
  error?: ApiError;
}

/**
 * Add any number of entries as consecutive POSTs of at most 10,000, stopping at the deadline or
 * the first failure and reporting where to resume. The POST has no documented Idempotency-Key,
 * so Http does not retry it after an ambiguous failure; re-sending a chunk relies on the
 * server's matching (same external_id / domain) to avoid duplicates.
 */
export function addBlacklistEntriesInChunks(
  http: Http,
  blacklistId: string,
  entries: readonly BlacklistEntryInput[],
  opts: { startIndex?: number; deadline?: DeadlineLike; reserveMs?: number; chunkSize?: number } = {},
): ChunkedAddProgress {
  const size = Math.min(opts.chunkSize ?? LIMITS.blacklistEntriesPerPost, LIMITS.blacklistEntriesPerPost);
  let next = opts.startIndex ?? 0;
  const results: AddEntriesResult[] = [];
  while (next < entries.length) {
    if (opts.deadline?.nearlyOver(opts.reserveMs)) break;
    const slice = entries.slice(next, next + size);
    try {
      results.push(addBlacklistEntries(http, blacklistId, slice));
    } catch (e) {
      if (e instanceof ApiError) return { nextIndex: next, complete: false, results, error: e };
      throw e;
    }
    next += slice.length;
  }
  return { nextIndex: next, complete: next >= entries.length, results };
}

/** List entries of a blacklist (`items` or `entries` envelope, or a bare array). */
export function listBlacklistEntries(http: Http, blacklistId: string, query: { limit?: number; offset?: number } = {}): ListPage<BlacklistEntry> {
  return readEntriesPage(http.request<unknown>(listEntriesRequest(blacklistId, query)), blacklistId);
}

/** The request for one page of a blacklist's entries. */
export function listEntriesRequest(blacklistId: string, query: { limit?: number; offset?: number } = {}): ApiRequest {
  return { method: 'get', path: PATHS.blacklistEntries(blacklistId), query: { limit: query.limit, offset: query.offset } };
}

/** Read a page of entries. */
export function readEntriesPage(res: ApiResponse<unknown>, blacklistId: string): ListPage<BlacklistEntry> {
  return readListPage(res, BlacklistEntrySchema, ['items', 'entries'], `GET /blacklists/${blacklistId}/entries`);
}

/**
 * Delete entries through the documented route `DELETE /blacklists/{id}/entries` (NOTES); no
 * per-entry route is documented, so none is invented. The BODY of this DELETE is NOT documented:
 * this is the one place that decides it. With `entryIds` it sends `{ entry_ids: [...] }`, without
 * it no body (clear the list). Change it here only when OpenProspect documents the body.
 */
export function deleteEntriesRequest(blacklistId: string, opts: { entryIds?: string[] } = {}): ApiRequest {
  const req: ApiRequest = { method: 'delete', path: PATHS.blacklistEntries(blacklistId) };
  return opts.entryIds ? { ...req, json: { entry_ids: opts.entryIds } } : req;
}

/** Delete entries (deleteEntriesRequest); any 2xx is success. */
export function deleteBlacklistEntries(http: Http, blacklistId: string, opts: { entryIds?: string[] } = {}): void {
  http.request<unknown>(deleteEntriesRequest(blacklistId, opts));
}
