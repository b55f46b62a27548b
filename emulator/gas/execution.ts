/** Execution bookkeeping: what kind of run is active, its auth mode, its time limit, and the kill. */

export type ExecutionKind = 'simple-trigger' | 'menu' | 'rpc' | 'trigger' | 'custom-function';
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';
export type EffectiveAuth = AuthModeName | 'CUSTOM_FUNCTION';

export interface ExecutionOptions {
  authMode?: AuthModeName;
  /** The user the execution runs as (installable triggers: the trigger's creator). */
  user?: string;
}

export interface ExecutionInfo {
  id: number;
  kind: ExecutionKind;
  startedAt: number;
  authMode: EffectiveAuth;
  user: string;
  /** Hard limit in virtual ms from startedAt (docs/PLATFORM.md: 6 min; custom functions and simple triggers 30 s). */
  limitMs: number;
}

/** docs/PLATFORM.md limits per kind, in ms. */
export const EXECUTION_LIMIT_MS: Readonly<Record<ExecutionKind, number>> = Object.freeze({
  'simple-trigger': 30_000,
  'custom-function': 30_000,
  menu: 360_000,
  rpc: 360_000,
  trigger: 360_000,
});

export const EXCEEDED_TIME = 'Exceeded maximum execution time';
export const TOO_MUCH_COMPUTER_TIME = 'Service using too much computer time for one day';

/** docs/PLATFORM.md: trigger run time per day and user, 90 min consumer / 6 h Workspace. */
export const TRIGGER_RUNTIME_PER_DAY_MS = Object.freeze({ consumer: 90 * 60_000, workspace: 6 * 3_600_000 });
const DAY = 86_400_000;

type Running = ExecutionInfo & { killed: string | false };

/**
 * Holds the current execution and whether it has been killed. One execution runs at a time;
 * `beginConcurrent` models a second one interleaved at a service call of the first (a trigger
 * run overlapping another, the sidebar calling while a trigger runs): the first is suspended
 * until the second ends.
 */
export class ExecutionState {
  /** The current execution; `killed` holds the error text that killed it. */
  private cur: Running | null = null;
  /** Executions suspended by a concurrent one, innermost last. */
  private readonly suspended: Running[] = [];
  private lastKilled: string | false = false;
  private nextId = 1;
  /** Trigger run time already spent, by `user:utc-day`. */
  private readonly triggerMs = new Map<string, number>();

  constructor(private readonly triggerBudgetMs: number = TRIGGER_RUNTIME_PER_DAY_MS.consumer) {}

  /** Trigger run time `user` has spent on the (UTC) day of `at`, in ms. */
  triggerRuntime(user: string, at: number): number {
    return this.triggerMs.get(`${user}:${Math.floor(at / DAY)}`) ?? 0;
  }

  /** Start an execution; throws if one is already running (the emulator runs one at a time). */
  begin(kind: ExecutionKind, now: number, user: string, opts: ExecutionOptions = {}): ExecutionInfo {
    if (this.cur) throw new Error(`emulator: execution.begin(${kind}) while a ${this.cur.kind} execution is running; call end() first`);
    if (!(kind in EXECUTION_LIMIT_MS)) throw new Error(`emulator: unknown execution kind ${String(kind)}`);
    const authMode: EffectiveAuth = kind === 'custom-function' ? 'CUSTOM_FUNCTION' : (opts.authMode ?? (kind === 'simple-trigger' ? 'LIMITED' : 'FULL'));
    this.cur = { id: this.nextId++, kind, startedAt: now, authMode, user: opts.user ?? user, limitMs: EXECUTION_LIMIT_MS[kind], killed: false };
    this.lastKilled = false;
    return this.info() as ExecutionInfo;
  }

  /**
   * Start an execution that runs while the current one is suspended at a service call (the two
   * overlap in time: both see the same stores, locks and clock). Throws when none is running.
   */
  beginConcurrent(kind: ExecutionKind, now: number, user: string, opts: ExecutionOptions = {}): ExecutionInfo {
    const outer = this.cur;
    if (!outer) throw new Error(`emulator: beginConcurrent(${kind}) needs a running execution to overlap; use begin()`);
    this.suspended.push(outer);
    this.cur = null;
    try {
      return this.begin(kind, now, user, opts);
    } catch (e) {
      this.cur = this.suspended.pop() ?? null;
      throw e;
    }
  }

  /** End the current execution at virtual time `now` (no-op when none); a suspended one resumes. Returns the ended execution. */
  end(now: number): ExecutionInfo | null {
    const ended = this.info();
    if (this.cur) this.lastKilled = this.cur.killed;
    if (ended && ended.kind === 'trigger') {
      const key = `${ended.user}:${Math.floor(ended.startedAt / DAY)}`;
      this.triggerMs.set(key, (this.triggerMs.get(key) ?? 0) + Math.min(now - ended.startedAt, ended.limitMs));
    }
    this.cur = this.suspended.pop() ?? null;
    return ended;
  }

  /** Kill the current execution now (as the time limit would): its next service call throws `reason`. */
  kill(reason: string = EXCEEDED_TIME): void {
    if (this.cur && !this.cur.killed) this.cur.killed = reason;
  }

  /** A copy of the current execution, or null. */
  info(): ExecutionInfo | null {
    if (!this.cur) return null;
    const { killed: _k, ...rest } = this.cur;
    return { ...rest };
  }

  /** True when the current (or, after end(), the last) execution was killed for running too long. */
  get killed(): boolean {
    return this.killedReason !== null;
  }

  /** The error text that killed the execution that ended last, or null. */
  get lastEndedKilledReason(): string | null {
    return this.lastKilled === false ? null : this.lastKilled;
  }

  /** The error text that killed the current (or last) execution, or null. */
  get killedReason(): string | null {
    const k = this.cur ? this.cur.killed : this.lastKilled;
    return k === false ? null : k;
  }

  /**
   * Throws `Exceeded maximum execution time` (and marks the execution killed) when the current
   * execution is already killed or `now` is past its limit; a trigger execution also dies with
   * `Service using too much computer time for one day` once the user's daily trigger run time is
   * spent. No execution: never throws.
   */
  checkAlive(now: number, makeError: (msg: string) => Error): void {
    const c = this.cur;
    if (!c) return;
    if (!c.killed && now - c.startedAt > c.limitMs) c.killed = EXCEEDED_TIME;
    if (!c.killed && c.kind === 'trigger' && this.triggerRuntime(c.user, c.startedAt) + (now - c.startedAt) > this.triggerBudgetMs)
      c.killed = TOO_MUCH_COMPUTER_TIME;
    if (c.killed) throw makeError(c.killed);
  }
}
