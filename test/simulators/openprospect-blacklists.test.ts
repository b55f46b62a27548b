import { createOpenProspectSim, type OpenProspectSim, type ResultCompany } from '../../emulator/apis/openprospect';
import { matchLevel } from '../../emulator/apis/openprospect/blacklist-match';
import type { CompanyIdentity } from '../../emulator/apis/openprospect/identity';
import type { SimBlacklistEntry } from '../../emulator/apis/openprospect/model';
import { type BuildRequestOptions, buildRequest, send } from '../../emulator/apis/openprospect/request';

const KEY = 'lnc_test_blacklists';

function setup(): OpenProspectSim {
  const sim = createOpenProspectSim({ seed: 21 });
  sim.addKey(KEY);
  return sim;
}

const call = (sim: OpenProspectSim, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, o: BuildRequestOptions = {}) =>
  send(sim, buildRequest(method, `/api/v1${path}`, { key: KEY, ...o }));

function newBlacklist(sim: OpenProspectSim, name = 'Existing Customers'): string {
  const r = call(sim, 'POST', '/blacklists', { json: { name, description: 'Companies already in our CRM' } });
  expect(r.status).toBe(201);
  return r.json.id;
}

const ICP = {
  order_type: 'DISCOVERY',
  title: 'D',
  features: ['COMPANY_DATA', 'CONTACTS'],
  ideal_customer_profile: 'SaaS in DACH',
  seller_offering: 'Leads',
  target_countries: ['Germany', 'Austria'],
  target_cities: ['Berlin', 'Vienna'],
  briefing_quantity: 40,
};

function discover(sim: OpenProspectSim, blacklistIds: string[] = []): ResultCompany[] {
  const r = call(sim, 'POST', '/orders', { json: { ...ICP, blacklist_ids: blacklistIds } });
  expect(r.status).toBe(202);
  sim.advance(r.json.order_id, 'COMPLETED');
  return sim.visibleResults(r.json.order_id);
}

function identity(over: Partial<CompanyIdentity> = {}): CompanyIdentity {
  return {
    ref: 0,
    id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    name: 'Acme Corp',
    websiteUrl: 'https://www.acme-corp.com',
    domain: 'acme-corp.com',
    city: 'Munich',
    country: 'Germany',
    sourceId: null,
    input: null,
    limited: false,
    ...over,
  };
}
function entry(over: Partial<SimBlacklistEntry> = {}): SimBlacklistEntry {
  return { id: 'e', company_name: 'Acme Corp', website_url: null, city: null, country: null, external_id: null, createdAt: 0, ...over };
}

describe('openprospect sim', () => {
  describe('blacklist CRUD', () => {
    it('should create, get, list, patch and delete a blacklist', () => {
      const sim = setup();
      const id = newBlacklist(sim);
      const got = call(sim, 'GET', `/blacklists/${id}`);
      expect(got.status).toBe(200);
      expect(Object.keys(got.json)).toEqual(['id', 'name', 'description', 'entry_count', 'created_at', 'updated_at']);
      expect(got.json).toMatchObject({ name: 'Existing Customers', description: 'Companies already in our CRM', entry_count: 0 });
      newBlacklist(sim, 'Second');
      expect(call(sim, 'GET', '/blacklists').json).toMatchObject({ total: 2, limit: 50, offset: 0, has_more: false });
      const patched = call(sim, 'PATCH', `/blacklists/${id}`, { json: { name: 'Renamed' }, now: 5000 });
      expect(patched.json).toMatchObject({ name: 'Renamed', description: 'Companies already in our CRM', updated_at: '1970-01-01T00:00:05.000000Z' });
      const del = call(sim, 'DELETE', `/blacklists/${id}`);
      expect(del.status).toBe(204);
      expect(del.json).toBeUndefined();
      expect(call(sim, 'GET', `/blacklists/${id}`)).toMatchObject({
        status: 404,
        json: { code: 'BLACKLIST_NOT_FOUND', resource_type: 'Blacklist', identifier: id },
      });
    });

    it('should validate blacklist bodies', () => {
      const sim = setup();
      expect(call(sim, 'POST', '/blacklists', { json: { description: 'x' } }).json.detail[0]).toMatchObject({ type: 'missing', loc: ['body', 'name'] });
      expect(call(sim, 'POST', '/blacklists', { json: { name: 'x', kind: 'y' } }).json.detail[0]).toMatchObject({ type: 'extra_forbidden' });
      const id = newBlacklist(sim);
      expect(call(sim, 'PATCH', `/blacklists/${id}`, { json: { name: '' } }).status).toBe(422);
    });

    it("should hide another organization's blacklists", () => {
      const sim = setup();
      const id = newBlacklist(sim);
      sim.addKey('lnc_test_other', undefined, { org: 'org-2' });
      expect(send(sim, buildRequest('GET', `/api/v1/blacklists/${id}`, { key: 'lnc_test_other' })).status).toBe(404);
      expect(send(sim, buildRequest('GET', '/api/v1/blacklists', { key: 'lnc_test_other' })).json.total).toBe(0);
    });
  });

  describe('blacklist entries', () => {
    it('should bulk add entries, skip duplicates and list them', () => {
      const sim = setup();
      const id = newBlacklist(sim);
      const entries = [
        { company_name: 'Acme Corp', website_url: 'https://www.acme-corp.com' },
        { company_name: 'Global Industries GmbH', city: 'Munich', country: 'Germany' },
        { company_name: 'acme corp', website_url: 'http://acme-corp.com/' },
      ];
      const r = call(sim, 'POST', `/blacklists/${id}/entries`, { json: { entries } });
      expect(r).toMatchObject({ status: 201, json: { blacklist_id: id, added: 2, duplicates_skipped: 1, entry_count: 2 } });
      const list = call(sim, 'GET', `/blacklists/${id}/entries?limit=1`).json;
      expect(list).toMatchObject({ total: 2, limit: 1, has_more: true });
      expect(Object.keys(list.items[0])).toEqual(['id', 'blacklist_id', 'company_name', 'website_url', 'city', 'country', 'external_id', 'created_at']);
      expect(call(sim, 'GET', `/blacklists/${id}`).json.entry_count).toBe(2);
      expect(sim.counts.blacklistEntriesAdded).toBe(2);
    });

    it('should accept 10,000 entries in one add and reject 10,001', () => {
      const sim = setup();
      const id = newBlacklist(sim);
      const many = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ company_name: `${p} ${i}` }));
      const tooMany = call(sim, 'POST', `/blacklists/${id}/entries`, { json: { entries: many(10_001, 'A') } });
      expect(tooMany.status).toBe(422);
      expect(tooMany.json.detail[0]).toMatchObject({
        type: 'too_long',
        loc: ['body', 'entries'],
        msg: 'List should have at most 10000 items after validation, not 10001',
      });
      expect(call(sim, 'GET', `/blacklists/${id}`).json.entry_count).toBe(0);
      expect(call(sim, 'POST', `/blacklists/${id}/entries`, { json: { entries: many(10_000, 'B') } }).json.added).toBe(10_000);
      expect(call(sim, 'POST', `/blacklists/${id}/entries`, { json: { entries: many(10_000, 'C') } }).json.entry_count).toBe(20_000);
    });

    it('should validate entries', () => {
      const sim = setup();
      const id = newBlacklist(sim);
      expect(call(sim, 'POST', `/blacklists/${id}/entries`, { json: { entries: [] } }).json.detail[0].type).toBe('too_short');
      const d = call(sim, 'POST', `/blacklists/${id}/entries`, { json: { entries: [{ website_url: 'x.de' }, { company_name: 'A', zip: '1' }] } }).json.detail;
      expect(d.map((x: { loc: unknown[] }) => x.loc)).toEqual([
        ['body', 'entries', 0, 'company_name'],
        ['body', 'entries', 1, 'zip'],
      ]);
    });

    it('should delete selected entries or all entries', () => {
      const sim = setup();
      const id = newBlacklist(sim);
      call(sim, 'POST', `/blacklists/${id}/entries`, { json: { entries: [{ company_name: 'A' }, { company_name: 'B' }, { company_name: 'C' }] } });
      const first = call(sim, 'GET', `/blacklists/${id}/entries`).json.items[0].id;
      expect(call(sim, 'DELETE', `/blacklists/${id}/entries`, { json: { entry_ids: [first] } }).json).toEqual({ blacklist_id: id, deleted: 1, entry_count: 2 });
      expect(call(sim, 'DELETE', `/blacklists/${id}/entries`).json).toEqual({ blacklist_id: id, deleted: 2, entry_count: 0 });
    });
  });

  describe('blacklist matching precedence', () => {
    it('should match by external_id against the company id or source_id first', () => {
      expect(matchLevel(entry({ external_id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', company_name: 'Other' }), identity())).toBe('external_id');
      expect(matchLevel(entry({ external_id: 'CRM-1', company_name: 'Other' }), identity({ sourceId: 'CRM-1' }))).toBe('external_id');
    });

    it('should fall through a non-matching external_id to the domain', () => {
      expect(matchLevel(entry({ external_id: 'CRM-9', website_url: 'acme-corp.com' }), identity())).toBe('domain');
    });

    it('should let a different domain override an equal name', () => {
      expect(matchLevel(entry({ website_url: 'https://acme-corp.de' }), identity())).toBeNull();
      expect(matchLevel(entry({ company_name: 'Renamed', website_url: 'HTTPS://WWW.ACME-CORP.COM/about' }), identity())).toBe('domain');
    });

    it('should match name + city before name alone', () => {
      expect(matchLevel(entry({ city: 'munich' }), identity())).toBe('name_city');
      expect(matchLevel(entry({ city: 'Hamburg' }), identity())).toBeNull();
      expect(matchLevel(entry({ company_name: '  ACME   corp ' }), identity())).toBe('name');
      expect(matchLevel(entry({ company_name: 'Acme' }), identity())).toBeNull();
    });

    it('should compare names after unicode normalization', () => {
      expect(matchLevel(entry({ company_name: 'MÜLLER & SÖHNE GMBH' }), identity({ name: 'Müller & Söhne GmbH', domain: null }))).toBe('name');
    });
  });

  describe('discovery orders with blacklist_ids', () => {
    it('should never return a blacklisted company and still deliver briefing_quantity companies', () => {
      const sim = setup();
      const baseline = discover(sim);
      expect(baseline).toHaveLength(40);
      const [byExt, byDomain, byNameCity, byName, unicode] = [
        baseline[0],
        baseline[5],
        baseline[9],
        baseline[14],
        baseline.find((c) => c.name === 'Müller & Söhne GmbH'),
      ];
      if (!byExt || !byDomain || !byNameCity || !byName || !unicode) throw new Error('baseline too small');
      const id = newBlacklist(sim);
      call(sim, 'POST', `/blacklists/${id}/entries`, {
        json: {
          entries: [
            { company_name: 'Whatever', external_id: byExt.id },
            { company_name: 'Renamed Ltd', website_url: `http://${byDomain.normalized_url}/impressum` },
            { company_name: byNameCity.name.toUpperCase(), city: byNameCity.city },
            { company_name: byName.name },
            { company_name: unicode.name },
            { company_name: baseline[20]?.name ?? '', city: 'Atlantis' },
          ],
        },
      });
      const filtered = discover(sim, [id]);
      expect(filtered).toHaveLength(40);
      const ids = new Set(filtered.map((c) => c.id));
      for (const c of [byExt, byDomain, byNameCity, byName, unicode]) expect(ids.has(c.id)).toBe(false);
      expect(ids.has(baseline[20]?.id ?? '')).toBe(true);
      const blocked = new Set([byExt, byDomain, byNameCity, byName, unicode].map((c) => c.id));
      expect(
        filtered
          .filter((c) => !blocked.has(c.id))
          .slice(0, 10)
          .map((c) => c.id),
      ).toEqual(
        baseline
          .filter((c) => !blocked.has(c.id))
          .slice(0, 10)
          .map((c) => c.id),
      );
    });

    it('should hide already delivered companies whose entries are added later', () => {
      const sim = setup();
      const bl = newBlacklist(sim);
      const r = call(sim, 'POST', '/orders', { json: { ...ICP, blacklist_ids: [bl] } });
      const orderId = r.json.order_id;
      sim.deliver(orderId, 10, 1000);
      const before = sim.visibleResults(orderId);
      const victim = before[3];
      call(sim, 'POST', `/blacklists/${bl}/entries`, { json: { entries: [{ company_name: victim?.name ?? '', website_url: victim?.website_url ?? null }] } });
      const page = call(sim, 'GET', `/orders/${orderId}/results`).json;
      expect(page.total).toBe(9);
      expect(page.items.map((c: ResultCompany) => c.id)).not.toContain(victim?.id);
      sim.advance(orderId, 'COMPLETED');
      const all = sim.visibleResults(orderId);
      expect(all.map((c) => c.id)).not.toContain(victim?.id);
      expect(all.length).toBe(39);
    });

    it("should reject another organization's blacklist id", () => {
      const sim = setup();
      sim.addKey('lnc_test_other', undefined, { org: 'org-2' });
      const foreign = send(sim, buildRequest('POST', '/api/v1/blacklists', { key: 'lnc_test_other', json: { name: 'theirs' } })).json.id;
      const r = call(sim, 'POST', '/orders', { json: { ...ICP, blacklist_ids: [foreign] } });
      expect(r.json.detail[0]).toMatchObject({ type: 'value_error', loc: ['body', 'blacklist_ids', 0] });
    });
  });
});
