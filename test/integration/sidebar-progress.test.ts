/**
 * Progress while the sidebar is open (issue 16), through the built bundle: `advanceJobs` answers
 * `now` while a job has work, `wait` with a growing gate while jobs only wait on a provider (and
 * then costs no Properties or UrlFetch call), and `busy` at once when another execution holds
 * the lock.
 */
import type { SimRequest } from '../../emulator/apis/types';
import { COMPANY_HEADER, DOMAIN_HEADER, GU1_HEADER, companyRows, domainRows } from '../harness/scenarios';
import { enrichmentOptions } from '../harness/scenarios';
import { givenCompanies, givenGu1, givenOpenProspect, givenOpenmart, gu1Ids, gu1Rows } from '../harness/scenarios';
import { keepSidebarOpen, type AdvanceAnswer } from '../harness/sidebar';
import { jobById } from './openmart-helpers';

const HOUR = 3_600_000;

describe('sidebar progress (built bundle)', () => {
  it('should answer "now" while a gu1 run has rows left and finish it without the trigger', () => {
    const s = givenGu1({ entities: gu1Ids(1500), sim: { concurrencyLimit: 10 } });
    s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(1500)]);
    // A limit of 10 and waves of ~3 s: the submit call leaves rows for later slices.
    const r = s.addOn.rpc<{ job: { id: string; state: string } }>('submitGu1', {
      source: { sheetName: 'Clients' },
      mapping: { external_id: 0 },
      options: { title: 'Live', integrationCodes: ['ar_afip_enrichment'] },
      confirmed: true,
    });
    expect(r.job.state).toBe('FETCHING');
    const open = keepSidebarOpen(s.addOn, HOUR, () => jobById(s.addOn, r.job.id).state === 'DONE');
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    expect(open.triggerRuns).toBe(0);
    const last = open.answers[open.answers.length - 1] as AdvanceAnswer;
    expect(open.answers.slice(0, -1).every((a) => a.next === 'now')).toBe(true);
    expect(last.next).toBe('wait');
    expect(s.sim.ledger).toHaveLength(1500);
  });

  it('should ask OpenProspect about a waiting order at most 12 times an hour, and gated answers cost no Properties call', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(5));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Review'),
    });
    // In admin review for hours already when the sidebar is opened.
    s.addOn.runDueTriggers(3 * HOUR);
    const em = s.addOn.emulator;
    const fetches = em.counters.get('UrlFetchApp.requests');
    const open = keepSidebarOpen(s.addOn, HOUR);
    expect(em.counters.get('UrlFetchApp.requests') - fetches).toBeLessThanOrEqual(12);
    expect(open.answers.every((a) => a.next === 'wait')).toBe(true);
    // Between polls: answered from the caches.
    const props = em.counters.get('properties');
    const stamp = open.answers.find((a) => a.view)?.view?.stamp;
    expect(stamp).toBeDefined();
    const gated = s.addOn.rpc<AdvanceAnswer>('advanceJobs', { since: stamp });
    expect(gated.next).toBe('wait');
    expect(em.counters.get('properties')).toBe(props);
  });

  it('should grow the wait while nothing changes and start again at 30 s after a change', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(5));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Grow'),
    });
    const open = keepSidebarOpen(s.addOn, 20 * 60_000);
    const polled = open.answers.filter((a, i) => i === 0 || a.waitMs >= 30_000).map((a) => a.waitMs);
    expect(Math.max(...polled)).toBe(300_000);
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'COMPLETED');
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Second'),
    });
    // The submit changed the jobs: the next call polls at once and the wait starts again.
    const after = s.addOn.rpc<AdvanceAnswer>('advanceJobs', {});
    expect(after.next === 'now' || after.waitMs === 30_000).toBe(true);
  });

  it('should answer "busy" at once while another execution holds the document lock', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(5));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Busy'),
    });
    const em = s.addOn.emulator;
    em.locks.holdLock('document', em.clock.now() + 120_000);
    const t0 = em.clock.now();
    const fetches = em.counters.get('UrlFetchApp.requests');
    const a = s.addOn.rpc<AdvanceAnswer>('advanceJobs', {});
    expect(a.next).toBe('busy');
    expect(em.clock.now() - t0).toBeLessThan(2_000);
    expect(em.counters.get('UrlFetchApp.requests')).toBe(fetches);
  });

  it('should ask a few processing Openmart batches per look in turn, then all of them once one is ready', () => {
    // 20 batches of 100 rows that take 2 hours; status requests counted per batch.
    const asked: string[][] = [];
    const s = givenOpenmart({
      wrap: (h) => ({
        handle(req: SimRequest) {
          const m = /\/task\/batch\/([^/]+)\/status$/.exec(req.path);
          if (m) asked[asked.length - 1]?.push(decodeURIComponent(m[1] as string));
          return h.handle(req);
        },
      }),
    });
    s.sim.autoComplete({ afterMs: 2 * HOUR });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(2_000)]);
    const options = { title: 'Turns', role: 'Owner', max_k: 1 };
    const submit = { operation: 'find_people', source: { sheetName: 'Leads' }, options, confirmCredits: true };
    const r = s.addOn.rpc<{ job: { id: string } }>('submitOpenmartBatch', submit);
    const em = s.addOn.emulator;
    const original = em.execution.run.bind(em.execution);
    em.execution.run = ((kind, fn, opts) => {
      asked.push([]);
      return original(kind, fn, opts);
    }) as typeof em.execution.run;
    const fetches = em.counters.get('UrlFetchApp.requests');
    keepSidebarOpen(s.addOn, HOUR);
    const looks = asked.filter((a) => a.length > 0);
    // A full look at most once in the hour (45 min after the submit's), 4 batches in turn otherwise.
    expect(looks.filter((a) => a.length === 20).length).toBeLessThanOrEqual(1);
    expect(looks.filter((a) => a.length < 20).every((a) => a.length === 4)).toBe(true);
    expect(new Set(looks.flat()).size).toBe(20);
    expect(em.counters.get('UrlFetchApp.requests') - fetches).toBeLessThan((20 * looks.length) / 3);
    // Once they are ready, one look finds one and asks the rest: the job ends within minutes.
    keepSidebarOpen(s.addOn, HOUR + 10 * 60_000, () => jobById(s.addOn, r.job.id).state === 'DONE');
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    expect(em.clock.now() - Math.max(...s.sim.tasks().map((t) => t.createdAt)) - 2 * HOUR).toBeLessThan(4 * 60_000);
  });
});
