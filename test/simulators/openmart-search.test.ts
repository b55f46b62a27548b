import { send, sim } from './openmart-helpers';

describe('emulator/apis/openmart', () => {
  describe('auth and credits', () => {
    it('should answer 401 {"detail":"Invalid API Key"} without a key, with a wrong one, and accept Bearer', () => {
      const s = sim();
      expect(send(s, 'GET', '/api/v2/credit-balance', { key: null })).toMatchObject({ status: 401, json: { detail: 'Invalid API Key' } });
      expect(send(s, 'GET', '/api/v2/credit-balance', { key: 'nope' }).status).toBe(401);
      expect(send(s, 'GET', '/api/v2/credit-balance', { bearer: true }).status).toBe(200);
      expect(s.counts.unauthorized).toBe(2);
    });

    it('should report the balance with the billing period and decrement it per billed row', () => {
      const s = sim({ credits: 500 });
      expect(send(s, 'GET', '/api/v2/credit-balance').json).toEqual({ period_start: '2025-08-05T20:22:47Z', period_end: '2026-08-05T20:22:47Z', balance: 500 });
      send(s, 'POST', '/api/v1/search', { json: { query: 'hair salons', limit: 20 } });
      expect(s.credits()).toBe(480);
    });

    it('should answer 402 when the credits cannot pay, billing nothing, and 429 when told to model the vendor client', () => {
      const s = sim({ credits: 10 });
      expect(send(s, 'POST', '/api/v1/search', { json: { query: 'dentist', limit: 20 } })).toMatchObject({
        status: 402,
        json: { detail: 'credit limit reached' },
      });
      expect(s.credits()).toBe(10);
      s.setCreditStatus(429);
      expect(send(s, 'POST', '/api/v1/search', { json: { query: 'dentist', limit: 20 } }).status).toBe(429);
    });

    it('should keep unlimited keys at the sentinel 10000', () => {
      const s = sim({ plan: 'unlimited' });
      send(s, 'POST', '/api/v1/search', { json: { limit: 50 } });
      expect(send(s, 'GET', '/api/v2/credit-balance').json.balance).toBe(10_000);
    });

    it('should answer 404 and 405 for unknown routes and methods', () => {
      const s = sim();
      expect(send(s, 'GET', '/api/v1/nope').status).toBe(404);
      expect(send(s, 'GET', '/api/v1/search').status).toBe(405);
    });
  });

  describe('POST /api/v1/search', () => {
    it('should return a bare array of {id, content, match_score, match_highlights, cursor}, best first', () => {
      const s = sim();
      const r = send(s, 'POST', '/api/v1/search', { json: { query: 'hair salons', limit: 5 } });
      expect(r.status).toBe(200);
      expect(Array.isArray(r.json)).toBe(true);
      expect(r.json).toHaveLength(5);
      const row = r.json[0];
      expect(Object.keys(row).sort()).toEqual(['content', 'cursor', 'id', 'match_highlights', 'match_score']);
      expect(row.cursor).toEqual([row.match_score, row.id]);
      expect(row.content.tags).toContain('hair salon');
      const scores = r.json.map((x: { match_score: number }) => x.match_score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('should page with the last cursor, without overlaps or gaps', () => {
      const s = sim();
      const all = send(s, 'POST', '/api/v1/search', { json: { query: 'coffee', limit: 120 } }).json.map((x: { id: string }) => x.id);
      const ids: string[] = [];
      let cursor: unknown;
      for (let i = 0; i < 3; i++) {
        const page = send(s, 'POST', '/api/v1/search', { json: { query: 'coffee', limit: 40, ...(cursor ? { cursor } : {}) } }).json;
        ids.push(...page.map((x: { id: string }) => x.id));
        cursor = page[page.length - 1].cursor;
      }
      expect(ids).toEqual(all);
    });

    it('should wrap as {data, total_count} with estimate_total, or {results} when so configured', () => {
      const s = sim();
      const r = send(s, 'POST', '/api/v1/search', { json: { query: 'gym', limit: 3, estimate_total: true } }).json;
      expect(r.data).toHaveLength(3);
      expect(r.total_count).toBeGreaterThan(3);
      const alt = sim({ searchEnvelope: 'results' });
      expect(send(alt, 'POST', '/api/v1/search', { json: { query: 'gym', limit: 3 } }).json.results).toHaveLength(3);
    });

    it('should apply flat filters and silently ignore a nested filters object', () => {
      const s = sim();
      const flat = send(s, 'POST', '/api/v1/search', {
        json: { query: 'dentist', has_website: true, location: [{ country: 'USA', state: 'CA', city: 'San Jose' }], limit: 1000 },
      }).json;
      expect(flat.length).toBeGreaterThan(0);
      for (const r of flat) expect(r.content).toMatchObject({ city: 'San Jose', state: 'California' });
      for (const r of flat) expect(r.content.website_url).toBeTruthy();
      const nested = send(s, 'POST', '/api/v1/search', {
        json: { query: 'dentist', filters: { has_website: true, location: [{ city: 'San Jose' }] }, limit: 1000 },
      }).json;
      expect(nested.length).toBeGreaterThan(flat.length);
      expect(nested.some((r: { content: { city: string } }) => r.content.city !== 'San Jose')).toBe(true);
      expect(s.counts.ignoredKeys).toBe(1);
    });

    it('should filter by tags (replacing query), rating, reviews, locations and keywords', () => {
      const s = sim();
      const rows = send(s, 'POST', '/api/v1/search', {
        json: { tags: ['gym'], query: 'dentist', min_overall_rating: 4, min_total_reviews: 100, limit: 1000 },
      }).json;
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.content.tags).toContain('gym');
        expect(r.content.google_rating).toBeGreaterThanOrEqual(4);
        expect(r.content.google_reviews_count).toBeGreaterThanOrEqual(100);
      }
      const excluded = send(s, 'POST', '/api/v1/search', { json: { query: 'hotel', exclude_keywords: ['hotel'], limit: 100 } }).json;
      expect(excluded).toEqual([]);
    });

    it('should refuse limit outside 1-1000 and a bad cursor with 422', () => {
      const s = sim();
      expect(send(s, 'POST', '/api/v1/search', { json: { limit: 1001 } })).toMatchObject({ status: 422, json: { error: 'Limit maximum value is 1000' } });
      expect(send(s, 'POST', '/api/v1/search', { json: { limit: 0 } }).status).toBe(422);
      expect(send(s, 'POST', '/api/v1/search', { json: { cursor: 'abc' } }).status).toBe(422);
    });

    it('should return ids and place ids from only_ids, billed like search (its price is not documented: worst case)', () => {
      const s = sim({ credits: 25 });
      const r = send(s, 'POST', '/api/v1/search/only_ids', { json: { query: 'plumber', limit: 20 } }).json;
      expect(r).toHaveLength(20);
      expect(Object.keys(r[0]).sort()).toEqual(['cursor', 'id', 'match_score', 'place_id']);
      expect(r[0].place_id).toMatch(/^ChIJ/);
      expect(s.credits()).toBe(5);
      expect(send(s, 'POST', '/api/v1/search/only_ids', { json: { query: 'plumber', limit: 20 } }).status).toBe(402);
    });

    it('should generate hostile values deterministically', () => {
      const a = sim().businesses();
      const b = sim().businesses();
      expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
      const names = a.map((x) => String(x.content['business_name']));
      expect(names).toContain('=HYPERLINK("http://evil","x")');
      expect(a.some((x) => String(x.content['store_name']).startsWith('+'))).toBe(true);
      expect(a.some((x) => String(x.content['zipcode']).startsWith('0'))).toBe(true);
      expect(a.some((x) => String(x.content['description']).length === 60_000)).toBe(true);
      expect(a.every((x) => (x.content['store_phones'] as string[]).every((p) => p.startsWith('+')))).toBe(true);
    });
  });

  describe('GET /api/v1/business_records/list/*', () => {
    it('should key records by input id and omit unknown ids, billing per returned row', () => {
      const s = sim({ credits: 100 });
      const [a, b] = s.businesses();
      const r = send(s, 'GET', '/api/v1/business_records/list/openmart_id', { json: [a!.id, b!.id, '7f1c9f5e-0000-4000-8000-000000000000', 'not-a-uuid'] });
      expect(r.status).toBe(200);
      expect(Object.keys(r.json).sort()).toEqual([a!.id, b!.id].sort());
      expect(r.json[a!.id].store_id).toBe(a!.id);
      expect(s.credits()).toBe(98);
      const p = send(s, 'GET', '/api/v1/business_records/list/google_place_id', { json: [a!.placeId, 'ChIJmissing'] });
      expect(Object.keys(p.json)).toEqual([a!.placeId]);
      expect(p.json[a!.placeId].from_sources.GOOGLE_MAP.id).toBe(a!.placeId);
    });

    it('should answer the documented 422s, and 422 when the GET body is missing', () => {
      const s = sim();
      expect(send(s, 'GET', '/api/v1/business_records/list/openmart_id', { json: [] })).toMatchObject({
        status: 422,
        json: { error: 'the number of ids should be between 1 and 100' },
      });
      const many = Array.from({ length: 101 }, (_, i) => `ChIJ${i}`);
      expect(send(s, 'GET', '/api/v1/business_records/list/google_place_id', { json: many }).status).toBe(422);
      expect(send(s, 'GET', '/api/v1/business_records/list/openmart_id', { json: ['x', 'y'] }).json).toEqual({ error: 'no valid UUIDs provided' });
      expect(send(s, 'GET', '/api/v1/business_records/list/openmart_id').status).toBe(422);
      expect(s.counts.getWithoutBody).toBe(1);
    });
  });

  describe('POST /api/v1/enrich_company', () => {
    it('should resolve a website to its stores, as an array or wrapped with estimate_total', () => {
      const s = sim();
      const b = s.businesses().find((x) => x.content['root_domain'])!;
      const r = send(s, 'POST', '/api/v1/enrich_company', { json: { website: `https://${b.content['root_domain']}/about`, limit: 5 } });
      expect(Array.isArray(r.json)).toBe(true);
      expect(r.json[0].content.root_domain).toBe(b.content['root_domain']);
      const w = send(s, 'POST', '/api/v1/enrich_company', {
        json: { website: String(b.content['root_domain']), estimate_total: true, location: { country: 'US' } },
      }).json;
      expect(w.total_count).toBeGreaterThanOrEqual(1);
      expect(w.data[0].id).toBe(r.json[0].id);
    });

    it('should refuse limit > 50 with the documented body', () => {
      const s = sim();
      expect(send(s, 'POST', '/api/v1/enrich_company', { json: { website: 'a.com', limit: 51 } })).toMatchObject({
        status: 422,
        json: { error: 'Limit maximum value is 50' },
      });
    });
  });

  describe('POST /api/v2/brands/search', () => {
    it('should page brands with encoded_cursor until it is empty, with total only on request', () => {
      const s = sim();
      const seen: string[] = [];
      let cursor: string | undefined;
      let total: number | undefined;
      for (let i = 0; i < 50; i++) {
        const r = send(s, 'POST', '/api/v2/brands/search', {
          json: {
            search_param: { search_term: 'coffee shop', location: [{ country: 'US' }] },
            pagination: { limit: 30, ...(cursor ? { encoded_cursor: cursor } : {}) },
            estimate_total: i === 0,
          },
        }).json;
        if (i === 0) total = r.total;
        else expect(r.total).toBeUndefined();
        seen.push(...r.data.map((d: { brand_id: string }) => d.brand_id));
        cursor = r.encoded_cursor;
        if (cursor === '') break;
      }
      expect(cursor).toBe('');
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
    });

    it('should refuse asc=false, a location without country, arrays over 20 and limit > 500', () => {
      const s = sim();
      expect(send(s, 'POST', '/api/v2/brands/search', { json: { pagination: { order_by: [{ field: 'num_stores', asc: false }] } } })).toMatchObject({
        status: 422,
        json: { error: 'Asc is required' },
      });
      expect(send(s, 'POST', '/api/v2/brands/search', { json: { search_param: { location: [{ city: 'Austin' }] } } }).json).toEqual({
        error: 'Country is required',
      });
      expect(
        send(s, 'POST', '/api/v2/brands/search', { json: { search_param: { website_url: Array.from({ length: 21 }, (_, i) => `s${i}.com`) } } }).status,
      ).toBe(422);
      expect(send(s, 'POST', '/api/v2/brands/search', { json: { pagination: { limit: 501 } } }).status).toBe(422);
      expect(send(s, 'POST', '/api/v2/brands/search', { json: { pagination: { order_by: [{ field: 'num_stores', asc: true }] } } }).status).toBe(200);
    });

    it('should filter by num_stores ranges and ownership type', () => {
      const s = sim();
      const r = send(s, 'POST', '/api/v2/brands/search', {
        json: { search_param: { num_stores: [{ ge: 2 }], ownership_type: ['CHAIN'] }, pagination: { limit: 500 } },
      }).json;
      expect(r.data.length).toBeGreaterThan(0);
      for (const b of r.data) {
        expect(b.num_stores).toBeGreaterThanOrEqual(2);
        expect(b.ownership_type).toBe('CHAIN');
      }
    });
  });
});
