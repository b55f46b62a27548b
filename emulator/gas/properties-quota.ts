/**
 * The Properties quota (docs/PLATFORM.md): 50,000 reads/writes a day for a consumer account, 500,000
 * for Workspace, counted per user across all their executions; and a short-burst limit. Every
 * PropertiesService and Properties call an execution makes counts (opening a store too: whether
 * Google counts `getUserProperties()` itself is unverified, so the pessimistic case). Days are UTC
 * days (Google's reset time is not documented). The burst limit's figure is not published: more
 * than `BURST_CALLS` calls by one user within one virtual second is refused (assumption, here only).
 */
export const PROPERTIES_PER_DAY = Object.freeze({ consumer: 50_000, workspace: 500_000 });
export const BURST_CALLS = 50;
const BURST_WINDOW_MS = 1_000;
const DAY = 86_400_000;
export const PROPERTIES_DAILY_TEXT = 'Service invoked too many times for one day: properties.';
export const PROPERTIES_BURST_TEXT = 'Service invoked too many times in a short time: properties. Try Utilities.sleep(1000) between calls.';

export class PropertiesQuota {
  private readonly daily = new Map<string, number>();
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly perDay: number) {}

  /** Calls `user` made on the UTC day of `at`. */
  used(user: string, at: number): number {
    return this.daily.get(`${user}:${Math.floor(at / DAY)}`) ?? 0;
  }

  /** Count one call by `user` at `now`; the error text when a limit refuses it (then it is not counted). */
  charge(user: string, now: number): string | null {
    const key = `${user}:${Math.floor(now / DAY)}`;
    const today = this.daily.get(key) ?? 0;
    if (today >= this.perDay) return PROPERTIES_DAILY_TEXT;
    const window = (this.recent.get(user) ?? []).filter((t) => t > now - BURST_WINDOW_MS);
    if (window.length >= BURST_CALLS) {
      this.recent.set(user, window);
      return PROPERTIES_BURST_TEXT;
    }
    window.push(now);
    this.recent.set(user, window);
    this.daily.set(key, today + 1);
    return null;
  }
}
