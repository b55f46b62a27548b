import { createOpenProspectSim, type OpenProspectSim } from '../../emulator/apis/openprospect';
import { buildRequest, send } from '../../emulator/apis/openprospect/request';

const KEY = 'lnc_live_auth_key';
const ORDER = { title: 'T', features: ['COMPANY_DATA'], companies: [{ company_name: 'A' }] };

function setup(opts: { rateLimitPerHour?: number } = {}): OpenProspectSim {
  const sim = createOpenProspectSim({ seed: 3, ...opts });
  sim.addKey(KEY);
  return sim;
}

describe('openprospect sim', () => {
  describe('authentication', () => {
    it('should answer 401 with {error, message, request_id} without an Authorization header', () => {
      const sim = setup();
      const r = send(sim, buildRequest('GET', '/api/v1/orders/', { key: null }));
      expect(r.status).toBe(401);
      expect(Object.keys(r.json).sort()).toEqual(['error', 'message', 'request_id']);
      expect(r.json).toMatchObject({ error: 'UNAUTHORIZED', message: 'Invalid or expired API key' });
      expect(typeof r.json.request_id).toBe('string');
      expect(sim.counts.unauthorized).toBe(1);
    });

    it('should answer 401 for an unknown key, a non-Bearer scheme and a revoked key', () => {
      const sim = setup();
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: 'lnc_live_wrong' })).status).toBe(401);
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: null, headers: { Authorization: `Basic ${KEY}` } })).status).toBe(401);
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: null, headers: { 'X-API-Key': KEY } })).status).toBe(401);
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: null, headers: { Authorization: `bearer ${KEY}` } })).status).toBe(200);
      sim.removeKey(KEY);
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: KEY })).status).toBe(401);
    });

    it('should check auth before validating the body', () => {
      const r = send(setup(), buildRequest('POST', '/api/v1/orders/', { key: 'nope', json: {} }));
      expect(r.status).toBe(401);
    });
  });

  describe('GET /auth/validate', () => {
    it('should return {valid: true, scopes} for a valid key', () => {
      const sim = setup();
      sim.addKey('lnc_test_ro', ['orders:read']);
      expect(send(sim, buildRequest('GET', '/api/v1/auth/validate', { key: 'lnc_test_ro' }))).toMatchObject({
        status: 200,
        json: { valid: true, scopes: ['orders:read'] },
      });
      const all = send(sim, buildRequest('GET', '/api/v1/auth/validate', { key: KEY })).json.scopes;
      expect(all).toEqual(['orders:read', 'orders:write', 'companies:read', 'prospects:read', 'blacklists:read', 'blacklists:write']);
    });

    it('should answer 401 for an invalid key', () => {
      expect(send(setup(), buildRequest('GET', '/api/v1/auth/validate', { key: 'x' })).status).toBe(401);
    });
  });

  describe('scopes', () => {
    it('should answer 403 with required_scopes and user_scopes when orders:write is missing', () => {
      const sim = setup();
      sim.addKey('lnc_test_ro', ['orders:read']);
      const r = send(sim, buildRequest('POST', '/api/v1/orders/', { key: 'lnc_test_ro', json: ORDER }));
      expect(r.status).toBe(403);
      expect(r.json).toEqual({
        code: 'AUTHORIZATION_ERROR',
        message: 'Insufficient permissions. Required scopes: orders:write',
        required_scopes: ['orders:write'],
        user_scopes: ['orders:read'],
      });
      expect(sim.orders()).toHaveLength(0);
    });

    it('should require orders:read for reads and blacklists scopes for blacklists', () => {
      const sim = setup();
      sim.addKey('lnc_test_w', ['orders:write']);
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: 'lnc_test_w' })).json.required_scopes).toEqual(['orders:read']);
      expect(send(sim, buildRequest('GET', '/api/v1/blacklists', { key: 'lnc_test_w' })).json.required_scopes).toEqual(['blacklists:read']);
      const w = send(sim, buildRequest('POST', '/api/v1/blacklists', { key: 'lnc_test_w', json: { name: 'x' } }));
      expect(w).toMatchObject({ status: 403, json: { required_scopes: ['blacklists:write'], user_scopes: ['orders:write'] } });
    });

    it('should let an orders:read + orders:write key run an enrichment order end to end', () => {
      const sim = setup();
      sim.addKey('lnc_test_enrich', ['orders:read', 'orders:write']);
      const id = send(sim, buildRequest('POST', '/api/v1/orders/', { key: 'lnc_test_enrich', json: ORDER })).json.order_id;
      sim.advance(id, 'COMPLETED');
      expect(send(sim, buildRequest('GET', `/api/v1/orders/${id}/results`, { key: 'lnc_test_enrich' })).json.total).toBe(1);
    });
  });

  describe('rate limit', () => {
    it('should answer 429 with Retry-After and retry_after once the hourly budget is spent', () => {
      const sim = setup({ rateLimitPerHour: 3 });
      const t0 = 10 * 3600 * 1000 + 600_000; // 10:10 virtual
      for (let i = 0; i < 3; i++) expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: KEY, now: t0 })).status).toBe(200);
      const r = send(sim, buildRequest('GET', '/api/v1/orders/', { key: KEY, now: t0 }));
      expect(r.status).toBe(429);
      expect(r.json).toEqual({ error: 'RATE_LIMIT_EXCEEDED', message: expect.any(String), retry_after: 3000 });
      expect(r.headers['Retry-After']).toBe('3000');
      expect(sim.counts.rateLimited).toBe(1);
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: KEY, now: t0 + 3000 * 1000 })).status).toBe(200);
    });

    it('should count per key and never limit without configuration', () => {
      const sim = setup({ rateLimitPerHour: 1 });
      sim.addKey('lnc_test_b');
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: KEY })).status).toBe(200);
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: 'lnc_test_b' })).status).toBe(200);
      expect(send(sim, buildRequest('GET', '/api/v1/orders/', { key: KEY })).status).toBe(429);
      const free = setup();
      for (let i = 0; i < 500; i++) expect(free.handle(buildRequest('GET', '/api/v1/auth/validate', { key: KEY }))).toMatchObject({ status: 200 });
    });

    it('should not create an order for a rate-limited POST', () => {
      const sim = setup({ rateLimitPerHour: 1 });
      send(sim, buildRequest('GET', '/api/v1/orders/', { key: KEY }));
      expect(send(sim, buildRequest('POST', '/api/v1/orders/', { key: KEY, json: ORDER })).status).toBe(429);
      expect(sim.orders()).toHaveLength(0);
    });
  });

  describe('routing', () => {
    it('should answer 404 {"detail":"Not Found"} for unknown paths and 405 for wrong methods', () => {
      const sim = setup();
      expect(send(sim, buildRequest('GET', '/api/v1/nope', { key: KEY }))).toMatchObject({ status: 404, json: { detail: 'Not Found' } });
      expect(send(sim, buildRequest('GET', '/api/v2/orders', { key: KEY })).status).toBe(404);
      const r = send(sim, buildRequest('DELETE', '/api/v1/orders/', { key: KEY }));
      expect(r).toMatchObject({ status: 405, json: { detail: 'Method Not Allowed' } });
      expect(r.headers['Allow']).toContain('POST');
    });

    it('should record every request', () => {
      const sim = setup();
      send(sim, buildRequest('GET', '/api/v1/orders/?limit=5', { key: KEY, now: 77 }));
      expect(sim.requests).toHaveLength(1);
      expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/orders/', query: { limit: '5' }, now: 77 });
      expect(sim.counts.requests).toBe(1);
    });
  });
});
