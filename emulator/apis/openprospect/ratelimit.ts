/**
 * The API's own per-key hourly rate limit (only when `rateLimitPerHour` is configured).
 * Undocumented choices: fixed windows aligned to the virtual clock hour; only authenticated
 * requests count; requests answered 429 do not count; `retry_after` is the whole seconds left
 * until the window resets (at most 3600, the documented example value).
 */
import type { SimState } from './model';

const HOUR_MS = 3600 * 1000;

/** Counts the request; returns null when allowed, or the seconds to wait. */
export function takeRateToken(state: SimState, key: string, now: number): number | null {
  if (state.rateLimitPerHour === null) return null;
  const window = Math.floor(now / HOUR_MS);
  const cur = state.rate.get(key);
  const bucket = cur && cur.window === window ? cur : { window, count: 0 };
  if (bucket.count >= state.rateLimitPerHour) {
    return Math.max(1, Math.ceil(((window + 1) * HOUR_MS - now) / 1000));
  }
  bucket.count++;
  state.rate.set(key, bucket);
  return null;
}
