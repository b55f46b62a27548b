/**
 * Request pipeline, in FastAPI order: route (404 `{"detail":"Not Found"}` / 405), Bearer auth
 * (401), the key's hourly rate limit (429), scopes (403), UUID path parameters (422), handler.
 */
import { json, type SimRequest, type SimResponse } from '../types';
import { authenticate, hasScopes } from './auth';
import { forbidden, methodNotAllowed, rateLimited, routeNotFound, unauthorized, validationError } from './errors';
import { issue } from './issues';
import { applyAutoProgress } from './lifecycle';
import type { SimState } from './model';
import { uuidFor } from './prng';
import { takeRateToken } from './ratelimit';
import { matchPattern, ROUTES } from './routes';
import { isUuid } from './validation';
import { serverLatencyMs } from './latency';

/** Path prefix of every route. */
export const API_PREFIX = '/api/v1';

function tally(state: SimState, res: SimResponse): SimResponse {
  if (res.status === 401) state.counts.unauthorized++;
  else if (res.status === 403) state.counts.forbidden++;
  else if (res.status === 404) state.counts.notFound++;
  else if (res.status === 422) state.counts.validationErrors++;
  else if (res.status === 429) state.counts.rateLimited++;
  return res;
}

/** Collection paths served in one form only when `slashRedirect` is set. */
const SLASH_TWINS = new Set(['/orders']);

/** A redirect to the canonical form of a slash-twin path, or null (served as it is). */
function slashRedirect(state: SimState, req: SimRequest, path: string): SimResponse | null {
  const r = state.slashRedirect;
  const bare = path.replace(/\/+$/, '');
  if (!r || !SLASH_TWINS.has(bare)) return null;
  const want = r.canonical === 'slash' ? `${bare}/` : bare;
  if (path === want) return null;
  const origin = r.origin ?? /^(https?:\/\/[^/]+)/.exec(req.url)?.[1] ?? '';
  const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
  state.counts.redirects++;
  return { ...json(r.status, { detail: 'Redirect' }), headers: { 'Content-Type': 'application/json', Location: `${origin}${API_PREFIX}${want}${query}` } };
}

function route(state: SimState, req: SimRequest): SimResponse {
  if (!req.path.startsWith(`${API_PREFIX}/`)) return routeNotFound();
  const path = req.path.slice(API_PREFIX.length);
  const moved = slashRedirect(state, req, path);
  if (moved) return moved;
  const candidates = ROUTES.map((r) => ({ r, params: matchPattern(r.pattern, path) })).filter((m) => m.params !== null);
  if (candidates.length === 0) return routeNotFound();
  const hit = candidates.find((m) => m.r.method === req.method);
  if (!hit?.params) return methodNotAllowed([...new Set(candidates.map((m) => m.r.method))]);
  const key = authenticate(state, req);
  if (!key) return unauthorized(uuidFor(state.seed, 'request', state.counts.requests));
  const wait = takeRateToken(state, key.key, req.now);
  if (wait !== null) return rateLimited(wait);
  if (!hasScopes(key, hit.r.scopes)) return forbidden(hit.r.scopes, key.scopes);
  const bad = Object.entries(hit.params).filter(([, v]) => !isUuid(v));
  if (bad.length > 0) return validationError(bad.map(([k, v]) => issue.uuidParsing(['path', k], v)));
  const params = Object.fromEntries(Object.entries(hit.params).map(([k, v]) => [k, v.toLowerCase()]));
  return hit.r.handler({ req, state, key, params });
}

/** Handles one request against the simulator state. */
export function handleRequest(state: SimState, req: SimRequest): SimResponse {
  state.requests.push(req);
  state.counts.requests++;
  state.lastNow = req.now;
  applyAutoProgress(state, req.now);
  const res = tally(state, route(state, req));
  return { ...res, latencyMs: serverLatencyMs(req, res) };
}
