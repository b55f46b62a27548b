import { createOpenProspectSim } from '../../emulator/apis/openprospect';
import { buildRequest } from '../../emulator/apis/openprospect/request';
import type { SimResponse } from '../../emulator/apis/types';

const KEY = 'lnc_test_latency';
const T0 = Date.UTC(2026, 1, 25, 10, 0);

describe('openprospect sim: server time (issue 20)', () => {
  it('should take server time on every answer, more for bigger bodies and answers, little for refusals', () => {
    const sim = createOpenProspectSim({ seed: 3 });
    sim.addKey(KEY);
    const call = (method: 'GET' | 'POST', path: string, json?: unknown, key = KEY) =>
      sim.handle(buildRequest(method, path, { key, now: T0, ...(json ? { json } : {}) })) as SimResponse;
    const small = call('POST', '/api/v1/orders/', { title: 'S', features: ['COMPANY_DATA'], companies: [{ company_name: 'A', country: 'Germany' }] });
    const big = call('POST', '/api/v1/orders/', {
      title: 'B',
      features: ['COMPANY_DATA'],
      companies: Array.from({ length: 300 }, (_, i) => ({
        company_name: `Firma ${i} mit einem längeren Namen`,
        country: 'Germany',
        website_url: `https://firma-${i}.example.de`,
      })),
    });
    expect(small.status).toBe(202);
    expect(big.status).toBe(202);
    expect(small.latencyMs).toBeGreaterThanOrEqual(300);
    expect(big.latencyMs!).toBeGreaterThan(small.latencyMs!);
    const orderId = (JSON.parse(small.body) as { order_id: string }).order_id;
    const read = call('GET', `/api/v1/orders/${orderId}`);
    expect(read.status).toBe(200);
    expect(read.latencyMs).toBeGreaterThanOrEqual(120);
    const refused = call('GET', `/api/v1/orders/${orderId}`, undefined, 'lnc_test_unknown');
    expect(refused.status).toBe(401);
    expect(refused.latencyMs).toBe(40);
  });
});
