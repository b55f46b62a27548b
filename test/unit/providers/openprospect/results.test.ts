import { ApiError, MalformedResponseError } from '../../../../src/platform/errors';
import type { ApiRequest, ApiResponse, Http } from '../../../../src/platform/http-types';
import { fetchResults, getResultsPage, resultsPageRequest } from '../../../../src/providers/openprospect/results';

// A tiny scripted Http: records every request (and the size of each requestAll call).
type Answer = ApiResponse<unknown> | ApiError;
function fakeHttp(script: (req: ApiRequest, n: number) => Answer): Http & { requests: ApiRequest[]; waves: number[]; singles: number } {
  const http = {
    provider: 'openprospect' as const,
    requests: [] as ApiRequest[],
    waves: [] as number[],
    singles: 0,
    request<T>(req: ApiRequest): ApiResponse<T> {
      http.singles += 1;
      http.requests.push(req);
      const a = script(req, http.requests.length);
      if (a instanceof ApiError) throw a;
      return a as ApiResponse<T>;
    },
    requestAll<T>(reqs: ApiRequest[]): Array<ApiResponse<T> | ApiError> {
      http.waves.push(reqs.length);
      return reqs.map((r) => {
        http.requests.push(r);
        return script(r, http.requests.length) as ApiResponse<T> | ApiError;
      });
    },
  };
  return http;
}

// A results server over `total` companies; company i was delivered i minutes after 11:00.
function company(i: number): Record<string, unknown> {
  const t = new Date(Date.UTC(2026, 1, 25, 11, 0) + i * 60_000).toISOString().replace('Z', '000Z');
  return { id: `c-${i}`, name: `Company ${i}`, source_id: `CRM-${i}`, delivered_at: t, prospects: [] };
}
function server(total: number, opts: { fail?: (offset: number, n: number) => ApiError | undefined; body?: (offset: number) => unknown } = {}) {
  return (req: ApiRequest, n: number): Answer => {
    const q = req.query ?? {};
    const limit = Number(q['limit'] ?? 50);
    const offset = Number(q['offset'] ?? 0);
    const failure = opts.fail?.(offset, n);
    if (failure) return failure;
    const custom = opts.body?.(offset);
    if (custom !== undefined) return { status: 200, headers: {}, body: custom };
    const items = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(company(i));
    return { status: 200, headers: {}, body: { items, total, limit, offset, has_more: offset + limit < total } };
  };
}
const offsetsOf = (reqs: ApiRequest[]): number[] => reqs.map((r) => Number(r.query?.['offset']));
const ids = (items: Array<{ id: string }>): string[] => items.map((c) => c.id);
const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, k) => `c-${from + k}`);

describe('providers/openprospect', () => {
  describe('#resultsPageRequest()', () => {
    it('should use the documented query names and refuse a limit outside 1-100', () => {
      expect(resultsPageRequest('o-1', { limit: 100, offset: 200, deliveredSince: '2026-02-25T12:00:00Z' })).toEqual({
        method: 'get',
        path: '/orders/o-1/results',
        query: { limit: 100, offset: 200, delivered_since: '2026-02-25T12:00:00Z' },
      });
      expect(() => resultsPageRequest('o-1', { limit: 0 })).toThrow(RangeError);
      expect(() => resultsPageRequest('o-1', { limit: 101 })).toThrow(/1 to 100/);
      expect(() => resultsPageRequest('o-1', { offset: -1 })).toThrow(RangeError);
    });
  });

  describe('#getResultsPage()', () => {
    it('should parse the enrichment guide example page', () => {
      const body = {
        items: [{ ...company(0), id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', source_id: 'CRM-1001', legal_registration_info: null }],
        total: 2,
        limit: 50,
        offset: 0,
        has_more: false,
      };
      const page = getResultsPage(
        fakeHttp(() => ({ status: 200, headers: {}, body })),
        'o-1',
        { limit: 50 },
      );
      expect(page.items[0]?.source_id).toBe('CRM-1001');
      expect(page.has_more).toBe(false);
    });

    it('should throw MalformedResponseError naming the first bad path', () => {
      const bad = { items: [company(0), { ...company(1), prospects: [{ first_name: 'Maria' }] }], total: 2, has_more: false };
      let err: unknown;
      try {
        getResultsPage(
          fakeHttp(() => ({ status: 200, headers: {}, body: bad })),
          'o-1',
        );
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(MalformedResponseError);
      expect((err as Error).message).toBe('GET /orders/o-1/results: items.1.prospects.0.id: expected string, got nothing');
      expect(() =>
        getResultsPage(
          fakeHttp(() => ({ status: 200, headers: {}, body: { items: [], total: 0 } })),
          'o-1',
        ),
      ).toThrow(/has_more: expected boolean/);
    });
  });

  describe('#fetchResults()', () => {
    it('should fetch total 350 as 1 request then 3 in one requestAll', () => {
      const http = fakeHttp(server(350));
      const got = fetchResults(http, 'o-1');
      expect(http.singles).toBe(1);
      expect(http.waves).toEqual([3]);
      expect(offsetsOf(http.requests)).toEqual([0, 100, 200, 300]);
      expect(http.requests.every((r) => r.query?.['limit'] === 100 && r.path === '/orders/o-1/results')).toBe(true);
      expect(got).toMatchObject({ complete: true, nextOffset: 350, total: 350 });
      expect(ids(got.items)).toEqual(range(0, 350));
      expect(got.error).toBeUndefined();
    });

    it('should stop after one page when everything fits', () => {
      const http = fakeHttp(server(40));
      const got = fetchResults(http, 'o-1');
      expect(http.waves).toEqual([]);
      expect(got).toMatchObject({ complete: true, nextOffset: 40, total: 40 });
    });

    it('should handle an empty order', () => {
      const got = fetchResults(fakeHttp(server(0)), 'o-1');
      expect(got).toEqual({ items: [], complete: true, nextOffset: 0, total: 0 });
    });

    it('should return the contiguous pages before a failed one and resume from it', () => {
      const down = ApiError.generate('openprospect', 503, { message: 'busy' });
      // The page at offset 200 fails once, the page at 300 (after it) succeeds but must not be used.
      let failed = false;
      const failOnce = (offset: number): ApiError | undefined => {
        if (offset !== 200 || failed) return undefined;
        failed = true;
        return down;
      };
      const http = fakeHttp(server(450, { fail: failOnce }));
      const first = fetchResults(http, 'o-1');
      expect(first).toMatchObject({ complete: false, nextOffset: 200, total: 450, error: down });
      expect(ids(first.items)).toEqual(range(0, 200));
      expect(first.maxDeliveredAt).toBe(company(199)['delivered_at']);

      http.requests.length = 0;
      const second = fetchResults(http, 'o-1', { offset: first.nextOffset });
      expect(offsetsOf(http.requests)).toEqual([200, 300, 400]);
      expect(second).toMatchObject({ complete: true, nextOffset: 450, total: 450 });
      expect(ids([...first.items, ...second.items])).toEqual(range(0, 450));
    });

    it('should treat a page that fails validation inside a wave like a failed page', () => {
      const http = fakeHttp(server(300, { body: (offset) => (offset === 100 ? { items: 'nope', total: 300, has_more: true } : undefined) }));
      const got = fetchResults(http, 'o-1');
      expect(got.complete).toBe(false);
      expect(got.nextOffset).toBe(100);
      expect(got.error).toBeInstanceOf(MalformedResponseError);
      expect(got.error?.message).toMatch(/items: expected array/);
    });

    it('should throw when the first page fails (nothing to checkpoint)', () => {
      const unauthorized = ApiError.generate('openprospect', 401, { error: 'UNAUTHORIZED', message: 'Invalid or expired API key' });
      expect(() =>
        fetchResults(
          fakeHttp(() => unauthorized),
          'o-1',
        ),
      ).toThrow(unauthorized);
      expect(() =>
        fetchResults(
          fakeHttp(() => ({ status: 200, headers: {}, body: {} })),
          'o-1',
        ),
      ).toThrow(MalformedResponseError);
    });

    it('should stop before the waves when the deadline is nearly over', () => {
      const http = fakeHttp(server(350));
      const reserves: Array<number | undefined> = [];
      const got = fetchResults(http, 'o-1', {
        deadline: {
          nearlyOver: (r) => {
            reserves.push(r);
            return true;
          },
        },
        reserveMs: 30_000,
      });
      expect(http.waves).toEqual([]);
      expect(got).toMatchObject({ complete: false, nextOffset: 100, total: 350 });
      expect(reserves).toEqual([30_000]);
    });

    it('should report pages the platform did not send (time budget) as the resume point', () => {
      const notSent = new ApiError({ provider: 'openprospect', status: 0, code: 'NOT_SENT', message: 'not sent' });
      const http = fakeHttp(server(500, { fail: (offset) => (offset >= 300 ? notSent : undefined) }));
      const got = fetchResults(http, 'o-1');
      expect(got).toMatchObject({ complete: false, nextOffset: 300, error: notSent });
      expect(got.items).toHaveLength(300);
    });

    it('should respect maxPages and pageSize', () => {
      const http = fakeHttp(server(1_000));
      const got = fetchResults(http, 'o-1', { maxPages: 3, pageSize: 50 });
      expect(offsetsOf(http.requests)).toEqual([0, 50, 100]);
      expect(http.waves).toEqual([2]);
      expect(got).toMatchObject({ complete: false, nextOffset: 150, total: 1_000 });
      expect(() => fetchResults(http, 'o-1', { pageSize: 500 })).toThrow(RangeError);
    });

    it('should send delivered_since on every page of a pass and report the latest delivered_at', () => {
      const since = '2026-02-25T12:00:00Z';
      const http = fakeHttp(server(250));
      const got = fetchResults(http, 'o-1', { deliveredSince: since });
      expect(http.requests.map((r) => r.query?.['delivered_since'])).toEqual([since, since, since]);
      expect(got.maxDeliveredAt).toBe('2026-02-25T15:09:00.000000Z');
    });

    it('should pick the latest delivered_at by instant, not by position, and skip nulls', () => {
      const items = [
        { id: 'a', delivered_at: '2026-03-02T14:30:00.000000Z' },
        { id: 'b', delivered_at: null },
        { id: 'c', delivered_at: '2026-03-02T14:30:00.000500Z' },
        { id: 'd', delivered_at: '2026-03-01T09:00:00.000000Z' },
      ];
      const got = fetchResults(
        fakeHttp(() => ({ status: 200, headers: {}, body: { items, total: 4, has_more: false } })),
        'o-1',
      );
      expect(got.maxDeliveredAt).toBe('2026-03-02T14:30:00.000500Z');
    });

    it('should replan after a short page instead of skipping companies', () => {
      // The page at offset 100 returns only 60 companies although 300 exist.
      const base = server(300);
      const http = fakeHttp((req, n) => {
        const a = base(req, n) as ApiResponse<{ items: unknown[]; has_more: boolean }>;
        if (req.query?.['offset'] === 100 && !(a instanceof ApiError)) return { ...a, body: { ...a.body, items: a.body.items.slice(0, 60), has_more: true } };
        return a;
      });
      const got = fetchResults(http, 'o-1');
      expect(offsetsOf(http.requests)).toEqual([0, 100, 200, 160, 260]);
      expect(http.waves).toEqual([2, 2]);
      expect(got).toMatchObject({ complete: true, nextOffset: 300 });
      expect(ids(got.items)).toEqual(range(0, 300));
    });

    it('should not loop on an empty page that claims more', () => {
      const http = fakeHttp(server(300, { body: (offset) => (offset === 100 ? { items: [], total: 300, has_more: true } : undefined) }));
      const got = fetchResults(http, 'o-1');
      expect(got).toMatchObject({ complete: false, nextOffset: 100 });
      expect(got.error).toBeInstanceOf(MalformedResponseError);
      expect(got.error?.message).toMatch(/empty although total is 300/);
    });

    it('should finish when the total shrinks during the pass', () => {
      const http = fakeHttp(server(350, { body: (offset) => (offset === 100 ? { items: [company(100)], total: 101, has_more: false } : undefined) }));
      const got = fetchResults(http, 'o-1');
      expect(got).toMatchObject({ complete: true, nextOffset: 101, total: 101 });
    });
  });
});
