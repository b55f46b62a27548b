/**
 * gu1 answers in its other documented shapes (NOTES.md): one adds `rulesResult` /
 * `rulesExecutionSummary` and omits `entityId` / `integrationName`. `second-shape` is that
 * variant whole (it drops the entity id and names: for targeted tests); `rules-added` adds the
 * rules keys only; `extra-keys` adds keys the add-on ignores (chaos-safe); `display-types` sends
 * every `costCents` as text and a failed result's `error` as its bare message text.
 */
import { rewriteJson } from '../reshape';
import type { SimRequest, SimResponse } from '../types';

export const GU1_VARIANTS = ['second-shape', 'rules-added', 'extra-keys', 'display-types'] as const;
export type Gu1Variant = (typeof GU1_VARIANTS)[number];
/** `rules-added` is not lossless: the add-on writes the rules outcome as extra columns. */
const LOSSLESS: readonly Gu1Variant[] = ['extra-keys'];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const RULES = {
  rulesResult: { decision: 'REVIEW', triggeredRules: [{ ruleId: 'r-1', name: 'PEP match', action: 'FLAG' }] },
  rulesExecutionSummary: { rulesEvaluated: 4, rulesTriggered: 1, executionTimeMs: 12 },
};

/** The answer in the variant's shape (unchanged for errors and other routes). */
export function reshapeGu1(variant: Gu1Variant, _req: SimRequest, res: SimResponse): SimResponse {
  if (res.status !== 200) return res;
  return rewriteJson(res, (body) => {
    if (!isObj(body) || !Array.isArray(body['results'])) return null;
    if (variant === 'second-shape') {
      const { entityId: _e, ...rest } = body;
      return {
        ...rest,
        ...RULES,
        results: body['results'].map((r) => (isObj(r) ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'integrationName')) : r)),
      };
    }
    if (variant === 'rules-added') return { ...body, ...RULES };
    if (variant === 'display-types') {
      const soft = (r: Record<string, unknown>) => ({
        ...r,
        ...(typeof r['costCents'] === 'number' ? { costCents: String(r['costCents']) } : {}),
        ...(isObj(r['error']) && typeof r['error']['message'] === 'string' ? { error: r['error']['message'] } : {}),
      });
      return { ...body, results: body['results'].map((r) => (isObj(r) ? soft(r) : r)) };
    }
    return { ...body, traceId: 'trace-0001', results: body['results'].map((r) => (isObj(r) ? { ...r, provider: { region: 'sa-east-1' }, attempt: 1 } : r)) };
  });
}

/** Lossless variants that fit this answer. */
export function applicableGu1(req: SimRequest, res: SimResponse): Gu1Variant[] {
  return LOSSLESS.filter((v) => reshapeGu1(v, req, res).body !== res.body);
}
