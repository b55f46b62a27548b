/** Out of Openmart credits mid-job: the job stops cleanly and keeps what it fetched (built bundle). */
import { DOMAIN_HEADER, domainRows, givenOpenmart, tabObjects } from '../harness/scenarios';
import { HOUR, jobById, type SubmitResult } from './openmart-helpers';

describe('Openmart credits (built bundle)', () => {
  it('should stop a search at the 402 and keep the pages fetched before it', () => {
    const s = givenOpenmart({ sim: { credits: 150, businesses: 3_000 } });
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form: { title: 'Broke', query: 'hair salons', count: 250 } });
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('FAILED');
    expect(job.lastError).toMatch(/out of credits.*credit limit reached.*100 row\(s\) fetched before are in the tab/);
    expect(tabObjects(s.addOn, 'Broke - Businesses')).toHaveLength(100);
    const statuses = s.addOn.emulator.http.log.filter((e) => e.url.includes('/api/v1/search')).map((e) => e.status);
    expect(statuses).toEqual([200, 402]);
    // A stopped job is not retried by the trigger.
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
  });

  it('should read a 429 that says "credit limit reached" as out of credits too', () => {
    const s = givenOpenmart({ sim: { credits: 150, businesses: 3_000, creditStatus: 429 } });
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form: { title: 'Broke 429', query: 'hair salons', count: 250 } });
    expect(jobById(s.addOn, r.job.id)).toMatchObject({ state: 'FAILED', lastError: expect.stringMatching(/out of credits/) });
    expect(tabObjects(s.addOn, 'Broke 429 - Businesses')).toHaveLength(100);
  });

  it('should stop submitting batches at a 402, collect the batches already created, and end FAILED with them kept', () => {
    const s = givenOpenmart({
      faults: [{ method: 'POST', pathIncludes: '/task/batch/find_people', nth: 2, status: 402, body: '{"detail":"credit limit reached"}' }],
    });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(250)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Partial', role: 'Owner', max_k: 1 },
    });
    // Batches 1 and 3 went out in the same wave as the refused batch 2.
    expect(s.sim.batches().map((b) => b.taskIds.length)).toEqual([100, 50]);
    expect(r.job.state).toBe('WAITING');
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('FAILED');
    expect(job.lastError).toMatch(/out of credits.*100 row\(s\) were not submitted; the results fetched so far are in the tab/);
    expect(job.counts).toMatchObject({ notSentRows: 100, tasksCompleted: 150 });
    const rows = tabObjects(s.addOn, 'Partial - People');
    const ids = s.addOn.emulator.spreadsheet
      .sheetValues('Leads')
      .slice(1)
      .map((x) => String(x[3]));
    expect(new Set(rows.map((x) => x['external_id']))).toEqual(new Set(ids));
    const notSent = rows.filter((x) => x['status'] === 'NOT_SENT').map((x) => x['external_id']);
    expect(notSent).toEqual(ids.slice(100, 200));
    // Once topped up, the not-sent rows can be sent (no double billing: they never left).
    const ask = s.addOn.rpc<{ rows: number; unknownRows: number; warning: string }>('resubmitOpenmartRows', { jobId: r.job.id });
    expect(ask).toMatchObject({ rows: 100, unknownRows: 0 });
    expect(ask.warning).toMatch(/nothing is billed twice/);
  });

  it('should end tasks that Openmart could not pay for as ERRORED rows with the reason', () => {
    const s = givenOpenmart({ sim: { credits: 5 } });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(20)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Tight', role: 'Owner', max_k: 2 },
    });
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const rows = tabObjects(s.addOn, 'Tight - People');
    expect(rows.some((x) => x['status'] === 'ERRORED' && x['reason'] === 'credit limit reached')).toBe(true);
  });
});
