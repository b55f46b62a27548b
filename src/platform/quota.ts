/**
 * A meter of the add-on's own use of Google's daily quotas: UrlFetch calls (20,000 a day for
 * consumer accounts, 100,000 for Workspace) and trigger run time (90 min / 6 h). Counted in
 * memory during an execution and written once at its end, in the user's properties (quotas are
 * per user). Jobs consult it and pause until tomorrow instead of dying on "Service invoked too
 * many times".
 */
import * as z from 'zod/mini';
import { JsonStore, type PropertyStore } from './store';

export const QUOTA_LIMITS = {
  consumer: { urlFetchPerDay: 20_000, triggerMsPerDay: 90 * 60_000 },
  workspace: { urlFetchPerDay: 100_000, triggerMsPerDay: 6 * 60 * 60_000 },
} as const;
export type AccountType = keyof typeof QUOTA_LIMITS;

/** Calls kept in reserve for the user's other scripts and for interactive work. */
const RESERVE_FRACTION = 0.05;

const UsageSchema = z.object({ day: z.string(), urlFetch: z.number(), triggerMs: z.number() });
export type Usage = z.infer<typeof UsageSchema>;
const KEY = 'quota.usage';

/** UTC day of a timestamp, `yyyy-mm-dd` (Apps Script quotas reset daily; we count per UTC day). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Start of the next UTC day. */
export function nextDayStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

export class QuotaMeter {
  private pendingFetch = 0;
  private pendingTriggerMs = 0;

  constructor(
    private readonly props: PropertyStore,
    private readonly now: () => number,
    /** The account type, or how to read it when first needed (a read of the user's properties). */
    private readonly accountOf: AccountType | (() => AccountType) = 'consumer',
  ) {}

  get account(): AccountType {
    return typeof this.accountOf === 'function' ? this.accountOf() : this.accountOf;
  }

  private stored(): Usage {
    const today = dayOf(this.now());
    let u: Usage | undefined;
    try {
      u = new JsonStore(this.props).get(KEY, UsageSchema);
    } catch {
      u = undefined;
    }
    return u && u.day === today ? u : { day: today, urlFetch: 0, triggerMs: 0 };
  }

  /** Count requests about to be made (the Http onRequests hook). */
  addFetches(n: number): void {
    this.pendingFetch += n;
  }

  addTriggerTime(ms: number): void {
    this.pendingTriggerMs += Math.max(0, ms);
  }

  /** Today's usage including what this execution has not written yet. */
  usage(): Usage {
    const u = this.stored();
    return { day: u.day, urlFetch: u.urlFetch + this.pendingFetch, triggerMs: u.triggerMs + this.pendingTriggerMs };
  }

  /** UrlFetch calls still available today, keeping a reserve. */
  fetchesLeft(): number {
    const limit = QUOTA_LIMITS[this.account].urlFetchPerDay;
    return Math.max(0, Math.floor(limit * (1 - RESERVE_FRACTION)) - this.usage().urlFetch);
  }

  /** Trigger run time still available today, keeping a reserve. */
  triggerMsLeft(): number {
    const limit = QUOTA_LIMITS[this.account].triggerMsPerDay;
    return Math.max(0, Math.floor(limit * (1 - RESERVE_FRACTION)) - this.usage().triggerMs);
  }

  /** Write this execution's counts (once, at the end). */
  flush(): void {
    if (this.pendingFetch === 0 && this.pendingTriggerMs === 0) return;
    const u = this.usage();
    this.pendingFetch = 0;
    this.pendingTriggerMs = 0;
    try {
      new JsonStore(this.props).set(KEY, UsageSchema, u);
    } catch {
      // the meter must never break the work it measures
    }
  }
}

/** Thrown before a job step that today's quota cannot cover; the job resumes the next day. */
export class QuotaPauseError extends Error {
  readonly code = 'QUOTA_PAUSE';
  constructor(
    message: string,
    readonly resumeAt: number,
  ) {
    super(message);
    this.name = 'QuotaPauseError';
  }
}
