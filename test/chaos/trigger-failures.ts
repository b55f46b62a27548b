/**
 * Chaos invariant: no trigger run fails (docs/PLATFORM.md: a failing trigger mails its owner and
 * may be disabled). The only failures allowed are the chaos suite's own kills of trigger runs: a
 * kill stands for Apps Script ending the execution, which no script can catch.
 */
import type { TriggerFailure } from '../../emulator/addon';
import { EXCEEDED_TIME } from '../../emulator/gas/execution';

/** The problem line for failed trigger runs no kill explains, or null. */
export function triggerFailureProblem(failures: readonly TriggerFailure[], kills: readonly string[]): string | null {
  const killed = kills.filter((k) => k.startsWith('trigger ')).length;
  const byKill = failures.filter((f) => f.message === EXCEEDED_TIME).length;
  const other = failures.filter((f) => f.message !== EXCEEDED_TIME);
  const unexplained = other.length + Math.max(0, byKill - killed);
  if (unexplained === 0) return null;
  const last = other[other.length - 1]?.message ?? EXCEEDED_TIME;
  return `${unexplained} trigger run(s) failed (Apps Script mails the owner and may disable the trigger); last: ${last}`;
}
