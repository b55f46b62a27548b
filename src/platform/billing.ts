/**
 * The billing policy: every route the add-on calls, with what a repeat of it costs, in one table
 * (DESIGN.md "Billing rules"). The http layer's retry decision reads the class, never the method:
 * a GET can be billed (Openmart records) and a POST can be free (Openmart's deny-rule check).
 *
 * - `free`: a read, or a write whose repeat changes nothing; nothing is billed.
 * - `idempotent`: a write carrying an Idempotency-Key; a repeat with the same key and body is
 *   answered with the first result (OpenProspect orders and search-profile creations).
 * - `billed`: billed work without a key (Openmart batch submits, search, enrich_company, records,
 *   brands; gu1 enrichment). Gateways answer 502/504/408 or time out after the work is done, so
 *   only an answer that proves nothing was done (a 429) allows a re-send.
 * - `once`: a free write without a key whose repeat would create a second object (a blacklist);
 *   re-sent by the same rule as `billed`.
 *
 * A route missing from the table is treated as `billed` (the strictest), and the table test lists
 * every route the sources call, so a new route without a class fails it.
 */
import { ApiError, MalformedResponseError, ServerError } from './errors';
import type { HttpMethod, Provider } from './http-types';

export type BillingClass = 'free' | 'idempotent' | 'billed' | 'once';

export interface RoutePolicy {
  provider: Provider;
  method: HttpMethod;
  /** Path below the provider's base URL; `{name}` stands for one path segment. */
  route: string;
  billing: BillingClass;
}

const r = (provider: Provider, method: HttpMethod, route: string, billing: BillingClass): RoutePolicy => ({ provider, method, route, billing });

/** Every route the add-on calls. */
export const ROUTES: readonly RoutePolicy[] = [
  r('openprospect', 'get', '/auth/validate', 'free'),
  r('openprospect', 'post', '/orders/', 'idempotent'),
  r('openprospect', 'get', '/orders/', 'free'),
  r('openprospect', 'get', '/orders/{id}', 'free'),
  r('openprospect', 'get', '/orders/{id}/results', 'free'),
  r('openprospect', 'post', '/search-profile-creations', 'idempotent'),
  r('openprospect', 'get', '/search-profile-creations/{id}', 'free'),
  r('openprospect', 'post', '/blacklists', 'once'),
  r('openprospect', 'get', '/blacklists', 'free'),
  r('openprospect', 'get', '/blacklists/{id}', 'free'),
  r('openprospect', 'patch', '/blacklists/{id}', 'free'),
  r('openprospect', 'delete', '/blacklists/{id}', 'free'),
  r('openprospect', 'post', '/blacklists/{id}/entries', 'once'),
  r('openprospect', 'get', '/blacklists/{id}/entries', 'free'),
  r('openprospect', 'delete', '/blacklists/{id}/entries', 'free'),
  r('openmart', 'post', '/api/v1/search', 'billed'),
  // The document gives no price for only_ids: treated as billed (never re-sent after an unknown outcome).
  r('openmart', 'post', '/api/v1/search/only_ids', 'billed'),
  r('openmart', 'get', '/api/v1/business_records/list/{kind}', 'billed'),
  r('openmart', 'post', '/api/v1/enrich_company', 'billed'),
  r('openmart', 'post', '/api/v2/brands/search', 'billed'),
  r('openmart', 'post', '/api/v1/task/batch/{op}', 'billed'),
  r('openmart', 'get', '/api/v1/task/batch/{id}/status', 'free'),
  r('openmart', 'get', '/api/v1/task/batch/{id}/task_ids', 'free'),
  r('openmart', 'get', '/api/v1/task/{id}', 'free'),
  r('openmart', 'get', '/api/v2/credit-balance', 'free'),
  r('openmart', 'post', '/api/v2/deny-rules', 'free'),
  r('openmart', 'delete', '/api/v2/deny-rules', 'free'),
  r('openmart', 'post', '/api/v2/deny-rules/check', 'free'),
  r('gu1', 'post', '/integration-execution/marketplace/enrichment-by-external-id', 'billed'),
];

function pattern(route: string): RegExp {
  const body = route
    .replace(/\/+$/, '')
    .split('/')
    .map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  // A trailing slash is the same route (the guides and the endpoint list disagree on it).
  return new RegExp(`^${body}/?$`);
}

const COMPILED = ROUTES.map((p) => ({ p, re: pattern(p.route) }));

/** The table row for a request, or undefined when the route is not in the table. */
export function routePolicy(provider: Provider, method: HttpMethod, path: string): RoutePolicy | undefined {
  const bare = path.split('?')[0] ?? path;
  return COMPILED.find((c) => c.p.provider === provider && c.p.method === method && c.re.test(bare))?.p;
}

/**
 * The class a request is sent under: its route's, `billed` for a route not in the table, and
 * `once` for an idempotent route sent without its key (a repeat would not be recognised).
 */
export function billingClass(provider: Provider, method: HttpMethod, path: string, idempotencyKey: string | undefined): BillingClass {
  const cls = routePolicy(provider, method, path)?.billing ?? 'billed';
  if (cls === 'idempotent' && !idempotencyKey) return 'once';
  return cls;
}

/** True when a repeat of the request can neither bill nor create anything twice. */
export function repeatable(cls: BillingClass): boolean {
  return cls === 'free' || cls === 'idempotent';
}

/**
 * Whether a failed billed request (one without a key) may have been done and billed anyway: a
 * 408 or 5xx (gateways answer those after the work), no answer (a timeout, a lost response) or an
 * unreadable 2xx. Not: a request never sent (time budget, DNS, the daily quota) or a 4xx refusal.
 */
export function isOutcomeUnknown(e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  if (e.status === 0) return e.code !== 'NOT_SENT' && e.code !== 'DNS' && e.code !== 'QUOTA';
  if (e instanceof MalformedResponseError) return e.status >= 200 && e.status < 300;
  return e instanceof ServerError;
}
