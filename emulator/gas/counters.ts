/** Call counters: `<Service>.<method>` per call plus family totals (`sheets`, `urlfetch`, ...). */
export class Counters {
  private readonly counts = new Map<string, number>();

  /** Add `by` (default 1) to the counter `name`. */
  inc(name: string, by = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + by);
  }

  /** The current value of `name` (0 when never incremented). */
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** A copy of every counter, keys sorted. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of [...this.counts.keys()].sort()) out[k] = this.counts.get(k) ?? 0;
    return out;
  }

  /** Set every counter back to 0. */
  reset(): void {
    this.counts.clear();
  }
}
