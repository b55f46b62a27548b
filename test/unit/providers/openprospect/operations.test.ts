import { ApiError, MalformedResponseError, NotFoundError } from '../../../../src/platform/errors';
import type { ApiRequest, ApiResponse, Http } from '../../../../src/platform/http-types';
import {
  addBlacklistEntries,
  addBlacklistEntriesInChunks,
  chunk,
  checkBlacklistEntries,
  deleteBlacklistEntries,
  listBlacklistEntries,
  type BlacklistEntryInput,
} from '../../../../src/providers/openprospect/blacklist-entries';
import { createBlacklist, deleteBlacklist, getBlacklist, listBlacklists, updateBlacklist } from '../../../../src/providers/openprospect/blacklists';
import { createOrder } from '../../../../src/providers/openprospect/create-order';
import { getOrder, readOrderStatus } from '../../../../src/providers/openprospect/get-order';
import { listOrders } from '../../../../src/providers/openprospect/list-orders';
import { createSearchProfile, getSearchProfileCreation } from '../../../../src/providers/openprospect/profiles';
import type { DiscoveryOrderBody, EnrichmentOrderBody } from '../../../../src/providers/openprospect/bodies';
import { looksLikeOpenProspectKey, missingScopes, validateKey } from '../../../../src/providers/openprospect/validate-key';

// A tiny scripted Http: records every request and answers from `script` (an ApiError is thrown).
type Answer = ApiResponse<unknown> | ApiError;
function fakeHttp(script: (req: ApiRequest, n: number) => Answer): Http & { requests: ApiRequest[]; waves: number[] } {
  const requests: ApiRequest[] = [];
  const waves: number[] = [];
  const answer = (req: ApiRequest): Answer => {
    requests.push(req);
    return script(req, requests.length);
  };
  return {
    provider: 'openprospect',
    requests,
    waves,
    request<T>(req: ApiRequest): ApiResponse<T> {
      const a = answer(req);
      if (a instanceof ApiError) throw a;
      return a as ApiResponse<T>;
    },
    requestAll<T>(reqs: ApiRequest[]): Array<ApiResponse<T> | ApiError> {
      waves.push(reqs.length);
      return reqs.map((r) => answer(r) as ApiResponse<T> | ApiError);
    },
  };
}
const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): ApiResponse<unknown> => ({ status, headers, body });
const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

// The guides' examples, verbatim.
const CREATE_202 = {
  order_id: '4f767705-03a2-4e91-a3e8-1ec3f9dea865',
  status: 'RECEIVED',
  company_count: 2,
  estimated_cost: null,
  message: 'Order received. Awaiting admin review.',
};
const ORDER_COMPLETED = {
  order_id: '4f767705-03a2-4e91-a3e8-1ec3f9dea865',
  title: 'Q1 2026 Hotel Prospects',
  status: 'COMPLETED',
  priority: 'NORMAL',
  company_count: 2,
  features: ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES'],
  estimated_cost: null,
  prospect_search_id: '42665897-b189-4e0f-8841-499351a30aff',
  admin_notes: null,
  webhook_url: null,
  created_at: '2026-02-25T10:30:00.000000Z',
  accepted_at: '2026-02-25T10:45:00.000000Z',
  completed_at: '2026-02-25T12:00:00.000000Z',
  cancelled_at: null,
};
const DISCOVERY_ORDER = {
  order_id: '74f00d79-7e4a-4ba3-a30c-012de85d6d78',
  order_type: 'DISCOVERY',
  title: 'DACH SaaS Discovery Q1 2026',
  status: 'RECEIVED',
  priority: 'NORMAL',
  company_count: 0,
  features: ['COMPANY_DATA', 'CONTACTS', 'ANALYSIS'],
  estimated_cost: null,
  prospect_search_id: null,
  admin_notes: null,
  webhook_url: null,
  seller_offering: 'AI-powered lead generation and prospect enrichment platform',
  seller_industry: 'Software / Technology',
  excluded_industries: ['Government', 'Non-profit'],
  target_countries: ['Germany', 'Austria', 'Switzerland'],
  target_cities: ['Berlin', 'Munich', 'Vienna'],
  output_language: 'en',
  created_at: '2026-03-01T10:30:00.000000Z',
  accepted_at: null,
  completed_at: null,
  cancelled_at: null,
};
const ENRICHMENT_BODY: EnrichmentOrderBody = {
  order_type: 'ENRICHMENT',
  title: 'Q1 2026 Hotel Prospects',
  features: ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES'],
  profile_name: 'Hotel Enrichment Q1',
  companies: [
    { company_name: 'Grand Hotel Berlin', external_id: 'CRM-1001', website_url: 'https://www.grandhotel-berlin.de', city: 'Berlin', country: 'Germany' },
    { company_name: 'Alpine Resort Innsbruck', external_id: 'CRM-1002', city: 'Innsbruck', country: 'Austria' },
  ],
};

describe('providers/openprospect', () => {
  describe('#validateKey()', () => {
    it('should GET /auth/validate and return valid and scopes', () => {
      const http = fakeHttp(() => ok({ valid: true, scopes: ['orders:read', 'orders:write'] }));
      expect(validateKey(http)).toEqual({ valid: true, scopes: ['orders:read', 'orders:write'] });
      expect(http.requests).toEqual([{ method: 'get', path: '/auth/validate' }]);
    });

    it('should treat missing scopes as none and reject a body without valid', () => {
      expect(validateKey(fakeHttp(() => ok({ valid: false }))).scopes).toEqual([]);
      const e = thrown(() => validateKey(fakeHttp(() => ok({ scopes: [] }))));
      expect(e).toBeInstanceOf(MalformedResponseError);
      expect((e as Error).message).toBe('GET /auth/validate: valid: expected boolean, got nothing');
    });
  });

  describe('#missingScopes()', () => {
    it('should list the scopes a flow needs that the key lacks', () => {
      expect(missingScopes(['orders:read', 'orders:write'], 'enrichment')).toEqual([]);
      expect(missingScopes(['orders:read', 'orders:write'], 'discovery')).toEqual(['blacklists:read', 'blacklists:write']);
      expect(missingScopes([], 'enrichment')).toEqual(['orders:read', 'orders:write']);
    });
  });

  describe('#looksLikeOpenProspectKey()', () => {
    it('should check the prefix only', () => {
      expect(looksLikeOpenProspectKey('lnc_live_abc')).toBe(true);
      expect(looksLikeOpenProspectKey(' lnc_test_0123456789abcdef0123456789abcdef ')).toBe(true);
      expect(looksLikeOpenProspectKey('sk_live_abc')).toBe(false);
      expect(looksLikeOpenProspectKey('lnc_live_')).toBe(false);
    });
  });

  describe('#createOrder()', () => {
    it('should POST /orders/ with the trailing slash, the body and the Idempotency-Key', () => {
      const http = fakeHttp(() => ok(CREATE_202, 202));
      const res = createOrder(http, ENRICHMENT_BODY, { idempotencyKey: 'job-1:0' });
      expect(res.order_id).toBe('4f767705-03a2-4e91-a3e8-1ec3f9dea865');
      expect(res.status).toBe('RECEIVED');
      expect(res.estimated_cost).toBeNull();
      expect(http.requests).toEqual([{ method: 'post', path: '/orders/', json: ENRICHMENT_BODY, idempotencyKey: 'job-1:0' }]);
    });

    it('should accept the discovery 202 with order_type and an estimated cost object', () => {
      const body: DiscoveryOrderBody = {
        order_type: 'DISCOVERY',
        title: 'DACH',
        features: ['COMPANY_DATA'],
        ideal_customer_profile: 'SaaS',
        seller_offering: 'Leads',
        target_countries: ['Germany'],
      };
      const http = fakeHttp(() => ok({ ...CREATE_202, order_type: 'DISCOVERY', company_count: 0, estimated_cost: { total: 12.5, currency: 'EUR' } }, 202));
      const res = createOrder(http, body, { idempotencyKey: 'k' });
      expect(res.order_type).toBe('DISCOVERY');
      expect(res.estimated_cost).toEqual({ total: 12.5, currency: 'EUR' });
      expect(http.requests[0]?.path).toBe('/orders/');
    });

    it('should refuse to send without an idempotency key or with too many companies', () => {
      const http = fakeHttp(() => ok(CREATE_202, 202));
      expect(() => createOrder(http, ENRICHMENT_BODY, { idempotencyKey: ' ' })).toThrow(/idempotencyKey is required/);
      const companies = Array.from({ length: 10_001 }, (_, i) => ({ company_name: `C${i}` }));
      expect(() => createOrder(http, { ...ENRICHMENT_BODY, companies }, { idempotencyKey: 'k' })).toThrow(/1 to 10000 companies/);
      expect(() => createOrder(http, { ...ENRICHMENT_BODY, companies: [] }, { idempotencyKey: 'k' })).toThrow(RangeError);
      expect(http.requests).toHaveLength(0);
    });

    it('should throw MalformedResponseError with the status and request id when order_id is missing', () => {
      const http = fakeHttp(() => ok({ status: 'RECEIVED' }, 202, { 'x-request-id': 'req-9' }));
      const e = thrown(() => createOrder(http, ENRICHMENT_BODY, { idempotencyKey: 'k' })) as MalformedResponseError;
      expect(e).toBeInstanceOf(MalformedResponseError);
      expect(e.status).toBe(202);
      expect(e.requestId).toBe('req-9');
      expect(e.message).toBe('POST /orders/: order_id: expected string, got nothing');
    });

    it('should let an ApiError from Http through untouched', () => {
      const conflict = ApiError.generate('openprospect', 409, { code: 'IDEMPOTENCY_CONFLICT', message: 'key reused' });
      const http = fakeHttp(() => conflict);
      expect(thrown(() => createOrder(http, ENRICHMENT_BODY, { idempotencyKey: 'k' }))).toBe(conflict);
    });
  });

  describe('#getOrder()', () => {
    it('should GET /orders/{id} and parse the enrichment example', () => {
      const http = fakeHttp(() => ok(ORDER_COMPLETED));
      const order = getOrder(http, ORDER_COMPLETED.order_id);
      expect(order.status).toBe('COMPLETED');
      expect(order.prospect_search_id).toBe('42665897-b189-4e0f-8841-499351a30aff');
      expect(http.requests).toEqual([{ method: 'get', path: '/orders/4f767705-03a2-4e91-a3e8-1ec3f9dea865' }]);
    });

    it('should parse the discovery example with its extra fields', () => {
      const order = getOrder(
        fakeHttp(() => ok(DISCOVERY_ORDER)),
        DISCOVERY_ORDER.order_id,
      );
      expect(order.order_type).toBe('DISCOVERY');
      expect(order.target_countries).toEqual(['Germany', 'Austria', 'Switzerland']);
    });

    it('should accept an unknown status string and keep unknown keys', () => {
      const order = getOrder(
        fakeHttp(() => ok({ ...ORDER_COMPLETED, status: 'ON_HOLD', sla: 'gold' })),
        'x',
      );
      expect(order.status).toBe('ON_HOLD');
      expect(order['sla']).toBe('gold');
    });

    it('should name the bad path when a field has the wrong type', () => {
      const e = thrown(() =>
        getOrder(
          fakeHttp(() => ok({ ...ORDER_COMPLETED, order_id: ['o-1'] })),
          'o-1',
        ),
      );
      expect(e).toBeInstanceOf(MalformedResponseError);
      expect((e as Error).message).toMatch(/^GET \/orders\/o-1: order_id: expected string, got an? (array|object)/);
      // A display list of the wrong type is left empty, never failing the answer.
      expect(
        getOrder(
          fakeHttp(() => ok({ ...ORDER_COMPLETED, features: 'COMPANY_DATA' })),
          'o-1',
        ).features,
      ).toBeNull();
      const e2 = thrown(() =>
        getOrder(
          fakeHttp(() => ok({ ...ORDER_COMPLETED, status: '' })),
          'o-1',
        ),
      );
      expect((e2 as Error).message).toMatch(/^GET \/orders\/o-1: status: below the minimum 1/);
    });

    it('should encode the order id into the path', () => {
      const http = fakeHttp(() => ok(ORDER_COMPLETED));
      getOrder(http, 'a/b c');
      expect(http.requests[0]?.path).toBe('/orders/a%2Fb%20c');
    });

    it('should pass a 404 through as NotFoundError', () => {
      const nf = ApiError.generate('openprospect', 404, {
        code: 'ORDER_NOT_FOUND',
        message: 'Order with identifier x not found',
        resource_type: 'Order',
        identifier: 'x',
      });
      expect(
        thrown(() =>
          getOrder(
            fakeHttp(() => nf),
            'x',
          ),
        ),
      ).toBeInstanceOf(NotFoundError);
    });
  });

  describe('#readOrderStatus()', () => {
    it('should map all seven statuses and treat an unknown one as running with a warning', () => {
      const phase = (status: string): string => readOrderStatus({ order_id: 'o', status }).phase;
      expect(['RECEIVED', 'ACCEPTED', 'IN_PROGRESS'].map(phase)).toEqual(['waiting', 'waiting', 'waiting']);
      expect(phase('COMPLETED')).toBe('completed');
      expect(phase('REJECTED')).toBe('rejected');
      expect(phase('FAILED')).toBe('failed');
      expect(phase('CANCELLED')).toBe('cancelled');
      const unknown = readOrderStatus({ order_id: 'o', status: 'PAUSED' });
      expect(unknown).toEqual({ phase: 'waiting', known: false, warning: expect.stringContaining('"PAUSED"') });
    });

    it('should surface the admin notes on REJECTED and the order id on FAILED', () => {
      expect(readOrderStatus({ order_id: 'o', status: 'REJECTED', admin_notes: 'Out of scope' }).message).toBe('Out of scope');
      expect(readOrderStatus({ order_id: 'o', status: 'REJECTED', admin_notes: null, message: 'No budget' }).message).toBe('No budget');
      expect(readOrderStatus({ order_id: 'o-7', status: 'FAILED' }).message).toMatch(/contact OpenProspect support with order ID o-7/);
    });
  });

  describe('#listOrders()', () => {
    it('should GET /orders/ with status and limit and read the `orders` envelope', () => {
      const http = fakeHttp(() => ok({ orders: [ORDER_COMPLETED] }));
      const page = listOrders(http, { status: 'COMPLETED', limit: 10 });
      expect(page).toEqual({ orders: [ORDER_COMPLETED], envelope: 'orders' });
      expect(http.requests).toEqual([{ method: 'get', path: '/orders/', query: { status: 'COMPLETED', limit: 10, offset: undefined } }]);
    });

    it('should read the `items` envelope with its pagination fields', () => {
      const page = listOrders(fakeHttp(() => ok({ items: [ORDER_COMPLETED, DISCOVERY_ORDER], total: 7, limit: 2, offset: 0, has_more: true })));
      expect(page.orders.map((o) => o.order_id)).toEqual([ORDER_COMPLETED.order_id, DISCOVERY_ORDER.order_id]);
      expect(page).toMatchObject({ envelope: 'items', total: 7, limit: 2, offset: 0, hasMore: true });
    });

    it('should fail clearly on any other envelope or a bad entry', () => {
      const e = thrown(() => listOrders(fakeHttp(() => ok({ data: [] }))));
      expect(e).toBeInstanceOf(MalformedResponseError);
      expect((e as Error).message).toMatch(/"orders" or "items"/);
      const e2 = thrown(() => listOrders(fakeHttp(() => ok({ items: [{ status: 'COMPLETED' }] }))));
      expect((e2 as Error).message).toBe('GET /orders/: items.0.order_id: expected string, got nothing');
    });
  });

  describe('#createSearchProfile()', () => {
    it('should POST /search-profile-creations with the Idempotency-Key and read profile_creation_id', () => {
      const http = fakeHttp(() => ok({ profile_creation_id: 'pc-1', status: 'PENDING' }, 202));
      const body = { profile_name: 'Hotels', ideal_customer_profile: '4-5 star hotels', target_countries: ['Germany'] };
      const state = createSearchProfile(http, body, { idempotencyKey: 'job-2:profile' });
      expect(state).toMatchObject({ profileCreationId: 'pc-1', status: 'PENDING' });
      expect(http.requests).toEqual([{ method: 'post', path: '/search-profile-creations', json: body, idempotencyKey: 'job-2:profile' }]);
    });

    it('should accept `id` instead and refuse a body with no id at all', () => {
      expect(
        createSearchProfile(
          fakeHttp(() => ok({ id: 'pc-2', status: 'PENDING' })),
          {},
          { idempotencyKey: 'k' },
        ).profileCreationId,
      ).toBe('pc-2');
      expect(
        thrown(() =>
          createSearchProfile(
            fakeHttp(() => ok({ status: 'PENDING' })),
            {},
            { idempotencyKey: 'k' },
          ),
        ),
      ).toBeInstanceOf(MalformedResponseError);
      expect(() =>
        createSearchProfile(
          fakeHttp(() => ok({})),
          {},
          { idempotencyKey: '' },
        ),
      ).toThrow(/idempotencyKey/);
    });
  });

  describe('#getSearchProfileCreation()', () => {
    it('should return the profile_id on SUCCEEDED and the reason on FAILED', () => {
      const http = fakeHttp(() => ok({ status: 'SUCCEEDED', profile_id: 'p-9' }));
      expect(getSearchProfileCreation(http, 'pc-1')).toMatchObject({ profileCreationId: 'pc-1', status: 'SUCCEEDED', profileId: 'p-9' });
      expect(http.requests[0]).toEqual({ method: 'get', path: '/search-profile-creations/pc-1' });
      expect(
        getSearchProfileCreation(
          fakeHttp(() => ok({ status: 'FAILED', error: { code: 'X', message: 'ICP too vague' } })),
          'pc-1',
        ).failureReason,
      ).toBe('ICP too vague');
      expect(
        getSearchProfileCreation(
          fakeHttp(() => ok({ status: 'FAILED', reason: 'timeout' })),
          'pc-1',
        ).failureReason,
      ).toBe('timeout');
    });

    it('should refuse SUCCEEDED without a profile_id', () => {
      const e = thrown(() =>
        getSearchProfileCreation(
          fakeHttp(() => ok({ status: 'SUCCEEDED' })),
          'pc-1',
        ),
      );
      expect(e).toBeInstanceOf(MalformedResponseError);
      expect((e as Error).message).toMatch(/profile_id/);
    });
  });

  const BL = { id: 'd33b69ce-80ce-4ede-b4df-4b11427f8b55', name: 'Existing Customers', description: 'Companies already in our CRM' };

  describe('#createBlacklist() #getBlacklist() #updateBlacklist() #deleteBlacklist()', () => {
    it('should create, get, patch and delete by the documented paths', () => {
      const http = fakeHttp((req) => (req.method === 'delete' ? ok(undefined, 204) : ok(BL)));
      expect(createBlacklist(http, { name: BL.name, description: BL.description }).id).toBe(BL.id);
      expect(getBlacklist(http, BL.id).name).toBe('Existing Customers');
      expect(updateBlacklist(http, BL.id, { name: 'Customers' }).id).toBe(BL.id);
      deleteBlacklist(http, BL.id);
      expect(http.requests.map((r) => [r.method, r.path, r.json])).toEqual([
        ['post', '/blacklists', { name: BL.name, description: BL.description }],
        ['get', `/blacklists/${BL.id}`, undefined],
        ['patch', `/blacklists/${BL.id}`, { name: 'Customers' }],
        ['delete', `/blacklists/${BL.id}`, undefined],
      ]);
    });

    it('should read blacklist_id, and refuse a created blacklist without any id', () => {
      expect(
        createBlacklist(
          fakeHttp(() => ok({ blacklist_id: 'b-2', name: 'x' })),
          { name: 'x' },
        ).id,
      ).toBe('b-2');
      expect(
        thrown(() =>
          createBlacklist(
            fakeHttp(() => ok({ name: 'x' })),
            { name: 'x' },
          ),
        ),
      ).toBeInstanceOf(MalformedResponseError);
    });
  });

  describe('#listBlacklists()', () => {
    it('should list blacklists from `items`, `blacklists` or a bare array', () => {
      expect(listBlacklists(fakeHttp(() => ok({ items: [BL], total: 1, has_more: false }))).items[0]?.id).toBe(BL.id);
      expect(listBlacklists(fakeHttp(() => ok({ blacklists: [BL] }))).items).toHaveLength(1);
      expect(listBlacklists(fakeHttp(() => ok([BL]))).items).toHaveLength(1);
      expect(thrown(() => listBlacklists(fakeHttp(() => ok({ rows: [] }))))).toBeInstanceOf(MalformedResponseError);
    });
  });

  describe('#addBlacklistEntries()', () => {
    it('should POST entries as { entries } and refuse more than 10,000 in one call', () => {
      const http = fakeHttp(() => ok({ added: 2 }, 201));
      const entries = [
        { company_name: 'Acme Corp', website_url: 'https://www.acme-corp.com' },
        { company_name: 'Global Industries GmbH', city: 'Munich', country: 'Germany' },
      ];
      expect(addBlacklistEntries(http, 'b-1', entries)).toEqual({ added: 2 });
      expect(http.requests[0]).toEqual({ method: 'post', path: '/blacklists/b-1/entries', json: { entries } });
      const many = Array.from({ length: 10_001 }, (_, i) => ({ company_name: `C${i}` }));
      expect(() => addBlacklistEntries(http, 'b-1', many)).toThrow(RangeError);
    });
  });

  describe('#addBlacklistEntriesInChunks()', () => {
    it('should split 25,000 entries into POSTs of 10,000, 10,000 and 5,000', () => {
      const http = fakeHttp(() => ok({}));
      const entries: BlacklistEntryInput[] = Array.from({ length: 25_000 }, (_, i) => ({ external_id: `E${i}` }));
      const progress = addBlacklistEntriesInChunks(http, 'b-1', entries);
      expect(progress).toMatchObject({ nextIndex: 25_000, complete: true });
      const sent = http.requests.map((r) => (r.json as { entries: BlacklistEntryInput[] }).entries);
      expect(sent.map((s) => s.length)).toEqual([10_000, 10_000, 5_000]);
      expect(sent.flat().map((e) => e.external_id)).toEqual(entries.map((e) => e.external_id));
    });

    it('should stop at a failed chunk and resume from its first entry', () => {
      const boom = ApiError.generate('openprospect', 503, { message: 'down' });
      const http = fakeHttp((_req, n) => (n === 2 ? boom : ok({})));
      const entries = Array.from({ length: 25 }, (_, i) => ({ company_name: `C${i}` }));
      const first = addBlacklistEntriesInChunks(http, 'b-1', entries, { chunkSize: 10 });
      expect(first).toMatchObject({ nextIndex: 10, complete: false, error: boom });
      const second = addBlacklistEntriesInChunks(http, 'b-1', entries, { chunkSize: 10, startIndex: first.nextIndex });
      expect(second).toMatchObject({ nextIndex: 25, complete: true });
      expect(http.requests.map((r) => (r.json as { entries: unknown[] }).entries.length)).toEqual([10, 10, 10, 5]);
    });

    it('should stop before a chunk when the deadline is nearly over', () => {
      const http = fakeHttp(() => ok({}));
      let calls = 0;
      const deadline = { nearlyOver: () => ++calls > 1 };
      const progress = addBlacklistEntriesInChunks(
        http,
        'b-1',
        Array.from({ length: 30 }, () => ({ company_name: 'x' })),
        { chunkSize: 10, deadline },
      );
      expect(progress).toMatchObject({ nextIndex: 10, complete: false });
      expect(progress.error).toBeUndefined();
    });
  });

  describe('#listBlacklistEntries() #deleteBlacklistEntries()', () => {
    it('should list and delete entries', () => {
      const http = fakeHttp((req) => (req.method === 'get' ? ok({ entries: [{ id: 'e1', company_name: 'Acme Corp' }], total: 1 }) : ok(undefined, 204)));
      expect(listBlacklistEntries(http, 'b-1', { limit: 50 })).toEqual({ items: [{ id: 'e1', company_name: 'Acme Corp' }], total: 1 });
      deleteBlacklistEntries(http, 'b-1', { entryIds: ['e1'] });
      deleteBlacklistEntries(http, 'b-1');
      expect(http.requests.map((r) => [r.method, r.path, r.json])).toEqual([
        ['get', '/blacklists/b-1/entries', undefined],
        ['delete', '/blacklists/b-1/entries', { entry_ids: ['e1'] }],
        ['delete', '/blacklists/b-1/entries', undefined],
      ]);
    });
  });

  describe('#checkBlacklistEntries() #chunk()', () => {
    it('should flag entries with nothing to match on, and chunk any list', () => {
      expect(checkBlacklistEntries([{ company_name: 'A' }, { city: 'Munich' }, { website_url: 'acme.com' }])).toEqual([
        'Entry 2: needs a company name, a website or an external id to match on.',
      ]);
      expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
      expect(chunk([], 2)).toEqual([]);
    });
  });
});
