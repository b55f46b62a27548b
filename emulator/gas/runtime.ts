import type { LatencyModel } from '../costs';
import type { VirtualClock } from './clock';
import type { Counters } from './counters';
import { ExecutionState, type ExecutionInfo, type ExecutionKind, type ExecutionOptions } from './execution';
import type { Realm } from './realm';
import type { Rng } from './rng';
import { strict } from './strict';
import { WriteTracker } from './flush';
import { CpuMeter } from './cpu';
import type { PropertiesQuota } from './properties-quota';
import { AUTH_REQUIRED, UI_CONTEXT, type CallSpec, type RuntimeInit, type ServiceCallInfo, type ServiceCallListener } from './runtime-types';
export * from './runtime-types';

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';

/**
 * The shared context of every emulated service: clock, counters, latency, execution state and
 * users. `invoke` is the one gate every service method passes through.
 */
export class Runtime {
  readonly clock: VirtualClock;
  readonly counters: Counters;
  readonly latency: LatencyModel;
  readonly realm: Realm;
  readonly rng: Rng;
  readonly execution: ExecutionState;
  readonly ownerEmail: string;
  readonly timeZone: string;
  private user: string;
  private readonly endHooks: Array<(ended: ExecutionInfo | null) => void> = [];
  private readonly callListeners: ServiceCallListener[] = [];
  /** Service calls made so far (every method through `invoke`). */
  serviceCalls = 0;
  /** Unflushed Sheets writes per execution (./flush.ts). */
  readonly writes = new WriteTracker();
  /** The script's own work between service calls, charged to the clock (./cpu.ts). */
  readonly cpu: CpuMeter;
  /**
   * docs/PLATFORM.md, unverified: a time-driven trigger of an editor add-on may run without the active
   * spreadsheet. When true, trigger executions see none (getActiveSpreadsheet(), the document's
   * properties, cache and lock are all null: with `spreadsheets.currentonly` there is no fallback).
   */
  triggersWithoutDocument = false;
  /** The per-user Properties quota (./properties-quota.ts); null: not enforced. */
  propertiesQuota: PropertiesQuota | null = null;

  /** Whether the current execution sees the active document (see `triggersWithoutDocument`). */
  documentVisible(): boolean {
    return !(this.triggersWithoutDocument && this.execution.info()?.kind === 'trigger');
  }

  constructor(init: RuntimeInit) {
    this.clock = init.clock;
    this.counters = init.counters;
    this.latency = init.latency;
    this.realm = init.realm;
    this.rng = init.rng;
    this.user = init.userEmail;
    this.ownerEmail = init.ownerEmail;
    this.timeZone = init.timeZone;
    this.execution = new ExecutionState(init.triggerRuntimePerDayMs);
    this.cpu = new CpuMeter(init.latency.cpuFactor);
    this.endHooks.push(init.onExecutionEnd);
    // Apps Script applies an execution's pending writes when it ends.
    this.endHooks.push((ended) => ended && this.writes.flush(ended.id));
  }

  /** Register something to run whenever an execution ends (e.g. releasing its locks). */
  onEnd(hook: (ended: ExecutionInfo | null) => void): void {
    this.endHooks.push(hook);
  }

  /** Run the end hooks and clear the execution (a suspended one resumes). */
  endExecution(): ExecutionInfo | null {
    this.chargeCpu();
    this.cpu.stop();
    const ended = this.execution.end(this.clock.now());
    // A suspended execution resumes its own work.
    if (this.execution.info()) this.cpu.resume();
    for (const h of this.endHooks) h(ended);
    return ended;
  }

  /** Observe every service call before it runs (test hook); returns the unsubscribe function. */
  onServiceCall(listener: ServiceCallListener): () => void {
    this.callListeners.push(listener);
    return () => {
      const i = this.callListeners.indexOf(listener);
      if (i >= 0) this.callListeners.splice(i, 1);
    };
  }

  /** Switch the default user (Session, user properties, user cache, user lock). */
  setUser(email: string): void {
    this.user = email;
  }

  /** The user the current call runs as (execution user, or the default user). */
  activeUser(): string {
    return this.execution.info()?.user ?? this.user;
  }

  /** Whose user properties / user cache a call sees: custom functions see the owner's. */
  storageUser(): string {
    return this.execution.info()?.authMode === 'CUSTOM_FUNCTION' ? this.ownerEmail : this.activeUser();
  }

  /** An Error in the script's realm. */
  error(message: string): Error {
    return this.realm.error(message);
  }

  /** Wrap a service object with the strict "not modelled" proxy. */
  strict<T extends object>(name: string, target: T): T {
    return strict(this.realm, name, target);
  }

  /** Throw when the current execution is out of time (see ExecutionState.checkAlive). */
  checkAlive(): void {
    this.execution.checkAlive(this.clock.now(), (m) => this.error(m));
  }

  /**
   * The gate of every service method: checks the execution is alive and allowed to make this call,
   * counts it, runs `body`, charges the latency, and checks the limit again (a call that crosses
   * the limit has had its effect, but the script never sees its result).
   */
  invoke<T>(spec: CallSpec, body: () => T): T {
    this.chargeCpu();
    try {
      return this.invokeCharged(spec, body);
    } finally {
      if (this.execution.info() || this.unbounded > 0) this.cpu.resume();
    }
  }

  /** Scripts running outside any execution whose own work is charged all the same (see `runUnbounded`). */
  private unbounded = 0;

  /**
   * Run `fn` outside any execution (no time limit; a benchmark's baseline script) with its own CPU
   * time between service calls charged to the clock like an execution's (./cpu.ts).
   */
  runUnbounded<T>(fn: () => T): T {
    this.chargeCpu();
    this.unbounded++;
    this.cpu.resume();
    try {
      return fn();
    } finally {
      this.chargeCpu();
      this.unbounded--;
      if (this.execution.info() || this.unbounded > 0) this.cpu.resume();
      else this.cpu.stop();
    }
  }

  /** Charge the script's own work since its last service call (./cpu.ts). */
  chargeCpu(): void {
    const ms = this.cpu.pause();
    if (ms > 0) this.clock.advance(ms);
  }

  /**
   * Start an execution now (`concurrent`: overlapping the current one at its service call, see
   * ExecutionState.beginConcurrent); its own CPU time is charged from here.
   */
  beginExecution(kind: ExecutionKind, opts: ExecutionOptions, concurrent = false): void {
    this.chargeCpu();
    if (concurrent) this.execution.beginConcurrent(kind, this.clock.now(), this.activeUser(), opts);
    else this.execution.begin(kind, this.clock.now(), this.activeUser(), opts);
    this.cpu.resume();
  }

  private invokeCharged<T>(spec: CallSpec, body: () => T): T {
    this.checkAlive();
    this.checkAccess(spec);
    const ex = this.execution.info();
    const refused = spec.family === 'properties' && ex && this.propertiesQuota ? this.propertiesQuota.charge(ex.user, this.clock.now()) : null;
    if (refused !== null) throw this.error(refused);
    this.counters.inc(`${spec.service}.${spec.method}`);
    if (spec.family) this.counters.inc(spec.family);
    const { kill: killAfter, fail } = this.notifyCall(spec);
    let result: T;
    try {
      if (fail !== undefined) throw this.error(fail);
      result = body();
    } catch (e) {
      // The call failed, but it still took its time; running out of time wins over the call's own error.
      this.charge(spec);
      if (killAfter) this.execution.kill();
      this.checkAlive();
      throw e;
    }
    this.charge(spec);
    if (killAfter) this.execution.kill();
    this.checkAlive();
    return result;
  }

  /** Number the call and tell the listeners: whether one asked to kill the execution after it, or to fail it. */
  private notifyCall(spec: CallSpec): { kill: boolean; fail?: string } {
    const index = ++this.serviceCalls;
    if (this.callListeners.length === 0) return { kill: false };
    const call: ServiceCallInfo = {
      index,
      service: spec.service,
      method: spec.method,
      execution: this.execution.info(),
      ...(spec.family ? { family: spec.family } : {}),
      ...(spec.sheet !== undefined ? { sheet: spec.sheet } : {}),
    };
    let kill = false;
    let fail: string | undefined;
    for (const l of [...this.callListeners]) {
      const answer = l(call);
      if (answer === 'kill') kill = true;
      else if (answer !== undefined) fail ??= answer.fail;
    }
    return { kill: kill && call.execution !== null, ...(fail !== undefined ? { fail } : {}) };
  }

  /** Id of the current execution (0 outside any). */
  executionId(): number {
    return this.execution.info()?.id ?? 0;
  }

  private charge(spec: CallSpec): void {
    const cost = this.costOf(spec);
    if (cost > 0) this.clock.advance(cost);
  }

  private costOf(spec: CallSpec): number {
    const l = this.latency;
    switch (spec.family) {
      case 'sheets':
        return l.sheetsCallMs + ((spec.cells ?? 0) * l.sheetsPerCellUs) / 1000;
      case 'properties':
        return l.propertiesCallMs;
      case 'cache':
        return l.cacheCallMs;
      default:
        return 0;
    }
  }

  private checkAccess(spec: CallSpec): void {
    const ex = this.execution.info();
    if (!ex || spec.access === 'free') return;
    const mode = ex.authMode;
    const qualified = spec.qualified ?? `${spec.service}.${spec.method}`;
    if (mode === 'CUSTOM_FUNCTION') {
      if (spec.access === 'ui' || spec.access === 'ui-show') throw this.error(UI_CONTEXT);
      if (spec.access === 'doc-write' || spec.access === 'full-write') throw this.error(`You do not have permission to call ${qualified}`);
      if (spec.access === 'triggers') throw this.error(`You do not have permission to call ${qualified}. Required permissions: ${SCRIPTAPP_SCOPE}`);
      return;
    }
    if (spec.access === 'ui') {
      if (ex.kind === 'trigger') throw this.error(UI_CONTEXT);
      return;
    }
    if (mode === 'FULL') return;
    if (mode === 'LIMITED' && (spec.access === 'ui-show' || spec.access === 'doc' || spec.access === 'doc-write')) return;
    throw this.error(AUTH_REQUIRED);
  }
}
