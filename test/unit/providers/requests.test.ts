/**
 * Each provider operation is a pure request builder plus a reader of its answer (http.ts sends):
 * the builders return exactly the documented method, path, query and body, with no key in them,
 * and refuse what must never leave the script; the readers read a documented answer.
 */
import { keyCheckRequest } from '../../../src/providers/gu1/enrich-by-external-id';
import { brandPageRequest, readBrandPage } from '../../../src/providers/openmart/brands';
import { readCreditBalance } from '../../../src/providers/openmart/credits';
import { denyRequest, readDenyCheck } from '../../../src/providers/openmart/deny-rules';
import { readSearchPage, searchRequest } from '../../../src/providers/openmart/search';
import { readSizeSearch, sizeSearchRequest } from '../../../src/providers/openmart/size-search';
import { addEntriesRequest, deleteEntriesRequest } from '../../../src/providers/openprospect/blacklist-entries';
import { deleteBlacklistRequest, readBlacklist, updateBlacklistRequest } from '../../../src/providers/openprospect/blacklists';
import { createOrderRequest, readCreatedOrder } from '../../../src/providers/openprospect/create-order';
import { orderRequest, readOrder } from '../../../src/providers/openprospect/get-order';
import { listOrdersRequest, readOrdersPage } from '../../../src/providers/openprospect/list-orders';
import { createProfileRequest, readProfileCreation } from '../../../src/providers/openprospect/profiles';
import { readKeyCheck, validateKeyRequest } from '../../../src/providers/openprospect/validate-key';

const ok = (body: unknown) => ({ status: 200, headers: {}, body });

describe('provider operations: request builders and readers', () => {
  describe('OpenProspect', () => {
    it('should build the order requests as documented', () => {
      expect(orderRequest('o-1')).toEqual({ method: 'get', path: '/orders/o-1' });
      expect(validateKeyRequest()).toEqual({ method: 'get', path: '/auth/validate' });
      expect(listOrdersRequest({ status: 'COMPLETED', limit: 5 })).toEqual({
        method: 'get',
        path: '/orders/',
        query: { status: 'COMPLETED', limit: 5, offset: undefined },
      });
      const body = { order_type: 'DISCOVERY' as const, title: 't', target_company_count: 10 };
      expect(createOrderRequest(body as never, { idempotencyKey: 'k-1' })).toEqual({ method: 'post', path: '/orders/', json: body, idempotencyKey: 'k-1' });
      expect(() => createOrderRequest(body as never, { idempotencyKey: ' ' })).toThrow(/idempotencyKey is required/);
      expect(() => createProfileRequest({}, { idempotencyKey: '' })).toThrow(/idempotencyKey is required/);
    });

    it('should read the order answers', () => {
      expect(readOrder(ok({ order_id: 'o-1', status: 'COMPLETED' }), 'o-1')).toMatchObject({ order_id: 'o-1', status: 'COMPLETED' });
      expect(() => readOrder(ok({ order_id: 'o-1' }), 'o-1')).toThrow('GET /orders/o-1: status: expected string, got nothing');
      expect(readCreatedOrder(ok({ order_id: 'o-2' })).order_id).toBe('o-2');
      expect(readKeyCheck(ok({ valid: true }))).toEqual({ valid: true, scopes: [] });
      expect(readOrdersPage(ok({ items: [], total: 0, has_more: false }))).toEqual({ orders: [], envelope: 'items', total: 0, hasMore: false });
      expect(() => readProfileCreation(ok({ id: 'p-1', status: 'SUCCEEDED' }), 'p-1')).toThrow(/profile_id: expected a string when status is SUCCEEDED/);
    });

    it('should build the blacklist requests, and read a PATCH answered with no body as what was sent', () => {
      expect(updateBlacklistRequest('b-1', { name: 'n' })).toEqual({ method: 'patch', path: '/blacklists/b-1', json: { name: 'n' } });
      expect(deleteBlacklistRequest('b-1')).toEqual({ method: 'delete', path: '/blacklists/b-1' });
      expect(deleteEntriesRequest('b-1', { entryIds: ['e-1'] })).toEqual({ method: 'delete', path: '/blacklists/b-1/entries', json: { entry_ids: ['e-1'] } });
      expect(deleteEntriesRequest('b-1')).toEqual({ method: 'delete', path: '/blacklists/b-1/entries' });
      expect(() => addEntriesRequest('b-1', [])).toThrow(RangeError);
      expect(readBlacklist({ status: 204, headers: {}, body: undefined }, 'PATCH /blacklists/b-1', 'b-1', { name: 'n' })).toEqual({
        id: 'b-1',
        name: 'n',
        raw: { id: 'b-1' },
      });
    });
  });

  describe('Openmart', () => {
    it('should build search, sizing and brand requests, refusing nested filters and a bad limit', () => {
      expect(searchRequest({ query: 'q' }, { limit: 10, cursor: [1, 'x'] })).toEqual({
        method: 'post',
        path: '/api/v1/search',
        json: { query: 'q', limit: 10, cursor: [1, 'x'] },
      });
      expect(() => searchRequest({ filters: {} }, { limit: 10 })).toThrow(/top-level keys/);
      expect(() => searchRequest({}, { limit: 1001 })).toThrow(RangeError);
      expect(sizeSearchRequest({ query: 'q' })).toEqual({
        method: 'post',
        path: '/api/v1/search/only_ids',
        json: { query: 'q', limit: 1, estimate_total: true },
      });
      expect(brandPageRequest({ a: 1 }, { limit: 1, estimateTotal: true })).toEqual({
        method: 'post',
        path: '/api/v2/brands/search',
        json: { search_param: { a: 1 }, pagination: { limit: 1 }, estimate_total: true },
      });
    });

    it('should build the three deny-rule requests', () => {
      expect(denyRequest('add', 'email', ['a@b.c'])).toEqual({ method: 'post', path: '/api/v2/deny-rules', json: { type: 'email', values: ['a@b.c'] } });
      expect(denyRequest('remove', 'phone', ['1'])).toEqual({ method: 'delete', path: '/api/v2/deny-rules', json: { type: 'phone', values: ['1'] } });
      expect(denyRequest('check', 'email', ['a@b.c'])).toEqual({
        method: 'post',
        path: '/api/v2/deny-rules/check',
        json: { type: 'email', values: ['a@b.c'] },
      });
    });

    it('should read search pages, counts, brands, balances and deny checks', () => {
      const page = readSearchPage(ok([{ id: 'b-1', content: {}, cursor: [0.9, 'b-1'] }]));
      expect(page).toEqual({ rows: [{ id: 'b-1', content: {}, cursor: [0.9, 'b-1'] }], nextCursor: [0.9, 'b-1'] });
      expect(readSizeSearch(ok({ data: [{ id: 'x' }], total_count: 40 }))).toEqual({ matches: 40 });
      expect(readBrandPage(ok({ data: null, encoded_cursor: '' }))).toEqual({ rows: [], nextCursor: '' });
      expect(readCreditBalance(ok({ balance: 12 }))).toEqual({ balance: 12, periodStart: null, periodEnd: null });
      expect(readDenyCheck(ok({ denied: { 'a@b.c': true } }))).toEqual({ 'a@b.c': true });
    });
  });

  describe('gu1', () => {
    it('should build the Settings key check as an enrichment of nothing (refused after the key check, never billed)', () => {
      expect(keyCheckRequest()).toEqual({
        method: 'post',
        path: '/integration-execution/marketplace/enrichment-by-external-id',
        json: { externalId: '__connection_test__', integrationCodes: [], enrichmentGroupRefs: [] },
      });
    });
  });
});
