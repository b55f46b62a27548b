/** A 10,000-row find_people job through the built bundle, counted: calls, waves, runs, virtual time. */
import { DOMAIN_HEADER, domainRows, givenOpenmart, tabObjects } from '../harness/scenarios';
import { HOUR, jobById, type SubmitResult } from './openmart-helpers';

describe('Openmart 10,000-row find_people (built bundle)', () => {
  it('should submit 100 batches in 5 waves, then read every task within a few trigger runs, inside the limits', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Big', [DOMAIN_HEADER, ...domainRows(10_000)]);
    const c = s.addOn.emulator.counters;
    const t0 = s.addOn.emulator.clock.now();
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Big' },
      options: { title: 'Ten thousand', role: 'Owner', max_k: 2 },
      confirmCredits: true,
    });
    const submitMs = s.addOn.emulator.clock.now() - t0;
    const submitRequests = c.get('UrlFetchApp.requests');
    const submitWaves = c.get('UrlFetchApp.fetchAll');
    expect(s.sim.batches()).toHaveLength(100);
    expect(r.job.state).toBe('WAITING');
    expect(submitMs).toBeLessThan(270_000);
    // The ledger of 100 batches fits in properties (3 keys of 40 batches), the job record too.
    const props = s.addOn.emulator.properties.document();
    expect(Object.keys(props).filter((k) => k.startsWith('omb:'))).toHaveLength(3);
    for (const v of Object.values(props)) expect(v.length).toBeLessThan(9 * 1024);

    s.sim.completeTasks({ error: (t) => (t.seq % 50 === 7 ? 'domain could not be resolved' : null) });
    c.reset();
    const runs: number[] = [];
    while (jobById(s.addOn, r.job.id).state !== 'DONE' && runs.length < 10) {
      s.addOn.emulator.clock.advance(HOUR);
      const started = s.addOn.emulator.clock.now();
      s.addOn.runDueTriggers();
      runs.push(s.addOn.emulator.clock.now() - started);
    }
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(s.addOn.emulator.logs.join('\n')).not.toMatch(/failed/);
    for (const ms of runs) expect(ms).toBeLessThan(300_000);
    const rows = tabObjects(s.addOn, 'Ten thousand - People');
    expect(new Set(rows.map((x) => x['external_id'])).size).toBe(10_000);
    const keys = new Set(rows.map((x) => `${x['external_id']}#${x['index']}`));
    expect(keys.size).toBe(rows.length);
    const fetchRequests = c.get('UrlFetchApp.requests');
    // 100 status polls + 100..300 task_id lists + 10,000 task reads.
    expect(fetchRequests).toBeLessThanOrEqual(100 + 300 + 10_000);
    // eslint-disable-next-line no-console
    console.log(
      `10,000-row find_people: submit ${submitRequests} UrlFetch requests in ${submitWaves} fetchAll waves, ${(submitMs / 1000).toFixed(1)} s virtual; ` +
        `fetch ${fetchRequests} requests (${c.get('UrlFetchApp.fetchAll')} fetchAll waves, ${c.get('UrlFetchApp.fetch')} single fetches) over ${runs.length} trigger runs ` +
        `of ${runs.map((ms) => (ms / 1000).toFixed(0)).join(' + ')} s; ${c.get('Range.setValues')} setValues; ${rows.length} result rows; ` +
        `${job.counts['tasksErrored']} ERRORED`,
    );
  });
});
