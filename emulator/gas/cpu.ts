/**
 * The script's own work, charged to the virtual clock (issue 20): Apps Script's 6-minute limit
 * counts the time a script computes as well as the time it waits for services. Between two
 * service calls of an execution the script only computes, so the process CPU time spent between
 * the end of one call and the start of the next (the emulator's own work inside calls excluded)
 * is that execution's work; times `factor` (emulator/costs.ts: Apps Script runs slower than Node)
 * it advances the clock before the next call, so deadlines, budgets and the bench see it.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export class CpuMeter {
  private since: number | null = null;

  constructor(private readonly factor: number) {}

  /** An execution starts (or a service call returns to the script): its own work starts now. */
  resume(): void {
    if (this.factor > 0) this.since = cpuMs();
  }

  /** The script makes a service call (or ends): virtual ms its work since `resume` costs. */
  pause(): number {
    if (this.since === null) return 0;
    const spent = cpuMs() - this.since;
    this.since = null;
    return Math.max(0, spent) * this.factor;
  }

  /** No execution runs: nothing is charged. */
  stop(): void {
    this.since = null;
  }
}
