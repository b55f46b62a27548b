/**
 * gu1's documented answers the simulator used to leave out (NOTES.md: 403/404
 * SERVICE_INTEGRATION_NOT_ACTIVE; "a 422 may carry partial data with success: false"), through the
 * built bundle: what the user reads, what is written, and that nothing is billed twice.
 */
import { ENRICH_PATH } from '../../emulator/apis/gu1';
import type { HttpHandler } from '../../emulator/apis/types';
import { GU1_HEADER, givenGu1, gu1Ids, gu1Rows, tabObjects, type Gu1Scenario } from '../harness/scenarios';
import type { Gu1SubmitResult as SubmitResult, JobView } from '../../src/app/contract';

const AFIP = 'ar_afip_enrichment';
const CNPJ = 'br_cpfcnpj_complete_company_enrichment';
const NOT_ACTIVE = 'cl_sii_company_enrichment';
const HOUR = 3_600_000;

function sheet(s: Gu1Scenario, n: number): void {
  s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(n)]);
}

function submit(s: Gu1Scenario, options: Record<string, unknown>): SubmitResult {
  return s.addOn.rpc<SubmitResult>('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'KYB', ...options },
    confirmed: true,
  });
}

function enrichRequests(s: Gu1Scenario): number {
  return s.sim.requests.filter((r) => r.path === ENRICH_PATH).length;
}

function billedTwice(s: Gu1Scenario): string[] {
  const seen = new Set<string>();
  return s.sim.ledger.map((l) => `${l.externalId}|${l.integrationCode}`).filter((k) => seen.has(k) || !seen.add(k));
}

/** Runs `onRequest(n)` as the n-th enrichment request arrives. */
function onNthRequest(onRequest: (n: number) => void): (h: HttpHandler) => HttpHandler {
  let n = 0;
  return (h) => ({
    handle(req) {
      if (req.path === ENRICH_PATH) onRequest(++n);
      return h.handle(req);
    },
  });
}

describe('gu1 documented errors (built bundle)', () => {
  describe.each([403, 404] as const)('SERVICE_INTEGRATION_NOT_ACTIVE as %d', (status) => {
    it('should refuse the submit with a sentence naming the integration and what to do, writing and billing nothing', () => {
      const s = givenGu1({ entities: gu1Ids(30), sim: { notActiveStatus: status } });
      sheet(s, 30);
      let message = '';
      try {
        submit(s, { integrationCodes: [AFIP, NOT_ACTIVE] });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(new RegExp(`${NOT_ACTIVE} is not active`));
      // Not "could not find it" (that is the sentence of a missing entity) and not a key problem.
      expect(message).not.toMatch(/could not find|entity|key/i);
      expect(message).toMatch(/activate/i);
      // The first wave learnt it; no later wave went out.
      expect(enrichRequests(s)).toBeGreaterThan(0);
      expect(enrichRequests(s)).toBeLessThan(30);
      expect(s.sim.ledger).toHaveLength(0);
      expect(s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs).toEqual([]);
      expect(s.addOn.emulator.spreadsheet.sheetNames().filter((n) => n.startsWith('KYB'))).toEqual([]);
    });

    it('should stop a running job when gu1 deactivates an integration midway, keeping the rows written, sending nothing more', () => {
      let ref: Gu1Scenario | undefined;
      // The 20th request takes the run past its budget: the rest is left to the trigger.
      const s = givenGu1({
        entities: gu1Ids(40),
        sim: { notActiveStatus: status },
        wrap: onNthRequest((n) => n === 20 && ref!.addOn.emulator.clock.advance(245_000)),
      });
      ref = s;
      sheet(s, 40);
      const r = submit(s, { integrationCodes: [AFIP, CNPJ], waveSize: 10 });
      expect(r.job.state).toBe('FETCHING');
      const written = tabObjects(s.addOn, r.job.tabs['results']!).length;
      expect(written).toBeGreaterThan(0);
      s.sim.enable(CNPJ, false);
      const before = enrichRequests(s);
      s.addOn.runDueTriggers(HOUR);
      const stopped = s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs[0]!;
      expect(stopped.state).toBe('FAILED');
      expect(stopped.lastError).toMatch(new RegExp(`${CNPJ} is not active`));
      expect(stopped.lastError).not.toMatch(/could not find/);
      expect(stopped.lastError).toMatch(/rows written before it stopped are kept/);
      // One wave met the refusal and was the last one sent: later runs send nothing.
      const after = enrichRequests(s);
      expect(after).toBeGreaterThan(before);
      s.addOn.runDueTriggers(HOUR);
      expect(enrichRequests(s)).toBe(after);
      // The rows written before stay as they were; the refused wave wrote nothing.
      expect(tabObjects(s.addOn, stopped.tabs['results']!)).toHaveLength(written);
      expect(billedTwice(s)).toEqual([]);
    });
  });

  describe('a 422 with partial data', () => {
    it('should write the results it carries, count their cost, mark the failed ones, and bill nothing twice', () => {
      const s = givenGu1({ entities: gu1Ids(6), sim: { partialAs422: true } });
      s.sim.failResult('CUST-0002', CNPJ, { code: 'SOURCE_TIMEOUT', message: 'Receita Federal did not answer', retryable: true });
      s.sim.failResult('CUST-0005', AFIP, { code: 'COUNTRY_NOT_SUPPORTED', message: 'AFIP covers AR only', retryable: false });
      sheet(s, 6);
      const r = submit(s, { integrationCodes: [AFIP, CNPJ] });
      expect(r.job.state).toBe('DONE');
      const rows = tabObjects(s.addOn, r.job.tabs['results']!);
      expect(rows).toHaveLength(12);
      const of = (id: string, code: string) => rows.find((x) => x['external_id'] === id && x['integration_code'] === code)!;
      // The successful half of a 422 row is a result like any other, with its cost.
      expect(of('CUST-0002', AFIP)).toMatchObject({ success: true, cost_cents: 45 });
      expect(of('CUST-0002', CNPJ)).toMatchObject({ success: false, error_code: 'SOURCE_TIMEOUT' });
      expect(of('CUST-0005', AFIP)).toMatchObject({ success: false, error_code: 'COUNTRY_NOT_SUPPORTED' });
      expect(of('CUST-0005', CNPJ)).toMatchObject({ success: true, cost_cents: 80 });
      // What the job counts is what gu1 billed, and each row went out once.
      expect(r.job.counts['costCents']).toBe(s.sim.billedCents());
      expect(r.job.counts).toMatchObject({ rowsFailed: 2, resultsFailed: 2, resultsOk: 10 });
      expect(enrichRequests(s)).toBe(6);
      expect(billedTwice(s)).toEqual([]);
    });
  });
});
