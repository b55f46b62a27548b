/**
 * Pay once (issue 13), through the built bundle: against providers that do the work and then
 * answer an error ("committed, then error"), no paid request is sent twice, the job counts what
 * was billed, caps hold against what the simulator billed, long waits are answered at once, and
 * the trailing-slash redirect on POST /orders/ is followed once.
 */
import type { FaultRule } from '../../emulator/apis/faults';
import {
  COMPANY_HEADER,
  DOMAIN_HEADER,
  GU1_HEADER,
  companyRows,
  domainRows,
  enrichmentOptions,
  givenCompanies,
  givenGu1,
  givenOpenProspect,
  givenOpenmart,
  gu1Ids,
  gu1Rows,
  tabObjects,
} from '../harness/scenarios';
import type { JobView } from '../../src/app/job-view';

const HOUR = 3_600_000;
const GATEWAY = [500, 502, 503, 504, 408];
const TWO_CODES = ['ar_afip_enrichment', 'br_cpfcnpj_complete_company_enrichment'];

function jobsOf(addOn: { rpc<T>(name: string, ...args: unknown[]): T }): JobView[] {
  return addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

describe('pay once (built bundle)', () => {
  describe('Openmart batch submits: committed, then error', () => {
    const OPS: Array<[string, Record<string, unknown>]> = [
      ['find_people', { role: 'Owner', max_k: 1 }],
      ['find_tech', { tech_type: 'shopify' }],
      ['lookup_business_email', {}],
      ['lookup_people', {}],
    ];
    for (const status of GATEWAY) {
      it.each(OPS)(
        `should hold one %s batch at Openmart after a committed-then-${status} submit, mark its rows unknown and offer a resubmit`,
        (op, options) => {
          const s = givenOpenmart({ faults: [{ method: 'POST', pathIncludes: `/task/batch/${op}`, nth: 1, committed: status }] });
          s.addOn.emulator.spreadsheet.givenSheet('Leads', [
            [...DOMAIN_HEADER, 'First name', 'Last name'],
            ...domainRows(40).map((r, i) => [...r, `Ann${i}`, `Lee${i}`]),
          ]);
          const r = s.addOn.rpc<{ job: JobView }>('submitOpenmartBatch', {
            operation: op,
            source: { sheetName: 'Leads' },
            options: { title: 'Gateway', ...options },
            confirmCredits: true,
          });
          for (let i = 0; i < 3; i++) s.addOn.runDueTriggers(HOUR);
          expect(s.sim.batches()).toHaveLength(1);
          const posts = s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && e.url.includes('/task/batch/'));
          expect(posts.map((p) => p.status)).toEqual([status]);
          const job = jobsOf(s.addOn).find((j) => j.id === r.job.id) as JobView;
          expect(job.counts['unknownRows']).toBe(40);
          const tab = Object.values(job.tabs)[0] as string;
          expect(tabObjects(s.addOn, tab).every((x) => x['status'] === 'SUBMITTED_OUTCOME_UNKNOWN')).toBe(true);
          const ask = s.addOn.rpc<{ resubmitted: boolean; rows: number; warning: string }>('resubmitOpenmartRows', { jobId: r.job.id });
          expect(ask).toMatchObject({ resubmitted: false, rows: 40 });
          expect(ask.warning).toMatch(/bill them twice/);
          expect(s.sim.batches()).toHaveLength(1);
        },
      );
    }
  });

  describe('gu1 enrichment: committed, then error', () => {
    function run(faults: FaultRule[], options: Record<string, unknown>, rows = 12) {
      const s = givenGu1({ entities: gu1Ids(rows), faults });
      s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(rows)]);
      s.addOn.rpc('submitGu1', {
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        options: { title: 'KYB', integrationCodes: TWO_CODES, ...options },
        confirmed: true,
      });
      for (let i = 0; i < 6 && jobsOf(s.addOn).some((j) => j.state !== 'DONE' && j.state !== 'FAILED'); i++) s.addOn.runDueTriggers(HOUR);
      const job = jobsOf(s.addOn)[0] as JobView;
      return { s, job, ledger: s.sim.ledger.map((l) => `${l.externalId}|${l.integrationCode}|${l.forceRefresh}`) };
    }

    it.each([503, 408, 502, 504, 500])(
      'should bill a Force refresh row answered committed-then-%i once, re-send it without forceRefresh, and count it as "up to"',
      (status) => {
        const { s, job, ledger } = run([{ method: 'POST', nth: [2, 5], committed: status }], { forceRefresh: true });
        expect(job.state).toBe('DONE');
        expect(new Set(ledger).size).toBe(ledger.length);
        expect(ledger).toHaveLength(12 * 2);
        const billed = s.sim.billedCents();
        const cost = job.counts['costCents'] ?? 0;
        const maybe = job.counts['maybeBilledCents'] ?? 0;
        expect(cost).toBeLessThanOrEqual(billed);
        expect(billed).toBeLessThanOrEqual(cost + maybe);
        expect(maybe).toBeGreaterThan(0);
        // The re-sends went without forceRefresh, so gu1's cache answered them.
        const bodies = s.addOn.emulator.http.log
          .filter((e) => e.method === 'POST')
          .map((e) => JSON.parse(e.body ?? '{}') as { externalId: string; parameters?: { forceRefresh?: boolean } });
        const sent = (id: string) => bodies.filter((b) => b.externalId === id).map((b) => b.parameters?.forceRefresh === true);
        expect(sent('CUST-0002')).toEqual([true, false]);
        expect(sent('CUST-0005')).toEqual([true, false]);
        expect(tabObjects(s.addOn, 'KYB - gu1').filter((x) => x['success'] === true)).toHaveLength(24);
      },
    );

    it('should never let what gu1 billed pass the cost cap, faults and all', () => {
      // 125 cents a row; a cap of 10.00 covers 8 rows.
      const faults: FaultRule[] = [{ method: 'POST', every: 3, committed: 502 }];
      const { s, job } = run(faults, { forceRefresh: true, costCap: 10 }, 20);
      expect(s.sim.billedCents()).toBeLessThanOrEqual(1_000);
      expect(job.counts['costCents'] ?? 0).toBeLessThanOrEqual(s.sim.billedCents());
      expect(s.sim.billedCents()).toBeLessThanOrEqual((job.counts['costCents'] ?? 0) + (job.counts['maybeBilledCents'] ?? 0));
      expect(job.warnings.join(' ')).toMatch(/cost cap/);
    });

    it('should count a wave whose run was killed mid-wave (Force refresh off) as "up to" cost', () => {
      // 14 rows: the killed first wave of 10 is answered from gu1's cache (cost 0) when re-sent; the
      // second wave's fresh answers teach the price its "up to" is counted at.
      let kill = true;
      const s = givenGu1({
        entities: gu1Ids(14),
        wrap: (h) => ({
          handle(req) {
            const out = h.handle(req);
            // The first wave reaches gu1 (billed), then the execution dies before it saves the answers.
            if (kill && req.method === 'POST') {
              kill = false;
              s.addOn.emulator.clock.advance(7 * 60_000);
            }
            return out;
          },
        }),
      });
      s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(14)]);
      try {
        s.addOn.rpc('submitGu1', {
          source: { sheetName: 'Clients' },
          mapping: { external_id: 0 },
          options: { title: 'KYB', integrationCodes: TWO_CODES },
          confirmed: true,
        });
      } catch {
        // killed by the time limit
      }
      for (let i = 0; i < 4 && jobsOf(s.addOn).some((j) => j.state !== 'DONE'); i++) s.addOn.runDueTriggers(HOUR);
      const job = jobsOf(s.addOn)[0] as JobView;
      const billed = s.sim.billedCents();
      expect(job.state).toBe('DONE');
      expect(billed).toBeGreaterThan(job.counts['costCents'] ?? 0);
      expect(billed).toBeLessThanOrEqual((job.counts['costCents'] ?? 0) + (job.counts['maybeBilledCents'] ?? 0));
      expect(job.history.map((h) => h.text).join(' ')).toMatch(/plus up to/);
    });
  });

  describe('OpenProspect order creation', () => {
    it('should re-send an order POST answered committed-then-502 with the same Idempotency-Key and end with one order', () => {
      const s = givenOpenProspect({ faults: [{ method: 'POST', pathIncludes: '/orders', nth: 1, committed: 502 }] });
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(30));
      s.addOn.rpc('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: enrichmentOptions('Once'),
      });
      const posts = s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && e.url.includes('/orders'));
      expect(posts.map((p) => p.status)).toEqual([502, 202]);
      expect(new Set(posts.map((p) => p.headers['idempotency-key'])).size).toBe(1);
      expect(posts[0]?.body).toBe(posts[1]?.body);
      expect(s.sim.orders()).toHaveLength(1);
      expect(s.sim.counts.idempotentReplays).toBe(1);
    });

    it('should follow a 307 from POST /orders/ to /orders once, with the same body and key, and create one order', () => {
      const s = givenOpenProspect({ sim: { slashRedirect: { canonical: 'no-slash', status: 307 } } });
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(5));
      s.addOn.rpc('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: enrichmentOptions('Slash'),
      });
      const posts = s.addOn.emulator.http.log.filter((e) => e.method === 'POST');
      expect(posts.map((p) => `${p.status} ${new URL(p.url).pathname}`)).toEqual(['307 /api/v1/orders/', '202 /api/v1/orders']);
      expect(posts[0]?.body).toBe(posts[1]?.body);
      expect(posts[0]?.headers['idempotency-key']).toBe(posts[1]?.headers['idempotency-key']);
      expect(s.sim.orders()).toHaveLength(1);
    });

    it('should never re-send a POST redirected elsewhere, and name the base URL', () => {
      const s = givenOpenProspect({ sim: { slashRedirect: { canonical: 'no-slash', status: 308, origin: 'https://proxy.example' } } });
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(5));
      expect(() =>
        s.addOn.rpc('submitEnrichment', {
          source: { sheetName: 'Leads' },
          mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
          options: enrichmentOptions('Moved'),
        }),
      ).toThrow(/redirected to https:\/\/proxy\.example\/api\/v1\/orders.*base URL in Settings \(now https:\/\/api\.openprospect\.io\/api\/v1\)/);
      expect(s.addOn.emulator.http.log.filter((e) => e.method === 'POST')).toHaveLength(1);
      expect(s.sim.orders()).toHaveLength(0);
    });
  });

  describe('prices before and after', () => {
    it('should say OpenProspect prices at review before the submit, and show its estimated_cost in Jobs once the order carries one', () => {
      const s = givenOpenProspect();
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(10));
      const preview = s.addOn.rpc<{ cost: string }>('previewEnrichment', { source: { sheetName: 'Leads' } });
      expect(preview.cost).toMatch(/priced by OpenProspect at review/);
      expect(s.addOn.rpc<{ cost: string }>('getOpenProspectFormInfo').cost).toBe(preview.cost);
      const r = s.addOn.rpc<{ job: JobView }>('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: enrichmentOptions('Priced'),
      });
      expect(r.job.cost).toMatch(/^Cost: priced by OpenProspect at review/);
      const order = s.sim.orders()[0];
      s.sim.setEstimatedCost(order?.id ?? '', { total: 12.5, currency: 'EUR' });
      s.addOn.runDueTriggers(HOUR);
      expect(jobsOf(s.addOn)[0]?.cost).toBe('Cost: estimated by OpenProspect at 12.50 EUR.');
    });

    it("should report a gu1 run's cost with its unit named, and an Openmart job's unit", () => {
      const s = givenGu1({ entities: gu1Ids(2) });
      s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(2)]);
      const r = s.addOn.rpc<{ job: JobView }>('submitGu1', {
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        options: { title: 'KYB', integrationCodes: TWO_CODES },
        confirmed: true,
      });
      expect(r.job.cost).toBe("Cost: 2.50 in your gu1 account's currency.");
      const om = givenOpenmart();
      om.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
      const j = om.addOn.rpc<{ job: JobView; estimate: { credits: number } }>('submitOpenmartBatch', {
        operation: 'find_people',
        source: { sheetName: 'Leads' },
        options: { title: 'P', role: 'Owner' },
        confirmCredits: true,
      });
      expect(j.estimate.credits).toBeGreaterThan(0);
      expect(j.job.cost).toMatch(/Openmart credits/);
    });
  });

  describe('submit again?', () => {
    const enrich = (title: string, extra: Record<string, unknown> = {}) => ({
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions(title),
      ...extra,
    });

    it('should ask before an OpenProspect enrichment with the same title and rows as one started in the last 24 hours, and send it on "again"', () => {
      const s = givenOpenProspect();
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(8));
      s.addOn.rpc('submitEnrichment', enrich('Twice'));
      expect(() => s.addOn.rpc('submitEnrichment', enrich('Twice'))).toThrow(
        /^(Error: )?Submit again\? A job "Twice" with the same rows was started at \d\d:\d\d \(Europe\/Berlin\), less than 24 hours ago/,
      );
      expect(s.sim.orders()).toHaveLength(1);
      expect(jobsOf(s.addOn)).toHaveLength(1);
      // Another title is another job; "again" sends the same one once more.
      s.addOn.rpc('submitEnrichment', enrich('Twice, for the other team'));
      s.addOn.rpc('submitEnrichment', enrich('Twice', { again: true }));
      expect(s.sim.orders()).toHaveLength(3);
      // A day later it no longer asks.
      s.addOn.emulator.clock.advance(24 * HOUR + 60_000);
      s.addOn.rpc('submitEnrichment', enrich('Twice'));
      expect(s.sim.orders()).toHaveLength(4);
    });

    it('should ask before a repeated Discovery order, and before an Openmart batch and a gu1 run with the same rows', () => {
      const op = givenOpenProspect();
      const form = {
        title: 'Hotels',
        features: ['COMPANY_DATA'],
        ideal_customer_profile: 'Independent hotels',
        seller_offering: 'Software',
        target_countries: 'DE',
        briefing_quantity: 10,
        output_language: 'en',
      };
      op.addOn.rpc('submitDiscovery', form);
      expect(() => op.addOn.rpc('submitDiscovery', form)).toThrow(/Submit again\?/);
      op.addOn.rpc('submitDiscovery', { ...form, again: true });
      expect(op.sim.orders()).toHaveLength(2);

      const om = givenOpenmart();
      om.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(5)]);
      const batch = { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'P', role: 'Owner' }, confirmCredits: true };
      om.addOn.rpc('submitOpenmartBatch', batch);
      expect(() => om.addOn.rpc('submitOpenmartBatch', batch)).toThrow(/Submit again\?/);
      expect(om.sim.batches()).toHaveLength(1);

      const g = givenGu1({ entities: gu1Ids(2) });
      g.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(2)]);
      const run = { source: { sheetName: 'Clients' }, mapping: { external_id: 0 }, options: { title: 'KYB', integrationCodes: TWO_CODES }, confirmed: true };
      g.addOn.rpc('submitGu1', run);
      expect(() => g.addOn.rpc('submitGu1', run)).toThrow(/Submit again\?/);
      expect(g.sim.requests).toHaveLength(2);
    });
  });

  describe('Openmart search and enrich: committed, then error', () => {
    it('should mark a website whose enrich_company answer was a gateway error "outcome unknown" and never look it up again', () => {
      const s = givenOpenmart({ faults: [{ method: 'POST', pathIncludes: '/enrich_company', nth: 2, committed: 502 }] });
      s.addOn.emulator.spreadsheet.givenSheet('Sites', [['Company', 'Website'], ...[1, 2, 3].map((i) => [`Shop ${i}`, `https://www.shop-${i}.example.com/`])]);
      const r = s.addOn.rpc<{ job: JobView }>('submitOpenmartEnrich', { source: { sheetName: 'Sites' }, options: { title: 'Sites' }, confirmCredits: true });
      for (let i = 0; i < 3; i++) s.addOn.runDueTriggers(HOUR);
      const posts = s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && e.url.includes('/enrich_company'));
      expect(posts).toHaveLength(3);
      const job = jobsOf(s.addOn).find((j) => j.id === r.job.id) as JobView;
      expect(job.state).toBe('DONE');
      expect(job.counts['unknownRows']).toBe(1);
      expect(job.warnings.join(' ')).toMatch(/outcome unknown.*bill them twice/);
      const rows = tabObjects(s.addOn, 'Sites - Businesses');
      expect(rows.filter((x) => x['status'] === 'SUBMITTED_OUTCOME_UNKNOWN')).toHaveLength(1);
    });

    it('should stop a search at a page answered committed-then-504 instead of asking (and billing) again', () => {
      const s = givenOpenmart({ sim: { businesses: 3_000 }, faults: [{ method: 'POST', pathIncludes: '/api/v1/search', nth: 2, committed: 504 }] });
      const r = s.addOn.rpc<{ job: JobView }>('submitOpenmartSearch', { form: { title: 'Salons', query: 'hair salons', count: 250 }, confirmCredits: true });
      s.addOn.runDueTriggers(HOUR);
      const posts = s.addOn.emulator.http.log.filter((e) => e.method === 'POST' && e.url.includes('/api/v1/search'));
      expect(posts.map((p) => p.status)).toEqual([200, 504]);
      const job = jobsOf(s.addOn).find((j) => j.id === r.job.id) as JobView;
      expect(job.state).toBe('DONE');
      expect(job.warnings.join(' ')).toMatch(/may have billed it.*100 row\(s\) fetched before/);
      expect(tabObjects(s.addOn, 'Salons - Businesses')).toHaveLength(100);
    });
  });
});
