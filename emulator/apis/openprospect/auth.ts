/**
 * Bearer authentication and scope checks.
 * `Authorization: Bearer <key>` (scheme case-insensitive, RFC 6750); anything else is a 401.
 */
import type { SimRequest } from '../types';
import type { SimKey, SimState } from './model';

/** The key record for the request, or null when the header is missing/malformed/unknown. */
export function authenticate(state: SimState, req: SimRequest): SimKey | null {
  const header = req.headers['authorization'];
  if (header === undefined) return null;
  const m = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!m || m[1] === undefined) return null;
  return state.keys.get(m[1]) ?? null;
}

/** True when the key holds every required scope. */
export function hasScopes(key: SimKey, required: readonly string[]): boolean {
  return required.every((s) => key.scopes.includes(s));
}
