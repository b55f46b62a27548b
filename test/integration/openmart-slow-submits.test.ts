/**
 * NOTES.md (Openmart): "A submit can take 30 s or more, and the batch may exist even when the
 * client timed out." The simulator's default submit takes 1.5 s; here every submit takes 40 s,
 * through the built bundle: the submits go out in parallel waves (fetchAll) within the execution's
 * time limit (what does not fit is left to the trigger), no batch is sent twice, and the job ends
 * with every row once.
 */
import { DOMAIN_HEADER, domainRows, givenOpenmart, tabObjects } from '../harness/scenarios';
import { HOUR, jobById, type SubmitResult } from './openmart-helpers';

const SUBMIT = /\/api\/v1\/task\/batch\/find_people\/?$/;

describe('Openmart submits that take 40 s each (built bundle)', () => {
  it('should submit 5,000 rows in 50 batches within the time Apps Script allows (any left for the trigger), each row in exactly one batch, and finish with every row once', () => {
    const s = givenOpenmart();
    s.sim.setLatency({ submitMs: 40_000 });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(5_000)]);
    const started = s.addOn.emulator.clock.now();
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Slow submits', role: 'Owner', max_k: 2 },
      confirmCredits: true,
    });
    // The sidebar call stays inside its execution limit.
    expect(s.addOn.emulator.clock.now() - started).toBeLessThan(360_000);
    let runs = 0;
    const lengths: number[] = [];
    while (s.sim.batches().reduce((n, b) => n + b.taskIds.length, 0) < 5_000 && runs < 12) {
      s.addOn.emulator.clock.advance(HOUR);
      const at = s.addOn.emulator.clock.now();
      s.addOn.runDueTriggers();
      lengths.push(s.addOn.emulator.clock.now() - at);
      runs++;
    }
    for (const ms of lengths) expect(ms).toBeLessThan(360_000);
    expect(s.addOn.emulator.logs.join('\n')).not.toMatch(/longer than Apps Script allows|failed/);
    // Every row went out in exactly one batch, and no batch was sent twice.
    const submits = s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && SUBMIT.test(new URL(e.url).pathname));
    expect(submits).toHaveLength(s.sim.batches().length);
    const tracking = s.sim.tasks().map((t) => t.trackingId);
    expect(new Set(tracking).size).toBe(5_000);
    expect(tracking).toHaveLength(5_000);

    s.sim.completeTasks();
    for (let i = 0; i < 12 && jobById(s.addOn, r.job.id).state !== 'DONE'; i++) s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    const rows = tabObjects(s.addOn, 'Slow submits - People');
    const keys = rows.map((x) => `${x['external_id']}#${x['index']}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(rows.map((x) => x['external_id'])).size).toBe(5_000);
  });
});
