/** A 10,000-company result sync in one execution, counted (calls, waves, writes), through the built bundle. */
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, tabObjects } from '../harness/scenarios';

describe('OpenProspect 10,000-company sync (built bundle)', () => {
  it('should sync in one trigger run with <= 101 UrlFetch requests, <= 3 waves and few writes', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Big', COMPANY_HEADER, companyRows(10_000));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Big' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Ten thousand'),
    });
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'COMPLETED');
    s.addOn.emulator.counters.reset();
    s.addOn.emulator.clock.advance(60 * 60_000);
    const started = s.addOn.emulator.clock.now();
    expect(s.addOn.runDueTriggers()).toBe(1);
    const c = s.addOn.emulator.counters;
    const job = s.addOn.rpc<{ jobs: Array<{ state: string; tabs: Record<string, string> }> }>('listJobs').jobs[0]!;
    expect(job.state).toBe('DONE');
    expect(tabObjects(s.addOn, job.tabs['companies']!)).toHaveLength(10_000);
    const requests = c.get('UrlFetchApp.requests');
    const waves = c.get('UrlFetchApp.fetchAll');
    // 1 status poll + 1 first page + 99 pages in fetchAll waves of 50.
    expect(requests).toBeLessThanOrEqual(101);
    expect(waves).toBeLessThanOrEqual(3);
    expect(c.get('Range.setValues')).toBeLessThanOrEqual(8);
    // One execution, inside the 4.5-minute plan.
    expect(s.addOn.emulator.clock.now() - started).toBeLessThan(270_000);
    // eslint-disable-next-line no-console
    console.log(
      `10,000-company sync: ${requests} UrlFetch requests, ${c.get('UrlFetchApp.fetch')} fetch + ${waves} fetchAll calls, ${c.get('Range.setValues')} setValues, ${c.get('sheets')} Sheets calls, ${(s.addOn.emulator.clock.now() - started) / 1000} s virtual`,
    );
  });
});
