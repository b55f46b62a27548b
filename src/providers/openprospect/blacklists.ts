/**
 * Blacklists (discovery guide "Step 1" + NOTES): `POST|GET /blacklists`,
 * `GET|PATCH|DELETE /blacklists/{id}`, `POST|GET|DELETE /blacklists/{id}/entries`; at most
 * 10,000 entries per POST, so larger lists are split (blacklist-entries.ts).
 * Matching precedence (NOTES): external_id, then domain (website_url), then name + city, then
 * name. Response bodies are not documented: ids are read from `id` or `blacklist_id`, lists from
 * `items`, `blacklists`/`entries` or a bare array.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { PATHS } from './schemas';
import { BlacklistSchema, type Blacklist } from './result-schemas';
import { malformedAnswer, parseAnswer } from '../../platform/response';
import * as z from 'zod/mini';

/** `POST /blacklists` body (discovery guide: `{ name, description }`). */
export interface BlacklistInput {
  name: string;
  description?: string;
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

/** Read a list answer: a bare array, or an object with one of `keys` as its array. */
export function readListPage<T extends z.ZodMiniType>(res: ApiResponse<unknown>, item: T, keys: string[], what: string): ListPage<z.infer<T>> {
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

/** The request creating a blacklist. */
export function createBlacklistRequest(input: BlacklistInput): ApiRequest {
  return { method: 'post', path: PATHS.blacklists, json: input };
}

/** The request for one page of blacklists. */
export function listBlacklistsRequest(query: { limit?: number; offset?: number } = {}): ApiRequest {
  return { method: 'get', path: PATHS.blacklists, query: { limit: query.limit, offset: query.offset } };
}

/** The request reading one blacklist. */
export function getBlacklistRequest(blacklistId: string): ApiRequest {
  return { method: 'get', path: PATHS.blacklist(blacklistId) };
}

/** The request renaming or re-describing a blacklist (PATCH sends only the given keys). */
export function updateBlacklistRequest(blacklistId: string, patch: Partial<BlacklistInput>): ApiRequest {
  return { method: 'patch', path: PATHS.blacklist(blacklistId), json: patch };
}

/** The request deleting a blacklist. */
export function deleteBlacklistRequest(blacklistId: string): ApiRequest {
  return { method: 'delete', path: PATHS.blacklist(blacklistId) };
}

/**
 * Read a blacklist answered by create, get or patch (`what` names the route). A PATCH answered
 * with 204 (some APIs do) means the blacklist is what was sent.
 */
export function readBlacklist(res: ApiResponse<unknown>, what: string, blacklistId?: string, patch?: Partial<BlacklistInput>): BlacklistInfo {
  if (patch !== undefined && blacklistId !== undefined && res.body === undefined) return { id: blacklistId, ...patch, raw: { id: blacklistId } };
  return info(res, parseAnswer('openprospect', BlacklistSchema, res, what), what, blacklistId);
}

/** Read a page of blacklists (`items` or `blacklists` envelope, or a bare array). */
export function readBlacklistsPage(res: ApiResponse<unknown>): ListPage<BlacklistInfo> {
  const page = readListPage(res, BlacklistSchema, ['items', 'blacklists'], 'GET /blacklists');
  return { ...page, items: page.items.map((b, i) => info(res, b, `GET /blacklists: items.${i}`)) };
}

/** Create a blacklist. */
export function createBlacklist(http: Http, input: BlacklistInput): BlacklistInfo {
  return readBlacklist(http.request<unknown>(createBlacklistRequest(input)), 'POST /blacklists');
}

/** List blacklists. */
export function listBlacklists(http: Http, query: { limit?: number; offset?: number } = {}): ListPage<BlacklistInfo> {
  return readBlacklistsPage(http.request<unknown>(listBlacklistsRequest(query)));
}

/** Get one blacklist. */
export function getBlacklist(http: Http, blacklistId: string): BlacklistInfo {
  return readBlacklist(http.request<unknown>(getBlacklistRequest(blacklistId)), `GET /blacklists/${blacklistId}`, blacklistId);
}

/** Rename or re-describe a blacklist. */
export function updateBlacklist(http: Http, blacklistId: string, patch: Partial<BlacklistInput>): BlacklistInfo {
  const res = http.request<unknown>(updateBlacklistRequest(blacklistId, patch));
  return readBlacklist(res, `PATCH /blacklists/${blacklistId}`, blacklistId, patch);
}

/** Delete a blacklist (any 2xx body, including none, is success). */
export function deleteBlacklist(http: Http, blacklistId: string): void {
  http.request<unknown>(deleteBlacklistRequest(blacklistId));
}
