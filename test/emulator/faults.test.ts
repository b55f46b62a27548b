import { chaos, withFaults } from '../../emulator/apis/faults';
import { json, type HttpHandler, type SimRequest } from '../../emulator/apis/types';
import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';

function server() {
  const committed: string[] = [];
  const handler: HttpHandler = {
    handle(req) {
      committed.push(`${req.method} ${req.path}`);
      return json(200, { ok: true });
    },
  };
  return { committed, handler };
}

const req = (method: SimRequest['method'], path: string): SimRequest => ({
  method,
  url: `https://api.x.io${path}`,
  path,
  query: {},
  headers: {},
  body: undefined,
  now: 0,
});

describe('emulator/apis/faults', () => {
  describe('#withFaults()', () => {
    it('should fail the nth matching request with a 429 and Retry-After, without reaching the server', () => {
      const { committed, handler } = server();
      const h = withFaults(handler, [{ method: 'POST', nth: 2, status: 429, retryAfter: 7 }]);
      expect(h.handle(req('POST', '/a'))).toMatchObject({ status: 200 });
      expect(h.handle(req('GET', '/b'))).toMatchObject({ status: 200 });
      expect(h.handle(req('POST', '/c'))).toMatchObject({ status: 429, headers: { 'Retry-After': '7' } });
      expect(h.handle(req('POST', '/d'))).toMatchObject({ status: 200 });
      expect(committed).toEqual(['POST /a', 'GET /b', 'POST /d']);
      expect(h.requestsSeen).toBe(4);
      expect(h.faultsFired).toHaveLength(1);
    });

    it.each([500, 502, 503, 504, 408])('should process a request fully, then answer %i ("committed, then error")', (status) => {
      const { committed, handler } = server();
      const h = withFaults(handler, [{ method: 'POST', nth: 1, committed: status }]);
      const out = h.handle(req('POST', '/batch'));
      expect(out).toMatchObject({ status });
      expect(committed).toEqual(['POST /batch']);
    });

    it('should draw committed-then-error kinds in seeded chaos', () => {
      const { committed, handler } = server();
      const h = withFaults(handler, [chaos({ seed: 3, rate: 1, kinds: ['committed-502', 'committed-408'] })]);
      const statuses = Array.from({ length: 20 }, () => h.handle(req('POST', '/x'))).map((o) => ('status' in o ? o.status : o.transport));
      expect(new Set(statuses)).toEqual(new Set([502, 408]));
      expect(committed).toHaveLength(20);
    });

    it('should match by path and fire on every k-th request at most `times` times', () => {
      const { handler } = server();
      const h = withFaults(handler, [{ pathIncludes: '/orders', every: 2, times: 2, status: 503 }]);
      const statuses = Array.from({ length: 8 }, () => h.handle(req('GET', '/orders/1'))).map((o) => ('status' in o ? o.status : o.transport));
      expect(statuses).toEqual([200, 503, 200, 503, 200, 200, 200, 200]);
      expect(h.handle(req('GET', '/other'))).toMatchObject({ status: 200 });
    });

    it('should time out without reaching the server, or lose the response after the server committed', () => {
      const { committed, handler } = server();
      const h = withFaults(handler, [
        { nth: 1, transport: 'timeout' },
        { nth: [2, 3], lost: true },
      ]);
      expect(h.handle(req('POST', '/1'))).toEqual({ transport: 'timeout', latencyMs: 60_000 });
      expect(h.handle(req('POST', '/2'))).toEqual({ transport: 'timeout', latencyMs: 60_000 });
      expect(h.handle(req('POST', '/3'))).toEqual({ transport: 'timeout', latencyMs: 60_000 });
      expect(committed).toEqual(['POST /2', 'POST /3']);
    });

    it('should answer a malformed 200 after the server processed the request', () => {
      const { committed, handler } = server();
      const h = withFaults(handler, [{ malformed: true, times: 1 }]);
      expect(h.handle(req('GET', '/x'))).toMatchObject({ status: 200, body: '{"truncated' });
      expect(committed).toEqual(['GET /x']);
    });

    it('should let the first firing rule win while every rule counts', () => {
      const { handler } = server();
      const h = withFaults(handler, [
        { nth: 1, status: 500 },
        { nth: 1, status: 502 },
        { nth: 2, status: 504 },
      ]);
      expect(h.handle(req('GET', '/'))).toMatchObject({ status: 500 });
      expect(h.handle(req('GET', '/'))).toMatchObject({ status: 504 });
    });

    it('should surface through UrlFetchApp as the matching Apps Script errors', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const { handler } = server();
      emu.http.register(
        'https://api.x.io',
        withFaults(handler, [
          { nth: 1, status: 502 },
          { nth: 2, lost: true },
        ]),
      );
      expect(() => emu.gas.UrlFetchApp.fetch('https://api.x.io/a')).toThrow(/returned code 502/);
      expect(() => emu.gas.UrlFetchApp.fetch('https://api.x.io/a', { muteHttpExceptions: true })).toThrow('Timeout: https://api.x.io/a');
      expect(emu.clock.now() - Date.UTC(2026, 0, 5, 9)).toBe(60_000);
    });
  });

  describe('#chaos()', () => {
    it('should inject seeded random faults at about the given rate, reproducibly', () => {
      const run = () => {
        const { handler } = server();
        const h = withFaults(handler, [chaos({ seed: 42, rate: 0.3, kinds: ['429', '503', 'timeout', 'lost'] })]);
        return Array.from({ length: 1000 }, () => h.handle(req('GET', '/'))).map((o) => ('status' in o ? o.status : o.transport));
      };
      const a = run();
      expect(run()).toEqual(a);
      const faults = a.filter((s) => s !== 200).length;
      expect(faults).toBeGreaterThan(240);
      expect(faults).toBeLessThan(360);
      expect(new Set(a)).toEqual(new Set([200, 429, 503, 'timeout']));
    });
  });
});
