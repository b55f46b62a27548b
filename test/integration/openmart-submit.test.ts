/**
 * Submitting Openmart batches safely: the ~26 s lookup routes run in parallel (one fetchAll
 * wave), a lost answer or a gateway error is never resubmitted by itself, a 429 (nothing created) is.
 */
import { DOMAIN_HEADER, domainRows, givenOpenmart, tabObjects } from '../harness/scenarios';
import { HOUR, jobById, type SubmitResult } from './openmart-helpers';

describe('Openmart batch submission (built bundle)', () => {
  it('should submit the 3 batches of a 300-row lookup_business_email job in one parallel wave', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(300)]);
    const before = s.addOn.emulator.clock.now();
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'lookup_business_email',
      source: { sheetName: 'Leads' },
      options: { title: 'Mailboxes' },
    });
    const elapsed = s.addOn.emulator.clock.now() - before;
    const waves = s.addOn.emulator.counters.get('UrlFetchApp.fetchAll');
    expect(r.job.state).toBe('WAITING');
    const posts = s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && e.url.includes('/task/batch/lookup_business_email'));
    expect(posts).toHaveLength(3);
    // Sent together in one fetchAll at the same virtual instant...
    expect(posts.every((p) => p.viaFetchAll && p.at === posts[0]!.at)).toBe(true);
    // ...so the submission costs one ~26 s sleep, not three (78 s).
    expect(elapsed).toBeGreaterThanOrEqual(26_000);
    expect(elapsed).toBeLessThan(2 * 26_000);
    expect(s.sim.batches().map((b) => b.taskIds.length)).toEqual([100, 100, 100]);
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const rows = tabObjects(s.addOn, 'Mailboxes - Emails');
    expect(new Set(rows.map((x) => x['external_id'])).size).toBe(300);
    // eslint-disable-next-line no-console
    console.log(
      `300-row lookup_business_email submit: ${posts.length} POSTs in ${waves} fetchAll calls (submit + first status poll), ${elapsed / 1000} s virtual`,
    );
  });

  it('should mark the rows of a submit whose answer was lost "outcome unknown", never resubmit by itself, and resubmit only when confirmed', () => {
    const s = givenOpenmart({ faults: [{ method: 'POST', pathIncludes: '/task/batch/find_people', nth: 1, lost: true }] });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(60)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Lost', role: 'Owner', max_k: 1 },
    });
    // The simulator created the batch; the add-on never heard of it.
    expect(s.sim.batches()).toHaveLength(1);
    expect(s.faults.faultsFired).toHaveLength(1);
    const rows = tabObjects(s.addOn, 'Lost - People');
    expect(rows).toHaveLength(60);
    expect(rows.every((x) => x['status'] === 'SUBMITTED_OUTCOME_UNKNOWN' && x['index'] === 0 && /outcome unknown/.test(String(x['reason'])))).toBe(true);
    // Later runs leave it alone.
    for (let i = 0; i < 3; i++) s.addOn.runDueTriggers(HOUR);
    expect(s.sim.batches()).toHaveLength(1);
    expect(s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && e.url.includes('/task/batch/')).length).toBe(1);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(job.counts['unknownRows']).toBe(60);
    expect(job.warnings.join(' ')).toMatch(/outcome unknown.*bill twice/);

    const ask = s.addOn.rpc<{ resubmitted: boolean; rows: number; unknownRows: number; warning: string }>('resubmitOpenmartRows', { jobId: r.job.id });
    expect(ask).toMatchObject({ resubmitted: false, rows: 60, unknownRows: 60 });
    expect(ask.warning).toMatch(/bill them twice/);
    expect(s.sim.batches()).toHaveLength(1);
    const done = s.addOn.rpc<{ resubmitted: boolean; job: { state: string } }>('resubmitOpenmartRows', { jobId: r.job.id, confirm: true });
    expect(done.resubmitted).toBe(true);
    expect(s.sim.batches()).toHaveLength(2);
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const after = tabObjects(s.addOn, 'Lost - People');
    expect(after.filter((x) => x['status'] === 'SUBMITTED_OUTCOME_UNKNOWN')).toEqual([]);
    const keys = after.map((x) => `${x['external_id']}#${x['index']}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('should mark the rows of a submit answered 2xx with an unreadable body "outcome unknown" (not REJECTED), reject only on a 4xx refusal, and never resubmit by itself', () => {
    // Batch 1: a 200 whose body arrives truncated (the batch exists); batch 2: a 400 refusal;
    // batch 3: 408 (neither a refusal nor proof that nothing was created: never sent again).
    const s = givenOpenmart({
      faults: [
        { method: 'POST', pathIncludes: '/task/batch/find_people', nth: 1, malformed: true },
        { method: 'POST', pathIncludes: '/task/batch/find_people', nth: 2, status: 400, body: JSON.stringify({ detail: 'task 7: domain is not valid' }) },
        { method: 'POST', pathIncludes: '/task/batch/find_people', nth: [3, 4, 5, 6], status: 408 },
      ],
    });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(250)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Garbled', role: 'Owner', max_k: 1 },
    });
    // Only the batch whose answer was unreadable exists at Openmart.
    expect(s.sim.batches()).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      s.sim.completeTasks();
      s.addOn.runDueTriggers(HOUR);
    }
    expect(s.sim.batches()).toHaveLength(1);
    const posts = s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && e.url.includes('/task/batch/'));
    expect(posts.map((p) => p.status)).toEqual([200, 400, 408]);
    const rows = tabObjects(s.addOn, 'Garbled - People');
    const byStatus = (st: string) => rows.filter((x) => x['status'] === st);
    expect(byStatus('SUBMITTED_OUTCOME_UNKNOWN')).toHaveLength(150);
    expect(byStatus('SUBMITTED_OUTCOME_UNKNOWN').every((x) => /outcome unknown/.test(String(x['reason'])))).toBe(true);
    expect(byStatus('REJECTED')).toHaveLength(100);
    expect(byStatus('REJECTED').every((x) => /domain is not valid/.test(String(x['reason'])))).toBe(true);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(job.counts).toMatchObject({ unknownRows: 150, rejectedRows: 100 });
    expect(job.warnings.join(' ')).toMatch(/150 row\(s\): submitted, outcome unknown/);
    const ask = s.addOn.rpc<{ rows: number; unknownRows: number }>('resubmitOpenmartRows', { jobId: r.job.id });
    expect(ask).toMatchObject({ rows: 150, unknownRows: 150 });
  });

  it('should retry a submit answered 429 (nothing created) and end with exactly one batch', () => {
    const s = givenOpenmart({ faults: [{ method: 'POST', pathIncludes: '/task/batch/find_people', nth: 1, status: 429, retryAfter: 1 }] });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(20)]);
    s.addOn.rpc<SubmitResult>('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'Retry', role: 'Owner' } });
    const posts = s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && e.url.includes('/task/batch/'));
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect(s.sim.batches()).toHaveLength(1);
  });

  it('should treat a run that died mid-submit as outcome unknown, not resubmit', () => {
    // The wrapper moves the clock past the execution limit while the batch POST is in flight.
    let kill = true;
    const s = givenOpenmart({
      wrap: (h) => ({
        handle(req) {
          const out = h.handle(req);
          if (kill && req.method === 'POST' && req.path.includes('/task/batch/')) {
            kill = false;
            s.addOn.emulator.clock.advance(10 * 60_000);
          }
          return out;
        },
      }),
    });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(10)]);
    expect(() =>
      s.addOn.rpc('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'Killed', role: 'Owner' } }),
    ).toThrow(/longer than Apps Script allows|Exceeded maximum execution time/);
    expect(s.sim.batches()).toHaveLength(1);
    s.addOn.runDueTriggers(HOUR);
    expect(s.sim.batches()).toHaveLength(1);
    const rows = tabObjects(s.addOn, 'Killed - People');
    expect(rows.every((x) => x['status'] === 'SUBMITTED_OUTCOME_UNKNOWN')).toBe(true);
  });
});
