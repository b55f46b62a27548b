import { createEmulator, type EmulatorOptions } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';
import { json, type HttpHandler, type SimRequest } from '../../emulator/apis/types';
import { sheetsFaultText } from '../../emulator/gas/sheets-faults';

function setup(opts: EmulatorOptions = {}) {
  const emu = createEmulator({ latency: { ...ZERO_LATENCY, urlFetchMs: 300, fetchAllOverheadMs: 500 }, ...opts });
  const seen: SimRequest[] = [];
  const handler: HttpHandler = {
    handle(req) {
      seen.push(req);
      if (req.path === '/fail') return json(500, { error: 'boom '.repeat(40) });
      if (req.path === '/missing') return json(404, { error: 'not found' });
      if (req.path === '/timeout') return { transport: 'timeout', latencyMs: 60_000 };
      if (req.path === '/dns') return { transport: 'dns' };
      if (req.path === '/slow') return { ...json(200, { slow: true }), latencyMs: 2000 };
      if (req.path === '/moved-307') return { ...json(307, {}), headers: { Location: 'https://api.x.io/target' } };
      if (req.path === '/moved-302') return { ...json(302, {}), headers: { Location: '/target' } };
      return json(200, { path: req.path, query: req.query }, { 'X-Request-Id': 'r1' });
    },
  };
  emu.http.register('https://api.x.io', handler);
  return { emu, seen, UrlFetchApp: emu.gas.UrlFetchApp };
}

describe('emulator/gas/urlfetch', () => {
  describe('#fetch()', () => {
    it('should build the SimRequest from the options', () => {
      const { emu, seen, UrlFetchApp } = setup();
      const res = UrlFetchApp.fetch('https://api.x.io/v1/orders?limit=5&x=1', {
        method: 'post',
        contentType: 'application/json',
        headers: { Authorization: 'Bearer k', 'Idempotency-Key': 'abc' },
        payload: JSON.stringify({ a: 1 }),
      });
      expect(seen[0]).toMatchObject({
        method: 'POST',
        url: 'https://api.x.io/v1/orders?limit=5&x=1',
        path: '/v1/orders',
        query: { limit: '5', x: '1' },
        body: '{"a":1}',
        now: emu.clock.now() - 300,
      });
      expect(seen[0]?.headers).toMatchObject({ authorization: 'Bearer k', 'idempotency-key': 'abc', 'content-type': 'application/json' });
      expect(res.getResponseCode()).toBe(200);
      expect(JSON.parse(res.getContentText())).toEqual({ path: '/v1/orders', query: { limit: '5', x: '1' } });
      expect(res.getAllHeaders()).toMatchObject({ 'X-Request-Id': 'r1' });
      expect(res.getBlob().getDataAsString()).toBe(res.getContentText());
      expect(res.getContent().length).toBe(res.getContentText().length);
    });

    it('should form-encode an object payload and default to GET', () => {
      const { seen, UrlFetchApp } = setup();
      UrlFetchApp.fetch('https://api.x.io/form', { method: 'post', payload: { a: 'x y', b: 2 } });
      UrlFetchApp.fetch('https://api.x.io/plain');
      expect(seen[0]?.body).toBe('a=x%20y&b=2');
      expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(seen[1]?.method).toBe('GET');
      expect(seen[1]?.body).toBeUndefined();
    });

    it('should throw on HTTP errors unless muteHttpExceptions is set', () => {
      const { UrlFetchApp } = setup();
      expect(() => UrlFetchApp.fetch('https://api.x.io/missing')).toThrow(
        'Request failed for https://api.x.io returned code 404. Truncated server response: {"error":"not found"} (use muteHttpExceptions option to examine full response)',
      );
      expect(() => UrlFetchApp.fetch('https://api.x.io/fail')).toThrow(/returned code 500\. Truncated server response: .{100}\.\.\. \(use muteHttpExceptions/);
      expect(UrlFetchApp.fetch('https://api.x.io/missing', { muteHttpExceptions: true }).getResponseCode()).toBe(404);
    });

    it('should throw transport errors even when muted, after the timeout', () => {
      const { emu, UrlFetchApp } = setup();
      const t0 = emu.clock.now();
      expect(() => UrlFetchApp.fetch('https://api.x.io/timeout', { muteHttpExceptions: true })).toThrow('Timeout: https://api.x.io/timeout');
      expect(emu.clock.now() - t0).toBe(60_300);
      expect(() => UrlFetchApp.fetch('https://unknown.example/x', { muteHttpExceptions: true })).toThrow('Address unavailable: https://unknown.example/x');
      expect(() => UrlFetchApp.fetch('https://api.x.io/dns', { muteHttpExceptions: true })).toThrow('DNS error: https://api.x.io/dns');
      expect(emu.http.log.map((e) => e.status)).toEqual(['transport-error', 'transport-error', 'transport-error']);
    });

    it('should refuse URLs over 2,082 characters and URLs outside the whitelist', () => {
      const { UrlFetchApp } = setup({ urlFetchWhitelist: ['https://api.x.io/'] });
      expect(() => UrlFetchApp.fetch(`https://api.x.io/${'a'.repeat(2100)}`)).toThrow('Limit Exceeded: URLFetch URL Length.');
      expect(() => UrlFetchApp.fetch('https://evil.example/')).toThrow(/not allowed to fetch from https:\/\/evil\.example\//);
      expect(UrlFetchApp.fetch('https://api.x.io/ok').getResponseCode()).toBe(200);
    });

    it('should log every request', () => {
      const { emu, UrlFetchApp } = setup();
      UrlFetchApp.fetch('https://api.x.io/ok', { method: 'put', payload: 'x' });
      expect(emu.http.log).toEqual([
        expect.objectContaining({ method: 'PUT', url: 'https://api.x.io/ok', body: 'x', status: 200, viaFetchAll: false, at: Date.UTC(2026, 0, 5, 9) }),
      ]);
    });

    it('should flag a GET with a payload and drop it by default (NOTES.md: treat a dropped body as likely), deliver it when asked', () => {
      const { emu, seen, UrlFetchApp } = setup();
      UrlFetchApp.fetch('https://api.x.io/q', { payload: 'x=1' });
      expect(seen[0]?.body).toBeUndefined();
      emu.http.dropGetBody = false;
      UrlFetchApp.fetch('https://api.x.io/q', { payload: 'x=1' });
      expect(seen[1]?.body).toBe('x=1');
      expect(emu.http.getPayloadWarnings.map((w) => w.dropped)).toEqual([true, false]);
    });

    it('should route to the longest registered prefix', () => {
      const { emu, UrlFetchApp } = setup();
      emu.http.register('https://api.x.io/v2', { handle: () => json(200, { v: 2 }) });
      expect(UrlFetchApp.fetch('https://api.x.io/v2/a').getContentText()).toBe('{"v":2}');
      expect(UrlFetchApp.fetch('https://api.x.io/v1/a').getContentText()).toContain('/v1/a');
    });

    it('should enforce the daily quota per user and reset it the next day', () => {
      const { emu, UrlFetchApp } = setup();
      for (let i = 0; i < 20_000; i++) UrlFetchApp.fetch('https://api.x.io/ok');
      expect(() => UrlFetchApp.fetch('https://api.x.io/ok')).toThrow('Service invoked too many times for one day: urlfetch.');
      emu.setUser('other@example.com');
      expect(UrlFetchApp.fetch('https://api.x.io/ok').getResponseCode()).toBe(200);
      emu.setUser('user@example.com');
      emu.clock.advance(86_400_000);
      expect(UrlFetchApp.fetch('https://api.x.io/ok').getResponseCode()).toBe(200);
    });

    it('should give Workspace accounts 100,000 calls', () => {
      const { UrlFetchApp } = setup({ accountType: 'workspace' });
      const wave = Array.from({ length: 1000 }, () => 'https://api.x.io/ok');
      for (let i = 0; i < 100; i++) UrlFetchApp.fetchAll(wave);
      expect(() => UrlFetchApp.fetch('https://api.x.io/ok')).toThrow('Service invoked too many times for one day: urlfetch.');
    });
  });

  describe('#fetchAll()', () => {
    it('should return responses in order and cost the slowest request plus 500 ms', () => {
      const { emu, UrlFetchApp } = setup();
      const t0 = emu.clock.now();
      const res = UrlFetchApp.fetchAll(['https://api.x.io/a', { url: 'https://api.x.io/slow' }, { url: 'https://api.x.io/missing', muteHttpExceptions: true }]);
      expect(res.map((r) => r.getResponseCode())).toEqual([200, 200, 404]);
      expect(emu.clock.now() - t0).toBe(2500);
      expect(emu.counters.get('UrlFetchApp.fetchAll')).toBe(1);
      expect(emu.counters.get('UrlFetchApp.requests')).toBe(3);
      expect(emu.counters.get('urlfetch')).toBe(3);
      expect(emu.http.log.every((e) => e.viaFetchAll)).toBe(true);
    });

    it('should throw for the whole wave on one transport failure after delivering every request', () => {
      const { seen, UrlFetchApp } = setup();
      expect(() =>
        UrlFetchApp.fetchAll([
          { url: 'https://api.x.io/a', method: 'post' },
          { url: 'https://api.x.io/timeout', muteHttpExceptions: true },
          'https://api.x.io/c',
        ]),
      ).toThrow('Timeout: https://api.x.io/timeout');
      expect(seen.map((r) => r.path)).toEqual(['/a', '/timeout', '/c']);
    });

    it('should throw on an unmuted HTTP error in the wave', () => {
      const { UrlFetchApp } = setup();
      expect(() => UrlFetchApp.fetchAll(['https://api.x.io/a', 'https://api.x.io/missing'])).toThrow(/returned code 404/);
    });

    it('should count every request of a wave against the quota', () => {
      const { UrlFetchApp } = setup();
      const wave = Array.from({ length: 1000 }, () => 'https://api.x.io/ok');
      for (let i = 0; i < 20; i++) UrlFetchApp.fetchAll(wave);
      expect(() => UrlFetchApp.fetchAll(['https://api.x.io/ok'])).toThrow('Service invoked too many times for one day: urlfetch.');
    });
  });

  describe('#getRequest()', () => {
    it('should describe the request without sending it', () => {
      const { emu, UrlFetchApp } = setup();
      const r = UrlFetchApp.getRequest('https://api.x.io/a', { method: 'post', contentType: 'application/json', payload: '{}', headers: { 'X-A': '1' } });
      expect(r).toMatchObject({ url: 'https://api.x.io/a', method: 'post', payload: '{}', contentType: 'application/json', headers: { 'x-a': '1' } });
      expect(emu.http.log).toHaveLength(0);
    });
  });

  describe('redirects', () => {
    it('should follow a 307 with the same method and body, and a 302 as a GET, when followRedirects is on', () => {
      const { seen, UrlFetchApp } = setup();
      expect(UrlFetchApp.fetch('https://api.x.io/moved-307', { method: 'post', payload: 'b', muteHttpExceptions: true }).getResponseCode()).toBe(200);
      expect(seen.map((r) => `${r.method} ${r.path} ${r.body ?? ''}`)).toEqual(['POST /moved-307 b', 'POST /target b']);
      UrlFetchApp.fetch('https://api.x.io/moved-302', { method: 'post', payload: 'b', muteHttpExceptions: true });
      expect(seen.slice(2).map((r) => `${r.method} ${r.path} ${r.body ?? ''}`)).toEqual(['POST /moved-302 b', 'GET /target ']);
    });

    it('should return the 3xx with its Location when followRedirects is false', () => {
      const { seen, UrlFetchApp } = setup();
      const res = UrlFetchApp.fetch('https://api.x.io/moved-307', { method: 'post', payload: 'b', followRedirects: false, muteHttpExceptions: true });
      expect(res.getResponseCode()).toBe(307);
      expect(res.getAllHeaders()).toMatchObject({ Location: 'https://api.x.io/target' });
      expect(seen).toHaveLength(1);
    });
  });
});

describe("emulator/gas/urlfetch: short bursts and the user's language (PLATFORM.md, Errors)", () => {
  it('should refuse the next calls with the exec-qps text, sending and counting nothing, then work again', () => {
    const { emu, seen, UrlFetchApp } = setup({ accountType: 'consumer' });
    emu.http.execQpsBurst(2);
    const burst = 'Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.';
    expect(() => UrlFetchApp.fetch('https://api.x.io/ok')).toThrow(burst);
    expect(() => UrlFetchApp.fetchAll(['https://api.x.io/ok', 'https://api.x.io/ok'])).toThrow(burst);
    expect(seen).toHaveLength(0);
    expect(emu.http.log).toHaveLength(0);
    expect(UrlFetchApp.fetch('https://api.x.io/ok').getResponseCode()).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("should throw Google's texts in the user's language when the locale is German", () => {
    const { emu, UrlFetchApp } = setup({ locale: 'de' });
    expect(() => UrlFetchApp.fetch('https://api.x.io/timeout', { muteHttpExceptions: true })).toThrow('Zeitüberschreitung: https://api.x.io/timeout');
    expect(() => UrlFetchApp.fetch('https://api.x.io/dns', { muteHttpExceptions: true })).toThrow('DNS-Fehler: https://api.x.io/dns');
    emu.http.execQpsBurst(1);
    expect(() => UrlFetchApp.fetch('https://api.x.io/ok')).toThrow(/^Dienst wurde in kurzer Zeit zu oft aufgerufen: exec qps/);
    expect(sheetsFaultText('sheets-failed', 'abc', 'de')).toBe('Fehler beim Dienst Tabellen beim Zugriff auf das Dokument mit der ID abc.');
    expect(sheetsFaultText('sheets-failed', 'abc')).toBe('Service Spreadsheets failed while accessing document with id abc.');
  });
});
