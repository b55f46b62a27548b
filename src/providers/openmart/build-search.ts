/**
 * The business search form -> a `POST /api/v1/search` body with every filter as a flat top-level
 * key. NOTES: a nested `filters` object is silently ignored by the API and returns unfiltered
 * rows, so a form that nests them is lifted to the top level here and never sent nested.
 */
import { LIMITS } from './schemas';
import { boolOf, isRecord, listOf, numberOf, textOf, type Problem } from './form';
import { buildLocations } from './location';

const BOOLEANS = ['has_website', 'has_valid_website', 'has_contact_info'] as const;
/** Bounds checked before sending (the simulator refuses each with a 422: search-bounds.ts). Price tiers are Google's 1-4. */
const NUMBERS: Record<string, { min: number; max?: number; integer?: boolean; label: string }> = {
  min_overall_rating: { min: 0, max: 5, label: 'The minimum rating' },
  max_overall_rating: { min: 0, max: 5, label: 'The maximum rating' },
  min_total_reviews: { min: 0, integer: true, label: 'The minimum number of reviews' },
  max_total_reviews: { min: 0, integer: true, label: 'The maximum number of reviews' },
  min_price_tier: { min: 1, max: 4, integer: true, label: 'The minimum price tier' },
  max_price_tier: { min: 1, max: 4, integer: true, label: 'The maximum price tier' },
  min_locations: { min: 0, integer: true, label: 'The minimum number of locations' },
  max_locations: { min: 0, integer: true, label: 'The maximum number of locations' },
};
const PAIRS: Array<[string, string, string]> = [
  ['min_overall_rating', 'max_overall_rating', 'rating'],
  ['min_total_reviews', 'max_total_reviews', 'reviews'],
  ['min_price_tier', 'max_price_tier', 'price tier'],
  ['min_locations', 'max_locations', 'locations'],
  ['open_date_after', 'open_date_before', 'opening date'],
  ['info_updated_after', 'info_updated_before', 'last update'],
];
const DATES = ['open_date_after', 'open_date_before', 'info_updated_after', 'info_updated_before'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TEXTS = ['store_name', 'ownership_type'] as const;
/** Ownership classes (the brand search document lists them; the search document names the filter only). */
export const OWNERSHIP_TYPES = ['INDEPENDENT', 'FAMILY', 'FRANCHISE', 'CHAIN'] as const;
const LISTS: Record<string, number> = { tags: LIMITS.tags, include_keywords: LIMITS.keywords, exclude_keywords: LIMITS.keywords, exclude_root_domains: 1_000 };
const FORM_KEYS = new Set([
  'title',
  'count',
  'query',
  'location',
  'locations',
  'filters',
  ...BOOLEANS,
  ...Object.keys(NUMBERS),
  ...DATES,
  ...TEXTS,
  ...Object.keys(LISTS),
]);

/** Results one search job may ask for. */
export const MAX_SEARCH_RESULTS = 10_000;

/** A search body (flat filters; `limit` and `cursor` are set per page). */
export type SearchBody = Record<string, unknown>;

export type SearchBuild = { ok: true; title: string; count: number; body: SearchBody } | { ok: false; problems: Problem[] };

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
  if (!Number.isInteger(count) || count < 1 || count > MAX_SEARCH_RESULTS)
    problems.push({ field: 'count', message: `Ask for 1 to ${MAX_SEARCH_RESULTS} results.` });

  const query = textOf(input['query']);
  if (query !== undefined) {
    if (query.length > LIMITS.queryChars)
      problems.push({ field: 'query', message: `The query is ${query.length} characters; Openmart takes at most ${LIMITS.queryChars}.` });
    body['query'] = query;
  }
  for (const [k, max] of Object.entries(LISTS)) {
    const list = listOf(input[k]);
    if (!list) continue;
    if (list.length > max) problems.push({ field: k, message: `${k} has ${list.length} entries; Openmart takes at most ${max}.` });
    body[k] = list;
  }
  const locs = buildLocations(input['locations'] ?? input['location'], problems);
  if (locs) body['location'] = locs;
  for (const k of BOOLEANS) {
    const b = boolOf(input[k]);
    if (b !== undefined) body[k] = b;
  }
  for (const [k, rule] of Object.entries(NUMBERS)) {
    const n = numberOf(input[k]);
    if (n === undefined) continue;
    if (Number.isNaN(n) || (rule.integer && !Number.isInteger(n)) || (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
      const kind = rule.integer ? 'a whole number' : 'a number';
      const range = rule.max !== undefined ? `from ${rule.min} to ${rule.max}` : `from ${rule.min}`;
      problems.push({ field: k, message: `${rule.label} must be ${kind} ${range} (${k}).` });
      continue;
    }
    body[k] = n;
  }
  for (const k of TEXTS) {
    const t = textOf(input[k]);
    if (t !== undefined) body[k] = k === 'ownership_type' ? t.toUpperCase() : t;
  }
  const owner = body['ownership_type'];
  if (typeof owner === 'string' && !(OWNERSHIP_TYPES as readonly string[]).includes(owner))
    problems.push({ field: 'ownership_type', message: `Ownership is one of ${OWNERSHIP_TYPES.join(', ')}, not ${owner}.` });
  for (const k of DATES) {
    const t = textOf(input[k]);
    if (t === undefined) continue;
    if (!ISO_DATE.test(t) || Number.isNaN(Date.parse(t)))
      problems.push({ field: k, message: `${k} must be a date like 2024-01-31 (ISO 8601), not "${t.slice(0, 40)}".` });
    else body[k] = t;
  }
  for (const [lo, hi, what] of PAIRS) {
    const a = body[lo];
    const b = body[hi];
    if (a === undefined || b === undefined) continue;
    const later = typeof a === 'string' ? Date.parse(a) > Date.parse(String(b)) : Number(a) > Number(b);
    if (later) problems.push({ field: lo, message: `The ${what} range is empty: ${lo} (${String(a)}) is above ${hi} (${String(b)}); swap them.` });
  }
  if (body['query'] === undefined && body['tags'] === undefined && body['location'] === undefined) {
    problems.push({ field: 'query', message: 'Give a query, tags or a location, or the search returns an arbitrary slice of the index.' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, title, count, body };
}
