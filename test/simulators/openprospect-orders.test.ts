import { createOpenProspectSim, type OpenProspectSim } from '../../emulator/apis/openprospect';
import { type BuildRequestOptions, buildRequest, send } from '../../emulator/apis/openprospect/request';

const KEY = 'lnc_test_orders';

function setup(): OpenProspectSim {
  const sim = createOpenProspectSim({ seed: 42 });
  sim.addKey(KEY);
  return sim;
}

const post = (sim: OpenProspectSim, body: unknown, o: BuildRequestOptions = {}, path = '/api/v1/orders/') =>
  send(sim, buildRequest('POST', path, { key: KEY, json: body, ...o }));
const get = (sim: OpenProspectSim, path: string, o: BuildRequestOptions = {}) => send(sim, buildRequest('GET', path, { key: KEY, ...o }));

const enrichment = (over: Record<string, unknown> = {}) => ({
  title: 'Q1 2026 Hotel Prospects',
  features: ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES'],
  profile_name: 'Hotel Enrichment Q1',
  companies: [
    { company_name: 'Grand Hotel Berlin', external_id: 'CRM-1001', website_url: 'https://www.grandhotel-berlin.de', city: 'Berlin', country: 'Germany' },
    { company_name: 'Alpine Resort Innsbruck', external_id: 'CRM-1002', city: 'Innsbruck', country: 'Austria' },
  ],
  ...over,
});

const discovery = (over: Record<string, unknown> = {}) => ({
  order_type: 'DISCOVERY',
  title: 'DACH SaaS Discovery Q1 2026',
  features: ['COMPANY_DATA', 'CONTACTS', 'ANALYSIS'],
  ideal_customer_profile: 'Mid-market SaaS companies in the DACH region with 50-500 employees',
  seller_offering: 'AI-powered lead generation',
  seller_industry: 'Software / Technology',
  target_countries: ['Germany', 'Austria', 'Switzerland'],
  target_cities: ['Berlin', 'Munich', 'Vienna'],
  excluded_industries: ['Government', 'Non-profit'],
  output_language: 'en',
  profile_name: 'DACH SaaS Discovery Profile',
  ...over,
});

/** Posts a body expected to fail and returns its detail[]. */
function details(sim: OpenProspectSim, body: unknown): Array<{ type: string; loc: unknown[]; msg: string; input: unknown; ctx?: Record<string, unknown> }> {
  const r = post(sim, body);
  expect(r.status).toBe(422);
  expect(Array.isArray(r.json.detail)).toBe(true);
  return r.json.detail;
}

function findLoc(d: ReturnType<typeof details>, ...loc: unknown[]) {
  const hit = d.find((x) => JSON.stringify(x.loc) === JSON.stringify(loc));
  if (!hit) throw new Error(`no issue at ${JSON.stringify(loc)} in ${JSON.stringify(d).slice(0, 2000)}`);
  return hit;
}

describe('openprospect sim', () => {
  describe('POST /orders', () => {
    it('should accept the enrichment guide example with 202 and the documented shape', () => {
      const sim = setup();
      const r = post(sim, enrichment());
      expect(r.status).toBe(202);
      expect(Object.keys(r.json).sort()).toEqual(['company_count', 'estimated_cost', 'message', 'order_id', 'order_type', 'status'].sort());
      expect(r.json).toMatchObject({
        order_type: 'ENRICHMENT',
        status: 'RECEIVED',
        company_count: 2,
        estimated_cost: null,
        message: 'Order received. Awaiting admin review.',
      });
      expect(r.json.order_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(sim.counts.ordersCreated).toBe(1);
    });

    it('should accept the discovery guide example on /orders without slash with company_count 0', () => {
      const sim = setup();
      const r = post(sim, discovery(), {}, '/api/v1/orders');
      expect(r.status).toBe(202);
      expect(r.json).toMatchObject({ order_type: 'DISCOVERY', status: 'RECEIVED', company_count: 0, estimated_cost: null });
    });

    it('should reject an empty companies list exactly like the documented example', () => {
      const d = details(setup(), enrichment({ companies: [] }));
      expect(findLoc(d, 'body', 'companies')).toEqual({
        type: 'too_short',
        loc: ['body', 'companies'],
        msg: 'List should have at least 1 item after validation, not 0',
        input: [],
        ctx: { field_name: 'List', min_length: 1, actual_length: 0 },
      });
    });

    it('should reject more than 10,000 companies and accept exactly 10,000', () => {
      const sim = setup();
      const many = (n: number) => Array.from({ length: n }, (_, i) => ({ company_name: `Company ${i}`, external_id: `X-${i}` }));
      const i = findLoc(details(sim, enrichment({ companies: many(10_001) })), 'body', 'companies');
      expect(i.type).toBe('too_long');
      expect(i.msg).toBe('List should have at most 10000 items after validation, not 10001');
      expect(i.ctx).toMatchObject({ max_length: 10_000, actual_length: 10_001 });
      const ok = post(sim, enrichment({ companies: many(10_000) }));
      expect(ok.status).toBe(202);
      expect(ok.json.company_count).toBe(10_000);
    });

    it('should require companies on an enrichment order', () => {
      const body: Record<string, unknown> = enrichment();
      delete body['companies'];
      const i = findLoc(details(setup(), body), 'body', 'companies');
      expect(i).toMatchObject({ type: 'missing', msg: 'Field required' });
    });

    it('should reject a company without company_name', () => {
      const d = details(setup(), enrichment({ companies: [{ external_id: 'A' }, { company_name: 'Ok' }] }));
      expect(findLoc(d, 'body', 'companies', 0, 'company_name')).toMatchObject({ type: 'missing', msg: 'Field required' });
      expect(d).toHaveLength(1);
    });

    it('should reject a company_name over 500 characters and accept 500', () => {
      const sim = setup();
      const d = details(sim, enrichment({ companies: [{ company_name: 'x'.repeat(501) }] }));
      expect(findLoc(d, 'body', 'companies', 0, 'company_name')).toMatchObject({
        type: 'string_too_long',
        msg: 'String should have at most 500 characters',
        ctx: { max_length: 500 },
      });
      expect(post(sim, enrichment({ companies: [{ company_name: 'ü'.repeat(500) }] })).status).toBe(202);
    });

    it('should reject empty and blank company names', () => {
      const d = details(setup(), enrichment({ companies: [{ company_name: '' }, { company_name: '   ' }] }));
      expect(findLoc(d, 'body', 'companies', 0, 'company_name').type).toBe('string_too_short');
      expect(findLoc(d, 'body', 'companies', 1, 'company_name').type).toBe('value_error');
    });

    it('should reject an unknown feature with the enum of the 8 documented features', () => {
      const i = findLoc(details(setup(), enrichment({ features: ['COMPANY_DATA', 'CONTACT'] })), 'body', 'features', 1);
      expect(i.type).toBe('enum');
      expect(i.input).toBe('CONTACT');
      expect(i.msg).toBe(
        "Input should be 'COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES', 'JOBS', 'HANDELSREGISTER', 'ANALYSIS', 'EMAIL_DISCOVERY' or 'EMAIL_GENERATION'",
      );
    });

    it('should reject duplicate features', () => {
      const i = findLoc(details(setup(), enrichment({ features: ['CONTACTS', 'COMPANY_DATA', 'CONTACTS'] })), 'body', 'features');
      expect(i.type).toBe('value_error');
      expect(i.msg).toContain('Duplicate features');
      expect(i.msg).toContain('CONTACTS');
    });

    it('should reject missing, empty and non-list features', () => {
      const sim = setup();
      const body: Record<string, unknown> = enrichment();
      delete body['features'];
      expect(findLoc(details(sim, body), 'body', 'features').type).toBe('missing');
      expect(findLoc(details(sim, enrichment({ features: [] })), 'body', 'features').type).toBe('too_short');
      expect(findLoc(details(sim, enrichment({ features: 'CONTACTS' })), 'body', 'features').type).toBe('list_type');
    });

    it('should reject profile_id together with profile_name', () => {
      const sim = setup();
      const pid = sim.addProfile();
      const i = findLoc(details(sim, enrichment({ profile_id: pid })), 'body');
      expect(i.type).toBe('value_error');
      expect(i.msg).toContain('mutually exclusive');
    });

    it('should accept a known profile_id alone and reject an unknown or malformed one', () => {
      const sim = setup();
      const pid = sim.addProfile();
      const body = (profile_id: string) => {
        const b: Record<string, unknown> = enrichment({ profile_id });
        delete b['profile_name'];
        return b;
      };
      expect(post(sim, body(pid)).status).toBe(202);
      expect(sim.orders()[0]?.profileId).toBe(pid);
      expect(findLoc(details(sim, body('00000000-0000-4000-8000-000000000000')), 'body', 'profile_id').msg).toContain('not found');
      expect(findLoc(details(sim, body('nope')), 'body', 'profile_id').type).toBe('uuid_parsing');
    });

    it('should auto-create a profile when neither profile_id nor profile_name is sent', () => {
      const sim = setup();
      const b: Record<string, unknown> = enrichment();
      delete b['profile_name'];
      expect(post(sim, b).status).toBe(202);
      expect(sim.orders()[0]?.profileId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('should reject companies on a discovery order', () => {
      const i = findLoc(details(setup(), discovery({ companies: [{ company_name: 'A' }] })), 'body', 'companies');
      expect(i.msg).toBe('companies is not allowed');
      expect(i.type).toBe('extra_forbidden');
    });

    it.each(['ideal_customer_profile', 'seller_offering', 'target_countries'])('should require %s on a discovery order', (field) => {
      const sim = setup();
      const body: Record<string, unknown> = discovery();
      delete body[field];
      expect(findLoc(details(sim, body), 'body', field)).toMatchObject({ type: 'missing', msg: `${field} is required` });
      expect(findLoc(details(sim, discovery({ [field]: null })), 'body', field).msg).toBe(`${field} is required`);
    });

    it('should require at least one target country', () => {
      const i = findLoc(details(setup(), discovery({ target_countries: [] })), 'body', 'target_countries');
      expect(i.type).toBe('too_short');
    });

    it.each([
      ['title', 500],
      ['profile_name', 500],
      ['ideal_customer_profile', 5_000],
      ['seller_offering', 5_000],
      ['seller_industry', 1_000],
      ['output_language', 10],
    ])('should enforce the %s length limit of %i on discovery', (field, max) => {
      const sim = setup();
      const i = findLoc(details(sim, discovery({ [field]: 'a'.repeat(max + 1) })), 'body', field);
      expect(i).toMatchObject({ type: 'string_too_long', ctx: { max_length: max } });
      expect(post(sim, discovery({ [field]: 'a'.repeat(max) })).status).toBe(202);
    });

    it('should enforce the title and ideal_customer_profile limits on enrichment too', () => {
      const sim = setup();
      expect(findLoc(details(sim, enrichment({ title: 't'.repeat(501) })), 'body', 'title').type).toBe('string_too_long');
      expect(findLoc(details(sim, enrichment({ ideal_customer_profile: 'i'.repeat(5_001) })), 'body', 'ideal_customer_profile').type).toBe('string_too_long');
    });

    it('should require a non-empty title', () => {
      const sim = setup();
      const b: Record<string, unknown> = enrichment();
      delete b['title'];
      expect(findLoc(details(sim, b), 'body', 'title').type).toBe('missing');
      expect(findLoc(details(sim, enrichment({ title: '' })), 'body', 'title').type).toBe('string_too_short');
    });

    it('should validate the order_type and priority enums', () => {
      const sim = setup();
      expect(findLoc(details(sim, enrichment({ order_type: 'enrichment' })), 'body', 'order_type').msg).toBe("Input should be 'ENRICHMENT' or 'DISCOVERY'");
      expect(findLoc(details(sim, enrichment({ priority: 'HIGH' })), 'body', 'priority').msg).toBe("Input should be 'NORMAL' or 'EXPRESS'");
      expect(post(sim, enrichment({ order_type: 'ENRICHMENT', priority: 'EXPRESS' })).status).toBe(202);
    });

    it('should reject discovery-only fields and briefing_quantity on enrichment orders', () => {
      const d = details(setup(), enrichment({ target_countries: ['Germany'], briefing_quantity: 5 }));
      expect(findLoc(d, 'body', 'target_countries').msg).toBe('target_countries is not allowed for ENRICHMENT orders');
      expect(findLoc(d, 'body', 'briefing_quantity').type).toBe('extra_forbidden');
    });

    it('should reject unknown top-level and company fields', () => {
      const d = details(setup(), enrichment({ colour: 'red', companies: [{ company_name: 'A', domain: 'a.de' }] }));
      expect(findLoc(d, 'body', 'colour').type).toBe('extra_forbidden');
      expect(findLoc(d, 'body', 'companies', 0, 'domain').type).toBe('extra_forbidden');
    });

    it('should validate briefing_quantity on discovery', () => {
      const sim = setup();
      expect(findLoc(details(sim, discovery({ briefing_quantity: 0 })), 'body', 'briefing_quantity').type).toBe('greater_than_equal');
      expect(findLoc(details(sim, discovery({ briefing_quantity: '10' })), 'body', 'briefing_quantity').type).toBe('int_type');
      expect(findLoc(details(sim, discovery({ briefing_quantity: 2.5 })), 'body', 'briefing_quantity').type).toBe('int_from_float');
      expect(post(sim, discovery({ briefing_quantity: 10 })).status).toBe(202);
    });

    it('should reject duplicate external_ids within one order', () => {
      const d = details(
        setup(),
        enrichment({
          companies: [
            { company_name: 'A', external_id: 'X' },
            { company_name: 'B', external_id: 'X' },
          ],
        }),
      );
      expect(findLoc(d, 'body', 'companies', 1, 'external_id').msg).toContain("Duplicate external_id 'X'");
    });

    it('should validate company field types', () => {
      const d = details(setup(), enrichment({ companies: [{ company_name: 'A', employee_count: '12', city: 5 }, 'B'] }));
      expect(findLoc(d, 'body', 'companies', 0, 'employee_count').type).toBe('int_type');
      expect(findLoc(d, 'body', 'companies', 0, 'city').type).toBe('string_type');
      expect(findLoc(d, 'body', 'companies', 1).type).toBe('model_type');
    });

    it('should validate webhook_url, contact_roles and blacklist_ids', () => {
      const sim = setup();
      expect(findLoc(details(sim, enrichment({ webhook_url: 'not a url' })), 'body', 'webhook_url').type).toBe('url_parsing');
      expect(findLoc(details(sim, enrichment({ webhook_url: 'ftp://x.example/h' })), 'body', 'webhook_url').type).toBe('url_scheme');
      expect(findLoc(details(sim, enrichment({ contact_roles: ['CEO', 7] })), 'body', 'contact_roles', 1).type).toBe('string_type');
      expect(findLoc(details(sim, discovery({ blacklist_ids: ['x'] })), 'body', 'blacklist_ids', 0).type).toBe('uuid_parsing');
      const unknown = '11111111-1111-4111-8111-111111111111';
      expect(findLoc(details(sim, discovery({ blacklist_ids: [unknown] })), 'body', 'blacklist_ids', 0).msg).toContain('not found');
    });

    it('should reject bodies that are not JSON objects', () => {
      const sim = setup();
      const noBody = send(sim, buildRequest('POST', '/api/v1/orders/', { key: KEY }));
      expect(noBody.json.detail[0]).toMatchObject({ type: 'missing', loc: ['body'] });
      const badJson = send(sim, buildRequest('POST', '/api/v1/orders/', { key: KEY, body: '{"title":', headers: { 'content-type': 'application/json' } }));
      expect(badJson.status).toBe(422);
      expect(badJson.json.detail[0].type).toBe('json_invalid');
      const array = post(sim, [enrichment()]);
      expect(array.json.detail[0]).toMatchObject({ type: 'model_attributes_type', loc: ['body'] });
    });

    it('should reject a JSON body sent without Content-Type application/json (UrlFetchApp default)', () => {
      const r = send(
        setup(),
        buildRequest('POST', '/api/v1/orders/', {
          key: KEY,
          body: JSON.stringify(enrichment()),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
      expect(r.status).toBe(422);
      expect(r.json.detail[0]).toMatchObject({ type: 'model_attributes_type', loc: ['body'] });
    });

    it('should report every issue at once', () => {
      const d = details(setup(), { title: '', features: ['NOPE'], companies: [] });
      expect(d.map((x) => x.loc.join('.')).sort()).toEqual(['body.companies', 'body.features.0', 'body.title']);
    });
  });

  describe('Idempotency-Key on POST /orders', () => {
    it('should return the same order with 202 for the same key and body, creating nothing new', () => {
      const sim = setup();
      const a = post(sim, enrichment(), { headers: { 'Idempotency-Key': 'k-1' } });
      const b = post(sim, JSON.parse(JSON.stringify({ ...enrichment(), title: enrichment().title })), { headers: { 'Idempotency-Key': 'k-1' }, now: 60_000 });
      expect(b.status).toBe(202);
      expect(b.json).toEqual(a.json);
      expect(sim.orders()).toHaveLength(1);
      expect(sim.counts).toMatchObject({ ordersCreated: 1, idempotentReplays: 1 });
    });

    it('should treat a body with reordered keys as the same body', () => {
      const sim = setup();
      const a = post(sim, enrichment(), { headers: { 'idempotency-key': 'k-2' } });
      const reordered = Object.fromEntries(Object.entries(enrichment()).reverse());
      expect(post(sim, reordered, { headers: { 'idempotency-key': 'k-2' } }).json.order_id).toBe(a.json.order_id);
    });

    it('should answer 409 with a flat error for the same key and a different body', () => {
      const sim = setup();
      post(sim, enrichment(), { headers: { 'idempotency-key': 'k-3' } });
      const r = post(sim, enrichment({ title: 'Changed' }), { headers: { 'idempotency-key': 'k-3' } });
      expect(r.status).toBe(409);
      expect(Object.keys(r.json).sort()).toEqual(['code', 'details', 'message']);
      expect(r.json.code).toBe('IDEMPOTENCY_CONFLICT');
      expect(r.json.details).toEqual({ idempotency_key: 'k-3' });
      expect(sim.orders()).toHaveLength(1);
      expect(sim.counts.idempotencyConflicts).toBe(1);
    });

    it('should create separate orders without a key or with different keys', () => {
      const sim = setup();
      post(sim, enrichment());
      post(sim, enrichment());
      post(sim, enrichment(), { headers: { 'idempotency-key': 'a' } });
      post(sim, enrichment(), { headers: { 'idempotency-key': 'b' } });
      expect(sim.orders()).toHaveLength(4);
    });

    it('should scope keys per organization and forget them after 24 hours', () => {
      const sim = setup();
      sim.addKey('lnc_test_other', undefined, { org: 'org-2' });
      const h = { 'idempotency-key': 'shared' };
      const a = post(sim, enrichment(), { headers: h });
      const b = send(sim, buildRequest('POST', '/api/v1/orders/', { key: 'lnc_test_other', json: enrichment(), headers: h }));
      expect(b.json.order_id).not.toBe(a.json.order_id);
      const c = post(sim, enrichment(), { headers: h, now: 24 * 3600 * 1000 + 1 });
      expect(c.json.order_id).not.toBe(a.json.order_id);
      expect(sim.orders()).toHaveLength(3);
    });

    it('should not remember a key whose request failed validation', () => {
      const sim = setup();
      expect(post(sim, enrichment({ companies: [] }), { headers: { 'idempotency-key': 'v' } }).status).toBe(422);
      expect(post(sim, enrichment(), { headers: { 'idempotency-key': 'v' } }).status).toBe(202);
    });
  });

  describe('GET /orders', () => {
    function three(sim: OpenProspectSim): string[] {
      return [0, 1, 2].map((i) => post(sim, enrichment({ title: `Order ${i}` }), { now: i * 1000 }).json.order_id);
    }

    it('should list orders newest first in the items envelope', () => {
      const sim = setup();
      const ids = three(sim);
      const r = get(sim, '/api/v1/orders/');
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ total: 3, limit: 50, offset: 0, has_more: false });
      expect(r.json.items.map((o: { order_id: string }) => o.order_id)).toEqual([...ids].reverse());
      expect(get(sim, '/api/v1/orders').json.total).toBe(3);
    });

    it('should filter by status and page with limit/offset', () => {
      const sim = setup();
      const ids = three(sim);
      sim.advance(ids[0] ?? '', 'COMPLETED');
      const done = get(sim, '/api/v1/orders/?status=COMPLETED&limit=10');
      expect(done.json.items.map((o: { order_id: string }) => o.order_id)).toEqual([ids[0]]);
      const p = get(sim, '/api/v1/orders/?limit=2&offset=0');
      expect(p.json).toMatchObject({ total: 3, has_more: true });
      expect(p.json.items).toHaveLength(2);
      expect(get(sim, '/api/v1/orders/?limit=2&offset=2').json).toMatchObject({ has_more: false, items: [expect.anything()] });
    });

    it('should reject an unknown status and out-of-range limits', () => {
      const sim = setup();
      expect(get(sim, '/api/v1/orders/?status=DONE').json.detail[0]).toMatchObject({ type: 'enum', loc: ['query', 'status'] });
      expect(get(sim, '/api/v1/orders/?limit=0').json.detail[0]).toMatchObject({ type: 'greater_than_equal', loc: ['query', 'limit'] });
      expect(get(sim, '/api/v1/orders/?limit=101').json.detail[0]).toMatchObject({ type: 'less_than_equal', loc: ['query', 'limit'] });
    });

    it('should use the orders envelope when configured', () => {
      const sim = createOpenProspectSim({ ordersListEnvelope: 'orders' });
      sim.addKey(KEY);
      post(sim, enrichment());
      const r = get(sim, '/api/v1/orders/');
      expect(r.json.orders).toHaveLength(1);
      expect(r.json.items).toBeUndefined();
    });

    it("should not list another organization's orders", () => {
      const sim = setup();
      three(sim);
      sim.addKey('lnc_test_other', undefined, { org: 'org-2' });
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: 'lnc_test_other' })).json.total).toBe(0);
    });
  });

  describe('GET /orders/{order_id}', () => {
    it('should return the documented enrichment status shape', () => {
      const sim = setup();
      const id = post(sim, enrichment(), { now: Date.UTC(2026, 1, 25, 10, 30) }).json.order_id;
      const r = get(sim, `/api/v1/orders/${id}`);
      expect(r.status).toBe(200);
      expect(Object.keys(r.json)).toEqual([
        'order_id',
        'order_type',
        'title',
        'status',
        'priority',
        'company_count',
        'features',
        'estimated_cost',
        'prospect_search_id',
        'admin_notes',
        'webhook_url',
        'created_at',
        'accepted_at',
        'completed_at',
        'cancelled_at',
      ]);
      expect(r.json).toMatchObject({
        status: 'RECEIVED',
        priority: 'NORMAL',
        company_count: 2,
        features: ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES'],
        created_at: '2026-02-25T10:30:00.000000Z',
        accepted_at: null,
        prospect_search_id: null,
      });
    });

    it('should return the discovery-specific fields for a discovery order', () => {
      const sim = setup();
      const id = post(sim, discovery({ webhook_url: 'https://hooks.example.com/op' })).json.order_id;
      const r = get(sim, `/api/v1/orders/${id}`);
      expect(r.json).toMatchObject({
        order_type: 'DISCOVERY',
        company_count: 0,
        seller_offering: 'AI-powered lead generation',
        seller_industry: 'Software / Technology',
        excluded_industries: ['Government', 'Non-profit'],
        target_countries: ['Germany', 'Austria', 'Switzerland'],
        target_cities: ['Berlin', 'Munich', 'Vienna'],
        output_language: 'en',
        webhook_url: 'https://hooks.example.com/op',
      });
    });

    it('should answer 404 with the documented shape for an unknown or foreign order', () => {
      const sim = setup();
      const missing = '00000000-0000-0000-0000-000000000000';
      expect(get(sim, `/api/v1/orders/${missing}`)).toMatchObject({
        status: 404,
        json: { code: 'ORDER_NOT_FOUND', message: `Order with identifier ${missing} not found`, resource_type: 'Order', identifier: missing },
      });
      const id = post(sim, enrichment()).json.order_id;
      sim.addKey('lnc_test_other', undefined, { org: 'org-2' });
      expect(send(sim, buildRequest('GET', `/api/v1/orders/${id}`, { key: 'lnc_test_other' })).json.code).toBe('ORDER_NOT_FOUND');
    });

    it('should answer 422 for an order id that is not a UUID', () => {
      expect(get(setup(), '/api/v1/orders/abc').json.detail[0]).toMatchObject({ type: 'uuid_parsing', loc: ['path', 'order_id'] });
    });
  });

  describe('order lifecycle', () => {
    it('should walk RECEIVED -> ACCEPTED -> IN_PROGRESS -> COMPLETED with timestamps', () => {
      const sim = setup();
      const id = post(sim, enrichment(), { now: 0 }).json.order_id;
      sim.advance(id, 'ACCEPTED', { at: 1000 });
      let o = get(sim, `/api/v1/orders/${id}`, { now: 1500 }).json;
      expect(o).toMatchObject({ status: 'ACCEPTED', accepted_at: '1970-01-01T00:00:01.000000Z' });
      expect(o.prospect_search_id).toMatch(/^[0-9a-f-]{36}$/);
      sim.advance(id, 'IN_PROGRESS', { at: 2000 });
      expect(get(sim, `/api/v1/orders/${id}`).json.status).toBe('IN_PROGRESS');
      sim.advance(id, 'COMPLETED', { at: 3000 });
      o = get(sim, `/api/v1/orders/${id}`).json;
      expect(o).toMatchObject({ status: 'COMPLETED', completed_at: '1970-01-01T00:00:03.000000Z', cancelled_at: null });
    });

    it('should carry the reason of REJECTED, FAILED and CANCELLED in admin_notes', () => {
      const sim = setup();
      const [a, b, c] = [0, 1, 2].map(() => post(sim, enrichment()).json.order_id as string);
      sim.advance(a ?? '', 'REJECTED', { reason: 'Out of scope' });
      sim.advance(b ?? '', 'FAILED', { reason: 'Pipeline error' });
      sim.advance(c ?? '', 'CANCELLED', { reason: 'Customer request', at: 5000 });
      expect(get(sim, `/api/v1/orders/${a}`).json).toMatchObject({ status: 'REJECTED', admin_notes: 'Out of scope' });
      expect(get(sim, `/api/v1/orders/${b}`).json).toMatchObject({ status: 'FAILED', admin_notes: 'Pipeline error' });
      expect(get(sim, `/api/v1/orders/${c}`).json).toMatchObject({ status: 'CANCELLED', cancelled_at: '1970-01-01T00:00:05.000000Z' });
    });

    it('should refuse to leave a terminal state, go back, or reject after acceptance', () => {
      const sim = setup();
      const id = post(sim, enrichment()).json.order_id;
      sim.advance(id, 'IN_PROGRESS');
      expect(() => sim.advance(id, 'ACCEPTED')).toThrow();
      expect(() => sim.advance(id, 'REJECTED')).toThrow();
      sim.advance(id, 'COMPLETED');
      expect(() => sim.advance(id, 'CANCELLED')).toThrow();
    });

    it('should expose estimated_cost when set', () => {
      const sim = setup();
      const id = post(sim, enrichment()).json.order_id;
      sim.setEstimatedCost(id, { total: 12.5, currency: 'EUR' });
      expect(get(sim, `/api/v1/orders/${id}`).json.estimated_cost).toEqual({ total: 12.5, currency: 'EUR' });
    });
  });

  describe('trailing-slash redirects (slashRedirect)', () => {
    const sim = (canonical: 'slash' | 'no-slash', status: 307 | 308 | 301 = 307, origin?: string) => {
      const s = createOpenProspectSim({ seed: 42, slashRedirect: origin ? { canonical, status, origin } : { canonical, status } });
      s.addKey(KEY);
      return s;
    };

    it('should answer POST /orders/ with a redirect to /orders on the same host and create nothing', () => {
      const s = sim('no-slash', 307);
      const res = post(s, enrichment(), { headers: { 'idempotency-key': 'k1' } }, '/api/v1/orders/');
      expect(res.status).toBe(307);
      expect(res.headers['Location']).toBe('https://api.openprospect.io/api/v1/orders');
      expect(s.orders()).toHaveLength(0);
      expect(post(s, enrichment(), { headers: { 'idempotency-key': 'k1' } }, '/api/v1/orders').status).toBe(202);
      expect(s.orders()).toHaveLength(1);
    });

    it('should redirect /orders to /orders/ with 308 when the slash form is canonical, keeping the query', () => {
      const s = sim('slash', 308);
      const res = get(s, '/api/v1/orders?limit=5');
      expect(res.status).toBe(308);
      expect(res.headers['Location']).toBe('https://api.openprospect.io/api/v1/orders/?limit=5');
      expect(get(s, '/api/v1/orders/?limit=5').status).toBe(200);
    });

    it('should redirect to another origin when configured (a proxy or a wrong base URL)', () => {
      const s = sim('no-slash', 301, 'https://elsewhere.example');
      expect(post(s, enrichment(), { headers: { 'idempotency-key': 'k1' } }).headers['Location']).toBe('https://elsewhere.example/api/v1/orders');
      expect(s.counts.redirects).toBe(1);
    });
  });
});
