/**
 * "Test connection": `GET /auth/validate` -> `{ valid, scopes }` (NOTES), plus the scope sets each
 * flow needs so the sidebar can warn about a missing scope before a submit.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { PATHS, ValidateKeyResponseSchema } from './schemas';
import { parseAnswer } from '../../platform/response';

/** Scopes per flow: enrichment needs orders:*, discovery adds blacklists:* (discovery guide). */
export const REQUIRED_SCOPES = {
  enrichment: ['orders:read', 'orders:write'],
  discovery: ['orders:read', 'orders:write', 'blacklists:read', 'blacklists:write'],
  profiles: ['orders:read', 'orders:write'],
  blacklists: ['blacklists:read', 'blacklists:write'],
} as const;

/** A flow whose scope needs are known. */
export type ScopeFlow = keyof typeof REQUIRED_SCOPES;

/** Outcome of a key check. */
export interface KeyCheck {
  valid: boolean;
  scopes: string[];
}

/**
 * Call `GET /auth/validate`. A wrong key answers 401 (thrown as AuthError by Http); a 2xx with
 * `valid: false` is returned as is.
 */
export function validateKey(http: Http): KeyCheck {
  return readKeyCheck(http.request<unknown>(validateKeyRequest()));
}

/** The request checking the key (free). */
export function validateKeyRequest(): ApiRequest {
  return { method: 'get', path: PATHS.validateKey };
}

/** Read `{ valid, scopes }`; a body without `valid` is a MalformedResponseError. */
export function readKeyCheck(res: ApiResponse<unknown>): KeyCheck {
  const body = parseAnswer('openprospect', ValidateKeyResponseSchema, res, 'GET /auth/validate');
  return { valid: body.valid, scopes: body.scopes ?? [] };
}

/** The scopes `flow` needs that `granted` lacks (empty when everything is there). */
export function missingScopes(granted: readonly string[], flow: ScopeFlow): string[] {
  return REQUIRED_SCOPES[flow].filter((s) => !granted.includes(s));
}

/**
 * Cheap local check before any request: keys start `lnc_live_` or `lnc_test_`; the suffix
 * length differs between doc versions, so only the prefix is checked (NOTES).
 */
export function looksLikeOpenProspectKey(key: string): boolean {
  return /^lnc_(live|test)_\S+$/.test(key.trim());
}
