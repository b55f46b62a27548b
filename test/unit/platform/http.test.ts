import { Deadline } from '../../../src/platform/clock';
import { ApiError, AuthError, ConnectionError, MalformedResponseError, RateLimitError, ServerError, ValidationError } from '../../../src/platform/errors';
import { buildUrl, classifyFetchError, createHttp, NotSentError } from '../../../src/platform/http';
import { fakeClock, fakeUrlFetch, type Scripted } from './fake-urlfetch';

function setup(script: (n: number, url: string) => Scripted, budgetMs?: number) {
  const urlFetch = fakeUrlFetch(script);
  const clock = fakeClock();
  const deadline = budgetMs === undefined ? undefined : new Deadline(clock, budgetMs);
  const http = createHttp({
    provider: 'openprospect',
    baseUrl: 'https://api.example.test/api/v1/',
    authHeaders: { Authorization: 'Bearer lnc_test_secret' },
    urlFetch,
    clock,
    deadline,
    random: () => 0.5,
  });
  return { http, urlFetch, clock };
}

describe('platform/http', () => {
  describe('#classifyFetchError()', () => {
    it.each([
      ['Service invoked too many times for one day: urlfetch.', 'quota'],
      ['Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.', 'burst'],
      ['Timeout: https://api.x.io/a', 'timeout'],
      ['DNS error: https://api.x.io/a', 'dns'],
      ['Address unavailable: https://api.x.io/a', 'address'],
      ['Zeitüberschreitung: https://api.x.io/a', 'other'],
    ])('should read "%s" as %s', (text, kind) => {
      expect(classifyFetchError(new Error(text)).kind).toBe(kind);
    });
  });

  describe('#buildUrl()', () => {
    it('should join base and path and encode the query, skipping undefined', () => {
      expect(buildUrl('https://h/api/v1/', '/orders/', { limit: 100, offset: 0, since: undefined, q: 'a b&c' })).toBe(
        'https://h/api/v1/orders/?limit=100&offset=0&q=a%20b%26c',
      );
    });
  });

  describe('#request()', () => {
    it('should send JSON with the auth header, mute HTTP exceptions and not follow redirects on POST', () => {
      const { http, urlFetch } = setup(() => ({ status: 202, body: { id: 'o1' } }));
      const res = http.request<{ id: string }>({ method: 'post', path: '/orders/', json: { a: 1 }, idempotencyKey: 'k1' });
      expect(res.body.id).toBe('o1');
      const p = urlFetch.requests[0]!.params;
      expect(urlFetch.requests[0]!.url).toBe('https://api.example.test/api/v1/orders/');
      expect(p.muteHttpExceptions).toBe(true);
      expect(p.followRedirects).toBe(false);
      expect(p.contentType).toBe('application/json');
      expect(p.payload).toBe('{"a":1}');
      expect((p.headers as Record<string, string>)['Authorization']).toBe('Bearer lnc_test_secret');
      expect((p.headers as Record<string, string>)['Idempotency-Key']).toBe('k1');
    });

    it('should honour Retry-After on 429 and succeed on the next attempt', () => {
      const { http, clock } = setup((n) =>
        n === 0
          ? { status: 429, body: { error: 'RATE_LIMIT_EXCEEDED', message: 'slow down' }, headers: { 'Retry-After': '2' } }
          : { status: 200, body: { ok: true } },
      );
      expect(http.request({ method: 'get', path: '/orders/o-1' }).body).toEqual({ ok: true });
      expect(clock.slept).toEqual([2000]);
    });

    it('should back off exponentially on 5xx and give up after the attempts', () => {
      const { http, clock, urlFetch } = setup(() => ({ status: 503, body: { message: 'down' } }));
      expect(() => http.request({ method: 'get', path: '/orders/o-1' })).toThrow(ServerError);
      expect(urlFetch.requests).toHaveLength(4);
      expect(clock.slept).toEqual([1000, 2000, 4000]);
    });

    it('should not sleep past the deadline: a long Retry-After comes back as the error', () => {
      const { http, clock } = setup(() => ({ status: 429, body: { error: 'RATE_LIMIT_EXCEEDED', message: 'hourly limit', retry_after: 3600 } }), 270_000);
      let err: unknown;
      try {
        http.request({ method: 'get', path: '/orders/o-1' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RateLimitError);
      expect((err as RateLimitError).retryAfterMs).toBe(3_600_000);
      expect(clock.slept).toEqual([]);
    });

    it('should not repeat a POST without an Idempotency-Key after a transport error', () => {
      const { http, urlFetch } = setup(() => ({ throws: 'Timeout: https://api.example.test/api/v1/batch' }));
      expect(() => http.request({ method: 'post', path: '/blacklists', json: {} })).toThrow(ConnectionError);
      expect(urlFetch.requests).toHaveLength(1);
    });

    it('should repeat an idempotent POST after a lost response with the same key', () => {
      const { http, urlFetch } = setup((n) => (n === 0 ? { throws: 'Timeout: x' } : { status: 202, body: { id: 'o1' } }));
      http.request({ method: 'post', path: '/orders/', json: {}, idempotencyKey: 'job-1-0' });
      expect(urlFetch.requests.map((r) => (r.params.headers as Record<string, string>)['Idempotency-Key'])).toEqual(['job-1-0', 'job-1-0']);
    });

    it('should not retry 4xx and should parse FastAPI 422 details', () => {
      const { http, urlFetch } = setup(() => ({
        status: 422,
        body: { detail: [{ loc: ['body', 'companies', 3, 'company_name'], msg: 'field required', type: 'missing' }] },
      }));
      let err: ValidationError | undefined;
      try {
        http.request({ method: 'post', path: '/orders/', json: {}, idempotencyKey: 'k' });
      } catch (e) {
        err = e as ValidationError;
      }
      expect(urlFetch.requests).toHaveLength(1);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err!.details).toEqual([{ field: 'body.companies.3.company_name', message: 'field required' }]);
      expect(err!.userMessage()).toContain('body.companies.3.company_name: field required');
    });

    it('should map 401 to AuthError without the key in the message', () => {
      const { http } = setup(() => ({ status: 401, body: { error: 'UNAUTHORIZED', message: 'Invalid API key', request_id: 'req_1' } }));
      try {
        http.request({ method: 'get', path: '/auth/validate' });
        throw new Error('no throw');
      } catch (e) {
        expect(e).toBeInstanceOf(AuthError);
        expect((e as AuthError).userMessage()).toMatch(/Check the OpenProspect key in Settings/);
        expect((e as AuthError).userMessage()).toContain('req_1');
        expect((e as AuthError).userMessage()).not.toContain('secret');
      }
    });

    it('should reject a 200 that is not JSON', () => {
      const { http } = setup(() => ({ status: 200, raw: '{"truncated' }));
      expect(() => http.request({ method: 'get', path: '/orders/o-1' })).toThrow(MalformedResponseError);
    });

    it('should not start a request when the budget is nearly spent', () => {
      const { http, urlFetch } = setup(() => ({ status: 200, body: {} }), 5_000);
      expect(() => http.request({ method: 'get', path: '/orders/o-1' })).toThrow(NotSentError);
      expect(urlFetch.requests).toHaveLength(0);
    });
  });

  describe('#requestAll()', () => {
    it('should run waves of bounded size and return results in order', () => {
      const { http, urlFetch } = setup((_n, url) => ({ status: 200, body: { url } }));
      const reqs = [0, 1, 2, 3, 4].map((i) => ({ method: 'get' as const, path: `/orders/p${i}` }));
      const out = http.requestAll<{ url: string }>(reqs, { waveSize: 2 });
      expect(urlFetch.fetchAllCalls).toBe(3);
      expect(out.map((r) => (r instanceof ApiError ? 'err' : r.body.url.slice(-3)))).toEqual(['/p0', '/p1', '/p2', '/p3', '/p4']);
    });

    it('should retry only the failed requests', () => {
      let failedOnce = false;
      const { http, urlFetch } = setup((_n, url) => {
        if (url.endsWith('/p2') && !failedOnce) {
          failedOnce = true;
          return { status: 503, body: { message: 'busy' } };
        }
        return { status: 200, body: {} };
      });
      const out = http.requestAll(
        [0, 1, 2, 3].map((i) => ({ method: 'get' as const, path: `/orders/p${i}` })),
        { waveSize: 10 },
      );
      expect(out.every((r) => !(r instanceof ApiError))).toBe(true);
      expect(urlFetch.requests.map((r) => r.url.slice(-3))).toEqual(['/p0', '/p1', '/p2', '/p3', '/p2']);
    });

    it('should repeat a wave thrown away by a transport error only for safe requests', () => {
      let n = 0;
      const { http } = setup(() => (n++ === 1 ? { throws: 'Address unavailable: x' } : { status: 200, body: {} }));
      const out = http.requestAll([
        { method: 'get', path: '/orders/a' },
        { method: 'post', path: '/blacklists', json: {} },
      ]);
      expect(out[0]).not.toBeInstanceOf(ApiError);
      expect(out[1]).toBeInstanceOf(ConnectionError);
    });

    it('should mark requests it had no time for as not sent', () => {
      const { http, urlFetch } = setup(() => ({ status: 200, body: {} }), 5_000);
      const out = http.requestAll([{ method: 'get', path: '/orders/a' }]);
      expect(out[0]).toBeInstanceOf(NotSentError);
      expect(urlFetch.requests).toHaveLength(0);
    });
  });

  describe('billing classes, long waits and redirects', () => {
    const BILLED = { method: 'post' as const, path: '/blacklists', json: { name: 'n' } };

    it.each([502, 503, 504, 408])('should never re-send a request without a key after a %i (the work may be done)', (status) => {
      const { http, urlFetch } = setup(() => ({ status, body: { message: 'gateway' } }));
      expect(() => http.request(BILLED)).toThrow(ApiError);
      expect(urlFetch.requests).toHaveLength(1);
    });

    it('should re-send a request without a key after a 429 (nothing was done)', () => {
      const { http, urlFetch } = setup((n) =>
        n === 0 ? { status: 429, body: { message: 'slow' }, headers: { 'Retry-After': '1' } } : { status: 201, body: { id: 'b' } },
      );
      expect(http.request(BILLED).body).toEqual({ id: 'b' });
      expect(urlFetch.requests).toHaveLength(2);
    });

    it('should never sleep a Retry-After longer than maxWaitMs, and say until when to wait', () => {
      const urlFetch = fakeUrlFetch(() => ({ status: 429, body: { error: 'RATE_LIMIT_EXCEEDED', message: 'hourly', retry_after: 3600 } }));
      const clock = fakeClock();
      const http = createHttp({
        provider: 'openprospect',
        baseUrl: 'https://api.example.test/api/v1',
        authHeaders: {},
        urlFetch,
        clock,
        maxWaitMs: 20_000,
        timeZone: () => 'Europe/Berlin',
      });
      let err: RateLimitError | undefined;
      try {
        http.request({ method: 'get', path: '/orders/' });
      } catch (e) {
        err = e as RateLimitError;
      }
      expect(clock.slept).toEqual([]);
      expect(urlFetch.requests).toHaveLength(1);
      const at = new Date(clock.now() + 3_600_000);
      const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
      expect(err?.waitMessage()).toBe(`OpenProspect asks to wait until ${hhmm} (Europe/Berlin); try again then.`);
    });

    it('should never sleep more than Utilities.sleep allows, even without a deadline', () => {
      const { http, clock } = setup(() => ({ status: 503, body: { message: 'down' }, headers: { 'Retry-After': '301' } }));
      expect(() => http.request({ method: 'get', path: '/orders/' })).toThrow(ServerError);
      expect(clock.slept).toEqual([]);
    });

    it('should follow a 307/308 that only adds or drops a trailing slash once, with the same body and key', () => {
      const { http, urlFetch } = setup((n) =>
        n === 0 ? { status: 308, headers: { Location: 'https://api.example.test/api/v1/orders' } } : { status: 202, body: { id: 'o1' } },
      );
      expect(http.request({ method: 'post', path: '/orders/', json: { a: 1 }, idempotencyKey: 'k1' }).body).toEqual({ id: 'o1' });
      expect(urlFetch.requests.map((r) => r.url)).toEqual(['https://api.example.test/api/v1/orders/', 'https://api.example.test/api/v1/orders']);
      expect(urlFetch.requests.map((r) => [r.params.payload, (r.params.headers as Record<string, string>)['Idempotency-Key']])).toEqual([
        ['{"a":1}', 'k1'],
        ['{"a":1}', 'k1'],
      ]);
    });

    it('should follow a slash redirect only once', () => {
      const { http, urlFetch } = setup((n) => ({
        status: 307,
        headers: { Location: n === 0 ? 'https://api.example.test/api/v1/orders' : 'https://api.example.test/api/v1/orders/' },
      }));
      expect(() => http.request({ method: 'post', path: '/orders/', json: {}, idempotencyKey: 'k1' })).toThrow(
        /Check the base URL in Settings \(now https:\/\/api.example.test\/api\/v1\/\)/,
      );
      expect(urlFetch.requests).toHaveLength(2);
    });

    it.each([
      ['another host', 'https://evil.example.test/api/v1/orders/'],
      ['another path', 'https://api.example.test/api/v2/orders/'],
      ['plain http', 'http://api.example.test/api/v1/orders'],
    ])('should never re-send a POST redirected to %s, and name the base URL', (_what, location) => {
      const { http, urlFetch } = setup(() => ({ status: 307, headers: { Location: location } }));
      expect(() => http.request({ method: 'post', path: '/orders/', json: {}, idempotencyKey: 'k1' })).toThrow(
        /base URL in Settings \(now https:\/\/api\.example\.test\/api\/v1\/\)/,
      );
      expect(urlFetch.requests).toHaveLength(1);
    });
  });
});
