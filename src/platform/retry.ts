/**
 * The retry decision as pure functions (after openai-node's shouldRetry/retryRequest), so the
 * rules live in one table of tests. Unlike the SDKs, a wait that would pass the time budget is
 * not slept: the caller gets the error back and the job continues at the next tick.
 */
import { type ApiError, MalformedResponseError } from './errors';

/** Statuses that say "nothing was done, try again". */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a failed attempt may be repeated.
 * - 429/408/5xx: the server answered with an error, so nothing was committed: retry.
 * - status 0 (timeout, DNS, lost response): the server may have committed; retry only when
 *   the request is safe to repeat (GET/DELETE, or a POST carrying an Idempotency-Key).
 * - a 2xx with an unreadable body: like a lost response (retry only when safe).
 * - any other 4xx: never (the input or the key is wrong; retrying cannot help).
 */
export function shouldRetry(error: ApiError, retrySafe: boolean): boolean {
  if (error.status === 0) return retrySafe && error.code !== 'NOT_SENT';
  // A 2xx whose body arrived unreadable: the server acted, the answer was mangled in transit.
  // Like a lost response, repeat it only when that is safe (GET, or a POST with an Idempotency-Key).
  if (error instanceof MalformedResponseError && error.status >= 200 && error.status < 300) return retrySafe;
  return RETRY_STATUSES.has(error.status);
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay randomised (0.25 = ±25 %). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000, jitter: 0.25 };

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1). Retry-After wins when
 * the server sent one; otherwise exponential backoff with jitter, capped.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (retryAfterMs !== undefined) return Math.max(0, retryAfterMs);
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const spread = exp * policy.jitter;
  return Math.max(0, Math.round(exp - spread + random() * 2 * spread));
}

/** Whether a request may be repeated after a lost response, by our rules in http-types.ts. */
export function isRetrySafe(method: string, idempotencyKey: string | undefined, explicit: boolean | undefined): boolean {
  if (explicit !== undefined) return explicit;
  if (idempotencyKey) return true;
  return method === 'get' || method === 'put' || method === 'delete';
}
