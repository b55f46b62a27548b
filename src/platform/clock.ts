/** Time source and sleeper. In Apps Script: Date.now() and Utilities.sleep. */
export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

/**
 * A time budget every long loop consults. Apps Script kills an execution at 6 minutes
 * (30 s for a custom function); we plan on 4.5 minutes (25 s) and checkpoint before that.
 */
export class Deadline {
  readonly startedAt: number;
  readonly endsAt: number;

  constructor(
    private readonly clock: Clock,
    budgetMs: number,
  ) {
    this.startedAt = clock.now();
    this.endsAt = this.startedAt + budgetMs;
  }

  /** Milliseconds left before the budget is spent (never negative). */
  remainingMs(): number {
    return Math.max(0, this.endsAt - this.clock.now());
  }

  /** True when less than `reserveMs` is left: stop starting new work and checkpoint. */
  nearlyOver(reserveMs = 0): boolean {
    return this.remainingMs() <= reserveMs;
  }

  /** True when waiting `ms` (plus a reserve) would still finish inside the budget. */
  canWait(ms: number, reserveMs = 0): boolean {
    return this.remainingMs() - reserveMs >= ms;
  }
}

/** Budgets from docs/PLATFORM.md, kept in one place. */
export const BUDGET = {
  /** Apps Script's hard limit per execution is 6 min; plan on 4.5. */
  executionMs: 270_000,
  /** Custom functions die at 30 s; plan on 25. */
  customFunctionMs: 25_000,
  /** Time kept back for the checkpoint write at the end of a run. */
  checkpointReserveMs: 15_000,
} as const;
