/**
 * Request pipeline: route (404/405), `X-API-Key` or Bearer auth (401 `{"detail":"Invalid API
 * Key"}`), auto-completion of due tasks, the handler, and the route's server time (the ~26 s
 * pre-handler sleep of lookup_business_email and lookup_people applies even to invalid bodies).
 */
import type { SimRequest, SimResponse } from '../types';
import { batchStatus, readTask, submitBatch, taskIds, applyAuto } from './batches';
import { brandSearch } from './brands';
import { creditBalance } from './credits';
import { denyRules } from './deny';
import { methodNotAllowed, notFound, unauthorized } from './errors';
import type { BatchOp, SimState } from './model';
import { records } from './records';
import { enrichCompany, search } from './search';

function apiKey(req: SimRequest): string | null {
  const x = req.headers['x-api-key'];
  if (x) return x.trim();
  const auth = req.headers['authorization'];
  const m = auth ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null;
  return m?.[1] ?? null;
}

interface Route {
  re: RegExp;
  methods: Record<string, (state: SimState, key: string, req: SimRequest, m: RegExpExecArray) => SimResponse>;
  latency: (state: SimState, m: RegExpExecArray) => number;
}

const ROUTES: Route[] = [
  { re: /^\/api\/v1\/search$/, methods: { POST: (s, _k, r) => search(s, r.body, false) }, latency: (s) => s.latency.searchMs },
  { re: /^\/api\/v1\/search\/only_ids$/, methods: { POST: (s, _k, r) => search(s, r.body, true) }, latency: (s) => s.latency.searchMs },
  {
    re: /^\/api\/v1\/business_records\/list\/(openmart_id|google_place_id)$/,
    methods: { GET: (s, _k, r, m) => records(s, m[1] as 'openmart_id' | 'google_place_id', r.body) },
    latency: (s) => s.latency.recordsMs,
  },
  { re: /^\/api\/v1\/enrich_company$/, methods: { POST: (s, _k, r) => enrichCompany(s, r.body) }, latency: (s) => s.latency.searchMs },
  {
    re: /^\/api\/v1\/task\/batch\/(find_people|find_tech|lookup_business_email|lookup_people)$/,
    methods: { POST: (s, k, r, m) => submitBatch(s, k, m[1] as BatchOp, r.body, r.now) },
    latency: (s, m) => (m[1] === 'lookup_business_email' || m[1] === 'lookup_people' ? s.latency.lookupSleepMs : s.latency.submitMs),
  },
  { re: /^\/api\/v1\/task\/batch\/([^/]+)\/status$/, methods: { GET: (s, k, _r, m) => batchStatus(s, k, m[1] as string) }, latency: (s) => s.latency.statusMs },
  {
    re: /^\/api\/v1\/task\/batch\/([^/]+)\/task_ids$/,
    methods: { GET: (s, k, r, m) => taskIds(s, k, m[1] as string, r.query['status']) },
    latency: (s) => s.latency.statusMs,
  },
  { re: /^\/api\/v1\/task\/([^/]+)$/, methods: { GET: (s, k, _r, m) => readTask(s, k, m[1] as string) }, latency: (s) => s.latency.taskReadMs },
  { re: /^\/api\/v2\/brands\/search$/, methods: { POST: (s, _k, r) => brandSearch(s, r.body) }, latency: (s) => s.latency.searchMs },
  { re: /^\/api\/v2\/credit-balance$/, methods: { GET: (s) => creditBalance(s) }, latency: (s) => s.latency.otherMs },
  {
    re: /^\/api\/v2\/deny-rules$/,
    methods: { POST: (s, k, r) => denyRules(s, k, 'create', r.body), DELETE: (s, k, r) => denyRules(s, k, 'delete', r.body) },
    latency: (s) => s.latency.otherMs,
  },
  { re: /^\/api\/v2\/deny-rules\/check$/, methods: { POST: (s, k, r) => denyRules(s, k, 'check', r.body) }, latency: (s) => s.latency.otherMs },
];

function tally(state: SimState, res: SimResponse): SimResponse {
  if (res.status === 401) state.counts.unauthorized++;
  else if (res.status === 402 || (res.status === 429 && res.body.includes('credit'))) state.counts.paymentRequired++;
  else if (res.status === 400 || res.status === 422) state.counts.validationErrors++;
  return res;
}

/** Handle one request against the simulator state. */
export function handleRequest(state: SimState, req: SimRequest): SimResponse {
  state.requests.push(req);
  state.counts.requests++;
  state.lastNow = req.now;
  applyAuto(state, req.now);
  for (const r of ROUTES) {
    const m = r.re.exec(req.path);
    if (!m) continue;
    const handler = r.methods[req.method];
    if (!handler) return tally(state, methodNotAllowed());
    const latencyMs = r.latency(state, m);
    const key = apiKey(req);
    const res = key !== null && state.keys.has(key) ? handler(state, key, req, m) : unauthorized();
    return { ...tally(state, res), latencyMs };
  }
  return tally(state, notFound());
}
