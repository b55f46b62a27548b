/**
 * Blacklists (discovery guide "Step 1" + NOTES): `POST|GET /blacklists`,
 * `GET|PATCH|DELETE /blacklists/{id}`, `POST|GET|DELETE /blacklists/{id}/entries`; at most
 * 10,000 entries per POST, so larger lists are split by `addBlacklistEntriesInChunks`.
 * Matching precedence (NOTES): external_id, then domain (website_url), then name + city, then
 * name. Response bodies are not documented: ids are read from `id` or `blacklist_id`, lists from
 * `items`, `blacklists`/`entries` or a bare array.
 */
import { ApiError } from '../../platform/errors';
import type { ApiResponse, Http } from '../../platform/http-types';
import { LIMITS, PATHS } from './schemas';
import { BlacklistEntrySchema, BlacklistSchema, type Blacklist, type BlacklistEntry } from './result-schemas';
import { malformedAnswer, parseAnswer } from '../../platform/response';
import * as z from 'zod/mini';
import type { DeadlineLike } from './results';

/** `POST /blacklists` body (discovery guide: `{ name, description }`). */
export interface BlacklistInput {
  name: string;
  description?: string;
}

/** One entry to add (discovery guide example plus `external_id` from NOTES' matching rules). */
export interface BlacklistEntryInput {
  company_name?: string;
  website_url?: string;
  city?: string;
  country?: string;
  external_id?: string;
}

/** A blacklist with its id resolved. */
export interface BlacklistInfo {
  id: string;
  name?: string;
  description?: string;
  raw: Blacklist;
}

/** One page of a list call. */
export interface ListPage<T> {
  items: T[];
  total?: number;
  hasMore?: boolean;
}

function info(res: ApiResponse<unknown>, body: Blacklist, what: string, fallbackId?: string): BlacklistInfo {
  const id = body.id ?? body.blacklist_id ?? fallbackId;
  // The id is what orders reference (`blacklist_ids`): without it the blacklist is useless.
  if (!id) throw malformedAnswer('openprospect', res, `${what}: id: expected a string, got nothing`);
  const out: BlacklistInfo = { id, raw: body };
  if (body.name != null) out.name = body.name;
  if (body.description != null) out.description = body.description;
  return out;
}

const Meta = { total: z.optional(z.nullable(z.number())), has_more: z.optional(z.nullable(z.boolean())) };

function parseList<T extends z.ZodMiniType>(res: ApiResponse<unknown>, item: T, keys: string[], what: string): ListPage<z.infer<T>> {
  const body = res.body;
  if (Array.isArray(body)) return { items: parseAnswer('openprospect', z.array(item), res, what) as Array<z.infer<T>> };
  const key = keys.find((k) => typeof body === 'object' && body !== null && k in body);
  if (!key) throw malformedAnswer('openprospect', res, `${what}: (body): expected an object with ${keys.map((k) => `"${k}"`).join(' or ')} array`);
  const parsed = parseAnswer('openprospect', z.looseObject({ [key]: z.array(item), ...Meta }), res, what) as Record<string, unknown> & {
    total?: number | null;
    has_more?: boolean | null;
  };
  const page: ListPage<z.infer<T>> = { items: parsed[key] as Array<z.infer<T>> };
  if (typeof parsed.total === 'number') page.total = parsed.total;
  if (typeof parsed.has_more === 'boolean') page.hasMore = parsed.has_more;
  return page;
}

/** Create a blacklist. */
export function createBlacklist(http: Http, input: BlacklistInput): BlacklistInfo {
  const res = http.request<unknown>({ method: 'post', path: PATHS.blacklists, json: input });
  return info(res, parseAnswer('openprospect', BlacklistSchema, res, 'POST /blacklists'), 'POST /blacklists');
}

/** List blacklists. */
export function listBlacklists(http: Http, query: { limit?: number; offset?: number } = {}): ListPage<BlacklistInfo> {
  const res = http.request<unknown>({ method: 'get', path: PATHS.blacklists, query: { limit: query.limit, offset: query.offset } });
  const page = parseList(res, BlacklistSchema, ['items', 'blacklists'], 'GET /blacklists');
  return { ...page, items: page.items.map((b, i) => info(res, b, `GET /blacklists: items.${i}`)) };
}

/** Get one blacklist. */
export function getBlacklist(http: Http, blacklistId: string): BlacklistInfo {
  const what = `GET /blacklists/${blacklistId}`;
  const res = http.request<unknown>({ method: 'get', path: PATHS.blacklist(blacklistId) });
  return info(res, parseAnswer('openprospect', BlacklistSchema, res, what), what, blacklistId);
}

/** Rename or re-describe a blacklist (PATCH sends only the given keys). */
export function updateBlacklist(http: Http, blacklistId: string, patch: Partial<BlacklistInput>): BlacklistInfo {
  const what = `PATCH /blacklists/${blacklistId}`;
  const res = http.request<unknown>({ method: 'patch', path: PATHS.blacklist(blacklistId), json: patch });
  // Some APIs answer a PATCH with 204: then the blacklist is what we sent.
  if (res.body === undefined) return { id: blacklistId, ...patch, raw: { id: blacklistId } };
  return info(res, parseAnswer('openprospect', BlacklistSchema, res, what), what, blacklistId);
}

/** Delete a blacklist (any 2xx body, including none, is success). */
export function deleteBlacklist(http: Http, blacklistId: string): void {
  http.request<unknown>({ method: 'delete', path: PATHS.blacklist(blacklistId) });
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
  if (entries.length < 1 || entries.length > LIMITS.blacklistEntriesPerPost) {
    throw new RangeError(`addBlacklistEntries: 1 to ${LIMITS.blacklistEntriesPerPost} entries per call, got ${entries.length}; use addBlacklistEntriesInChunks`);
  }
  const what = `POST /blacklists/${blacklistId}/entries`;
  const res = http.request<unknown>({ method: 'post', path: PATHS.blacklistEntries(blacklistId), json: { entries } });
  if (res.body === undefined) return {};
  return parseAnswer('openprospect', z.looseObject({}), res, what);
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
  const res = http.request<unknown>({ method: 'get', path: PATHS.blacklistEntries(blacklistId), query: { limit: query.limit, offset: query.offset } });
  return parseList(res, BlacklistEntrySchema, ['items', 'entries'], `GET /blacklists/${blacklistId}/entries`);
}

/**
 * Delete entries through the documented route `DELETE /blacklists/{id}/entries` (NOTES); no
 * per-entry route is documented, so none is invented. The BODY of this DELETE is NOT documented:
 * this is the one place that decides it. With `entryIds` it sends `{ entry_ids: [...] }`, without
 * it no body (clear the list). Change it here only when OpenProspect documents the body.
 */
export function deleteBlacklistEntries(http: Http, blacklistId: string, opts: { entryIds?: string[] } = {}): void {
  const req = { method: 'delete' as const, path: PATHS.blacklistEntries(blacklistId) };
  http.request<unknown>(opts.entryIds ? { ...req, json: { entry_ids: opts.entryIds } } : req);
}
