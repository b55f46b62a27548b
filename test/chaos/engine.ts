/**
 * The chaos engine: run a provider flow through the built add-on while the API answers with
 * seeded faults (429 with Retry-After, 500-504, timeouts, malformed JSON, responses lost after
 * the server committed, 500/502/503/504/408 after the server committed and billed, duplicate
 * deliveries, answers in a provider's variant shapes), executions are killed at chosen service calls,
 * and other executions (a second trigger run, the sidebar refreshing) overlap chosen calls; then
 * drive the job to its end and compare the end state with a fault-free run of the same flow.
 *
 * Killing at a service call covers "killed at any line": between two service calls the script
 * only computes, so the state a kill can leave behind is always "after call k". A kill lets call
 * k take effect (a request reaches the server, a write lands) and the script never sees its result.
 */
import * as vm from 'node:vm';
import type { AddOn } from '../../emulator/addon';
import { chaos, COMMITTED_KINDS, type FaultKind, type FaultRule, withFaults } from '../../emulator/apis/faults';
import type { HttpHandler, SimOutcome, SimRequest } from '../../emulator/apis/types';
import { Rng } from '../../emulator/gas/rng';
import { setEmulatorDefaults } from '../harness/addon';
import { sheetsFaulter, type SheetsFaultSpec } from './sheets-faults';
import { triggerFailureProblem } from './trigger-failures';

// Deterministic virtual time: a seed replays exactly (the script's CPU time is measured, so not).
setEmulatorDefaults({ latency: { cpuFactor: 0 } });

export type ChaosFaultKind = FaultKind | 'duplicate';
export const ALL_FAULT_KINDS: ChaosFaultKind[] = ['429', '500', '502', '503', '504', 'timeout', 'malformed', 'lost', 'duplicate', ...COMMITTED_KINDS];

/** What goes wrong during one run. Call numbers count service calls from the start of the flow (1-based). */
export interface Disruption {
  faults?: { seed: number; rate: number; kinds: ChaosFaultKind[] };
  /**
   * Answers in the providers' variant shapes (the `variant` fault), drawn with their own seed after
   * the seeded faults, so adding them leaves every other fault of a seed where it was.
   */
  variants?: { seed: number; rate: number };
  /** Explicit fault rules (emulator/apis/faults.ts), applied before the seeded ones. */
  rules?: FaultRule[];
  /** Kill the execution that makes each of these calls, right after the call takes effect. */
  killAt?: number[];
  /** Before each of these calls, another execution runs to its end: a trigger run, or the sidebar's refresh. */
  overlapAt?: Array<{ call: number; what: 'trigger' | 'sidebar' }>;
  /** Sheets calls that fail with one of Google's transient texts (./sheets-faults.ts). */
  sheetsFaults?: SheetsFaultSpec;
}

/** What fired during a run. */
export interface Fired {
  faults: Record<string, number>;
  kills: string[];
  overlaps: string[];
}

export interface ChaosWorld {
  addOn: AddOn;
}

/** The comparable end state of a flow (plain data). */
export type Snapshot = Record<string, unknown>;

export interface DriveEnv {
  /**
   * A user action in the sidebar (an RPC). If it fails (killed, refused, a fault) and `done()`
   * says it left nothing behind, the user tries again (at most `attempts` times).
   */
  userAction(name: string, action: () => void, done: () => boolean, attempts?: number): void;
  /** Run the time-driven trigger an hour apart until `settled()` (at most `maxRuns` runs). */
  runTriggers(settled: () => boolean, between?: () => void, maxRuns?: number): void;
  /** Problems the flow noticed while driving (a submit that never went through, a job that did not finish). */
  problem(text: string): void;
}

export interface Flow<W extends ChaosWorld = ChaosWorld> {
  name: string;
  /**
   * Whether the network may deliver this request twice (default: every request). A request that
   * cannot carry an idempotency key (an Openmart batch submit) is left out: a retransmission
   * would create a second batch no client could prevent.
   */
  duplicable?(req: SimRequest): boolean;
  /** A fresh world whose API handler is `wrap(simulator)`. Service calls made here are not counted. */
  setup(wrap: (h: HttpHandler) => HttpHandler): W;
  /** The user's actions and the server's progress, start to end. */
  drive(w: W, env: DriveEnv): void;
  snapshot(w: W): Snapshot;
  /**
   * Differences from the fault-free end state and broken invariants (empty: clean). Lines
   * starting with `warning: ` are reported but do not fail the run.
   */
  compare(w: W, end: Snapshot, clean: Snapshot): string[];
}

export interface RunResult {
  flow: string;
  problems: string[];
  /** Findings that do not fail the run (e.g. a cost report that a duplicate delivery made unknowable). */
  warnings: string[];
  fired: Fired;
  /** Service calls the flow made. */
  calls: number;
  triggerRuns: number;
}

const HOUR = 3_600_000;
/** Prefix of a compare line that reports without failing. */
export const WARNING = 'warning: ';

/** Make the add-on's Math.random (retry jitter) seeded, so a seed replays exactly. */
function seedMathRandom(addOn: AddOn, seed: number): void {
  vm.runInContext(
    `(function (s) { Math.random = function () { s = (s + 0x6d2b79f5) >>> 0; var t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })(${seed >>> 0});`,
    addOn.context,
  );
}

/** Deliver each request twice (a retransmission) with probability `rate`; the client sees the second answer. */
function duplicates(inner: HttpHandler, seed: number, rate: number, count: () => void, duplicable: (req: SimRequest) => boolean): HttpHandler {
  const rng = new Rng(seed ^ 0xd0b1e);
  return {
    handle(req: SimRequest): SimOutcome {
      if (rng.next() >= rate || !duplicable(req)) return inner.handle(req);
      count();
      inner.handle({ ...req, headers: { ...req.headers } });
      return inner.handle(req);
    },
  };
}

function describeFault(rule: FaultRule): string {
  if ('status' in rule) return String(rule.status);
  if ('transport' in rule) return 'timeout';
  if ('lost' in rule) return 'lost';
  if ('malformed' in rule) return 'malformed';
  if ('variant' in rule) return 'variant';
  if ('committed' in rule) return `committed-${rule.committed}`;
  return 'other';
}

function fn(addOn: AddOn, name: string): (...a: unknown[]) => unknown {
  const f = (addOn.context as Record<string, unknown>)[name];
  if (typeof f !== 'function') throw new Error(`the bundle has no ${name}`);
  return f as (...a: unknown[]) => unknown;
}

/** Run `flow` once under `disruption` (none: the fault-free run) and compare with `clean` when given. */
export interface TracedCall {
  k: number;
  service: string;
  method: string;
  kind: string | null;
}

export function runFlow<W extends ChaosWorld>(
  flow: Flow<W>,
  disruption: Disruption,
  clean: Snapshot | null,
  mathSeed = 1,
  trace?: TracedCall[],
): RunResult & { snapshot: Snapshot } {
  const fired: Fired = { faults: {}, kills: [], overlaps: [] };
  const problems: string[] = [];
  let faulty: ReturnType<typeof withFaults> | null = null;
  const f = disruption.faults;
  const wrap = (sim: HttpHandler): HttpHandler => {
    if (!f && !disruption.rules && !disruption.variants) return sim;
    const kinds = f?.kinds ?? [];
    const plain = kinds.filter((k): k is FaultKind => k !== 'duplicate');
    const count = (): void => void (fired.faults['duplicate'] = (fired.faults['duplicate'] ?? 0) + 1);
    const inner = f && kinds.includes('duplicate') ? duplicates(sim, f.seed, f.rate / kinds.length, count, (req) => flow.duplicable?.(req) ?? true) : sim;
    const seeded = f && plain.length > 0 ? [chaos({ seed: f.seed, rate: (f.rate * plain.length) / kinds.length, kinds: plain })] : [];
    const v = disruption.variants;
    const shapes = v ? [chaos({ seed: v.seed, rate: v.rate, kinds: ['variant'] })] : [];
    faulty = withFaults(inner, [...(disruption.rules ?? []), ...seeded, ...shapes]);
    return faulty;
  };
  const w = flow.setup(wrap);
  const emu = w.addOn.emulator;
  seedMathRandom(w.addOn, mathSeed);
  const base = emu.execution.serviceCalls;
  const kills = new Set(disruption.killAt ?? []);
  const overlaps = new Map((disruption.overlapAt ?? []).map((o) => [o.call, o.what]));
  let overlapping = false;
  const sheetsFault = sheetsFaulter(disruption.sheetsFaults, (kind) => void (fired.faults[kind] = (fired.faults[kind] ?? 0) + 1));
  const stop = emu.execution.onServiceCall((c) => {
    const k = c.index - base;
    const failed = sheetsFault(c);
    if (failed) return failed;
    trace?.push({ k, service: c.service, method: c.method, kind: c.execution?.kind ?? null });
    const what = overlaps.get(k);
    if (what !== undefined && !overlapping && c.execution !== null) {
      overlapping = true;
      const label = `${what} during ${c.execution.kind} at call ${k} (${c.service}.${c.method})`;
      try {
        if (what === 'trigger') emu.execution.concurrent('trigger', () => fn(w.addOn, 'tick')({ triggerUid: 'overlap', authMode: 'FULL' }));
        else emu.execution.concurrent('rpc', () => fn(w.addOn, 'refreshJobs')());
        fired.overlaps.push(label);
      } catch (e) {
        fired.overlaps.push(`${label}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        overlapping = false;
      }
    }
    if (kills.has(k) && c.execution !== null) {
      fired.kills.push(`${c.execution.kind} at call ${k} (${c.service}.${c.method})`);
      return 'kill';
    }
    return undefined;
  });
  let triggerRuns = 0;
  const env: DriveEnv = {
    // Up to 2 kills and 3 transient Sheets failures may hit one action: a sixth try always gets through.
    userAction(name, action, done, attempts = 6) {
      for (let i = 1; i <= attempts; i++) {
        try {
          action();
          return;
        } catch (e) {
          if (done()) return;
          if (i === attempts) problems.push(`${name} failed ${attempts} times; last: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    },
    runTriggers(settled, between, maxRuns = 40) {
      for (let i = 0; i < maxRuns && !settled(); i++) {
        between?.();
        if (settled()) return;
        const ran = w.addOn.runDueTriggers(HOUR);
        triggerRuns += ran;
        if (ran === 0 && emu.triggers.list().length === 0) {
          // No trigger while work is open: the user opens the Jobs view, which heals the poller.
          try {
            w.addOn.rpc('listJobs');
          } catch {
            // a killed or failing view; the next round tries again
          }
        }
      }
      if (!settled()) problems.push(`not finished after ${maxRuns} trigger runs`);
    },
    problem: (text) => void problems.push(text),
  };
  try {
    flow.drive(w, env);
  } finally {
    stop();
  }
  const calls = emu.execution.serviceCalls - base;
  for (const rule of (faulty as ReturnType<typeof withFaults> | null)?.faultsFired ?? []) {
    const k = describeFault(rule);
    fired.faults[k] = (fired.faults[k] ?? 0) + 1;
  }
  const snapshot = flow.snapshot(w);
  const warnings: string[] = [];
  const failedRuns = triggerFailureProblem(w.addOn.triggerFailures, fired.kills);
  if (failedRuns) problems.push(failedRuns);
  if (emu.locks.unflushedReleases.length > 0) problems.push(`${emu.locks.unflushedReleases.length} lock releases with unflushed Sheets writes`);
  for (const line of clean ? flow.compare(w, snapshot, clean) : []) {
    if (line.startsWith(WARNING)) warnings.push(line.slice(WARNING.length));
    else problems.push(line);
  }
  return { flow: flow.name, problems, warnings, fired, calls, triggerRuns, snapshot };
}

/** The disruption of one seed for one flow: a fault rate and kinds, 0-2 kills, 0-2 overlaps. */
export function disruptionFor(seed: number, flowIndex: number, cleanCalls: number): Disruption {
  const rng = new Rng((seed * 7919 + flowIndex * 104_729) >>> 0);
  const kinds = ALL_FAULT_KINDS.filter(() => rng.next() < 0.7);
  if (kinds.length === 0) kinds.push(ALL_FAULT_KINDS[rng.int(ALL_FAULT_KINDS.length)] as ChaosFaultKind);
  const span = Math.max(1, Math.round(cleanCalls * 1.2));
  const killAt = Array.from({ length: rng.int(3) }, () => 1 + rng.int(span));
  const overlapAt = Array.from({ length: rng.int(3) }, () => ({
    call: 1 + rng.int(span),
    what: rng.next() < 0.5 ? ('trigger' as const) : ('sidebar' as const),
  }));
  // 2-15 % of requests fail: enough to hit every step, not so many that a fetchAll wave (which
  // one transport failure throws away whole) never gets through.
  const rate = 0.02 + 0.13 * rng.next();
  // Variant shapes on 70 % of runs, 5-20 % of answers, from a stream of their own.
  const vr = new Rng(((seed * 7919 + flowIndex * 104_729) ^ 0x7a71a) >>> 0);
  const variants = vr.next() < 0.7 ? { seed: seed * 37 + flowIndex, rate: 0.05 + 0.15 * vr.next() } : undefined;
  // Google's transient Sheets failures on up to 4 % of Sheets calls in half the runs, from a stream of their own.
  const sr = new Rng(((seed * 7919 + flowIndex * 104_729) ^ 0x5ee75) >>> 0);
  const sheetsFaults = sr.next() < 0.5 ? { seed: seed * 41 + flowIndex, rate: 0.04 * sr.next() } : undefined;
  return {
    faults: { seed: seed * 31 + flowIndex, rate, kinds },
    killAt,
    overlapAt,
    ...(variants ? { variants } : {}),
    ...(sheetsFaults ? { sheetsFaults } : {}),
  };
}

/** One line saying what fired. */
export function firedText(f: Fired): string {
  const faults = Object.entries(f.faults)
    .map(([k, n]) => `${k}×${n}`)
    .join(' ');
  const parts = [faults ? `faults ${faults}` : 'no faults'];
  if (f.kills.length > 0) parts.push(`killed: ${f.kills.join('; ')}`);
  if (f.overlaps.length > 0) parts.push(`overlapped: ${f.overlaps.join('; ')}`);
  return parts.join(' | ');
}

/** Cell-by-cell differences between two tables (at most `max` listed). */
export function tableDiff(name: string, got: unknown[][], want: unknown[][], max = 3): string[] {
  const out: string[] = [];
  if (got.length !== want.length) out.push(`${name}: ${got.length - 1} rows, fault-free run has ${want.length - 1}`);
  const rows = Math.min(got.length, want.length);
  for (let r = 0; r < rows && out.length < max; r++) {
    const g = got[r] ?? [];
    const x = want[r] ?? [];
    const cols = Math.max(g.length, x.length);
    for (let c = 0; c < cols && out.length < max; c++) {
      const a = g[c] ?? '';
      const b = x[c] ?? '';
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${name} row ${r + 1} col ${c + 1}: ${JSON.stringify(a)} instead of ${JSON.stringify(b)}`);
    }
  }
  return out;
}

/** Duplicate keys in the first column(s) of a table (header excluded). */
export function duplicateKeys(rows: unknown[][], keyColumns: number[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const r of rows.slice(1)) {
    const k = keyColumns.map((c) => String(r[c] ?? '')).join('|');
    if (seen.has(k)) dup.push(k);
    seen.add(k);
  }
  return dup;
}
