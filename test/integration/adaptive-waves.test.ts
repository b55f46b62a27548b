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
      const r = s.addOn.rpc<{ job: { id: string } }>('submitGu1', {
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        options: { title: 'AIMD', integrationCodes: ['global_pep_screening'] },
        confirmed: true,
      });
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
      const r = s.addOn.rpc<{ job: { id: string } }>('submitOpenmartBatch', {
        operation: 'find_people',
        source: { sheetName: 'Leads' },
        options: { title: 'AIMD', role: 'Owner', max_k: 2 },
        confirmCredits: true,
      });
      s.sim.completeTasks();
      runUntilDone(s.addOn, r.job.id);
      expect(Math.abs(settled(rec.sizes()) - limit) / limit).toBeLessThanOrEqual(0.25);
      expect(s.sim.limit.throttled() / rec.requests()).toBeLessThan(0.02);
    });
  });

  it('should lose one wave of task reads to one answer past 60 s, send it again and shrink the next wave', () => {
    // docs/PLATFORM.md (unverified, modelled): one transport error throws away the whole fetchAll.
    const rows = 2_000;
    const isRead = (req: SimRequest): boolean => /^\/api\/v1\/task\/[^/]+$/.test(req.path);
    const order: Array<{ wave: number; id: string }> = [];
    const rec = waveRecorder(isRead);
    // The 300th task read gets no answer within UrlFetch's 60 s: the simulator never sees it.
    const slowOne = (h: HttpHandler): HttpHandler => ({
      handle(req) {
        if (!isRead(req)) return h.handle(req);
        order.push({ wave: req.wave ?? -1, id: req.path });
        return order.length === 300 ? { transport: 'timeout' } : h.handle(req);
      },
    });
    const s = givenOpenmart({ wrap: (h) => rec.wrap(slowOne(h)) });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(rows)]);
    const options = { title: 'Voided', role: 'Owner', max_k: 2 };
    const submit = { operation: 'find_people', source: { sheetName: 'Leads' }, options, confirmCredits: true };
    const r = s.addOn.rpc<{ job: { id: string } }>('submitOpenmartBatch', submit);
    s.sim.completeTasks();
    runUntilDone(s.addOn, r.job.id);
    const voided = (order[299] as { wave: number }).wave;
    const waves = [...new Set(order.map((o) => o.wave))];
    const sizeOf = (w: number): number => order.filter((o) => o.wave === w).length;
    const lost = sizeOf(voided);
    // Every read of the voided wave was asked again, and nothing else twice.
    expect(order.length).toBe(rows + lost);
    expect(new Set(order.map((o) => o.id)).size).toBe(rows);
    const next = waves[waves.indexOf(voided) + 1] as number;
    // AIMD: the wave after the timeout is at most 3/4 of the voided one (rounded down).
    expect(sizeOf(next)).toBeLessThanOrEqual(Math.floor(lost * 0.75));
    // Measured: the wave was at the 100 cap, so 100 reads (5 % of 2,000) went out twice; then 74.
    expect(lost).toBeGreaterThan(20);
  });
});
