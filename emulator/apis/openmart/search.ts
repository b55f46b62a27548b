/**
 * `POST /api/v1/search`, `/search/only_ids` and `/enrich_company`: flat filters (a nested
 * `filters` object is ignored, as NOTES warns), query or tags, location objects, `limit`
 * 1-1000, `[match_score, id]` cursors, and the `estimate_total` envelope.
 */
import { json, type SimResponse } from '../types';
import { bill, canPay } from './credits';
import { STATE_NAMES, rootDomain } from './data';
import { goError, isRecord, outOfCredits, parseJson } from './errors';
import type { Business, SimState } from './model';
import { locationBoundError, searchBoundError } from './search-bounds';

const STOP = new Set(['in', 'near', 'the', 'and', 'of', 'at', 'for', 'a', 'an', 'with']);
const KNOWN = new Set([
  'query',
  'limit',
  'location',
  'has_website',
  'has_valid_website',
  'has_contact_info',
  'tags',
  'store_name',
  'min_locations',
  'max_locations',
  'min_overall_rating',
  'max_overall_rating',
  'min_total_reviews',
  'max_total_reviews',
  'min_price_tier',
  'max_price_tier',
  'ownership_type',
  'include_keywords',
  'exclude_keywords',
  'exclude_root_domains',
  'open_date_after',
  'open_date_before',
  'info_updated_after',
  'info_updated_before',
  'cursor',
  'estimate_total',
]);
const US = new Set(['us', 'usa', 'united states', 'united states of america']);

/** A scored match. */
export interface Hit {
  b: Business;
  score: number;
}

function stem(w: string): string {
  return w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w;
}

function tokens(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 2 && !STOP.has(t))
    .map(stem);
}

/** A stable fraction from an id so equal scores still order (and look like real scores). */
function jitter(id: string): number {
  return (parseInt(id.slice(0, 6), 16) % 1000) / 1000;
}

function lower(v: unknown): string {
  return typeof v === 'string' ? v.trim().toLowerCase() : '';
}

function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6_371_000;
  const dLat = ((lat2 - lat1) * Math.PI) / 180;
  const dLon = ((lon2 - lon1) * Math.PI) / 180;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos((lat1 * Math.PI) / 180) * Math.cos((lat2 * Math.PI) / 180) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/** One Location object (search and enrich_company spelling: `zip_code`, `long`). */
export function inLocation(b: Business, loc: Record<string, unknown>): boolean {
  const c = b.content;
  const country = lower(loc['country']);
  if (country !== '' && !(US.has(country) && c['country'] === 'US') && country !== lower(c['country'])) return false;
  const state = lower(loc['state']);
  const bState = lower(c['state']);
  if (state !== '' && state !== bState && STATE_NAMES[state] !== bState) return false;
  if (lower(loc['city']) !== '' && lower(loc['city']) !== lower(c['city'])) return false;
  const zips = loc['zip_code'];
  if (Array.isArray(zips) && zips.length > 0 && !zips.map(String).includes(String(c['zipcode']))) return false;
  const lat = loc['lat'];
  const long = loc['long'];
  if (typeof lat === 'number' && typeof long === 'number') {
    const radius = typeof loc['geo_radius'] === 'number' ? loc['geo_radius'] : 10_000;
    if (distanceM(lat, long, c['latitude'] as number, c['longitude'] as number) > radius) return false;
  }
  return true;
}

function locations(v: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(v)) return v.filter(isRecord);
  return isRecord(v) ? [v] : [];
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function words(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase()) : [];
}

/** Every business that passes the flat filters of `body`, best first. */
export function match(state: SimState, body: Record<string, unknown>): Hit[] {
  const tags = words(body['tags']);
  const q = tags.length > 0 ? [] : tokens(typeof body['query'] === 'string' ? body['query'] : '');
  const locs = locations(body['location']);
  const includes = words(body['include_keywords']);
  const excludes = words(body['exclude_keywords']);
  const excludedDomains = words(body['exclude_root_domains']).map((d) => rootDomain(d) ?? d);
  const storeName = lower(body['store_name']);
  const out: Hit[] = [];
  for (const b of state.businesses) {
    const c = b.content;
    let score = 0;
    if (tags.length > 0) {
      const own = (c['tags'] as string[]).map((t) => t.toLowerCase());
      const hits = tags.filter((t) => own.includes(t)).length;
      if (hits === 0) continue;
      score = hits * 10;
    } else if (q.length > 0) {
      const own = (c['tags'] as string[]).flatMap((t) => t.toLowerCase().split(' ')).map(stem);
      for (const t of q) {
        if (own.some((w) => w.startsWith(t))) score += 10;
        else if (b.text.includes(t)) score += 4;
      }
      if (score === 0) continue;
    } else score = 1;
    if (locs.length > 0 && !locs.some((l) => inLocation(b, l))) continue;
    if (body['has_website'] === true && !c['website_url']) continue;
    if (body['has_valid_website'] === true && !b.validWebsite) continue;
    if (body['has_contact_info'] === true && (c['store_phones'] as string[]).length === 0 && !c['business_emails']) continue;
    if (storeName !== '' && !lower(c['store_name']).includes(storeName)) continue;
    const stores = c['num_stores'] as number;
    if ((num(body['min_locations']) ?? -Infinity) > stores || (num(body['max_locations']) ?? Infinity) < stores) continue;
    if ((num(body['min_overall_rating']) ?? -Infinity) > b.rating || (num(body['max_overall_rating']) ?? Infinity) < b.rating) continue;
    if ((num(body['min_total_reviews']) ?? -Infinity) > b.reviews || (num(body['max_total_reviews']) ?? Infinity) < b.reviews) continue;
    if ((num(body['min_price_tier']) ?? -Infinity) > b.priceTier || (num(body['max_price_tier']) ?? Infinity) < b.priceTier) continue;
    if (lower(body['ownership_type']) !== '' && lower(body['ownership_type']) !== lower(c['ownership_type'])) continue;
    if (includes.length > 0 && !includes.some((k) => b.text.includes(k))) continue;
    if (excludes.some((k) => b.text.includes(k))) continue;
    if (excludedDomains.length > 0 && excludedDomains.includes(String(c['root_domain']))) continue;
    const open = String(c['open_date']);
    if (typeof body['open_date_after'] === 'string' && open < body['open_date_after'].slice(0, 10)) continue;
    if (typeof body['open_date_before'] === 'string' && open > body['open_date_before'].slice(0, 10)) continue;
    const upd = String(c['info_updated_at']);
    if (typeof body['info_updated_after'] === 'string' && upd < body['info_updated_after']) continue;
    if (typeof body['info_updated_before'] === 'string' && upd > body['info_updated_before']) continue;
    out.push({ b, score: Math.round((score + jitter(b.id)) * 1e6) / 1e6 });
  }
  return out.sort((x, y) => y.score - x.score || (x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0));
}

/** Rows strictly after a `[match_score, id]` cursor. */
function afterCursor(hits: Hit[], cursor: unknown): Hit[] | null {
  if (cursor === undefined || cursor === null) return hits;
  if (!Array.isArray(cursor) || cursor.length !== 2 || typeof cursor[0] !== 'number' || typeof cursor[1] !== 'string') return null;
  const [s, id] = cursor as [number, string];
  return hits.filter((h) => h.score < s || (h.score === s && h.b.id > id));
}

function limitOf(v: unknown, max: number, def: number): number | string {
  if (v === undefined || v === null) return def;
  if (typeof v !== 'number' || !Number.isInteger(v)) return 'Limit must be an integer';
  if (v < 1) return 'Limit minimum value is 1';
  if (v > max) return `Limit maximum value is ${max}`;
  return v;
}

function searchRow(h: Hit): Record<string, unknown> {
  const c = h.b.content;
  const highlights = (c['tags'] as string[]).slice(0, 2);
  return { id: h.b.id, content: c, match_score: h.score, match_highlights: highlights, cursor: [h.score, h.b.id] };
}

function envelope(state: SimState, rows: unknown[], total: number, estimate: boolean): SimResponse {
  if (estimate) return json(200, { data: rows, total_count: total });
  return json(200, state.searchEnvelope === 'results' ? { results: rows } : rows);
}

type Read = { body: Record<string, unknown> } | { res: SimResponse };

function readBody(state: SimState, raw: string | undefined): Read {
  const parsed = parseJson(raw);
  if (!parsed.ok) return parsed.empty ? { body: {} } : { res: goError(422, 'invalid character in request body') };
  if (!isRecord(parsed.value)) return { res: goError(422, 'json: cannot unmarshal array into Go value of type SearchRequest') };
  const body = parsed.value;
  // Unknown keys (a nested `filters` above all) are ignored silently, as the real API does.
  if (Object.keys(body).some((k) => !KNOWN.has(k) && k !== 'website' && k !== 'social_media_link')) state.counts.ignoredKeys++;
  return { body };
}

/** `POST /api/v1/search` (`idsOnly`: `/search/only_ids`, billed the same: its price is not documented). */
export function search(state: SimState, raw: string | undefined, idsOnly: boolean): SimResponse {
  const read = readBody(state, raw);
  if ('res' in read) return read.res;
  const body = read.body;
  const limit = limitOf(body['limit'], 1000, 100);
  if (typeof limit === 'string') return goError(422, limit);
  const q = body['query'];
  if (q !== undefined && (typeof q !== 'string' || q.length < 1 || q.length > 500)) return goError(422, 'Query must be 1 to 500 characters');
  if (words(body['tags']).length > 100) return goError(422, 'Tags must contain at most 100 items');
  if (words(body['include_keywords']).length > 64 || words(body['exclude_keywords']).length > 64) return goError(422, 'Keywords must contain at most 64 items');
  const bound = searchBoundError(body);
  if (bound) return bound;
  const all = match(state, body);
  const rest = afterCursor(all, body['cursor']);
  if (rest === null) return goError(422, 'Cursor must be [match_score, id]');
  const page = rest.slice(0, limit);
  // only_ids: the document is silent on its price; modelled as the worst case, billed like search.
  if (!canPay(state, page.length)) return outOfCredits(state.creditStatus);
  bill(state, page.length);
  if (idsOnly) {
    const rows = page.map((h) => ({ id: h.b.id, place_id: h.b.placeId, match_score: h.score, cursor: [h.score, h.b.id] }));
    return envelope(state, rows, all.length, body['estimate_total'] === true);
  }
  return envelope(state, page.map(searchRow), all.length, body['estimate_total'] === true);
}

/** `POST /api/v1/enrich_company`: website or social link -> matching stores (limit <= 50). */
export function enrichCompany(state: SimState, raw: string | undefined): SimResponse {
  const read = readBody(state, raw);
  if ('res' in read) return read.res;
  const body = read.body;
  const limit = limitOf(body['limit'], 50, 50);
  if (typeof limit === 'string') return goError(422, limit);
  const bound = locationBoundError(body['location']);
  if (bound) return bound;
  const domain = rootDomain(body['website']);
  const social = typeof body['social_media_link'] === 'string' ? body['social_media_link'].trim().toLowerCase().replace(/\/+$/, '') : '';
  const locs = locations(body['location']);
  const hits: Hit[] = [];
  for (const b of state.businesses) {
    const c = b.content;
    if (domain && c['root_domain'] !== domain) continue;
    if (social !== '') {
      const links = Object.values(c['social_media_links'] as Record<string, string[] | null>).flatMap((l) => l ?? []);
      if (!links.some((l) => l.toLowerCase().replace(/\/+$/, '') === social)) continue;
    }
    if (locs.length > 0 && !locs.some((l) => inLocation(b, l))) continue;
    hits.push({ b, score: Math.round((20 + jitter(b.id)) * 1e6) / 1e6 });
  }
  const page = hits.slice(0, limit);
  if (!canPay(state, page.length)) return outOfCredits(state.creditStatus);
  bill(state, page.length);
  const rows = page.map(searchRow);
  return body['estimate_total'] === true ? json(200, { data: rows, total_count: hits.length }) : json(200, rows);
}
