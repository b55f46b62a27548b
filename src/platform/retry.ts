/**
 * The retry decision as pure functions (after openai-node's shouldRetry/retryRequest), so the
 * rules live in one table of tests. Unlike the SDKs, a wait that would pass the time budget is
 * not slept: the caller gets the error back and the job continues at the next tick.
 */
import { type BillingClass, repeatable } from './billing';
import { type ApiError, MalformedResponseError } from './errors';

/** Statuses after which a repeatable request is sent again. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a failed attempt may be repeated, by the request's billing class (billing.ts).
 * - A repeatable request (`free`, `idempotent` with its key): after a 408, 429, 5xx, a transport
 *   error or a 2xx whose body arrived unreadable.
 * - A `billed` or `once` request: only when the answer proves nothing was done: a 429, or a DNS
 *   failure (the request never left). Gateways answer 408/5xx or time out after the backend did
 *   the work, and a mangled 2xx means it was done, so those are "outcome unknown" for the caller.
 * - Never: any other 4xx (the input or the key is wrong), or a request not sent for lack of time.
 */
export function shouldRetry(error: ApiError, cls: BillingClass): boolean {
  if (error.code === 'NOT_SENT') return false;
  if (!repeatable(cls)) return error.status === 429 || (error.status === 0 && error.code === 'DNS');
  if (error.status === 0) return true;
  if (error instanceof MalformedResponseError && error.status >= 200 && error.status < 300) return true;
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
