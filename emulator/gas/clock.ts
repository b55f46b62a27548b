/**
 * The virtual clock every emulated service reads and advances. Costs may be fractional
 * milliseconds (per-cell Sheets costs); they accumulate, and now() reports whole milliseconds.
 */
export class VirtualClock {
  private t: number;

  constructor(start: number) {
    this.t = start;
  }

  /** Current virtual time, whole ms since the epoch. */
  now(): number {
    return Math.floor(this.t);
  }

  /** Move the clock forward by `ms` (negative values are refused). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance: bad duration ${ms}`);
    this.t += ms;
  }

  /** Jump to an absolute virtual time (tests only; may go backwards). */
  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`clock.set: bad time ${ms}`);
    this.t = ms;
  }
}

/** The constructor type of the virtual Date class (a native Date subclass). */
export type VirtualDateClass = DateConstructor;

/**
 * Build a `Date` replacement whose `new Date()` and `Date.now()` read the virtual clock.
 * Every other use (`new Date(ms)`, `Date.UTC`, `Date.parse`, methods) is the native behaviour.
 * Calling `Date()` without `new` returns the virtual now as a string, like the native one.
 */
export function makeVirtualDate(clock: VirtualClock): VirtualDateClass {
  class VDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [number]));
    }

    static override now(): number {
      return clock.now();
    }
  }
  Object.defineProperty(VDate, 'name', { value: 'Date' });
  return new Proxy(VDate, {
    apply: () => new Date(clock.now()).toString(),
  }) as unknown as VirtualDateClass;
}
