/**
 * `POST /api/v2/brands/search`: one row per brand, `search_param` filters (every location needs
 * `country`, arrays capped at 20), `pagination` with `limit` <= 500, an opaque `encoded_cursor`
 * (empty on the last page) and `order_by[].asc` that must be true (the documented validator bug).
 */
import { json, type SimResponse } from '../types';
import { bill, canPay } from './credits';
import { rootDomain } from './data';
import { goError, isRecord, outOfCredits, parseJson } from './errors';
import type { Brand, SimState } from './model';
import { inLocation } from './search';

const ARRAYS = ['location', 'num_stores', 'ownership_type', 'website_url', 'exclude_website_url', 'social_media_link'];

function hex(s: string): string {
  return Buffer.from(s, 'utf8').toString('hex');
}

function unhex(s: string): string | null {
  if (!/^([0-9a-f]{2})+$/i.test(s)) return null;
  return Buffer.from(s, 'hex').toString('utf8');
}

function inRange(n: number, r: Record<string, unknown>): boolean {
  const v = (k: string): number | undefined => (typeof r[k] === 'number' ? (r[k] as number) : undefined);
  return !(
    (v('ge') !== undefined && n < (v('ge') as number)) ||
    (v('gt') !== undefined && n <= (v('gt') as number)) ||
    (v('le') !== undefined && n > (v('le') as number)) ||
    (v('lt') !== undefined && n >= (v('lt') as number))
  );
}

function tri(v: unknown, has: boolean): boolean {
  return v === undefined || v === null || v === has;
}

function filterBrands(brands: Brand[], p: Record<string, unknown>): Brand[] {
  const term = typeof p['search_term'] === 'string' ? p['search_term'].toLowerCase().trim() : '';
  const terms = term
    .split(/\s+/)
    .filter((t) => t.length > 2)
    .map((t) => (t.endsWith('s') ? t.slice(0, -1) : t));
  const locs = (Array.isArray(p['location']) ? p['location'] : [{ country: 'US' }]).filter(isRecord);
  const ranges = (Array.isArray(p['num_stores']) ? p['num_stores'] : []).filter(isRecord);
  const owners = Array.isArray(p['ownership_type']) ? (p['ownership_type'] as unknown[]).map(String) : [];
  const sites = Array.isArray(p['website_url']) ? (p['website_url'] as unknown[]).map((s) => rootDomain(s)) : [];
  const notSites = Array.isArray(p['exclude_website_url']) ? (p['exclude_website_url'] as unknown[]).map((s) => rootDomain(s)) : [];
  const socials = Array.isArray(p['social_media_link']) ? (p['social_media_link'] as unknown[]).map((s) => String(s).toLowerCase().replace(/\/+$/, '')) : [];
  return brands.filter((b) => {
    const r = b.row;
    if (terms.length > 0 && !terms.some((t) => b.text.includes(t))) return false;
    if (!b.stores.some((s) => locs.some((l) => inLocation(s, { ...l, zip_code: l['zip_code'] ?? l['postal_code'] })))) return false;
    if (ranges.length > 0 && !ranges.some((rg) => inRange(r['num_stores'] as number, rg))) return false;
    if (owners.length > 0 && !owners.includes(String(r['ownership_type']))) return false;
    if (!tri(p['has_staff_info'], Array.isArray(r['staffs']) && r['staffs'].length > 0)) return false;
    if (!tri(p['has_business_email'], Array.isArray(r['business_emails']) && r['business_emails'].length > 0)) return false;
    if (!tri(p['has_business_phone_number'], Array.isArray(r['business_phones']) && r['business_phones'].length > 0)) return false;
    if (sites.length > 0 && !sites.includes(String(r['domain_ident']))) return false;
    if (notSites.includes(String(r['domain_ident']))) return false;
    if (socials.length > 0) {
      const links = Object.values(r['social_media_links'] as Record<string, string[] | null>)
        .flatMap((l) => l ?? [])
        .map((l) => l.toLowerCase().replace(/\/+$/, ''));
      if (!socials.some((s) => links.includes(s))) return false;
    }
    return true;
  });
}

/** Serve one brand search. */
export function brandSearch(state: SimState, raw: string | undefined): SimResponse {
  const parsed = parseJson(raw);
  if (!parsed.ok && !parsed.empty) return goError(422, 'invalid character in request body');
  const body = parsed.ok ? parsed.value : {};
  if (!isRecord(body)) return goError(422, 'json: cannot unmarshal into Go value of type BrandSearchRequest');
  const param = isRecord(body['search_param']) ? body['search_param'] : {};
  const page = isRecord(body['pagination']) ? body['pagination'] : {};
  for (const k of ARRAYS) {
    const v = param[k];
    if (Array.isArray(v) && v.length > 20) return goError(422, `${k} must contain at most 20 items`);
  }
  if (Array.isArray(param['location']) && param['location'].some((l) => !isRecord(l) || typeof l['country'] !== 'string' || l['country'] === ''))
    return goError(422, 'Country is required');
  const limit = page['limit'] ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) return goError(422, 'Limit minimum value is 1');
  if (limit > 500) return goError(422, 'Limit maximum value is 500');
  const order = Array.isArray(page['order_by']) ? page['order_by'] : [];
  // The server's `required` validator treats asc=false as missing (doc).
  if (order.some((o) => !isRecord(o) || o['asc'] !== true)) return goError(422, 'Asc is required');
  let offset = 0;
  const cursor = page['encoded_cursor'];
  if (typeof cursor === 'string' && cursor !== '') {
    const text = unhex(cursor);
    let decoded: unknown;
    try {
      decoded = text === null ? null : JSON.parse(text);
    } catch {
      decoded = null;
    }
    if (!isRecord(decoded) || typeof decoded['offset'] !== 'number') return goError(422, 'invalid encoded_cursor');
    offset = decoded['offset'];
  }
  let list = filterBrands(state.brands, param);
  const field = isRecord(order[0]) && typeof order[0]['field'] === 'string' ? order[0]['field'] : null;
  if (field !== null) list = [...list].sort((a, b) => Number(a.row[field] ?? 0) - Number(b.row[field] ?? 0) || (a.id < b.id ? -1 : 1));
  const slice = list.slice(offset, offset + limit);
  if (!canPay(state, slice.length)) return outOfCredits(state.creditStatus);
  bill(state, slice.length);
  const next = offset + slice.length;
  const out: Record<string, unknown> = {
    encoded_cursor: next < list.length ? hex(JSON.stringify({ _score: 0, offset: next })) : '',
    data: slice.map((b) => b.row),
  };
  if (body['estimate_total'] === true) out['total'] = list.length;
  return json(200, out);
}
