/**
 * The bounds `POST /api/v1/search` (and `/search/only_ids`, same body) refuses with a 422
 * `{"error": ...}` before searching. Documented: `query` 1-500 characters, `limit` 1-1000 (checked
 * in search.ts), `tags` up to 100, `include_keywords` / `exclude_keywords` up to 64, ratings 0-5,
 * lat/long as WGS84 coordinates, ISO 8601 dates. Not documented, modelled as the worst case (a
 * refusal instead of a silently empty answer): price tiers 1-4 (Google's price levels), counts and
 * radii that are negative or fractional, a min above its max.
 */
import { goError } from './errors';
import type { SimResponse } from '../types';

const RANGES: Array<[string, number, number, boolean]> = [
  // key, min, max, integer
  ['min_overall_rating', 0, 5, false],
  ['max_overall_rating', 0, 5, false],
  ['min_price_tier', 1, 4, true],
  ['max_price_tier', 1, 4, true],
  ['min_total_reviews', 0, Number.MAX_SAFE_INTEGER, true],
  ['max_total_reviews', 0, Number.MAX_SAFE_INTEGER, true],
  ['min_locations', 0, Number.MAX_SAFE_INTEGER, true],
  ['max_locations', 0, Number.MAX_SAFE_INTEGER, true],
];
const PAIRS: Array<[string, string]> = [
  ['min_overall_rating', 'max_overall_rating'],
  ['min_price_tier', 'max_price_tier'],
  ['min_total_reviews', 'max_total_reviews'],
  ['min_locations', 'max_locations'],
  ['open_date_after', 'open_date_before'],
  ['info_updated_after', 'info_updated_before'],
];
const DATES = ['open_date_after', 'open_date_before', 'info_updated_after', 'info_updated_before'];
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Go validator names: `min_price_tier` -> `MinPriceTier`. */
function goName(k: string): string {
  return k.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());
}

function checkLocation(l: unknown, i: number): string | null {
  if (typeof l !== 'object' || l === null) return null;
  const loc = l as Record<string, unknown>;
  const lat = loc['lat'];
  const long = loc['long'];
  if (lat !== undefined && (typeof lat !== 'number' || lat < -90 || lat > 90)) return `Location[${i}].Lat must be between -90 and 90`;
  if (long !== undefined && (typeof long !== 'number' || long < -180 || long > 180)) return `Location[${i}].Long must be between -180 and 180`;
  const r = loc['geo_radius'];
  if (r !== undefined && (typeof r !== 'number' || !Number.isInteger(r) || r < 1)) return `Location[${i}].GeoRadius must be a positive integer`;
  return null;
}

/** The first bound the body breaks, as the API's 422, or null. */
export function searchBoundError(body: Record<string, unknown>): SimResponse | null {
  for (const [k, min, max, integer] of RANGES) {
    const v = body[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || (integer && !Number.isInteger(v))) return goError(422, `${goName(k)} must be ${integer ? 'an integer' : 'a number'}`);
    if (v < min) return goError(422, `${goName(k)} minimum value is ${min}`);
    if (v > max) return goError(422, `${goName(k)} maximum value is ${max}`);
  }
  for (const k of DATES) {
    const v = body[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || !ISO.test(v) || Number.isNaN(Date.parse(v))) return goError(422, `${goName(k)} must be an ISO 8601 date`);
  }
  for (const [lo, hi] of PAIRS) {
    const a = body[lo];
    const b = body[hi];
    if (
      a !== undefined &&
      b !== undefined &&
      a !== null &&
      b !== null &&
      (typeof a === 'string' ? Date.parse(a) > Date.parse(String(b)) : Number(a) > Number(b))
    ) {
      return goError(422, `${goName(lo)} must not be greater than ${goName(hi)}`);
    }
  }
  return locationBoundError(body['location']);
}

/** The Location bounds (search and enrich_company: one object or a list), as a 422, or null. */
export function locationBoundError(location: unknown): SimResponse | null {
  const locs = Array.isArray(location) ? location : location !== undefined ? [location] : [];
  for (let i = 0; i < locs.length; i++) {
    const why = checkLocation(locs[i], i);
    if (why) return goError(422, why);
  }
  return null;
}
