/**
 * The daily credit cap for formulas. Sheets recalculates formulas on reopen, sort and edit, so
 * the Openmart functions that spend credits are off until the owner turns them on in Settings,
 * and then spend at most `dailyCap` credits a day (UTC) in this spreadsheet.
 *
 * Custom functions cannot write properties (PLATFORM.md), so the count lives in the document
 * cache, updated under the document lock: reserve before a request, give back what it did not
 * spend. Limits of this design: the count is per spreadsheet, and a cache entry can vanish
 * early (the count then restarts at 0 for the rest of that day).
 */
import { CACHE_MAX_TTL_S, type CacheLike } from '../platform/cache';
import { type LockLike, withLock } from '../platform/lock';
import { FormulaError } from './args';

/** Default daily cap, in credits. */
export const DEFAULT_FORMULA_CAP = 100;
/** Highest cap the Settings accept. */
export const MAX_FORMULA_CAP = 100_000;
const LOCK_WAIT_MS = 5_000;

/** Where the switch lives, in every message that mentions it. */
export const SETTINGS_PATH = 'Extensions > Prospect Enrich > Settings > Formulas';

/** The answer of a credit-spending function while formulas may not spend credits. */
export function spendingOffMessage(fn: string): string {
  return `${fn} spends Openmart credits (1 per returned row), so it is off until "Formulas may spend credits" is turned on in ${SETTINGS_PATH} (the spreadsheet owner's setting).`;
}

/** The answer once today's cap is spent. */
export function capReachedMessage(cap: number): string {
  return `Today's formula credit cap (${cap}) is used up. Raise it in ${SETTINGS_PATH}, or wait until tomorrow (UTC).`;
}

/** Credits spent by formulas today, in the document cache. */
export class CreditMeter {
  constructor(
    private readonly cache: CacheLike,
    private readonly lock: LockLike,
    private readonly now: () => number,
  ) {}

  private key(): string {
    return `fx:credits:${new Date(this.now()).toISOString().slice(0, 10)}`;
  }

  /** Credits counted today. */
  used(): number {
    const n = Number(this.cache.get(this.key()) ?? 0);
    return Number.isFinite(n) && n > 0 ? n : 0;
  }

  private add(delta: number): void {
    // Re-put on every change: the entry lives 6 h past the last spend.
    this.cache.put(this.key(), String(Math.max(0, this.used() + delta)), CACHE_MAX_TTL_S);
  }

  /** Reserve up to `want` credits under `cap`; returns how many were granted (0 when none are left). */
  reserve(want: number, cap: number): number {
    if (want <= 0) return 0;
    const r = withLock(this.lock, LOCK_WAIT_MS, () => {
      const granted = Math.max(0, Math.min(want, cap - this.used()));
      if (granted > 0) this.add(granted);
      return granted;
    });
    if (!r.ran) throw new FormulaError('Other formulas are updating the credit count right now: recalculate in a moment.');
    return r.value;
  }

  /** Give back credits reserved but not spent. */
  refund(credits: number): void {
    if (credits <= 0) return;
    withLock(this.lock, LOCK_WAIT_MS, () => this.add(-credits));
  }
}
