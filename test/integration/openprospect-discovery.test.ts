/** OpenProspect discovery, blacklists, profiles, imports and incremental refresh, through the built bundle. */
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, tabObjects } from '../harness/scenarios';
import type { JobView } from '../../src/app/job-view';

// Installed as an add-on, the poller may run at most hourly.
const HOUR = 60 * 60_000;
const latest = (s: ReturnType<typeof givenOpenProspect>): JobView => s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs[0]!;

function discoveryForm(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Hotels DACH',
    features: ['COMPANY_DATA', 'CONTACTS'],
    ideal_customer_profile: 'Independent hotels with 20-200 rooms',
    seller_offering: 'Revenue management software',
    target_countries: 'DE, AT',
    briefing_quantity: 40,
    output_language: 'en',
    ...extra,
  };
}

describe('OpenProspect discovery (built bundle)', () => {
  it('should never bring back a company blacklisted from a range', () => {
    const s = givenOpenProspect();
    // A first discovery shows which companies the simulator would deliver.
    s.addOn.rpc('submitDiscovery', discoveryForm({ title: 'Probe' }));
    const probe = s.sim.orders()[0]!;
    s.sim.advance(probe.id, 'COMPLETED');
    const delivered = s.sim.visibleResults(probe.id);
    const banned = delivered.slice(0, 5);
    givenCompanies(
      s.addOn,
      'Do not contact',
      ['Name', 'Website', 'City', 'Country'],
      banned.map((c) => [c.name, c.website_url ?? '', c.city ?? '', c.country ?? '']),
    );
    const bl = s.addOn.rpc<{ blacklistId: string; added: number }>('blacklistFromRange', { name: 'Customers', source: { sheetName: 'Do not contact' } });
    expect(bl.added).toBe(5);
    expect(s.sim.blacklists()).toHaveLength(1);

    s.addOn.rpc('submitDiscovery', discoveryForm({ blacklist_ids: [bl.blacklistId] }));
    const order = s.sim.orders()[1]!;
    s.sim.advance(order.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);
    const job = latest(s);
    expect(job.state).toBe('DONE');
    const names = tabObjects(s.addOn, job.tabs['companies']!).map((c) => c['name']);
    expect(names.length).toBeGreaterThan(0);
    for (const b of banned) expect(names).not.toContain(b.name);
  });

  it('should add entries to a blacklist and remove the ones matching a range', () => {
    const s = givenOpenProspect();
    givenCompanies(
      s.addOn,
      'Block',
      ['Company', 'Website', 'City'],
      [
        ['Alpha GmbH', 'https://www.alpha.example', 'Berlin'],
        ['Beta AG', 'https://beta.example', 'Hamburg'],
        ['Gamma KG', '', 'Köln'],
      ],
    );
    const bl = s.addOn.rpc<{ blacklistId: string; added: number }>('blacklistFromRange', { name: 'Block list', source: { sheetName: 'Block' } });
    expect(s.sim.blacklists()[0]!.entries).toHaveLength(3);
    expect(s.addOn.rpc<Array<{ id: string; name: string }>>('listBlacklists')).toEqual([
      { id: bl.blacklistId, name: 'Block list', description: '', entryCount: 3 },
    ]);
    givenCompanies(
      s.addOn,
      'Unblock',
      ['Company', 'Website'],
      [
        ['Alpha', 'alpha.example'],
        ['Gamma KG', ''],
        ['Nobody', 'https://nobody.example'],
      ],
    );
    const r = s.addOn.rpc<{ removed: number; notFound: number }>('removeBlacklistEntriesFromRange', {
      blacklistId: bl.blacklistId,
      source: { sheetName: 'Unblock' },
    });
    expect(r).toEqual({ removed: 2, notFound: 1 });
    expect(s.sim.blacklists()[0]!.entries.map((e) => e.company_name)).toEqual(['Beta AG']);
  });

  it('should refuse an incomplete ICP form with each field named', () => {
    const s = givenOpenProspect();
    expect(() => s.addOn.rpc('submitDiscovery', { title: 'x', features: ['COMPANY_DATA'] })).toThrow(
      /Ideal customer profile is required.*What you sell is required: describe what you offer/,
    );
    expect(s.sim.orders()).toHaveLength(0);
  });
});

describe('OpenProspect results refresh (built bundle)', () => {
  it('should add only newly delivered companies on a refresh, without duplicates', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(30));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Progressive'),
    });
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'IN_PROGRESS');
    s.sim.deliver(order.id, 20, s.addOn.emulator.clock.now());
    let job = latest(s);

    // The poller waits for COMPLETED; the user may pull what is delivered so far.
    s.addOn.runDueTriggers(HOUR);
    expect(s.sim.requests.filter((r) => r.path.endsWith('/results'))).toHaveLength(0);
    job = s.addOn.rpc<{ jobs: JobView[] }>('refreshJobResults', { jobId: job.id }).jobs[0]!;
    const tab = job.tabs['companies']!;
    expect(tabObjects(s.addOn, tab)).toHaveLength(20);
    expect(job.state).toBe('WAITING');

    // Later deliveries: the final sync asks only for what came after the watermark.
    s.addOn.emulator.clock.advance(10 * 60_000);
    const more = s.sim.deliver(order.id, undefined, s.addOn.emulator.clock.now());
    expect(more).toBe(10);
    s.sim.advance(order.id, 'COMPLETED', { at: s.addOn.emulator.clock.now() });
    const before = s.sim.requests.length;
    s.addOn.runDueTriggers(HOUR);
    job = latest(s);
    expect(job.state).toBe('DONE');
    const resultCalls = s.sim.requests.slice(before).filter((r) => r.path.endsWith('/results'));
    expect(resultCalls.length).toBeGreaterThan(0);
    expect(resultCalls.every((r) => r.query['delivered_since'] !== undefined)).toBe(true);
    const rows = tabObjects(s.addOn, tab);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r['external_id'])).size).toBe(30);
    expect(job.counts['companiesWritten']).toBeLessThanOrEqual(31);

    // A refresh with nothing new changes nothing.
    s.addOn.rpc('refreshJobResults', { jobId: job.id });
    expect(tabObjects(s.addOn, tab)).toEqual(rows);
  });

  it('should import an existing order by id and sync it', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(4));
    s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Original') });
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'COMPLETED');
    const imported = s.addOn.rpc<{ job: JobView }>('importOrder', { orderId: order.id, title: 'Imported' });
    expect(imported.job.state).toBe('DONE');
    expect(tabObjects(s.addOn, imported.job.tabs['companies']!)).toHaveLength(4);
    expect(() => s.addOn.rpc('importOrder', { orderId: '00000000-0000-0000-0000-000000000000' })).toThrow(/could not find/i);
  });
});
