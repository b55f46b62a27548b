/**
 * OpenProspect end to end through the built bundle: sidebar RPCs and trigger runs in the vm,
 * against the simulator behind the emulated UrlFetchApp.
 */
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, tabObjects } from '../harness/scenarios';
import type { EnrichmentPreview as Preview, JobView, SubmitResult } from '../../src/app/contract';

// Installed as an add-on, the poller may run at most hourly.
const HOUR = 60 * 60_000;

function jobs(s: { addOn: { rpc<T>(n: string, ...a: unknown[]): T } }): JobView[] {
  return s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

describe('OpenProspect enrichment (built bundle)', () => {
  it('should take 3 rows without ids to COMPLETED and into both tabs keyed by external_id', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    const preview = s.addOn.rpc<Preview>('previewEnrichment', { source: { sheetName: 'Leads' } });
    expect(preview.mapping).toEqual({ company_name: 0, website_url: 1, city: 2, country: 3 });
    expect(preview).toMatchObject({ validCount: 3, invalidCount: 0, idsToGenerate: 3, orders: 1 });

    const submitted = s.addOn.rpc<SubmitResult>('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: preview.mapping,
      options: enrichmentOptions('Q1 Hotels'),
    });
    expect(submitted.idsGenerated).toBe(3);
    expect(submitted.job.state).toBe('WAITING');

    // The ids were written back into a new external_id column before anything was sent.
    const leads = s.addOn.emulator.spreadsheet.sheetValues('Leads');
    expect(leads[0]).toEqual([...COMPANY_HEADER, 'external_id']);
    const ids = leads.slice(1).map((r) => r[4] as string);
    expect(new Set(ids).size).toBe(3);
    expect(leads.slice(1).map((r) => r.slice(0, 4))).toEqual(companyRows(3));

    const order = s.sim.orders()[0]!;
    expect(s.sim.orders()).toHaveLength(1);
    expect(order.sourceIds).toEqual(ids);
    expect(s.addOn.emulator.triggers.list().map((t) => t.handlerFunction)).toEqual(['tick']);

    s.sim.advance(order.id, 'IN_PROGRESS');
    expect(s.addOn.runDueTriggers(HOUR)).toBe(1);
    expect(jobs(s)[0]!.state).toBe('WAITING');
    s.sim.advance(order.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);

    const job = jobs(s)[0]!;
    expect(job.state).toBe('DONE');
    expect(job.progress.percent).toBe(100);
    const expected = s.sim.visibleResults(order.id);
    const companies = tabObjects(s.addOn, job.tabs['companies']!);
    expect(companies.map((c) => c['external_id']).sort()).toEqual([...ids].sort());
    for (const c of companies) {
      const src = expected.find((e) => e.source_id === c['external_id'])!;
      expect(c['name']).toBe(src.name);
    }
    const prospects = tabObjects(s.addOn, job.tabs['prospects']!);
    const expectedProspects = expected.flatMap((e) => e.prospects.map((p) => ({ id: p.id, company: e.source_id })));
    expect(prospects).toHaveLength(expectedProspects.length);
    for (const p of expectedProspects) {
      const row = prospects.find((r) => Object.values(r).includes(p.id))!;
      expect(Object.values(row)).toContain(p.company);
    }
    // Nothing open: the poll trigger is gone.
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
  });

  it('should show every invalid row with its reason and send only valid rows', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, [...companyRows(2), ['', 'https://no-name.example', 'Berlin', 'Germany'], ['x'.repeat(501), '', '', '']]);
    const preview = s.addOn.rpc<Preview>('previewEnrichment', { source: { sheetName: 'Leads' } });
    expect(preview.validCount).toBe(2);
    expect(preview.invalid.map((r) => r.rowNumber)).toEqual([4, 5]);
    expect(preview.invalid[0]!.reasons.join(' ')).toMatch(/Row 4: company name is empty/);
    expect(preview.invalid[1]!.reasons.join(' ')).toMatch(/Row 5: .*500 characters/);
    const r = s.addOn.rpc<SubmitResult>('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: preview.mapping,
      options: enrichmentOptions('Partial'),
    });
    expect(r.invalidCount).toBe(2);
    expect(s.sim.orders()[0]!.sourceIds).toHaveLength(2);
  });

  it('should refuse bad options without writing or sending anything', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
    const before = s.addOn.emulator.spreadsheet.sheetValues('Leads');
    expect(() =>
      s.addOn.rpc('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { company_name: 0 },
        options: { title: '', features: ['NOPE'], profile_name: 'a', profile_id: 'b' },
      }),
    ).toThrow(/title|feature|profile/i);
    expect(s.addOn.emulator.spreadsheet.sheetValues('Leads')).toEqual(before);
    expect(s.sim.orders()).toHaveLength(0);
  });

  it('should say where to set the key when none is saved', () => {
    const s = givenOpenProspect({ saveKey: false });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
    expect(() => s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('X') })).toThrow(
      /No OpenProspect API key is saved.*Settings/,
    );
  });

  it('should split 25,000 rows into 3 orders and survive a 502 on the second POST without a duplicate', () => {
    const s = givenOpenProspect({ faults: [{ method: 'POST', pathIncludes: '/orders', nth: 2, status: 502 }] });
    givenCompanies(s.addOn, 'Big', COMPANY_HEADER, companyRows(25_000));
    const r = s.addOn.rpc<SubmitResult>('submitEnrichment', {
      source: { sheetName: 'Big' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Big list'),
    });
    expect(r.job.state).toBe('WAITING');
    const orders = s.sim.orders();
    expect(orders).toHaveLength(3);
    expect(orders.map((o) => o.sourceIds.length)).toEqual([10_000, 10_000, 5_000]);
    const all = orders.flatMap((o) => o.sourceIds);
    expect(new Set(all).size).toBe(25_000);
    // Four POSTs left the add-on; the 502 one never reached the server, and its retry carried the same key.
    const posts = s.addOn.emulator.http.log.filter((q) => q.method === 'POST');
    expect(posts.map((p) => p.status)).toEqual([202, 502, 202, 202]);
    const keyOf = (p: { headers: Record<string, string> }): string | undefined =>
      Object.entries(p.headers).find(([k]) => k.toLowerCase() === 'idempotency-key')?.[1];
    expect(keyOf(posts[1]!)).toBe(keyOf(posts[2]!));
    expect(s.faults.faultsFired).toHaveLength(1);
    expect(new Set(orders.map((o) => o.idempotencyKey)).size).toBe(3);
  });

  it('should end a REJECTED order with the server message', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
    s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Nope') });
    s.sim.advance(s.sim.orders()[0]!.id, 'REJECTED', { reason: 'Companies outside the supported regions' });
    s.addOn.runDueTriggers(HOUR);
    const job = jobs(s)[0]!;
    expect(job.state).toBe('REJECTED');
    expect(job.lastError).toMatch(/Companies outside the supported regions/);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
  });

  it('should write hostile values as literal text', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(60));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Hostile'),
    });
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);
    const job = jobs(s)[0]!;
    expect(job.state).toBe('DONE');
    const results = s.sim.visibleResults(order.id);
    const strings = results.flatMap((c) => [c.name, c.description ?? '', ...(c.phone_numbers ?? [])]);
    expect(strings.some((t) => t.startsWith('='))).toBe(true);
    expect(strings.some((t) => t.startsWith('+'))).toBe(true);
    const tab = job.tabs['companies']!;
    const formulas = s.addOn.emulator.spreadsheet
      .sheetFormulas(tab)
      .flat()
      .filter((f) => f !== '');
    expect(formulas).toEqual([]);
    const cells = s.addOn.emulator.spreadsheet.sheetValues(tab).flat();
    // Postal codes keep their leading zero.
    const zeroCodes = results
      .map((c) => (c as { postal_code?: string | null }).postal_code)
      .filter((p): p is string => typeof p === 'string' && p.startsWith('0'));
    expect(zeroCodes.length).toBeGreaterThan(0);
    for (const z of zeroCodes) expect(cells).toContain(z);
    // Job titles like "- Head of Sales" stay text in the Prospects tab.
    const titles = results.flatMap((c) => c.prospects.map((p) => p.job_title ?? '')).filter((t) => /^[-+=@]/.test(t));
    expect(titles.length).toBeGreaterThan(0);
    const prospectCells = s.addOn.emulator.spreadsheet.sheetValues(job.tabs['prospects']!).flat();
    for (const t of titles) expect(prospectCells).toContain(t);
    expect(
      s.addOn.emulator.spreadsheet
        .sheetFormulas(job.tabs['prospects']!)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    for (const c of results) {
      if (c.name.startsWith('=')) expect(cells).toContain(c.name);
      if ((c.description ?? '').startsWith('=')) expect(cells).toContain(c.description);
      for (const p of c.phone_numbers ?? []) if (p.startsWith('+')) expect(cells.some((v) => typeof v === 'string' && v.includes(p))).toBe(true);
      if ((c.description ?? '').length > 50_000) expect(cells.some((v) => typeof v === 'string' && v.length <= 50_000 && v.includes('truncated'))).toBe(true);
    }
  });
});

describe('the poller (built bundle)', () => {
  it('should heal itself: opening the Jobs view recreates a missing trigger while jobs are open', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
    s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Heal') });
    const [trigger] = s.addOn.emulator.triggers.list();
    // Apps Script may disable a failing trigger; the user may delete it.
    s.addOn.emulator.execution.run('rpc', () => {
      const t = s.addOn.emulator.gas.ScriptApp.getProjectTriggers().find((x) => x.getUniqueId() === trigger!.id)!;
      s.addOn.emulator.gas.ScriptApp.deleteTrigger(t);
    });
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
    const view = s.addOn.rpc<{ notice: string | null; triggerPresent: boolean; lastPollAt: number | null }>('listJobs');
    expect(view.notice).toMatch(/Background checks were off.*back on/);
    expect(view.triggerPresent).toBe(true);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(1);
    // Opening the sidebar from the menu heals it too, and says so.
    s.addOn.emulator.execution.run('rpc', () => {
      for (const t of s.addOn.emulator.gas.ScriptApp.getProjectTriggers()) s.addOn.emulator.gas.ScriptApp.deleteTrigger(t);
    });
    s.addOn.call('menu', 'showSidebar');
    expect(s.addOn.emulator.triggers.list()).toHaveLength(1);
    expect(s.addOn.emulator.ui.toasts.at(-1)!.msg).toMatch(/Background checks were off while jobs were open; they are back on/);
    const before = s.addOn.emulator.clock.now();
    s.addOn.runDueTriggers(60 * 60_000);
    const last = s.addOn.rpc<{ lastPollAt: number | null }>('listJobs').lastPollAt!;
    expect(last).toBeGreaterThanOrEqual(before + 60 * 60_000);
    expect(last).toBeLessThanOrEqual(s.addOn.emulator.clock.now());
  });
});

describe('staying inside Google quotas (built bundle)', () => {
  it('should count UrlFetch calls, and pause jobs until tomorrow when the daily quota is nearly used', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
    s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Quota') });
    const counted = s.addOn.rpc<{ urlFetchToday: number; urlFetchLimit: number }>('getQuota');
    expect(counted.urlFetchToday).toBe(s.addOn.emulator.counters.get('UrlFetchApp.requests'));
    expect(counted.urlFetchLimit).toBe(20_000);

    // Another script of this user spent most of today's quota.
    const day = new Date(s.addOn.emulator.clock.now()).toISOString().slice(0, 10);
    s.addOn.emulator.execution.run('rpc', () =>
      s.addOn.emulator.gas.PropertiesService.getUserProperties().setProperty('quota.usage', JSON.stringify({ day, urlFetch: 18_950, triggerMs: 0 })),
    );
    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    const before = s.addOn.emulator.http.log.length;
    s.addOn.call('menu', 'refreshJobsNow');
    expect(s.addOn.emulator.http.log.length).toBe(before);
    const job = jobs(s)[0]!;
    expect(job.state).toBe('WAITING');
    expect(job.lastError).toMatch(/UrlFetch quota for today.*continues tomorrow/);
    expect(new Date(job.resumeAt!).toISOString()).toMatch(/T00:00:00.000Z$/);
  });

  it('should pause instead of failing when Apps Script refuses UrlFetch for the day', () => {
    const s = givenOpenProspect({ emulator: { accountType: 'consumer' } });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
    s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Refused') });
    // The emulator's own daily counter (shared by all the user's scripts) runs out.
    for (let i = 0; i < 20_001; i++) {
      try {
        s.addOn.emulator.gas.UrlFetchApp.fetch('https://api.openprospect.io/api/v1/auth/validate', { muteHttpExceptions: true });
      } catch {
        break;
      }
    }
    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    s.addOn.call('menu', 'refreshJobsNow');
    const job = jobs(s)[0]!;
    expect(job.state).toBe('WAITING');
    expect(job.lastError).toMatch(/quota for today/);
  });
});
