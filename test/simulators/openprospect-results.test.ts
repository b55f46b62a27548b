import { createOpenProspectSim, type OpenProspectSim, type ResultCompany } from '../../emulator/apis/openprospect';
import { buildRequest, send } from '../../emulator/apis/openprospect/request';

const KEY = 'lnc_test_results';
const ALL = ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES', 'JOBS', 'HANDELSREGISTER', 'ANALYSIS', 'EMAIL_DISCOVERY', 'EMAIL_GENERATION'];
const T0 = Date.UTC(2026, 1, 25, 10, 0);

function setup(seed = 11): OpenProspectSim {
  const sim = createOpenProspectSim({ seed });
  sim.addKey(KEY);
  return sim;
}

const companies = (n: number) => Array.from({ length: n }, (_, i) => ({ company_name: `Firma ${i}`, external_id: `CRM-${i}`, country: 'Germany' }));

function createEnrichment(sim: OpenProspectSim, n: number, features = ALL, extra: Record<string, unknown> = {}): string {
  const r = send(sim, buildRequest('POST', '/api/v1/orders/', { key: KEY, now: T0, json: { title: 'E', features, companies: companies(n), ...extra } }));
  expect(r.status).toBe(202);
  return r.json.order_id;
}

function createDiscovery(sim: OpenProspectSim, extra: Record<string, unknown> = {}): string {
  const r = send(
    sim,
    buildRequest('POST', '/api/v1/orders', {
      key: KEY,
      now: T0,
      json: {
        order_type: 'DISCOVERY',
        title: 'D',
        features: ALL,
        ideal_customer_profile: 'B2B SaaS in DACH',
        seller_offering: 'Leads',
        target_countries: ['Germany', 'Austria'],
        ...extra,
      },
    }),
  );
  expect(r.status).toBe(202);
  return r.json.order_id;
}

const results = (sim: OpenProspectSim, id: string, q = '', now = T0 + 10 * 3600_000) =>
  send(sim, buildRequest('GET', `/api/v1/orders/${id}/results${q}`, { key: KEY, now }));

function allPages(sim: OpenProspectSim, id: string, limit = 100): ResultCompany[] {
  const out: ResultCompany[] = [];
  for (let offset = 0; ; offset += limit) {
    const r = results(sim, id, `?limit=${limit}&offset=${offset}`);
    expect(r.status).toBe(200);
    out.push(...r.json.items);
    if (!r.json.has_more) return out;
  }
}

const COMPANY_KEYS = [
  'id',
  'name',
  'website_url',
  'normalized_url',
  'business_type',
  'street',
  'postal_code',
  'city',
  'country',
  'description',
  'employee_count',
  'phone_numbers',
  'social_media_links',
  'review_rating',
  'review_count',
  'favicon_url',
  'match_score',
  'match_reasons',
  'match_reasoning',
  'web_technologies',
  'web_technologies_analyzed_at',
  'source_id',
  'delivered_at',
  'legal_registration_info',
  'prospects',
];
const PROSPECT_KEYS = [
  'id',
  'company_id',
  'first_name',
  'last_name',
  'job_title',
  'email',
  'phone_number',
  'linkedin_url',
  'qualification_score',
  'qualification_reason',
  'email_type',
  'validation_confidence',
  'bounce_risk_score',
];

describe('openprospect sim', () => {
  describe('GET /orders/{order_id}/results', () => {
    it('should return an empty page before anything is delivered', () => {
      const sim = setup();
      const id = createEnrichment(sim, 3);
      expect(results(sim, id).json).toEqual({ items: [], total: 0, limit: 50, offset: 0, has_more: false });
    });

    it('should return one result per submitted company with source_id = external_id', () => {
      const sim = setup();
      const id = createEnrichment(sim, 7);
      sim.advance(id, 'COMPLETED', { at: T0 + 3600_000 });
      const items = allPages(sim, id);
      expect(items.map((c) => c.source_id)).toEqual(Array.from({ length: 7 }, (_, i) => `CRM-${i}`));
      expect(items.map((c) => c.name)).toEqual(Array.from({ length: 7 }, (_, i) => `Firma ${i}`));
      expect(new Set(items.map((c) => c.id)).size).toBe(7);
    });

    it('should return every documented company and prospect field', () => {
      const sim = setup();
      const id = createEnrichment(sim, 10);
      sim.advance(id, 'COMPLETED', { at: T0 + 3600_000 });
      const items = allPages(sim, id);
      for (const c of items) expect(Object.keys(c)).toEqual(COMPANY_KEYS);
      const prospects = items.flatMap((c) => c.prospects);
      expect(prospects.length).toBeGreaterThan(0);
      for (const p of prospects) expect(Object.keys(p)).toEqual(PROSPECT_KEYS);
      const full = items.find((c) => c.website_url !== null && c.legal_registration_info !== null);
      expect(full?.delivered_at).toBe('2026-02-25T11:00:00.000000Z');
      expect(full?.social_media_links?.every((l) => typeof l.platform === 'string' && l.url.startsWith('https://'))).toBe(true);
      expect(Object.keys(full?.legal_registration_info ?? {})).toEqual([
        'company_name',
        'legal_form',
        'registration_number',
        'registration_court',
        'founding_date',
        'share_capital_amount',
        'business_purpose',
        'status',
        'is_dissolved',
      ]);
      expect(full?.web_technologies_analyzed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    });

    it('should give each company 0-5 prospects with ids, company_id and (with EMAIL_DISCOVERY) emails', () => {
      const sim = setup();
      const id = createEnrichment(sim, 40);
      sim.advance(id, 'COMPLETED');
      const items = allPages(sim, id).filter((c) => c.website_url !== null);
      const counts = items.map((c) => c.prospects.length);
      expect(Math.max(...counts)).toBeLessThanOrEqual(5);
      expect(new Set(counts).size).toBeGreaterThan(2);
      for (const c of items) {
        for (const p of c.prospects) {
          expect(p.company_id).toBe(c.id);
          expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
          expect(p.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
          expect(p.qualification_score).toBeGreaterThanOrEqual(0);
          expect(p.qualification_score).toBeLessThanOrEqual(10);
        }
      }
    });

    it('should leave fields of unrequested features null and prospects empty', () => {
      const sim = setup();
      const id = createEnrichment(sim, 5, ['COMPANY_DATA']);
      sim.advance(id, 'COMPLETED');
      for (const c of allPages(sim, id)) {
        expect(c.prospects).toEqual([]);
        expect(c.web_technologies).toBeNull();
        expect(c.match_score).toBeNull();
        expect(c.legal_registration_info).toBeNull();
      }
    });

    it('should fill legal_registration_info for German companies only', () => {
      const sim = setup();
      const r = send(
        sim,
        buildRequest('POST', '/api/v1/orders/', {
          key: KEY,
          json: {
            title: 'L',
            features: ['HANDELSREGISTER'],
            companies: [
              { company_name: 'A GmbH', website_url: 'https://a.de', country: 'DE' },
              { company_name: 'B AG', website_url: 'https://b.ch', country: 'Switzerland' },
            ],
          },
        }),
      );
      sim.advance(r.json.order_id, 'COMPLETED');
      const [a, b] = allPages(sim, r.json.order_id);
      expect(a?.legal_registration_info).not.toBeNull();
      expect(b?.legal_registration_info).toBeNull();
    });

    it('should auto-generate a source_id when external_id is omitted', () => {
      const sim = setup();
      const r = send(
        sim,
        buildRequest('POST', '/api/v1/orders/', {
          key: KEY,
          json: { title: 'x', features: ['COMPANY_DATA'], companies: [{ company_name: 'A' }, { company_name: 'B' }] },
        }),
      );
      sim.advance(r.json.order_id, 'COMPLETED');
      const ids = allPages(sim, r.json.order_id).map((c) => c.source_id);
      expect(ids.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
      expect(new Set(ids).size).toBe(2);
    });

    it('should give discovery results source_id null and briefing_quantity companies', () => {
      const sim = setup();
      const id = createDiscovery(sim, { briefing_quantity: 30, target_cities: ['Berlin', 'Vienna'] });
      sim.advance(id, 'COMPLETED');
      const items = allPages(sim, id, 7);
      expect(items).toHaveLength(30);
      expect(items.every((c) => c.source_id === null)).toBe(true);
      expect(new Set(items.map((c) => c.id)).size).toBe(30);
      expect(new Set(items.map((c) => c.city))).toEqual(new Set(['Berlin', 'Vienna']));
      expect(items.every((c) => c.country === 'Germany' || c.country === 'Austria')).toBe(true);
      expect(send(sim, buildRequest('GET', `/api/v1/orders/${id}`, { key: KEY })).json.company_count).toBe(30);
    });

    it('should deliver 25 discovery companies when briefing_quantity is omitted', () => {
      const sim = setup();
      const id = createDiscovery(sim);
      sim.advance(id, 'COMPLETED');
      expect(results(sim, id).json.total).toBe(25);
    });

    it('should respect excluded_industries in business_type', () => {
      const sim = setup();
      const id = createDiscovery(sim, { briefing_quantity: 60, excluded_industries: ['Hotel', 'retail'] });
      sim.advance(id, 'COMPLETED');
      const types = allPages(sim, id).map((c) => c.business_type);
      expect(types).not.toContain('Hotel');
      expect(types).not.toContain('Retail');
    });

    it('should answer 404 for results of an unknown order', () => {
      const r = results(setup(), '00000000-0000-0000-0000-000000000000');
      expect(r).toMatchObject({ status: 404, json: { code: 'ORDER_NOT_FOUND', resource_type: 'Order' } });
    });
  });

  describe('pagination', () => {
    it('should default to limit 50 and report has_more and total', () => {
      const sim = setup();
      const id = createEnrichment(sim, 120, ['COMPANY_DATA']);
      sim.advance(id, 'COMPLETED');
      const first = results(sim, id).json;
      expect(first).toMatchObject({ total: 120, limit: 50, offset: 0, has_more: true });
      expect(first.items).toHaveLength(50);
      const last = results(sim, id, '?limit=50&offset=100').json;
      expect(last).toMatchObject({ total: 120, offset: 100, has_more: false });
      expect(last.items).toHaveLength(20);
      expect(results(sim, id, '?offset=500').json).toMatchObject({ items: [], total: 120, has_more: false });
    });

    it('should page through everything exactly once', () => {
      const sim = setup();
      const id = createEnrichment(sim, 101, ['COMPANY_DATA']);
      sim.advance(id, 'COMPLETED');
      const items = allPages(sim, id, 10);
      expect(items.map((c) => c.source_id)).toEqual(Array.from({ length: 101 }, (_, i) => `CRM-${i}`));
    });

    it.each([
      ['0', 'greater_than_equal'],
      ['101', 'less_than_equal'],
      ['abc', 'int_parsing'],
      ['1.5', 'int_parsing'],
    ])('should reject limit=%s with 422 %s', (limit, type) => {
      const sim = setup();
      const id = createEnrichment(sim, 1);
      const r = results(sim, id, `?limit=${limit}`);
      expect(r.status).toBe(422);
      expect(r.json.detail[0]).toMatchObject({ type, loc: ['query', 'limit'], input: limit });
    });

    it('should accept limit 1 and 100 and reject a negative offset', () => {
      const sim = setup();
      const id = createEnrichment(sim, 1);
      expect(results(sim, id, '?limit=1').status).toBe(200);
      expect(results(sim, id, '?limit=100').status).toBe(200);
      expect(results(sim, id, '?offset=-1').json.detail[0]).toMatchObject({ type: 'greater_than_equal', loc: ['query', 'offset'] });
    });
  });

  describe('progressive delivery and delivered_since', () => {
    it('should show only delivered companies, in delivery order, with their delivered_at', () => {
      const sim = setup();
      const id = createEnrichment(sim, 5);
      sim.deliver(id, 2, T0 + 60_000);
      expect(sim.order(id)?.status).toBe('IN_PROGRESS');
      let page = results(sim, id).json;
      expect(page.total).toBe(2);
      expect(page.items.map((c: ResultCompany) => c.delivered_at)).toEqual(['2026-02-25T10:01:00.000000Z', '2026-02-25T10:01:00.000000Z']);
      sim.deliver(id, 1, T0 + 120_000);
      page = results(sim, id).json;
      expect(page.total).toBe(3);
      expect(page.items[2].source_id).toBe('CRM-2');
      sim.advance(id, 'COMPLETED', { at: T0 + 180_000 });
      expect(results(sim, id).json.total).toBe(5);
    });

    it('should deliver nothing more after COMPLETED unless completed with deliverRemaining false', () => {
      const sim = setup();
      const a = createEnrichment(sim, 4);
      sim.deliver(a, 1, T0);
      sim.advance(a, 'COMPLETED', { at: T0 + 1000 });
      expect(results(sim, a).json.total).toBe(4);
      expect(sim.deliver(a, undefined, T0 + 2000)).toBe(0);
      const b = createEnrichment(sim, 4);
      sim.deliver(b, 1, T0);
      sim.advance(b, 'COMPLETED', { at: T0 + 1000, deliverRemaining: false });
      expect(results(sim, b).json.total).toBe(1);
      expect(sim.deliver(b, undefined, T0 + 2000)).toBe(3);
      expect(results(sim, b, `?delivered_since=${encodeURIComponent('2026-02-25T10:00:01Z')}`).json.total).toBe(3);
      const c = createEnrichment(sim, 2);
      sim.advance(c, 'CANCELLED');
      expect(() => sim.deliver(c)).toThrow(/CANCELLED/);
    });

    it('should return only companies delivered strictly after delivered_since', () => {
      const sim = setup();
      const id = createEnrichment(sim, 6);
      sim.deliver(id, 2, T0 + 60_000);
      sim.deliver(id, 3, T0 + 120_000);
      const since = '2026-02-25T10:01:00Z';
      const r = results(sim, id, `?delivered_since=${encodeURIComponent(since)}`).json;
      expect(r.total).toBe(3);
      expect(r.items.map((c: ResultCompany) => c.source_id)).toEqual(['CRM-2', 'CRM-3', 'CRM-4']);
      expect(results(sim, id, `?delivered_since=${encodeURIComponent('2026-02-25T10:00:59.999999Z')}`).json.total).toBe(5);
      expect(results(sim, id, `?delivered_since=${encodeURIComponent('2026-02-25T11:01:00+01:00')}`).json.total).toBe(3);
      expect(results(sim, id, `?delivered_since=${encodeURIComponent('2026-02-25T10:02:00.000000Z')}`).json).toMatchObject({ total: 0, items: [] });
    });

    it('should support incremental sync with delivered_since and pagination together', () => {
      const sim = setup();
      const id = createEnrichment(sim, 30, ['COMPANY_DATA']);
      sim.deliver(id, 10, T0 + 1000);
      const seen = new Set<string>();
      let cursor = '1970-01-01T00:00:00Z';
      for (const [count, at] of [
        [0, 0],
        [12, T0 + 2000],
        [8, T0 + 3000],
      ] as const) {
        if (count > 0) sim.deliver(id, count, at);
        // The cursor only moves after a complete pass: moving it mid-pass would shift the pages.
        let next = cursor;
        for (let offset = 0; ; offset += 4) {
          const r = results(sim, id, `?limit=4&offset=${offset}&delivered_since=${encodeURIComponent(cursor)}`).json;
          for (const c of r.items as ResultCompany[]) {
            expect(seen.has(c.source_id ?? '')).toBe(false);
            seen.add(c.source_id ?? '');
            if ((c.delivered_at ?? '') > next) next = c.delivered_at ?? next;
          }
          if (!r.has_more) break;
        }
        cursor = next;
      }
      expect(seen.size).toBe(30);
    });

    it('should reject an invalid delivered_since, including an unencoded + offset', () => {
      const sim = setup();
      const id = createEnrichment(sim, 1);
      expect(results(sim, id, '?delivered_since=yesterday').json.detail[0]).toMatchObject({ loc: ['query', 'delivered_since'] });
      expect(results(sim, id, '?delivered_since=2026-02-25T10:00:00+01:00').status).toBe(422);
    });

    it('should count results fetched before the order is COMPLETED', () => {
      const sim = setup();
      const id = createEnrichment(sim, 2);
      results(sim, id);
      sim.advance(id, 'COMPLETED');
      results(sim, id);
      expect(sim.counts).toMatchObject({ resultsFetches: 2, resultsFetchesBeforeCompleted: 1 });
    });

    it('should serve the same items on GET /deliveries/{prospect_search_id}/companies', () => {
      const sim = setup();
      const id = createDiscovery(sim, { briefing_quantity: 3 });
      sim.advance(id, 'COMPLETED');
      const psid = sim.order(id)?.prospectSearchId ?? '';
      const d = send(sim, buildRequest('GET', `/api/v1/deliveries/${psid}/companies`, { key: KEY })).json;
      expect(d).toEqual(results(sim, id).json);
      sim.addKey('lnc_test_orders_only', ['orders:read']);
      expect(send(sim, buildRequest('GET', `/api/v1/deliveries/${psid}/companies`, { key: 'lnc_test_orders_only' })).json.required_scopes).toEqual([
        'companies:read',
        'prospects:read',
      ]);
    });
  });

  describe('autoProgress', () => {
    it('should accept, start, deliver in ticks and complete lazily from req.now', () => {
      const sim = setup();
      sim.autoProgress({ acceptAfterMs: 60_000, startAfterMs: 60_000, deliverEveryMs: 30_000, perDelivery: 2 });
      const id = createEnrichment(sim, 5, ['COMPANY_DATA']);
      const status = (now: number) => send(sim, buildRequest('GET', `/api/v1/orders/${id}`, { key: KEY, now })).json;
      expect(status(T0 + 59_999).status).toBe('RECEIVED');
      expect(status(T0 + 60_000)).toMatchObject({ status: 'ACCEPTED', accepted_at: '2026-02-25T10:01:00.000000Z' });
      expect(status(T0 + 120_000).status).toBe('IN_PROGRESS');
      expect(results(sim, id, '', T0 + 150_000).json.total).toBe(2);
      const done = status(T0 + 10 * 60_000);
      expect(done).toMatchObject({ status: 'COMPLETED', completed_at: '2026-02-25T10:03:30.000000Z' });
      const delivered = results(sim, id, '', T0 + 10 * 60_000).json.items.map((c: ResultCompany) => c.delivered_at);
      expect(delivered).toEqual([
        '2026-02-25T10:02:30.000000Z',
        '2026-02-25T10:02:30.000000Z',
        '2026-02-25T10:03:00.000000Z',
        '2026-02-25T10:03:00.000000Z',
        '2026-02-25T10:03:30.000000Z',
      ]);
    });
  });

  describe('generated data', () => {
    it('should be deterministic for the same seed and input and differ for another seed', () => {
      const run = (seed: number) => {
        const sim = setup(seed);
        const e = createEnrichment(sim, 20);
        const d = createDiscovery(sim, { briefing_quantity: 20 });
        sim.advance(e, 'COMPLETED', { at: T0 + 1 });
        sim.advance(d, 'COMPLETED', { at: T0 + 1 });
        return JSON.stringify([allPages(sim, e), allPages(sim, d)]);
      };
      expect(run(5)).toBe(run(5));
      expect(run(5)).not.toBe(run(6));
    });

    it('should give the same discovery companies to two orders with the same ICP', () => {
      const sim = setup();
      const a = createDiscovery(sim, { briefing_quantity: 10, title: 'first' });
      const b = createDiscovery(sim, { briefing_quantity: 10, title: 'second' });
      sim.advance(a, 'COMPLETED', { at: T0 });
      sim.advance(b, 'COMPLETED', { at: T0 });
      expect(allPages(sim, b)).toEqual(allPages(sim, a));
    });

    it('should include hostile values on a deterministic subset', () => {
      const sim = setup();
      const e = createEnrichment(sim, 10);
      const d = createDiscovery(sim, { briefing_quantity: 30 });
      sim.advance(e, 'COMPLETED');
      sim.advance(d, 'COMPLETED');
      const items = [...allPages(sim, e), ...allPages(sim, d)];
      const text = JSON.stringify(items);
      expect(items.some((c) => c.description === '=HYPERLINK("http://evil","x")')).toBe(true);
      expect(items.some((c) => c.description?.length === 60_000)).toBe(true);
      expect(items.some((c) => c.phone_numbers?.includes('+49 30 1234567'))).toBe(true);
      expect(items.some((c) => c.postal_code === '01067')).toBe(true);
      expect(items.some((c) => c.name === 'Müller & Söhne GmbH')).toBe(true);
      expect(items.some((c) => c.name.startsWith('株式会社'))).toBe(true);
      expect(items.some((c) => c.name.startsWith('='))).toBe(true);
      expect(items.some((c) => c.prospects.some((p) => p.job_title === '- Head of Sales'))).toBe(true);
      expect(text).toContain('Jürgen');
    });

    it('should return limited data for a company whose website cannot be found', () => {
      const sim = setup();
      const r = send(
        sim,
        buildRequest('POST', '/api/v1/orders/', {
          key: KEY,
          json: { title: 'x', features: ALL, companies: Array.from({ length: 9 }, (_, i) => ({ company_name: `N ${i}`, city: 'Köln', postal_code: '50667' })) },
        }),
      );
      sim.advance(r.json.order_id, 'COMPLETED');
      const ninth = allPages(sim, r.json.order_id)[8];
      expect(ninth).toMatchObject({ website_url: null, description: null, prospects: [], city: 'Köln', postal_code: '50667' });
    });
  });
});
