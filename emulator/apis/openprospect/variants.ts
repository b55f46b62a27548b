/**
 * OpenProspect answers in shapes the guides leave open: a 202 that carries only `order_id`,
 * display numbers sent as text (and a numeric postal code sent as a number), extra keys on an
 * answer. These three keep every fact the add-on writes (chaos-safe). `display-types` (targeted
 * tests only) sends text lists with a null and an object item appended and `description` as an object.
 * `unknown-status` (targeted tests only; NOTES: "treat an unknown status as still running with a
 * warning") reports every order that is not finished as `ON_HOLD`, a status no document lists.
 */
import { rewriteJson } from '../reshape';
import type { SimRequest, SimResponse } from '../types';

export const OPENPROSPECT_VARIANTS = ['create-lean', 'numbers-as-text', 'extra-keys', 'display-types', 'unknown-status'] as const;
export type OpenProspectVariant = (typeof OPENPROSPECT_VARIANTS)[number];

const ORDERS = /^\/api\/v1\/orders\/?$/;
const RESULTS = /^\/api\/v1\/orders\/[^/]+\/results$/;
const ORDER = /^\/api\/v1\/orders\/[^/]+\/?$/;
/** The status `unknown-status` reports; no document lists it. */
export const UNKNOWN_STATUS = 'ON_HOLD';
const FINISHED = ['COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED'];
const TEXT_NUMBERS = ['employee_count', 'review_count', 'review_rating', 'match_score'];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function company(c: unknown): unknown {
  if (!isObj(c)) return c;
  const out: Record<string, unknown> = { ...c };
  for (const k of TEXT_NUMBERS) if (typeof out[k] === 'number' && Number.isFinite(out[k])) out[k] = String(out[k]);
  if (typeof out['postal_code'] === 'string' && /^[1-9]\d{0,8}$/.test(out['postal_code'])) out['postal_code'] = Number(out['postal_code']);
  return out;
}

const TEXT_LISTS = ['phone_numbers', 'match_reasons', 'web_technologies'];

function oddTypes(c: unknown): unknown {
  if (!isObj(c)) return c;
  const out: Record<string, unknown> = { ...c };
  for (const k of TEXT_LISTS) if (Array.isArray(out[k])) out[k] = [...(out[k] as unknown[]), null, { unexpected: true }];
  if (typeof out['description'] === 'string') out['description'] = { text: out['description'] };
  return out;
}

function rewrite(variant: OpenProspectVariant, req: SimRequest, res: SimResponse, body: unknown): unknown | null {
  if (!isObj(body) || res.status >= 300) return null;
  if (variant === 'create-lean')
    return req.method === 'POST' && ORDERS.test(req.path) && typeof body['order_id'] === 'string' ? { order_id: body['order_id'] } : null;
  if (variant === 'numbers-as-text') return RESULTS.test(req.path) && Array.isArray(body['items']) ? { ...body, items: body['items'].map(company) } : null;
  if (variant === 'unknown-status') {
    if (req.method !== 'GET' || !ORDER.test(req.path) || typeof body['status'] !== 'string' || FINISHED.includes(body['status'])) return null;
    return { ...body, status: UNKNOWN_STATUS };
  }
  if (variant === 'display-types') return RESULTS.test(req.path) && Array.isArray(body['items']) ? { ...body, items: body['items'].map(oddTypes) } : null;
  return { ...body, _links: { self: req.path }, api_version: '2026-01' };
}

/** The answer in the variant's shape (unchanged when the variant does not apply). */
export function reshapeOpenProspect(variant: OpenProspectVariant, req: SimRequest, res: SimResponse): SimResponse {
  return rewriteJson(res, (body) => rewrite(variant, req, res, body));
}

/** Variants that keep every fact the add-on writes (the chaos fault uses only these). */
const LOSSLESS: readonly OpenProspectVariant[] = ['create-lean', 'numbers-as-text', 'extra-keys'];

/** Lossless variants that would change this answer. */
export function applicableOpenProspect(req: SimRequest, res: SimResponse): OpenProspectVariant[] {
  return LOSSLESS.filter((v) => reshapeOpenProspect(v, req, res).body !== res.body);
}
