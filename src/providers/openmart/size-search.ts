/**
 * Size a business search before paying for its rows: `POST /api/v1/search/only_ids` (the same
 * body as `/api/v1/search`) with `limit: 1` and `estimate_total: true`, whose answer is wrapped as
 * `{data, total_count}`. Its price is not documented: it is classed billed (billing.ts) and
 * counted as at most 1 credit (one returned id). A bare array (no count) answers null.
 */
import * as z from 'zod/mini';
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { send } from './errors';
import { brandPage } from './brands';
import { parseAnswer } from '../../platform/response';
import { PATHS } from './schemas';
import { assertFlat } from './search';

/** Credits one sizing call may use at most (one id returned, if only_ids bills like search). */
export const SIZING_CREDITS = 1;

const IdRow = z.looseObject({ id: z.string() });
const SizedSchema = z.union([z.looseObject({ data: z.array(IdRow), total_count: z.number() }), z.array(IdRow)]);

/** About how many businesses match the body (null when Openmart gave no count). */
export function sizeSearch(http: Http, body: Record<string, unknown>): { matches: number | null } {
  return readSizeSearch(send(http, sizeSearchRequest(body)));
}

/** The request counting matches: one id, `estimate_total`. */
export function sizeSearchRequest(body: Record<string, unknown>): ApiRequest {
  assertFlat(body);
  return { method: 'post', path: PATHS.searchIds, json: { ...body, limit: 1, estimate_total: true } };
}

/** Read the count (null when Openmart gave none). */
export function readSizeSearch(res: ApiResponse<unknown>): { matches: number | null } {
  const parsed = parseAnswer('openmart', SizedSchema, res, 'POST /api/v1/search/only_ids');
  if (Array.isArray(parsed)) return { matches: parsed.length === 0 ? 0 : null };
  return { matches: Math.max(parsed.total_count, parsed.data.length) };
}

/** About how many brands match (`POST /api/v2/brands/search`, limit 1, `estimate_total`; at most 1 credit). */
export function sizeBrands(http: Http, searchParam: Record<string, unknown>): { matches: number | null } {
  const page = brandPage(http, searchParam, { limit: 1, estimateTotal: true });
  if (page.total !== undefined) return { matches: Math.max(page.total, page.rows.length) };
  return { matches: page.rows.length === 0 ? 0 : null };
}

/** What is counted. */
export type SizedKind = 'businesses' | 'brands';

/** "1,234" */
function n(x: number): string {
  return x.toLocaleString('en-US');
}

/**
 * The sentence the search form shows before submit: how many match, what fetching costs, and a
 * sentence that asks to widen a search that matches nothing.
 */
export function sizingSentence(matches: number | null, count: number, kind: SizedKind = 'businesses'): string {
  if (matches === 0) return noMatchSentence(kind);
  if (matches === null) return `Openmart gave no count of the matches; fetching up to ${n(count)} rows costs up to ${n(count)} credits (1 per returned row).`;
  const rows = Math.min(matches, count);
  const more = matches > count ? ` (raise "${kind === 'brands' ? 'Brands' : 'Results'} wanted" to get more than ${n(count)})` : '';
  return `About ${n(matches)} ${kind} match; fetching ${n(rows)} rows costs about ${n(rows)} credits (1 per returned row, at most ${n(count)})${more}. Counting used at most ${SIZING_CREDITS} credit.`;
}

/** The sentence for a search that matched nothing (preview, submit and a job's end). */
export function noMatchSentence(kind: SizedKind = 'businesses'): string {
  if (kind === 'brands')
    return 'No brand matched this search; widen it: fewer filters, a larger area (a country instead of a city), other search terms or store counts.';
  return 'No business matched this search; widen it: fewer filters, a larger area (a city instead of a zip code, or a bigger radius), other keywords or tags.';
}
