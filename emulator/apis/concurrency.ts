/**
 * A simulator's concurrency limit: gu1 and Openmart publish no rate limits, so the add-on adapts
 * its fetchAll waves (src/platform/concurrency.ts); this is the pushback it adapts to. The
 * requests of one fetchAll wave are in flight at once: past `limit` of them in one wave, a request
 * is answered 429 (nothing done, nothing billed) before the simulator sees it. A single fetch is
 * one request in flight.
 */
import type { SimOutcome, SimRequest, SimResponse } from './types';

export interface ConcurrencyLimit {
  /** Pass a request through the limit: the simulator's own answer, or the 429. */
  admit(req: SimRequest, handle: (req: SimRequest) => SimOutcome): SimOutcome;
  /** Requests answered 429 by the limit so far. */
  throttled(): number;
  /** The most requests admitted from one wave so far. */
  peak(): number;
}

/** A limit of `limit` requests in flight (undefined or 0: no limit); `tooMany` is the provider's 429. */
export function concurrencyLimit(limit: number | undefined, tooMany: () => SimResponse): ConcurrencyLimit {
  let wave: number | undefined;
  let inWave = 0;
  let throttled = 0;
  let peak = 0;
  return {
    admit(req, handle) {
      if (!limit) return handle(req);
      if (req.wave === undefined || req.wave !== wave) {
        wave = req.wave;
        inWave = 0;
      }
      if (inWave >= limit) {
        throttled++;
        return { ...tooMany(), latencyMs: 30 };
      }
      inWave++;
      peak = Math.max(peak, inWave);
      return handle(req);
    },
    throttled: () => throttled,
    peak: () => peak,
  };
}
