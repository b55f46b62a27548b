/**
 * OpenProspect account management through the built bundle: every blacklist past the first 100,
 * one viewed, renamed, added to, deleted; a new list's description; the orders picker's pages and
 * status filter; the key's scopes checked before a submit; estimated_cost shown once known.
 */
import type { SimRequest } from '../../emulator/apis/types';
import type { JobView } from '../../src/app/contract';
import type { BlacklistDetail, BlacklistSummary } from '../../src/app/openprospect-blacklists';
import type { OrdersPick } from '../../src/app/openprospect-orders-list';
import { COMPANY_HEADER, OP_KEY, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, type OpScenario } from '../harness/scenarios';

const HOUR = 60 * 60_000;

/** A request straight to the simulator (setting up the account as the dashboard would). */
function direct(s: OpScenario, method: SimRequest['method'], path: string, body: unknown, headers: Record<string, string> = {}): unknown {
  const res = s.sim.handle({
    method,
    url: `https://api.openprospect.io/api/v1${path}`,
    path: `/api/v1${path}`,
    query: {},
    headers: { authorization: `Bearer ${OP_KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    now: s.addOn.emulator.clock.now(),
  });
  if ('transport' in res || res.status >= 300) throw new Error(`setup ${method} ${path} failed: ${JSON.stringify(res)}`);
  return JSON.parse(res.body);
}

function discovery(s: OpScenario, title: string): string {
  const body = {
    order_type: 'DISCOVERY',
    title,
    features: ['COMPANY_DATA'],
    ideal_customer_profile: 'Hotels',
    seller_offering: 'Software',
    target_countries: ['Germany'],
    briefing_quantity: 5,
  };
  return (direct(s, 'POST', '/orders/', body, { 'idempotency-key': `setup-${title}` }) as { order_id: string }).order_id;
}

const paths = (s: OpScenario, from: number, method: string, suffix: RegExp): SimRequest[] =>
  s.sim.requests.slice(from).filter((r) => r.method === method && suffix.test(r.path));

describe('OpenProspect blacklists (built bundle)', () => {
  it('should list every blacklist past the first page of 100', () => {
    const s = givenOpenProspect();
    for (let i = 0; i < 130; i++) direct(s, 'POST', '/blacklists', { name: `List ${i}` });
    const before = s.sim.requests.length;
    const lists = s.addOn.rpc<BlacklistSummary[]>('listBlacklists');
    expect(lists).toHaveLength(130);
    expect(new Set(lists.map((b) => b.id)).size).toBe(130);
    expect(lists.map((b) => b.name)).toContain('List 129');
    const calls = paths(s, before, 'GET', /\/blacklists$/);
    expect(calls.map((r) => [r.query['limit'], r.query['offset']])).toEqual([
      ['100', '0'],
      ['100', '100'],
    ]);
  });

  it('should create a list with its description, view, add to, rename and delete it', () => {
    const s = givenOpenProspect();
    givenCompanies(
      s.addOn,
      'Customers',
      ['Company', 'Website', 'City'],
      [
        ['Alpha GmbH', 'https://alpha.example', 'Berlin'],
        ['Beta AG', 'https://beta.example', 'Hamburg'],
      ],
    );
    const made = s.addOn.rpc<{ blacklistId: string; added: number }>('blacklistFromRange', {
      name: 'Customers',
      description: 'Already in our CRM',
      source: { sheetName: 'Customers' },
    });
    expect(s.sim.blacklists()[0]!.description).toBe('Already in our CRM');

    givenCompanies(s.addOn, 'More', ['Company', 'Website'], [['Gamma KG', 'https://gamma.example']]);
    const added = s.addOn.rpc<{ blacklistId: string; added: number }>('blacklistFromRange', {
      name: '',
      blacklistId: made.blacklistId,
      source: { sheetName: 'More' },
    });
    expect(added).toMatchObject({ blacklistId: made.blacklistId, added: 1 });
    expect(s.sim.blacklists()).toHaveLength(1);

    const view = s.addOn.rpc<BlacklistDetail>('viewBlacklist', { blacklistId: made.blacklistId });
    expect(view).toMatchObject({ name: 'Customers', description: 'Already in our CRM', entryCount: 3, offset: 0, nextOffset: null });
    expect(view.entries.map((e) => e.company_name)).toEqual(['Alpha GmbH', 'Beta AG', 'Gamma KG']);
    expect(view.entries[0]).toMatchObject({ website_url: 'https://alpha.example', city: 'Berlin' });

    const renamed = s.addOn.rpc<BlacklistSummary>('renameBlacklist', { blacklistId: made.blacklistId, name: '  Clients  ', description: 'CRM export' });
    expect(renamed).toMatchObject({ name: 'Clients', description: 'CRM export' });
    expect(s.sim.blacklists()[0]).toMatchObject({ name: 'Clients', description: 'CRM export' });
    expect(() => s.addOn.rpc('renameBlacklist', { blacklistId: made.blacklistId, name: ' ' })).toThrow(/Give the blacklist a name/);

    s.addOn.rpc('deleteBlacklist', { blacklistId: made.blacklistId });
    expect(s.sim.blacklists()).toHaveLength(0);
    expect(s.addOn.rpc<BlacklistSummary[]>('listBlacklists')).toEqual([]);
    expect(() => s.addOn.rpc('viewBlacklist', { blacklistId: made.blacklistId })).toThrow(/has no blacklist .* Reload the list/);
  });

  it('should page through the entries of a long list', () => {
    const s = givenOpenProspect();
    const id = (direct(s, 'POST', '/blacklists', { name: 'Big' }) as { id: string }).id;
    direct(s, 'POST', `/blacklists/${id}/entries`, { entries: Array.from({ length: 150 }, (_, i) => ({ company_name: `Company ${i}` })) });
    const first = s.addOn.rpc<BlacklistDetail>('viewBlacklist', { blacklistId: id });
    expect(first.entries).toHaveLength(100);
    expect(first).toMatchObject({ entryCount: 150, nextOffset: 100 });
    const second = s.addOn.rpc<BlacklistDetail>('viewBlacklist', { blacklistId: id, offset: first.nextOffset });
    expect(second.entries.map((e) => e.company_name)).toEqual(Array.from({ length: 50 }, (_, i) => `Company ${100 + i}`));
    expect(second.nextOffset).toBeNull();
  });
});

describe('OpenProspect orders picker (built bundle)', () => {
  it('should page through orders and filter them by status', () => {
    const s = givenOpenProspect();
    const ids = Array.from({ length: 57 }, (_, i) => discovery(s, `Order ${i}`));
    for (const id of ids.slice(0, 3)) s.sim.advance(id, 'COMPLETED');
    const first = s.addOn.rpc<OrdersPick>('listOpenProspectOrders', {});
    expect(first.orders).toHaveLength(50);
    expect(first).toMatchObject({ offset: 0, nextOffset: 50, total: 57 });
    const second = s.addOn.rpc<OrdersPick>('listOpenProspectOrders', { offset: first.nextOffset });
    expect(second.orders).toHaveLength(7);
    expect(second.nextOffset).toBeNull();
    expect(new Set([...first.orders, ...second.orders].map((o) => o.orderId))).toEqual(new Set(ids));

    const done = s.addOn.rpc<OrdersPick>('listOpenProspectOrders', { status: 'COMPLETED' });
    expect(done.orders.map((o) => o.orderId).sort()).toEqual(ids.slice(0, 3).sort());
    expect(done.orders.every((o) => o.status === 'COMPLETED')).toBe(true);
    expect(s.sim.requests.at(-1)!.query).toMatchObject({ status: 'COMPLETED', limit: '50', offset: '0' });
    expect(() => s.addOn.rpc('listOpenProspectOrders', { status: 'DONE' })).toThrow(/Status "DONE" is not one of RECEIVED, ACCEPTED/);
  });
});

describe('OpenProspect scopes before a submit (built bundle)', () => {
  it('should name the missing scope before sending, and ask /auth/validate once per key', () => {
    const s = givenOpenProspect({ scopes: ['orders:read'] });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    const submit = (): unknown =>
      s.addOn.rpc('submitEnrichment', { source: { sheetName: 'Leads' }, mapping: { company_name: 0 }, options: enrichmentOptions('Scoped') });
    expect(submit).toThrow(/lacks the scope orders:write, needed for submitting an order\. Create a key with orders:read, orders:write/);
    expect(submit).toThrow(/lacks the scope orders:write/);
    expect(s.sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(s.sim.requests.filter((r) => r.path.endsWith('/auth/validate'))).toHaveLength(1);
    expect(s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs).toHaveLength(0);

    // A discovery with a blacklist also needs the blacklist scopes; each missing one is named.
    expect(() =>
      s.addOn.rpc('submitDiscovery', {
        title: 'D',
        features: ['COMPANY_DATA'],
        ideal_customer_profile: 'Hotels',
        seller_offering: 'x',
        target_countries: 'DE',
        blacklist_ids: ['d33b69ce-80ce-4ede-b4df-4b11427f8b55'],
      }),
    ).toThrow(/lacks the scopes orders:write, blacklists:read, blacklists:write/);

    // A new key with every scope is checked afresh (the cache is per key) and the submit goes out.
    s.sim.addKey('lnc_test_fullscopes0001');
    s.addOn.rpc('saveApiKey', { provider: 'openprospect', key: 'lnc_test_fullscopes0001' });
    submit();
    expect(s.sim.requests.filter((r) => r.path.endsWith('/auth/validate'))).toHaveLength(2);
    expect(s.sim.orders()).toHaveLength(1);
  });
});

describe('OpenProspect estimated_cost (built bundle)', () => {
  it('should show no price at submit and the estimate once review sets it', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(4));
    const r = s.addOn.rpc<{ job: JobView }>('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1 },
      options: enrichmentOptions('Priced'),
    });
    expect(r.job.cost ?? '').not.toMatch(/\d+(\.\d+)? EUR/);
    const order = s.sim.orders()[0]!;
    s.sim.advance(order.id, 'ACCEPTED');
    s.sim.setEstimatedCost(order.id, { total: 12.5, currency: 'EUR' });
    s.addOn.runDueTriggers(HOUR);
    const job = s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs[0]!;
    expect(job.state).toBe('WAITING');
    expect(job.cost).toMatch(/12\.50 EUR/);
  });
});
