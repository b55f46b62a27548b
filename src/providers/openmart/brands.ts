/**
 * `POST /api/v2/brands/search`: the brand search form -> `{search_param, pagination,
 * estimate_total}`, and one page. Quirks handled here: every location needs `country` (else 422
 * "Country is required"), array filters hold at most 20 entries, `limit` <= 500, and
 * `order_by[].asc` must be true (false is refused as "Asc is required"), so only ascending
 * sorts are offered.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { send } from './errors';
import { boolOf, isRecord, listOf, numberOf, textOf, type Problem } from './form';
import { parseAnswer } from '../../platform/response';
import { BrandPageSchema, LIMITS, PATHS } from './schemas';

const OWNERSHIP = ['INDEPENDENT', 'FAMILY', 'FRANCHISE', 'CHAIN'];
const ORDER_FIELDS = ['num_stores'];
const LIST_FIELDS = ['website_url', 'exclude_website_url', 'social_media_link'] as const;
const TRI = ['has_staff_info', 'has_business_email', 'has_business_phone_number'] as const;

export const MAX_BRAND_RESULTS = 10_000;

export type BrandBuild =
  | { ok: true; title: string; count: number; searchParam: Record<string, unknown>; orderBy?: Array<{ field: string; asc: true }> }
  | { ok: false; problems: Problem[] };

/** Check the brand form and build `search_param` (pagination is added per page). */
export function buildBrandSearch(form: unknown): BrandBuild {
  const problems: Problem[] = [];
  if (!isRecord(form)) return { ok: false, problems: [{ field: 'form', message: 'The brand search form is empty.' }] };
  const title = textOf(form['title']) ?? '';
  if (title === '') problems.push({ field: 'title', message: 'Give the search a title (it names the result tab).' });
  const count = numberOf(form['count']) ?? 100;
  if (!Number.isInteger(count) || count < 1 || count > MAX_BRAND_RESULTS)
    problems.push({ field: 'count', message: `Ask for 1 to ${MAX_BRAND_RESULTS} brands.` });
  const p: Record<string, unknown> = {};
  const term = textOf(form['search_term'] ?? form['query']);
  if (term) p['search_term'] = term;
  const rawLocs = form['location'] ?? form['locations'];
  if (rawLocs !== undefined && rawLocs !== null && rawLocs !== '') {
    const locs = (Array.isArray(rawLocs) ? rawLocs : [rawLocs]).filter(isRecord);
    locs.forEach((l, i) => {
      if (!textOf(l['country']))
        problems.push({ field: `location.${i}.country`, message: `Location ${i + 1} needs a country (Openmart refuses brand locations without one).` });
    });
    if (locs.length > LIMITS.brandArray) problems.push({ field: 'location', message: `At most ${LIMITS.brandArray} locations.` });
    p['location'] = locs.map((l) =>
      Object.fromEntries(
        Object.entries(l)
          .filter(([, v]) => textOf(v) !== undefined)
          .map(([k, v]) => [k, String(v).trim()]),
      ),
    );
  }
  const minStores = numberOf(form['min_stores']);
  const maxStores = numberOf(form['max_stores']);
  if ((minStores !== undefined && (Number.isNaN(minStores) || minStores < 0)) || (maxStores !== undefined && (Number.isNaN(maxStores) || maxStores < 0)))
    problems.push({ field: 'num_stores', message: 'Store counts must be whole numbers from 0.' });
  else if (minStores !== undefined || maxStores !== undefined) {
    const range: Record<string, number> = {};
    if (minStores !== undefined) range['ge'] = minStores;
    if (maxStores !== undefined) range['le'] = maxStores;
    p['num_stores'] = [range];
  }
  const owners = listOf(form['ownership_type'])?.map((o) => o.toUpperCase());
  if (owners) {
    const bad = owners.filter((o) => !OWNERSHIP.includes(o));
    if (bad.length > 0) problems.push({ field: 'ownership_type', message: `Ownership types are ${OWNERSHIP.join(', ')}; not ${bad.join(', ')}.` });
    p['ownership_type'] = owners;
  }
  for (const k of TRI) {
    const b = boolOf(form[k]);
    if (b !== undefined) p[k] = b;
  }
  for (const k of LIST_FIELDS) {
    const list = listOf(form[k]);
    if (!list) continue;
    if (list.length > LIMITS.brandArray) problems.push({ field: k, message: `${k} has ${list.length} entries; Openmart takes at most ${LIMITS.brandArray}.` });
    p[k] = list;
  }
  let orderBy: Array<{ field: string; asc: true }> | undefined;
  const sort = textOf(form['order_by']);
  if (sort) {
    if (!ORDER_FIELDS.includes(sort)) problems.push({ field: 'order_by', message: `Brands can be sorted by ${ORDER_FIELDS.join(', ')} only.` });
    // Descending sorts are refused by the API ("Asc is required"): ascending is all there is.
    if (form['descending'] === true)
      problems.push({ field: 'order_by', message: 'Openmart currently accepts ascending sorts only (a descending sort is refused with "Asc is required").' });
    orderBy = [{ field: sort, asc: true }];
  }
  if (problems.length > 0) return { ok: false, problems };
  const out: BrandBuild = { ok: true, title, count, searchParam: p };
  if (orderBy) out.orderBy = orderBy;
  return out;
}

/** Where a page of brands starts and how it is ordered. */
export interface BrandPageQuery {
  limit: number;
  cursor?: string | undefined;
  orderBy?: Array<{ field: string; asc: true }> | undefined;
  estimateTotal?: boolean;
}

/** One page of brands: its rows, and `nextCursor` '' on the last page. */
export interface BrandPageResult {
  rows: Array<Record<string, unknown>>;
  nextCursor: string;
  total?: number;
}

/** One page of brands; `nextCursor` is '' on the last page. */
export function brandPage(http: Http, searchParam: Record<string, unknown>, page: BrandPageQuery): BrandPageResult {
  return readBrandPage(send(http, brandPageRequest(searchParam, page)));
}

/** The request for one page of brands. */
export function brandPageRequest(searchParam: Record<string, unknown>, page: BrandPageQuery): ApiRequest {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > LIMITS.brandLimitMax)
    throw new RangeError(`brands: limit must be 1-${LIMITS.brandLimitMax}`);
  const pagination: Record<string, unknown> = { limit: page.limit };
  if (page.cursor) pagination['encoded_cursor'] = page.cursor;
  if (page.orderBy) pagination['order_by'] = page.orderBy;
  // `estimate_total: true` adds an approximate `total` (omitted otherwise, as documented).
  const json = page.estimateTotal ? { search_param: searchParam, pagination, estimate_total: true } : { search_param: searchParam, pagination };
  return { method: 'post', path: PATHS.brands, json };
}

/** Read one page of brands (`data` may be null for none). */
export function readBrandPage(res: ApiResponse<unknown>): BrandPageResult {
  const body = parseAnswer('openmart', BrandPageSchema, res, 'POST /api/v2/brands/search');
  const out: BrandPageResult = { rows: body.data ?? [], nextCursor: body.encoded_cursor ?? '' };
  if (body.total != null) out.total = body.total;
  return out;
}
