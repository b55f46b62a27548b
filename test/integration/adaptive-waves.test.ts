/**
 * Adaptive wave sizes end to end (issue 16): gu1 waves and Openmart task reads through the built
 * bundle against simulators that answer 429 past a concurrency limit. With a limit of 15 and of
 * 60 the waves settle within 25 % of it, and 429s stay under 2 % of the requests.
 */
import type { HttpHandler, SimRequest } from '../../emulator/apis/types';
import type { AddOn } from '../../emulator/addon';
import { DOMAIN_HEADER, GU1_HEADER, domainRows, givenGu1, givenOpenmart, gu1Ids, gu1Rows } from '../harness/scenarios';
import { jobById } from './openmart-helpers';

const HOUR = 3_600_000;

/** Records the size of every fetchAll wave whose requests `counts` accepts (before the simulator's limit). */
function waveRecorder(counts: (req: SimRequest) => boolean) {
  const waves = new Map<number, number>();
  let requests = 0;
  const wrap = (h: HttpHandler): HttpHandler => ({
    handle(req) {
      requests++;
      if (req.wave !== undefined && counts(req)) waves.set(req.wave, (waves.get(req.wave) ?? 0) + 1);
      return h.handle(req);
    },
  });
  return { wrap, sizes: () => [...waves.values()], requests: () => requests };
}

/** The median wave size over the second half of the run (after slow start; retries of a 429 are small waves). */
function settled(sizes: number[]): number {
  const tail = sizes.slice(Math.floor(sizes.length / 2)).sort((a, b) => a - b);
  return tail[Math.floor(tail.length / 2)] ?? 0;
}

function runUntilDone(addOn: AddOn, jobId: string): void {
  for (let i = 0; i < 20 && !['DONE', 'FAILED', 'CANCELLED'].includes(jobById(addOn, jobId).state); i++) addOn.runDueTriggers(HOUR);
  expect(jobById(addOn, jobId).state).toBe('DONE');
}

describe('adaptive waves (built bundle)', () => {
  describe.each([15, 60])('with a simulator concurrency limit of %i', (limit) => {
    it('should settle gu1 waves within 25 % of the limit with under 2 % of requests answered 429', () => {
      const rows = limit * 100;
      const rec = waveRecorder(() => true);
      const s = givenGu1({ entities: gu1Ids(rows), sim: { concurrencyLimit: limit }, wrap: rec.wrap });
      s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(rows)]);
      const r = s.addOn.rpc<{ job: { id: string } }>('submitGu1', { source: { sheetName: 'Clients' }, mapping: { external_id: 0 }, options: { title: 'AIMD', integrationCodes: ['global_pep_screening'] }, confirmed: true });
      runUntilDone(s.addOn, r.job.id);
      // Every row billed once: a 429 did nothing.
      expect(new Set(s.sim.ledger.map((l) => l.externalId)).size).toBe(rows);
      expect(s.sim.ledger).toHaveLength(rows);
      expect(Math.abs(settled(rec.sizes()) - limit) / limit).toBeLessThanOrEqual(0.25);
      expect(s.sim.limit.throttled() / rec.requests()).toBeLessThan(0.02);
    });

    it('should settle Openmart task reads within 25 % of the limit with under 2 % of requests answered 429', () => {
      const rows = limit * 80;
      const rec = waveRecorder((req) => /^\/api\/v1\/task\/[^/]+$/.test(req.path));
      const s = givenOpenmart({ sim: { concurrencyLimit: limit }, wrap: rec.wrap });
      s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(rows)]);
      const r = s.addOn.rpc<{ job: { id: string } }>('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'AIMD', role: 'Owner', max_k: 2 }, confirmCredits: true });
      s.sim.completeTasks();
      runUntilDone(s.addOn, r.job.id);
      expect(Math.abs(settled(rec.sizes()) - limit) / limit).toBeLessThanOrEqual(0.25);
      expect(s.sim.limit.throttled() / rec.requests()).toBeLessThan(0.02);
    });
  });
});
