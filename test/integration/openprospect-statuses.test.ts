/**
 * Every order status the overview lists, and one no document lists (NOTES.md: "handle all seven,
 * and treat an unknown status as still running with a warning in the job"), through the built
 * bundle: what the job shows, what is kept, and that the trigger goes once nothing is open.
 */
import { UNKNOWN_STATUS } from '../../emulator/apis/openprospect';
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, tabObjects } from '../harness/scenarios';
import type { JobView, SubmitResult } from '../../src/app/contract';

const HOUR = 60 * 60_000;

function jobs(s: { addOn: { rpc<T>(n: string, ...a: unknown[]): T } }): JobView[] {
  return s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

function submitted(s: ReturnType<typeof givenOpenProspect>, rows = 3): SubmitResult {
  givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(rows));
  return s.addOn.rpc<SubmitResult>('submitEnrichment', {
    source: { sheetName: 'Leads' },
    mapping: { company_name: 0, website_url: 1 },
    options: enrichmentOptions('Status'),
  });
}

describe('OpenProspect order statuses (built bundle)', () => {
  it.each([
    ['FAILED', 'IN_PROGRESS'],
    ['CANCELLED', 'ACCEPTED'],
  ] as const)('should end an order that ends %s with that status in words, keep the rows, and remove the trigger', (status, from) => {
    const s = givenOpenProspect();
    const r = submitted(s);
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, from);
    s.addOn.runDueTriggers(HOUR);
    expect(jobs(s)[0]!.state).toBe('WAITING');
    s.sim.advance(order.id, status, { reason: `Ended by the test as ${status}` });
    s.addOn.runDueTriggers(HOUR);
    const job = jobs(s)[0]!;
    expect(job.id).toBe(r.job.id);
    expect(job.open).toBe(false);
    expect(job.state).toBe(status);
    expect(job.lastError).toContain(`${status === 'FAILED' ? 'failed' : 'was cancelled'} at OpenProspect (${status}): Ended by the test as ${status}`);
    expect(job.lastError).toMatch(/Nothing more will arrive for it; submit the rows again for a new order\.$/);
    // The user's rows are as they were, ids included; no result tab was made for nothing.
    expect(
      s.addOn.emulator.spreadsheet
        .sheetValues('Leads')
        .slice(1)
        .map((row) => row.slice(0, 4)),
    ).toEqual(companyRows(3));
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
    // Later runs ask nothing more about it.
    const asked = s.sim.requests.length;
    s.addOn.runDueTriggers(HOUR);
    expect(s.sim.requests.length).toBe(asked);
  });

  it('should keep an order with a status no document lists running, warn once, and finish when it completes', () => {
    const s = givenOpenProspect({ variants: ['unknown-status'] });
    submitted(s);
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'IN_PROGRESS');
    s.addOn.runDueTriggers(HOUR);
    s.addOn.runDueTriggers(HOUR);
    let job = jobs(s)[0]!;
    expect(job.open).toBe(true);
    expect(job.state).not.toMatch(/FAILED|REJECTED|CANCELLED/);
    const warned = job.warnings.filter((w) => w.includes(UNKNOWN_STATUS));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/still (running|waiting)/i);
    // Results are not fetched while the status is unknown (the overview: not before COMPLETED).
    expect(s.sim.counts.resultsFetchesBeforeCompleted).toBe(0);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(1);

    s.sim.advance(order.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);
    job = jobs(s)[0]!;
    expect(job.state).toBe('DONE');
    expect(tabObjects(s.addOn, job.tabs['companies']!)).toHaveLength(3);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
  });

  it('should take a strict server refusing results before COMPLETED as "not yet", not as a failure of the job', () => {
    const s = givenOpenProspect({ sim: { refuseEarlyResults: true } });
    submitted(s, 30);
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'IN_PROGRESS');
    s.sim.deliver(order.id, 20, s.addOn.emulator.clock.now());
    const id = jobs(s)[0]!.id;
    s.addOn.runDueTriggers(HOUR);
    // The user pulls early: OpenProspect answers 409 ORDER_NOT_COMPLETED.
    let job = s.addOn.rpc<{ jobs: JobView[] }>('refreshJobResults', { jobId: id }).jobs.find((j) => j.id === id)!;
    expect(s.sim.counts.resultsFetchesBeforeCompleted).toBe(1);
    expect({ state: job.state, error: job.lastError }).toEqual({ state: 'WAITING', error: null });
    expect(job.open).toBe(true);
    expect(job.state).toBe('WAITING');
    expect(job.lastError ?? '').not.toMatch(/conflict|ORDER_NOT_COMPLETED/);
    expect(job.history.map((h) => h.text).join(' ')).toMatch(/once the order is completed/i);
    // The poller does not ask again before COMPLETED...
    s.addOn.runDueTriggers(HOUR);
    s.addOn.runDueTriggers(HOUR);
    expect(s.sim.counts.resultsFetchesBeforeCompleted).toBe(1);
    // ...and syncs everything once it is.
    s.sim.advance(order.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);
    job = jobs(s)[0]!;
    expect(job.state).toBe('DONE');
    expect(tabObjects(s.addOn, job.tabs['companies']!)).toHaveLength(30);
  });
});
