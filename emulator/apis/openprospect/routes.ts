/** The route table: method, path pattern below `/api/v1`, required scopes, handler. */
import { json, type SimMethod } from '../types';
import * as bl from './blacklists';
import type { RouteHandler } from './context';
import { createOrder, getOrder, listOrders } from './orders';
import { createProfileCreation, getProfileCreation } from './profiles';
import { getDeliveries, getResults } from './results';

/** One route. `{name}` segments are UUID path parameters. */
export interface Route {
  method: SimMethod;
  pattern: string;
  scopes: readonly string[];
  handler: RouteHandler;
}

/** GET /auth/validate: `{valid: true, scopes}` (NOTES); needs no particular scope. */
const validateKey: RouteHandler = ({ key }) => json(200, { valid: true, scopes: [...key.scopes] });

const R = 'orders:read',
  W = 'orders:write',
  BR = 'blacklists:read',
  BW = 'blacklists:write';

/**
 * Both `/orders` and `/orders/` are served directly (the guides use both; no redirect, so a POST
 * can never be replayed by a redirect). Every other path must match exactly.
 */
export const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/auth/validate', scopes: [], handler: validateKey },
  { method: 'POST', pattern: '/orders', scopes: [W], handler: createOrder },
  { method: 'POST', pattern: '/orders/', scopes: [W], handler: createOrder },
  { method: 'GET', pattern: '/orders', scopes: [R], handler: listOrders },
  { method: 'GET', pattern: '/orders/', scopes: [R], handler: listOrders },
  { method: 'GET', pattern: '/orders/{order_id}', scopes: [R], handler: getOrder },
  { method: 'GET', pattern: '/orders/{order_id}/results', scopes: [R], handler: getResults },
  { method: 'POST', pattern: '/search-profile-creations', scopes: [W], handler: createProfileCreation },
  { method: 'GET', pattern: '/search-profile-creations/{profile_creation_id}', scopes: [R], handler: getProfileCreation },
  { method: 'POST', pattern: '/blacklists', scopes: [BW], handler: bl.createBlacklist },
  { method: 'GET', pattern: '/blacklists', scopes: [BR], handler: bl.listBlacklists },
  { method: 'GET', pattern: '/blacklists/{blacklist_id}', scopes: [BR], handler: bl.getBlacklist },
  { method: 'PATCH', pattern: '/blacklists/{blacklist_id}', scopes: [BW], handler: bl.patchBlacklist },
  { method: 'DELETE', pattern: '/blacklists/{blacklist_id}', scopes: [BW], handler: bl.deleteBlacklist },
  { method: 'POST', pattern: '/blacklists/{blacklist_id}/entries', scopes: [BW], handler: bl.addEntries },
  { method: 'GET', pattern: '/blacklists/{blacklist_id}/entries', scopes: [BR], handler: bl.listEntries },
  { method: 'DELETE', pattern: '/blacklists/{blacklist_id}/entries', scopes: [BW], handler: bl.deleteEntries },
  { method: 'GET', pattern: '/deliveries/{prospect_search_id}/companies', scopes: ['companies:read', 'prospects:read'], handler: getDeliveries },
];

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Path parameters when `path` matches `pattern`, else null. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const want = p[i] ?? '';
    const got = s[i] ?? '';
    if (want.startsWith('{')) {
      if (got === '') return null;
      params[want.slice(1, -1)] = safeDecode(got);
    } else if (want !== got) return null;
  }
  return params;
}
