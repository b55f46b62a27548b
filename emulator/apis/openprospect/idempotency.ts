/**
 * Idempotency-Key handling for POST /orders and POST /search-profile-creations.
 * Same key + same body: the stored response again (same resource, no new one).
 * Same key + different body: 409 with a flat `{code, message, details}` body.
 * Undocumented choices: keys are scoped per organization and endpoint; "same body" compares the
 * parsed JSON with sorted keys (whitespace/key order do not matter); a key is remembered for
 * 24 virtual hours; a key is 1-255 characters; requests that fail validation store nothing; the
 * key is checked before body validation (a reused key with a changed, invalid body is a 409).
 */
import type { SimRequest, SimResponse } from '../types';
import { flatError } from './errors';
import { type Issue, issue } from './issues';
import type { IdempotencyRecord, SimState } from './model';

/** How long a used Idempotency-Key is remembered (virtual ms). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
const MAX_KEY_LENGTH = 255;

/** Canonical JSON: object keys sorted recursively. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Reads the Idempotency-Key header: the key, null when absent, or an issue. */
export function readIdempotencyKey(req: SimRequest, required: boolean): { key: string | null; issue?: Issue } {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined || raw.trim() === '') {
    return required ? { key: null, issue: issue.missing(['header', 'idempotency-key'], null) } : { key: null };
  }
  if (raw.length > MAX_KEY_LENGTH) return { key: null, issue: issue.stringTooLong(['header', 'idempotency-key'], raw, MAX_KEY_LENGTH) };
  return { key: raw };
}

function storeKey(scope: string, org: string, key: string): string {
  return `${scope}\u0000${org}\u0000${key}`;
}

/**
 * Looks the key up. Returns the replayed response, a 409, or null when the request is new.
 */
export function checkIdempotency(state: SimState, scope: string, org: string, key: string, fingerprint: string, now: number): SimResponse | null {
  const rec = state.idempotency.get(storeKey(scope, org, key));
  if (!rec || now - rec.createdAt > IDEMPOTENCY_TTL_MS) return null;
  if (rec.fingerprint === fingerprint) {
    state.counts.idempotentReplays++;
    return { status: rec.status, headers: { 'Content-Type': 'application/json' }, body: rec.body };
  }
  state.counts.idempotencyConflicts++;
  return flatError(409, 'IDEMPOTENCY_CONFLICT', 'Idempotency-Key was already used with a different request body. Use a new key for a changed request.', {
    idempotency_key: key,
  });
}

/** Remembers the response given for a key. */
export function saveIdempotency(state: SimState, scope: string, org: string, key: string, rec: IdempotencyRecord): void {
  state.idempotency.set(storeKey(scope, org, key), rec);
}
