/**
 * jobs-view-8h (issue 20): N finished OpenProspect jobs and one order waiting at the server, the
 * Jobs view open for 8 hours. Since issue 16 the open sidebar follows its progress loop
 * (sidebar/pump.ts: `advanceJobs` at the pace the server gives) instead of a 20-s timer. The figure
 * that matters is `properties_calls` (a consumer account has 50,000 a day).
 */
import { OP_BASE, OP_KEY } from '../../test/harness/scenarios';
import { givenFinishedJobs, JOBS_VIEW_REFRESH_MS } from '../../test/harness/jobs-view';
import { keepSidebarOpen } from '../../test/harness/sidebar';
import { naiveRefresh } from '../baseline/jobs-view';
import { storedJobs } from '../drive';
import { OPEN_STATES } from '../../test/harness/jobs';
import { Meter, type Measured } from '../measure';

const EIGHT_HOURS = 8 * 3_600_000;

function check(open: string[]): string | undefined {
  return open.length === 1 && open[0] === 'WAITING' ? undefined : `expected one WAITING job, found ${open.join(', ') || 'none'}`;
}

/** The add-on's Jobs view. */
export function addonJobsView(n: number): Measured {
  const s = givenFinishedJobs(n);
  const meter = new Meter(s.addOn.emulator);
  keepSidebarOpen(s.addOn, EIGHT_HOURS);
  const m = meter.stop('jobs-view-8h', n, 'addon');
  m.extras.problem = check(
    storedJobs(s.addOn)
      .filter((j) => OPEN_STATES.has(j.state))
      .map((j) => j.state),
  );
  return m;
}

/** The naive view over the same stored jobs. */
export function baselineJobsView(n: number): Measured {
  const s = givenFinishedJobs(n);
  const emu = s.addOn.emulator;
  const meter = new Meter(emu);
  let failed = 0;
  let firstFailure: number | null = null;
  for (let t = 0; t < EIGHT_HOURS; t += JOBS_VIEW_REFRESH_MS) {
    emu.clock.advance(JOBS_VIEW_REFRESH_MS);
    try {
      emu.execution.run('rpc', () => naiveRefresh({ gas: emu.gas, baseUrl: `${OP_BASE}/api/v1`, key: OP_KEY }));
    } catch {
      // "Service invoked too many times for one day: properties." once the day's quota is gone.
      failed++;
      firstFailure ??= t;
    }
  }
  const m = meter.stop('jobs-view-8h', n, 'baseline');
  if (firstFailure !== null)
    m.extras.note = `the consumer day's Properties quota ran out after ${(firstFailure / 3_600_000).toFixed(1)} h; ${failed} of ${EIGHT_HOURS / JOBS_VIEW_REFRESH_MS} refreshes failed`;
  return m;
}
