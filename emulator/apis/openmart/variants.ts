/**
 * Answers in the shapes Openmart is seen to send beside the documented one (its own client code
 * and a community integration; the documents leave them open). Each variant rewrites one route's
 * answer after the simulator has done the work, so state and billing are those of the real call.
 * `LOSSLESS` variants carry the same facts in another shape (a correct reader ends with the same
 * tabs: the chaos suite's `variant` fault uses only these); the others drop facts (a missing
 * cursor ends paging) and are for targeted tests.
 */
import { rewriteJson } from '../reshape';
import type { SimRequest, SimResponse } from '../types';

export const OPENMART_VARIANTS = [
  /** Submit: `{batch_id, status: {batch_ready: false}}`, no counters, no `submit_for`. */
  'submit-partial-status',
  /** Batch status: `{batch_ready}` alone. */
  'status-flag-only',
  /** Batch status: the counters under `status`. */
  'status-under-status',
  /** Batch status: the flag alone under `data`. */
  'status-under-data',
  /** Task read: a PROCESSING task without `tracking_id` and `data` keys. */
  'task-lean',
  /** Task read: phone `line_type` in upper case. */
  'line-type-upper',
  /** Unknown extra keys on every answer object (top level, status holders, tasks). */
  'extra-keys',
  /** A 404 with `{}`. */
  'not-found-empty',
  /** A 402 whose body is plain text echoing the request's key. */
  'payment-text',
  /** Search / enrich rows without `match_score` and `match_highlights`. */
  'rows-lean',
  /** `store_phones: null` instead of `[]`. */
  'store-phones-null',
  /** The last search row has no `cursor`. */
  'last-row-no-cursor',
  /** Search rows with `match_score: null` (and a cursor `[null, id]`). */
  'null-score',
  /**
   * Display fields of unexpected types: search / enrich rows with `match_score` as text and
   * `match_highlights` as an object, the last row's `cursor` as text; tasks with an all-digit
   * `tracking_id` sent as a number.
   */
  'display-types',
] as const;
export type OpenmartVariant = (typeof OPENMART_VARIANTS)[number];

/** Variants that keep every fact the add-on writes (chaos-safe). */
export const LOSSLESS: readonly OpenmartVariant[] = [
  'submit-partial-status',
  'status-flag-only',
  'status-under-status',
  'status-under-data',
  'task-lean',
  'line-type-upper',
  'extra-keys',
  'not-found-empty',
  'payment-text',
];

const SUBMIT = /^\/api\/v1\/task\/batch\/(find_people|find_tech|lookup_business_email|lookup_people)$/;
const STATUS = /^\/api\/v1\/task\/batch\/[^/]+\/status$/;
const TASK = /^\/api\/v1\/task\/(?!batch\/)[^/]+$/;
const ROWS = /^\/api\/v1\/(search|enrich_company)$/;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rowsOf(body: unknown): Array<Record<string, unknown>> | null {
  const list = Array.isArray(body)
    ? body
    : isObj(body) && Array.isArray(body['data'])
      ? body['data']
      : isObj(body) && Array.isArray(body['results'])
        ? body['results']
        : null;
  return list ? list.filter(isObj) : null;
}

const EXTRA = { x_request_meta: { region: 'us-east-1', served_by: 'edge-7' } };

/** The JSON body rewritten by `variant`, or null when the variant does not apply to this answer. */
function rewrite(variant: OpenmartVariant, req: SimRequest, res: SimResponse, body: unknown): unknown | null {
  const path = req.path;
  switch (variant) {
    case 'submit-partial-status':
      return SUBMIT.test(path) && isObj(body) && res.status === 200 ? { batch_id: body['batch_id'], status: { batch_ready: false } } : null;
    case 'status-flag-only':
      return STATUS.test(path) && isObj(body) && res.status === 200 ? { batch_ready: body['batch_ready'] } : null;
    case 'status-under-status':
      return STATUS.test(path) && isObj(body) && res.status === 200 ? { status: body } : null;
    case 'status-under-data':
      return STATUS.test(path) && isObj(body) && res.status === 200 ? { data: { batch_ready: body['batch_ready'] } } : null;
    case 'task-lean': {
      if (!TASK.test(path) || !isObj(body) || body['status'] !== 'PROCESSING') return null;
      const { tracking_id: _t, data: _d, ...rest } = body;
      return rest;
    }
    case 'line-type-upper': {
      if (!TASK.test(path) || !isObj(body) || !Array.isArray(body['data'])) return null;
      const data = body['data'].map((p) =>
        isObj(p) && Array.isArray(p['phones'])
          ? {
              ...p,
              phones: p['phones'].map((ph) => (isObj(ph) && typeof ph['line_type'] === 'string' ? { ...ph, line_type: ph['line_type'].toUpperCase() } : ph)),
            }
          : p,
      );
      return { ...body, data };
    }
    case 'extra-keys': {
      if (res.status !== 200 || !isObj(body)) return null;
      const out: Record<string, unknown> = { ...body, ...EXTRA };
      if (isObj(out['status'])) out['status'] = { ...out['status'], ...EXTRA };
      return out;
    }
    case 'not-found-empty':
      return res.status === 404 ? {} : null;
    case 'display-types': {
      if (TASK.test(path) && isObj(body) && typeof body['tracking_id'] === 'string' && /^\d{1,15}$/.test(body['tracking_id']))
        return { ...body, tracking_id: Number(body['tracking_id']) };
      const rows = ROWS.test(path) && res.status === 200 ? rowsOf(body) : null;
      if (!rows || rows.length === 0) return null;
      for (const r of rows) {
        if (typeof r['match_score'] === 'number') r['match_score'] = String(r['match_score']);
        if (Array.isArray(r['match_highlights'])) r['match_highlights'] = { content: r['match_highlights'] };
      }
      const last = rows[rows.length - 1] as Record<string, unknown>;
      if (Array.isArray(last['cursor'])) last['cursor'] = JSON.stringify(last['cursor']);
      return body;
    }
    case 'rows-lean':
    case 'store-phones-null':
    case 'null-score':
    case 'last-row-no-cursor': {
      const rows = ROWS.test(path) && res.status === 200 ? rowsOf(body) : null;
      if (!rows || rows.length === 0) return null;
      const last = rows[rows.length - 1] as Record<string, unknown>;
      for (const r of rows) {
        if (variant === 'rows-lean') {
          delete r['match_score'];
          delete r['match_highlights'];
        } else if (variant === 'null-score') {
          r['match_score'] = null;
          r['cursor'] = [null, r['id']];
        } else if (
          variant === 'store-phones-null' &&
          isObj(r['content']) &&
          Array.isArray(r['content']['store_phones']) &&
          r['content']['store_phones'].length === 0
        ) {
          r['content'] = { ...r['content'], store_phones: null };
        }
      }
      if (variant === 'last-row-no-cursor') delete last['cursor'];
      return body;
    }
    default:
      return null;
  }
}

/** The answer in the variant's shape (unchanged when the variant does not apply). */
export function reshapeOpenmart(variant: OpenmartVariant, req: SimRequest, res: SimResponse): SimResponse {
  if (variant === 'payment-text') {
    if (res.status !== 402) return res;
    const key = req.headers['x-api-key'] ?? '';
    return {
      ...res,
      headers: { 'Content-Type': 'text/plain' },
      body: `Payment Required: credit limit reached for API key ${key}. Upgrade at https://openmart.ai/pricing`,
    };
  }
  return rewriteJson(res, (body) => rewrite(variant, req, res, body));
}

/** Which variants would change this answer (the chaos fault picks among the lossless ones). */
export function applicableOpenmart(req: SimRequest, res: SimResponse, among: readonly OpenmartVariant[]): OpenmartVariant[] {
  return among.filter((v) => reshapeOpenmart(v, req, res).body !== res.body);
}
