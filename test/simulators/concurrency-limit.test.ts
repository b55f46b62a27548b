/**
 * The simulators' concurrency limit (issue 16): gu1 and Openmart publish no rate limits, so the
 * add-on adapts its fetchAll waves; this is what it adapts to. Requests of one fetchAll wave are
 * in flight at once: past the limit they get a 429 that did nothing and billed nothing.
 */
import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';
import { createGu1Sim, ENRICH_PATH, GU1_BASE_URL } from '../../emulator/apis/gu1';
import { createOpenmartSim } from '../../emulator/apis/openmart';

const GU1_KEY = 'gk_prod_0123456789abcdef';
const OM_KEY = 'om_test_5b8e2d7c4a19e6';

function gu1World(limit?: number) {
  const emu = createEmulator({ latency: ZERO_LATENCY });
  const sim = createGu1Sim({ seed: 3, ...(limit === undefined ? {} : { concurrencyLimit: limit }) });
  sim.addKey(GU1_KEY);
  const ids = Array.from({ length: 40 }, (_, i) => `C-${i}`);
  sim.addEntities(ids);
  emu.http.register(GU1_BASE_URL, sim);
  const req = (id: string) => ({
    url: `${GU1_BASE_URL}${ENRICH_PATH}`,
    method: 'post' as const,
    contentType: 'application/json',
    headers: { Authorization: `Bearer ${GU1_KEY}` },
    payload: JSON.stringify({ externalId: id, integrationCodes: ['global_pep_screening'] }),
    muteHttpExceptions: true,
  });
  return { emu, sim, ids, req };
}

describe('simulator concurrency limit', () => {
  describe('gu1', () => {
    it('should answer 429 to the requests of one wave past the limit, before billing them', () => {
      const { emu, sim, ids, req } = gu1World(15);
      const codes = emu.gas.UrlFetchApp.fetchAll(ids.slice(0, 20).map(req)).map((r) => r.getResponseCode());
      expect(codes.filter((c) => c === 200)).toHaveLength(15);
      expect(codes.slice(15)).toEqual([429, 429, 429, 429, 429]);
      expect(sim.ledger).toHaveLength(15);
      expect(sim.limit.throttled()).toBe(5);
      expect(sim.limit.peak()).toBe(15);
    });

    it('should count each wave afresh and never throttle single fetches', () => {
      const { emu, sim, ids, req } = gu1World(15);
      expect(emu.gas.UrlFetchApp.fetchAll(ids.slice(0, 15).map(req)).every((r) => r.getResponseCode() === 200)).toBe(true);
      expect(emu.gas.UrlFetchApp.fetchAll(ids.slice(15, 30).map(req)).every((r) => r.getResponseCode() === 200)).toBe(true);
      for (const id of ids.slice(30)) expect(emu.gas.UrlFetchApp.fetch(req(id).url, req(id)).getResponseCode()).toBe(200);
      expect(sim.limit.throttled()).toBe(0);
    });

    it('should not limit anything without the option', () => {
      const { emu, sim, ids, req } = gu1World();
      expect(emu.gas.UrlFetchApp.fetchAll(ids.map(req)).every((r) => r.getResponseCode() === 200)).toBe(true);
      expect(sim.limit.throttled()).toBe(0);
    });
  });

  describe('openmart', () => {
    it('should answer 429 "Too many requests" (not a credit message) past the limit, with Retry-After', () => {
      const emu = createEmulator({ latency: ZERO_LATENCY });
      const sim = createOpenmartSim({ seed: 2, concurrencyLimit: 60 });
      sim.addKey(OM_KEY);
      emu.http.register('https://api.openmart.ai', sim);
      const req = { url: 'https://api.openmart.ai/api/v2/credit-balance', headers: { 'X-API-Key': OM_KEY }, muteHttpExceptions: true };
      const res = emu.gas.UrlFetchApp.fetchAll(Array.from({ length: 64 }, () => req));
      expect(res.filter((r) => r.getResponseCode() === 200)).toHaveLength(60);
      const over = res[63] as GoogleAppsScript.URL_Fetch.HTTPResponse;
      expect(over.getResponseCode()).toBe(429);
      expect(JSON.parse(over.getContentText())).toEqual({ detail: 'Too many requests' });
      expect(over.getAllHeaders()).toMatchObject({ 'Retry-After': '1' });
      expect(sim.counts.requests).toBe(60);
    });
  });
});
