/**
 * The Properties quota (PLATFORM.md: 50,000 reads/writes a day for a consumer account, counted per
 * user across all executions) through the built bundle: an open Jobs view must not spend it.
 */
import type { JobView } from '../../src/app/job-view';
import { givenFinishedJobs, keepJobsViewOpen } from '../harness/jobs-view';

const HOUR = 3_600_000;

function jobs(s: { addOn: { rpc<T>(n: string, ...a: unknown[]): T } }): JobView[] {
  return s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

describe('Properties calls of the open Jobs view (built bundle)', () => {
  it('should cost the same small number per refresh whatever the number of finished jobs', () => {
    const perRefresh = [0, 10, 40].map((finished) => {
      const s = givenFinishedJobs(finished);
      expect(jobs(s).filter((j) => j.state === 'DONE')).toHaveLength(finished);
      keepJobsViewOpen(s, 10 * 60_000);
      const before = s.addOn.emulator.counters.get('properties');
      const refreshes = keepJobsViewOpen(s, HOUR);
      return (s.addOn.emulator.counters.get('properties') - before) / refreshes;
    });
    expect(perRefresh[1]).toBe(perRefresh[0]);
    expect(perRefresh[2]).toBe(perRefresh[0]);
    // Nothing new: none (the change stamp is in the cache). Once a minute a poll: open and read
    // both stores (4), write the quota meter (1).
    expect(perRefresh[0]).toBeLessThanOrEqual(2);
  });

  it('should use under 5,000 Properties calls (10 % of a consumer day) in 8 hours with 40 finished jobs and one waiting order', () => {
    const s = givenFinishedJobs(40);
    const before = s.addOn.emulator.counters.snapshot();
    const refreshes = keepJobsViewOpen(s, 8 * HOUR);
    expect(refreshes).toBe(1440);
    const calls = s.addOn.emulator.counters.get('properties') - (before['properties'] ?? 0);
    expect(calls).toBeLessThan(5_000);
    // The emulator's per-user quota counted them too, and never refused one.
    expect(s.addOn.emulator.properties.callsToday(undefined, s.addOn.emulator.clock.now() - 60_000)).toBeLessThan(50_000);
    if (process.env['REPORT']) console.log(`jobs-view-8h: ${calls} Properties calls`);
    // The waiting order was still checked: at least once a minute.
    const polls = s.addOn.emulator.http.log.filter((e) => /\/orders\/[^/]+$/.test(e.url) && e.method.toUpperCase() === 'GET').length;
    expect(polls).toBeGreaterThanOrEqual(8 * 60 - 1);
    const view = s.addOn.rpc<{ jobs: JobView[]; lastPollAt: number | null }>('listJobs');
    expect(view.jobs.filter((j) => j.open).map((j) => j.state)).toEqual(['WAITING']);
    expect(s.addOn.emulator.clock.now() - view.lastPollAt!).toBeLessThan(60_000 + 20_000);

    // The order completes: the next minute's check takes it to DONE.
    s.sim.advance(s.sim.orders()[40]!.id, 'COMPLETED');
    keepJobsViewOpen(s, 2 * 60_000);
    expect(jobs(s).filter((j) => j.open)).toHaveLength(0);
  });

  it('should answer "nothing new" only while nothing was written, and show any change at the next refresh', () => {
    const s = givenFinishedJobs(2);
    const first = s.addOn.rpc<{ stamp: string; jobs: JobView[] }>('refreshJobs', { auto: true });
    s.addOn.emulator.clock.advance(20_000);
    expect(s.addOn.rpc('refreshJobs', { auto: true, since: first.stamp })).toBeNull();
    // Another execution changes a job (the user cancels tracking in a second sidebar).
    const open = first.jobs.find((j) => j.open)!;
    s.addOn.rpc('cancelJob', { jobId: open.id });
    s.addOn.emulator.clock.advance(20_000);
    const next = s.addOn.rpc<{ stamp: string; jobs: JobView[] } | null>('refreshJobs', { auto: true, since: first.stamp });
    expect(next).not.toBeNull();
    expect(next!.jobs.find((j) => j.id === open.id)!.state).toBe('CANCELLED');
    expect(next!.stamp).not.toBe(first.stamp);
  });
});
