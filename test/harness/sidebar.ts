/**
 * The open sidebar's progress loop (sidebar/pump.ts) in virtual time: call `advanceJobs`, then
 * again after one round trip when the answer says `now`, or after `waitMs`; due triggers fire on
 * the way (the hourly poll runs while the sidebar is open too).
 */
import type { AddOn } from '../../emulator/addon';

/** google.script.run's round trip between two calls (assumption: about 1 s; not in PLATFORM.md). */
export const RPC_ROUND_TRIP_MS = 1_000;

export interface AdvanceAnswer {
  next: 'now' | 'wait' | 'busy';
  waitMs: number;
  view: { stamp: string } | null;
}

export interface OpenSidebar {
  /** Answers received, in order. */
  answers: AdvanceAnswer[];
  /** Trigger runs fired while it was open. */
  triggerRuns: number;
}

/**
 * Keep the sidebar open from now for `ms` of virtual time, or until `stop()` says so (checked
 * after every answer). Returns what it saw.
 */
export function keepSidebarOpen(addOn: AddOn, ms: number, stop: () => boolean = () => false): OpenSidebar {
  const end = addOn.emulator.clock.now() + ms;
  const seen: OpenSidebar = { answers: [], triggerRuns: 0 };
  let since: string | undefined;
  while (addOn.emulator.clock.now() < end) {
    const a = addOn.rpc<AdvanceAnswer>('advanceJobs', since ? { since } : {});
    seen.answers.push(a);
    if (a.view) since = a.view.stamp;
    if (stop()) break;
    const wait = a.next === 'now' ? RPC_ROUND_TRIP_MS : a.waitMs + RPC_ROUND_TRIP_MS;
    const next = Math.min(end, addOn.emulator.clock.now() + wait);
    // Trigger runs due before the next call fire first (the window is [start, end): none at `end`).
    const horizon = next >= end ? end - 1 : next;
    while (addOn.emulator.triggers.due(horizon).length > 0 && addOn.emulator.clock.now() <= horizon) {
      addOn.emulator.clock.set(Math.max(addOn.emulator.clock.now(), Math.min(...addOn.emulator.triggers.due(horizon).map((t) => t.nextRunAt ?? horizon))));
      seen.triggerRuns += addOn.runDueTriggers();
    }
    if (addOn.emulator.clock.now() < next) addOn.emulator.clock.set(next);
  }
  return seen;
}
