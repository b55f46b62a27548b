/**
 * What a benchmark run measures, read off the emulator: service-call counters, virtual time
 * spent in executions, executions, the peak bytes in the property stores, and real CPU time.
 * The latency model itself lives in emulator/costs.ts (DEFAULT_LATENCY); nothing here adds cost.
 */
import type { Emulator } from '../emulator';
import { EXECUTION_LIMIT_MS } from '../emulator/gas/execution';

/** One row of bench/results.json (the schema of issue 8, exactly). */
export interface ResultRow {
  scenario: ScenarioName;
  n: number;
  impl: Impl;
  /** UrlFetch requests (each request of a fetchAll wave counts). */
  urlfetch_calls: number;
  /** fetchAll calls (a sequential fetch is not a wave). */
  fetch_waves: number;
  /** Spreadsheet / Sheet / Range method calls. */
  sheets_calls: number;
  setvalues_calls: number;
  /** Virtual time the script ran (the sum over its executions; waits between trigger runs excluded). */
  virtual_ms: number;
  /** Executions it took with the 6-minute limit (baseline: the least it would need, see README). */
  executions: number;
  /** PropertiesService and Properties calls (reads, writes and opening a store; issue 20: 50,000 a day per consumer user). */
  properties_calls: number;
  /** Max total bytes (keys + values) in user + document + script properties during the run. */
  peak_properties_bytes: number;
  /** Real CPU time of this process for the run (emulator included). */
  cpu_ms: number;
  /** Time-to-results scenarios (issue 16): virtual wall clock from submit (Openmart: from the batches complete) to the last row written. */
  time_to_results_ms?: number;
  /** Time-to-results and waiting scenarios: whether the sidebar stayed open. */
  sidebar?: 'open' | 'closed';
  /** Trigger runs the job needed (time-to-results scenarios). */
  trigger_runs?: number;
}

/** Who did the work: the add-on, the naive script (`baseline`), or a competent script (issue 16). */
export type Impl = 'addon' | 'baseline' | 'competent';
export type BaselineImpl = Exclude<Impl, 'addon'>;

export type ScenarioName =
  | 'openprospect-sync'
  | 'openmart-find-people'
  | 'upsert-unchanged'
  | 'upsert-10pct'
  | 'gu1'
  | 'custom-function-cold'
  | 'custom-function-warm'
  | 'jobs-view-8h'
  | 'ttr-gu1'
  | 'ttr-openmart-find-people'
  | 'waiting-order-hour'
  | 'waiting-batches-hour';

/** Figures printed beside the row but not part of results.json. */
export interface RowExtras {
  /** Longest single execution, virtual ms. */
  maxExecutionMs: number;
  /** Executions that died (time limit). */
  killed: number;
  /** A check of the end state failed (the numbers are then not comparable). */
  problem?: string | undefined;
  note?: string | undefined;
}

export interface Measured {
  row: ResultRow;
  extras: RowExtras;
}

const TRIGGER_LIMIT_MS = EXECUTION_LIMIT_MS.trigger;

function propertyBytes(emu: Emulator): number {
  let n = 0;
  for (const store of [emu.properties.user(), emu.properties.document(), emu.properties.script()]) {
    for (const [k, v] of Object.entries(store)) n += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
  }
  return n;
}

/**
 * Watches one emulator from `start()` to `stop()`. Executions are recorded by wrapping
 * `emulator.execution.run` (the add-on loader calls it for every menu, RPC, trigger and custom
 * function execution); code the baseline runs outside any execution is timed with `unbounded`.
 */
export class Meter {
  private readonly before: Record<string, number>;
  private readonly cpuBefore: NodeJS.CpuUsage;
  private peak: number;
  private executions = 0;
  private virtualMs = 0;
  private maxExecutionMs = 0;
  private killed = 0;
  private readonly restore: () => void;

  constructor(private readonly emu: Emulator) {
    this.before = emu.counters.snapshot();
    this.peak = propertyBytes(emu);
    // Property stores change only through Properties calls: sampling before each one (and at
    // stop) sees every state they pass through.
    const unsubscribe = emu.execution.onServiceCall((c) => {
      if (c.service === 'Properties') this.peak = Math.max(this.peak, propertyBytes(emu));
      return undefined;
    });
    const exec = emu.execution;
    const original = exec.run;
    exec.run = <T>(kind: Parameters<typeof original>[0], fn: () => T, opts?: Parameters<typeof original>[2]): T => {
      const started = emu.clock.now();
      try {
        return original.call(exec, kind, fn, opts) as T;
      } catch (e) {
        if (exec.killed) this.killed++;
        throw e;
      } finally {
        const ms = emu.clock.now() - started;
        this.executions++;
        this.virtualMs += ms;
        this.maxExecutionMs = Math.max(this.maxExecutionMs, ms);
      }
    };
    this.restore = () => {
      exec.run = original;
      unsubscribe();
    };
    this.cpuBefore = process.cpuUsage();
  }

  /**
   * Run naive code outside any execution (no time limit) and count the 6-minute executions it
   * would need at least: ceil(virtual time / 6 min). It has no checkpoint, so in Apps Script it
   * would really die at the first limit; the count is what it would take if it could resume.
   * Its own CPU time (parsing pages, building rows) is charged like the add-on's (emulator/costs.ts).
   */
  unbounded<T>(fn: () => T): T {
    const started = this.emu.clock.now();
    try {
      return this.emu.execution.unbounded(fn);
    } finally {
      const ms = this.emu.clock.now() - started;
      this.virtualMs += ms;
      this.executions += Math.max(1, Math.ceil(ms / TRIGGER_LIMIT_MS));
      this.maxExecutionMs = Math.max(this.maxExecutionMs, ms);
    }
  }

  /** Stop watching and return the figures since construction. */
  stop(scenario: ScenarioName, n: number, impl: Impl): Measured {
    const cpu = process.cpuUsage(this.cpuBefore);
    this.restore();
    this.peak = Math.max(this.peak, propertyBytes(this.emu));
    const after = this.emu.counters.snapshot();
    const delta = (k: string): number => (after[k] ?? 0) - (this.before[k] ?? 0);
    return {
      row: {
        scenario,
        n,
        impl,
        urlfetch_calls: delta('UrlFetchApp.requests'),
        fetch_waves: delta('UrlFetchApp.fetchAll'),
        sheets_calls: delta('sheets'),
        setvalues_calls: delta('Range.setValues'),
        virtual_ms: Math.round(this.virtualMs),
        executions: this.executions,
        properties_calls: delta('properties'),
        peak_properties_bytes: this.peak,
        cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
      },
      extras: { maxExecutionMs: Math.round(this.maxExecutionMs), killed: this.killed },
    };
  }
}
