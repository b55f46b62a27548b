/**
 * OpenProspect answers in shapes the guides leave open: a 202 that carries only `order_id`,
 * display numbers sent as text (and a numeric postal code sent as a number), extra keys on an
 * answer. All three keep every fact the add-on writes (chaos-safe).
 */
import { rewriteJson } from '../reshape';
import type { SimRequest, SimResponse } from '../types';

export const OPENPROSPECT_VARIANTS = ['create-lean', 'numbers-as-text', 'extra-keys'] as const;
export type OpenProspectVariant = (typeof OPENPROSPECT_VARIANTS)[number];

const ORDERS = /^\/api\/v1\/orders\/?$/;
const RESULTS = /^\/api\/v1\/orders\/[^/]+\/results$/;
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

function rewrite(variant: OpenProspectVariant, req: SimRequest, res: SimResponse, body: unknown): unknown | null {
  if (!isObj(body) || res.status >= 300) return null;
  if (variant === 'create-lean') return req.method === 'POST' && ORDERS.test(req.path) && typeof body['order_id'] === 'string' ? { order_id: body['order_id'] } : null;
  if (variant === 'numbers-as-text') return RESULTS.test(req.path) && Array.isArray(body['items']) ? { ...body, items: body['items'].map(company) } : null;
  return { ...body, _links: { self: req.path }, api_version: '2026-01' };
}

/** The answer in the variant's shape (unchanged when the variant does not apply). */
export function reshapeOpenProspect(variant: OpenProspectVariant, req: SimRequest, res: SimResponse): SimResponse {
  return rewriteJson(res, (body) => rewrite(variant, req, res, body));
}

/** Variants that would change this answer. */
export function applicableOpenProspect(req: SimRequest, res: SimResponse): OpenProspectVariant[] {
  return OPENPROSPECT_VARIANTS.filter((v) => reshapeOpenProspect(v, req, res).body !== res.body);
}
