/**
 * The OpenProspect simulator's bounds on the routes issue 17 made reachable: a 422 naming the
 * field for each limit (list paging 1-100 and offset >= 0; blacklist name and description; the
 * profile creation's text fields with the discovery guide's limits), and paging past 100 lists.
 */
import { createOpenProspectSim, type OpenProspectSim } from '../../emulator/apis/openprospect';
import { type BuildRequestOptions, buildRequest, send } from '../../emulator/apis/openprospect/request';

const KEY = 'lnc_test_bounds';

function setup(): OpenProspectSim {
  const sim = createOpenProspectSim({ seed: 5 });
  sim.addKey(KEY);
  return sim;
}

const call = (sim: OpenProspectSim, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, o: BuildRequestOptions = {}) =>
  send(sim, buildRequest(method, `/api/v1${path}`, { key: KEY, ...o }));
const locs = (r: { json: { detail: Array<{ loc: Array<string | number>; type: string }> } }): string[] =>
  r.json.detail.map((d) => `${d.loc.join('.')}:${d.type}`);

describe('openprospect sim bounds', () => {
  describe('GET /blacklists and /blacklists/{id}/entries', () => {
    it.each([
      ['limit=0', 'query.limit:greater_than_equal'],
      ['limit=101', 'query.limit:less_than_equal'],
      ['offset=-1', 'query.offset:greater_than_equal'],
      ['limit=ten', 'query.limit:int_parsing'],
    ])('should answer 422 for %s', (query, loc) => {
      const sim = setup();
      const id = call(sim, 'POST', '/blacklists', { json: { name: 'L' } }).json.id as string;
      for (const path of ['/blacklists', `/blacklists/${id}/entries`]) {
        const r = call(sim, 'GET', `${path}?${query}`);
        expect(r.status).toBe(422);
        expect(locs(r)).toEqual([loc]);
      }
    });

    it('should page past 100 blacklists with has_more', () => {
      const sim = setup();
      for (let i = 0; i < 130; i++) call(sim, 'POST', '/blacklists', { json: { name: `L${i}` } });
      const first = call(sim, 'GET', '/blacklists?limit=100&offset=0').json;
      expect(first).toMatchObject({ total: 130, limit: 100, offset: 0, has_more: true });
      expect(first.items).toHaveLength(100);
      const second = call(sim, 'GET', '/blacklists?limit=100&offset=100').json;
      expect(second).toMatchObject({ has_more: false });
      expect(second.items.map((b: { name: string }) => b.name)).toEqual(Array.from({ length: 30 }, (_, i) => `L${100 + i}`));
    });
  });

  describe('POST and PATCH /blacklists', () => {
    it.each([
      [{ name: 'x'.repeat(501) }, 'body.name'],
      [{ name: 'ok', description: 'x'.repeat(5001) }, 'body.description'],
      [{ name: '   ' }, 'body.name'],
    ])('should answer 422 naming the field (case %#)', (body, loc) => {
      const sim = setup();
      const post = call(sim, 'POST', '/blacklists', { json: body });
      expect(post.status).toBe(422);
      expect(locs(post).map((l) => l.split(':')[0])).toEqual([loc]);
      const id = call(sim, 'POST', '/blacklists', { json: { name: 'L' } }).json.id as string;
      const patch = call(sim, 'PATCH', `/blacklists/${id}`, { json: body });
      expect(patch.status).toBe(422);
      expect(sim.blacklists()[0]!.name).toBe('L');
    });

    it('should accept the longest name and description', () => {
      const sim = setup();
      expect(call(sim, 'POST', '/blacklists', { json: { name: 'x'.repeat(500), description: 'y'.repeat(5000) } }).status).toBe(201);
    });
  });

  describe('POST /search-profile-creations', () => {
    const BODY = { profile_name: 'P', ideal_customer_profile: 'ICP' };
    it.each([
      ['profile_name', 501],
      ['ideal_customer_profile', 5001],
      ['seller_offering', 5001],
      ['seller_industry', 1001],
      ['output_language', 11],
    ])('should answer 422 when %s has %i characters, and accept one fewer', (field, n) => {
      const sim = setup();
      const over = call(sim, 'POST', '/search-profile-creations', { json: { ...BODY, [field]: 'x'.repeat(n) }, headers: { 'Idempotency-Key': `k-${field}` } });
      expect(over.status).toBe(422);
      expect(locs(over)).toEqual([`body.${field}:string_too_long`]);
      const fits = call(sim, 'POST', '/search-profile-creations', {
        json: { ...BODY, [field]: 'x'.repeat(n - 1) },
        headers: { 'Idempotency-Key': `k2-${field}` },
      });
      expect(fits.status).toBe(202);
    });

    it('should take all ten documented fields', () => {
      const sim = setup();
      const body = {
        ...BODY,
        seller_offering: 'S',
        seller_industry: 'I',
        target_countries: ['DE'],
        target_cities: ['Berlin'],
        target_industries: ['Hotels'],
        excluded_industries: ['Gov'],
        contact_roles: ['CEO'],
        output_language: 'de',
      };
      expect(call(sim, 'POST', '/search-profile-creations', { json: body, headers: { 'Idempotency-Key': 'all' } }).status).toBe(202);
      expect(sim.profileCreations()[0]!.input).toEqual(body);
    });
  });
});
