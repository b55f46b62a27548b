/**
 * The business search form -> a `POST /api/v1/search` body with every filter as a flat top-level
 * key. NOTES: a nested `filters` object is silently ignored by the API and returns unfiltered
 * rows, so a form that nests them is lifted to the top level here and never sent nested.
 */
import { LIMITS } from './schemas';
import { boolOf, isRecord, listOf, numberOf, textOf, type Problem } from './form';

const BOOLEANS = ['has_website', 'has_valid_website', 'has_contact_info'] as const;
const NUMBERS: Record<string, { min?: number; max?: number; integer?: boolean }> = {
  min_overall_rating: { min: 0, max: 5 },
  max_overall_rating: { min: 0, max: 5 },
  min_total_reviews: { min: 0, integer: true },
  max_total_reviews: { min: 0, integer: true },
  min_price_tier: { min: 0, integer: true },
  max_price_tier: { min: 0, integer: true },
  min_locations: { min: 0, integer: true },
  max_locations: { min: 0, integer: true },
};
const TEXTS = ['store_name', 'ownership_type', 'open_date_after', 'open_date_before', 'info_updated_after', 'info_updated_before'] as const;
const LISTS: Record<string, number> = { tags: LIMITS.tags, include_keywords: LIMITS.keywords, exclude_keywords: LIMITS.keywords, exclude_root_domains: 1_000 };
const LOCATION_KEYS = new Set(['country', 'state', 'city', 'zip_code', 'lat', 'long', 'geo_radius', 'use_geo_fuzz']);
const FORM_KEYS = new Set(['title', 'count', 'query', 'location', 'locations', 'filters', ...BOOLEANS, ...Object.keys(NUMBERS), ...TEXTS, ...Object.keys(LISTS)]);

/** Results one search job may ask for. */
export const MAX_SEARCH_RESULTS = 10_000;

/** A search body (flat filters; `limit` and `cursor` are set per page). */
export type SearchBody = Record<string, unknown>;

export type SearchBuild = { ok: true; title: string; count: number; body: SearchBody } | { ok: false; problems: Problem[] };

function location(v: unknown, i: number, problems: Problem[]): Record<string, unknown> | undefined {
  if (!isRecord(v)) {
    problems.push({ field: `location.${i}`, message: `Location ${i + 1} is not a set of fields.` });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(v)) {
    if (!LOCATION_KEYS.has(k)) {
      problems.push({ field: `location.${i}.${k}`, message: `Location ${i + 1}: "${k}" is not a location field (country, state, city, zip_code, lat, long, geo_radius).` });
      continue;
    }
    if (k === 'zip_code') {
      const zips = listOf(raw);
      if (zips) out[k] = zips;
    } else if (k === 'use_geo_fuzz') {
      const b = boolOf(raw);
      if (b !== undefined) out[k] = b;
    } else if (k === 'lat' || k === 'long' || k === 'geo_radius') {
      const n = numberOf(raw);
      if (n === undefined) continue;
      if (Number.isNaN(n)) problems.push({ field: `location.${i}.${k}`, message: `Location ${i + 1}: ${k} must be a number.` });
      else out[k] = k === 'geo_radius' ? Math.round(n) : n;
    } else {
      const t = textOf(raw);
      if (t !== undefined) out[k] = t;
    }
  }
  if (('lat' in out) !== ('long' in out)) problems.push({ field: `location.${i}`, message: `Location ${i + 1}: give both lat and long for a radius search.` });
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Check the form and build the flat body. `count` (results wanted, default 100, at most
 * 10,000) and `title` (names the tab) are form fields, not API fields.
 */
export function buildSearch(form: unknown): SearchBuild {
  const problems: Problem[] = [];
  if (!isRecord(form)) return { ok: false, problems: [{ field: 'form', message: 'The search form is empty.' }] };
  // Lift a nested `filters` object: sent nested, the API would ignore every filter in it.
  const nested = isRecord(form['filters']) ? form['filters'] : {};
  const input: Record<string, unknown> = { ...nested, ...form };
  delete input['filters'];
  for (const k of Object.keys(input)) if (!FORM_KEYS.has(k)) problems.push({ field: k, message: `"${k}" is not an Openmart search filter.` });

  const body: SearchBody = {};
  const title = textOf(input['title']) ?? '';
  if (title === '') problems.push({ field: 'title', message: 'Give the search a title (it names the result tab).' });
  const count = numberOf(input['count']) ?? LIMITS.searchPage;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SEARCH_RESULTS) problems.push({ field: 'count', message: `Ask for 1 to ${MAX_SEARCH_RESULTS} results.` });

  const query = textOf(input['query']);
  if (query !== undefined) {
    if (query.length > LIMITS.queryChars) problems.push({ field: 'query', message: `The query is ${query.length} characters; Openmart takes at most ${LIMITS.queryChars}.` });
    body['query'] = query;
  }
  for (const [k, max] of Object.entries(LISTS)) {
    const list = listOf(input[k]);
    if (!list) continue;
    if (list.length > max) problems.push({ field: k, message: `${k} has ${list.length} entries; Openmart takes at most ${max}.` });
    body[k] = list;
  }
  const locs = input['locations'] ?? input['location'];
  if (locs !== undefined && locs !== null) {
    const list = (Array.isArray(locs) ? locs : [locs]).map((l, i) => location(l, i, problems)).filter((l): l is Record<string, unknown> => l !== undefined);
    if (list.length > 0) body['location'] = list;
  }
  for (const k of BOOLEANS) {
    const b = boolOf(input[k]);
    if (b !== undefined) body[k] = b;
  }
  for (const [k, rule] of Object.entries(NUMBERS)) {
    const n = numberOf(input[k]);
    if (n === undefined) continue;
    if (Number.isNaN(n) || (rule.integer && !Number.isInteger(n)) || (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
      const range = rule.max !== undefined ? `${rule.min} to ${rule.max}` : `a whole number from ${rule.min}`;
      problems.push({ field: k, message: `${k} must be ${range}.` });
      continue;
    }
    body[k] = n;
  }
  for (const k of TEXTS) {
    const t = textOf(input[k]);
    if (t !== undefined) body[k] = t;
  }
  if (body['query'] === undefined && body['tags'] === undefined && body['location'] === undefined) {
    problems.push({ field: 'query', message: 'Give a query, tags or a location, or the search returns an arbitrary slice of the index.' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, title, count, body };
}
