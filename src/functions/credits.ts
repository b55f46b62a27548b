/**
 * The daily credit cap for formulas. Sheets recalculates formulas on reopen, sort and edit, so
 * the Openmart functions that spend credits are off until the owner turns them on in Settings,
 * and then spend at most `dailyCap` credits a day (UTC) in this spreadsheet.
 *
 * The count lives in document properties (one key holding the UTC day and the credits spent
 * that day), read and written under the document lock: reserve before a request, give back what
 * it did not spend. Unlike a cache entry it survives idle hours and evictions. Custom functions
 * may write document properties (only user properties are refused there); if the platform ever
 * refuses the write, formulas fail closed: they spend nothing and say so.
 */
import { type LockLike, withLock } from '../platform/lock';
import type { PropertyStore } from '../platform/store';
import { FormulaError } from './args';

/** Default daily cap, in credits. */
export const DEFAULT_FORMULA_CAP = 100;
/** Highest cap the Settings accept. */
export const MAX_FORMULA_CAP = 100_000;
const LOCK_WAIT_MS = 5_000;

/** Where the switch lives, in every message that mentions it. */
export const SETTINGS_PATH = 'Extensions > Prospect Enrich > Open settings > Formulas';

/** The answer of a credit-spending function while formulas may not spend credits. */
export function spendingOffMessage(fn: string): string {
  return `${fn} spends Openmart credits (1 per returned row), so it is off until "Formulas may spend credits" is turned on in ${SETTINGS_PATH} (the spreadsheet owner's setting).`;
}

/** The answer once today's cap is spent. */
export function capReachedMessage(cap: number): string {
  return `Today's formula credit cap (${cap}) is used up. Raise it in ${SETTINGS_PATH}, or wait until tomorrow (UTC).`;
}

/** The document property holding today's formula spending: `{"day":"2026-01-05","used":12}`. */
export const LEDGER_KEY = 'fx.credits';

/** Credits spent by formulas today (UTC), in document properties. */
export class CreditMeter {
  constructor(
    private readonly props: PropertyStore,
    private readonly lock: LockLike,
    private readonly now: () => number,
  ) {}

  private today(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }

  /** Credits counted today (a ledger of another day counts as 0). */
  used(): number {
    let ledger: unknown;
    try {
      ledger = JSON.parse(this.props.getProperty(LEDGER_KEY) ?? 'null');
    } catch {
      ledger = null;
    }
    if (typeof ledger !== 'object' || ledger === null) return 0;
    const { day, used } = ledger as { day?: unknown; used?: unknown };
    return day === this.today() && typeof used === 'number' && Number.isFinite(used) && used > 0 ? used : 0;
  }

  private add(delta: number): void {
    const used = Math.max(0, this.used() + delta);
    try {
      this.props.setProperty(LEDGER_KEY, JSON.stringify({ day: this.today(), used }));
    } catch {
      throw new FormulaError(
        'This spreadsheet cannot record what formulas spend, so formulas spend no credits here. Use the Openmart section of the sidebar instead.',
      );
    }
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
