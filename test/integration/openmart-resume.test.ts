/** Openmart batch jobs that run out of time: checkpoints, a hard kill mid-run, and resumption without duplicates. */
import type { HttpHandler } from '../../emulator/apis/types';
import { DOMAIN_HEADER, domainRows, givenOpenmart, tabObjects } from '../harness/scenarios';
import { HOUR, jobById, type SubmitResult } from './openmart-helpers';

function keysOf(rows: Array<Record<string, unknown>>): string[] {
  return rows.map((x) => `${x['external_id']}#${x['index']}`);
}

function expected(s: ReturnType<typeof givenOpenmart>): number {
  return s.sim.tasks().reduce((n, t) => n + Math.max(1, Array.isArray(t.data) ? t.data.length : 0), 0);
}

describe('Openmart batch job resumption (built bundle)', () => {
  it('should be killed mid-read by the execution limit and finish on the next run with every row once', () => {
    let reads = 0;
    let armed = false;
    const s = givenOpenmart({
      wrap: (h: HttpHandler): HttpHandler => ({
        handle(req) {
          const out = h.handle(req);
          if (armed && req.method === 'GET' && /\/api\/v1\/task\/[^/]+$/.test(req.path) && ++reads === 250) {
            // Past the 6-minute limit: the next Apps Script call of this execution dies.
            s.addOn.emulator.clock.advance(7 * 60_000);
          }
          return out;
        },
      }),
    });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(500)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Kill', role: 'Owner', max_k: 3 },
      confirmCredits: true,
    });
    expect(s.sim.batches()).toHaveLength(5);
    s.sim.completeTasks({ error: (t) => (t.seq % 17 === 0 ? 'no such company' : null) });
    armed = true;
    s.addOn.runDueTriggers(HOUR);
    // Apps Script ends the run: no script can catch that (the owner gets a failure mail).
    expect(s.addOn.triggerFailures.map((f) => f.message)).toEqual(['Exceeded maximum execution time']);
    const partial = tabObjects(s.addOn, 'Kill - People');
    expect(partial.length).toBeGreaterThan(0);
    const mid = jobById(s.addOn, r.job.id);
    expect(['WAITING', 'FETCHING']).toContain(mid.state);
    expect(mid.progress.done).toBeGreaterThan(0);
    expect(mid.progress.done).toBeLessThan(500);
    s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    const rows = tabObjects(s.addOn, 'Kill - People');
    const keys = keysOf(rows);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows).toHaveLength(expected(s));
    expect(s.sim.batches()).toHaveLength(5);
  });

  it('should checkpoint at its time budget when Openmart is slow and resume run after run without duplicates', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(400)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Slow', role: 'Owner', max_k: 2 },
    });
    s.sim.completeTasks();
    // Each task read takes 40 s, a wave about as long: slower than the adaptive waves grow on
    // (platform/concurrency.ts), so they stay at 20 and 400 reads need several runs.
    s.sim.setLatency({ taskReadMs: 40_000 });
    let runs = 0;
    const lengths: number[] = [];
    while (jobById(s.addOn, r.job.id).state !== 'DONE' && runs < 12) {
      s.addOn.emulator.clock.advance(HOUR);
      const started = s.addOn.emulator.clock.now();
      s.addOn.runDueTriggers();
      runs++;
      lengths.push(s.addOn.emulator.clock.now() - started);
    }
    expect(runs).toBeGreaterThan(1);
    expect(s.addOn.emulator.logs.join('\n')).not.toMatch(/failed/);
    for (const ms of lengths) expect(ms).toBeLessThan(360_000);
    const rows = tabObjects(s.addOn, 'Slow - People');
    const keys = keysOf(rows);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows).toHaveLength(expected(s));
    // No task was read twice: each run resumed exactly where the last stopped.
    const reads = s.addOn.emulator.http.log.filter((e) => /\/api\/v1\/task\/[^/]+$/.test(new URL(e.url).pathname));
    expect(reads).toHaveLength(400);
  });

  it('should end with every row once when a run wrote its rows but its checkpoints were lost', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(300)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Lost save', role: 'Owner', max_k: 2 },
    });
    s.sim.completeTasks();
    // As if the run were killed after writing the tab but before saving anything.
    const props = s.addOn.emulator.properties.document();
    const saved = { ...props };
    s.addOn.runDueTriggers(HOUR);
    const once = tabObjects(s.addOn, 'Lost save - People').length;
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const triggers = s.addOn.emulator.triggers.list().length;
    for (const k of Object.keys(props)) delete props[k];
    Object.assign(props, saved);
    expect(jobById(s.addOn, r.job.id).state).toBe('WAITING');
    expect(triggers).toBe(0);
    // Opening the Jobs view polls (and brings the trigger back for the open job).
    s.addOn.rpc('refreshJobs');
    s.addOn.runDueTriggers(HOUR);
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const rows = tabObjects(s.addOn, 'Lost save - People');
    expect(rows).toHaveLength(once);
    expect(new Set(keysOf(rows)).size).toBe(rows.length);
    expect(rows).toHaveLength(expected(s));
  });

  it('should read a truncated answer to a task read again (the http layer retries a GET) and finish in the same run', () => {
    const s = givenOpenmart({ faults: [{ method: 'GET', pathIncludes: '/api/v1/task/', nth: 8, malformed: true }] });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(120)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Garbled', role: 'Owner', max_k: 1 },
    });
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(job.lastError).toBeNull();
    const rows = tabObjects(s.addOn, 'Garbled - People');
    expect(new Set(keysOf(rows)).size).toBe(rows.length);
    expect(rows).toHaveLength(expected(s));
  });

  it('should read a task whose answer stays truncated through every retry again at the next run instead of failing', () => {
    // The 8th task read and its retries in that run all arrive truncated; the next run reads it fine.
    let reads = 0;
    let garbled: string | null = null;
    let garbledTimes = 0;
    const s = givenOpenmart({
      wrap: (h: HttpHandler): HttpHandler => ({
        handle(req) {
          const out = h.handle(req);
          if (req.method !== 'GET' || !/\/api\/v1\/task\/[^/]+$/.test(req.path)) return out;
          if (++reads === 8) garbled = req.path;
          if (req.path === garbled && garbledTimes < 4) {
            garbledTimes++;
            return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"truncated' };
          }
          return out;
        },
      }),
    });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(120)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Garbled', role: 'Owner', max_k: 1 },
    });
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    expect(garbledTimes).toBe(4);
    const mid = jobById(s.addOn, r.job.id);
    expect(mid.state).not.toBe('FAILED');
    expect(mid.lastError).toMatch(/cannot read: GET \/api\/v1\/task\/.*not valid JSON.*1 of 3 tries/);
    s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    const rows = tabObjects(s.addOn, 'Garbled - People');
    expect(new Set(keysOf(rows)).size).toBe(rows.length);
    expect(rows).toHaveLength(expected(s));
  });
});
