import { createGu1Sim, DEFAULT_GROUPS, ENRICH_PATH, HOSTILE_NAME, LONG_NOTES_LENGTH, type Gu1Sim } from '../../emulator/apis/gu1';
import { gu1Request } from '../../emulator/apis/gu1/request';
import { send } from '../../emulator/apis/openprospect/request';
import { isTransportFailure } from '../../emulator/apis/types';

const KEY = 'gk_prod_0123456789abcdef';
const SANDBOX = 'gk_sandbox_fedcba9876543210';
const AFIP = 'ar_afip_enrichment';
const CNPJ = 'br_cpfcnpj_complete_company_enrichment';
const PEP = 'global_pep_screening';
const SANCTIONS = 'global_sanctions_screening';

function setup(opts: Parameters<typeof createGu1Sim>[0] = {}): Gu1Sim {
  const sim = createGu1Sim({ seed: 5, ...opts });
  sim.addKey(KEY);
  sim.addKey(SANDBOX);
  sim.addEntities(['C-001', 'C-002', 'C-003', 'C-004', 'C-005', 'C-006', 'C-007', 'C-008', 'C-009', 'C-010']);
  return sim;
}

function enrich(sim: Gu1Sim, body: unknown, key: string | null = KEY, now = 0) {
  return send(sim, gu1Request({ key, json: body, now }));
}

describe('gu1 sim', () => {
  describe('authentication', () => {
    it('should answer 401 with the {success:false,error:{code,message}} envelope without a key', () => {
      const r = enrich(setup(), { externalId: 'C-001', integrationCodes: [AFIP] }, null);
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ success: false, error: { code: 'UNAUTHORIZED', message: 'Invalid or missing API key' } });
    });

    it('should accept gk_prod_ and gk_sandbox_ keys and refuse unknown, non-Bearer and revoked ones', () => {
      const sim = setup();
      const body = { externalId: 'C-001', integrationCodes: [PEP] };
      expect(enrich(sim, body, KEY).status).toBe(200);
      expect(enrich(sim, body, SANDBOX).status).toBe(200);
      expect(enrich(sim, body, 'gk_prod_unknown').status).toBe(401);
      const basic = gu1Request({ key: null, json: body });
      basic.headers['authorization'] = `Basic ${KEY}`;
      expect(send(sim, basic).status).toBe(401);
      sim.removeKey(KEY);
      expect(enrich(sim, body, KEY).status).toBe(401);
      expect(sim.counts.unauthorized).toBe(3);
    });

    it('should check the key before the body', () => {
      expect(send(setup(), gu1Request({ key: 'nope', body: 'not json' })).status).toBe(401);
    });
  });

  describe('routing', () => {
    it('should answer 404 for another path and 405 for GET, both in the envelope', () => {
      const sim = setup();
      const other = send(sim, gu1Request({ path: '/entities' }));
      expect(other.status).toBe(404);
      expect(other.json.success).toBe(false);
      const get = send(sim, gu1Request({ method: 'GET' }));
      expect(get.status).toBe(405);
      expect(get.headers['Allow']).toBe('POST');
    });
  });

  describe('validation (400)', () => {
    it.each([
      ['both lists empty', { externalId: 'C-001', integrationCodes: [], enrichmentGroupRefs: [] }, /At least one of integrationCodes or enrichmentGroupRefs/],
      ['no lists at all', { externalId: 'C-001' }, /At least one of integrationCodes or enrichmentGroupRefs/],
      ['an unknown code', { externalId: 'C-001', integrationCodes: [AFIP, 'zz_nope'] }, /Unknown integration code: zz_nope/],
      ['an unknown group', { externalId: 'C-001', enrichmentGroupRefs: ['kyb-nowhere'] }, /Enrichment group not found: kyb-nowhere/],
      ['no externalId', { integrationCodes: [AFIP] }, /externalId is required/],
      ['codes not strings', { externalId: 'C-001', integrationCodes: [1] }, /integrationCodes must be an array of strings/],
      ['parameters not an object', { externalId: 'C-001', integrationCodes: [AFIP], parameters: [] }, /parameters must be an object/],
    ])('should refuse %s naming the field or code', (_name, body, message) => {
      const sim = setup();
      const r = enrich(sim, body);
      expect(r.status).toBe(400);
      expect(r.json.success).toBe(false);
      expect(r.json.error.message).toMatch(message);
      expect(sim.ledger).toHaveLength(0);
    });

    it('should refuse a body that is not JSON', () => {
      const r = send(setup(), gu1Request({ key: KEY, body: '{"externalId": ' }));
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('INVALID_JSON');
    });

    it('should check the codes before looking up the entity (400 before 404)', () => {
      expect(enrich(setup(), { externalId: 'unknown', integrationCodes: [] }).status).toBe(400);
    });
  });

  describe('integrations not active (NOTES: 403/404 SERVICE_INTEGRATION_NOT_ACTIVE)', () => {
    it.each([
      ['by default 404', {}, 404],
      ['403 when asked', { notActiveStatus: 403 as const }, 403],
    ])('should refuse a code the organization has not activated, %s, billing nothing', (_name, opts, status) => {
      const sim = setup(opts);
      const r = enrich(sim, { externalId: 'C-001', integrationCodes: [AFIP, 'cl_sii_company_enrichment'] });
      expect(r.status).toBe(status);
      expect(r.json).toEqual({
        success: false,
        error: { code: 'SERVICE_INTEGRATION_NOT_ACTIVE', message: expect.stringMatching(/cl_sii_company_enrichment is not active/) },
      });
      expect(sim.ledger).toHaveLength(0);
    });
  });

  describe('entities', () => {
    it('should answer 404 ENTITY_NOT_FOUND for an unknown externalId and bill nothing', () => {
      const sim = setup();
      const r = enrich(sim, { externalId: 'X-404', integrationCodes: [AFIP] });
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ success: false, error: { code: 'ENTITY_NOT_FOUND', message: 'Entity with externalId "X-404" not found' } });
      expect(sim.ledger).toHaveLength(0);
    });

    it('should echo the entity id and the externalId', () => {
      const sim = setup();
      const r = enrich(sim, { externalId: 'C-002', integrationCodes: [PEP] });
      expect(r.json).toMatchObject({ success: true, entityId: sim.entity('C-002')!.id, externalId: 'C-002' });
    });
  });

  describe('groups', () => {
    it('should expand a slug to its codes in order', () => {
      const r = enrich(setup(), { externalId: 'C-001', enrichmentGroupRefs: ['kyb-argentina'] });
      expect(r.json.results.map((x: { integrationCode: string }) => x.integrationCode)).toEqual([AFIP, SANCTIONS, PEP]);
    });

    it('should expand a UUID (any case) like its slug', () => {
      const id = DEFAULT_GROUPS[0]!.id.toUpperCase();
      const r = enrich(setup(), { externalId: 'C-001', enrichmentGroupRefs: [id] });
      expect(r.json.results).toHaveLength(3);
    });

    it('should put group codes first, append integrationCodes and dedupe keeping first-seen order', () => {
      const r = enrich(setup(), { externalId: 'C-001', integrationCodes: [CNPJ, PEP, CNPJ], enrichmentGroupRefs: ['screening', 'kyb-argentina'] });
      expect(r.json.results.map((x: { integrationCode: string }) => x.integrationCode)).toEqual([PEP, SANCTIONS, AFIP, CNPJ]);
    });
  });

  describe('results and costs', () => {
    it('should return the documented result shape with totals that add up', () => {
      const sim = setup();
      const r = enrich(sim, { externalId: 'C-003', integrationCodes: [AFIP, CNPJ] });
      expect(r.status).toBe(200);
      const [a, b] = r.json.results;
      for (const x of [a, b]) {
        expect(x).toMatchObject({
          success: true,
          integrationCode: expect.any(String),
          integrationName: expect.any(String),
          enrichmentId: expect.any(String),
          executionTime: expect.any(Number),
          costCents: expect.any(Number),
        });
        expect(x.result).toMatchObject({
          fieldsEnriched: expect.any(Array),
          dataQuality: { completeness: expect.any(Number), confidence: expect.any(Number) },
          summary: expect.any(String),
        });
        expect(x.result.dataQuality.completeness).toBeGreaterThanOrEqual(0);
        expect(x.result.dataQuality.completeness).toBeLessThanOrEqual(1);
      }
      expect([a.costCents, b.costCents]).toEqual([45, 80]);
      expect(r.json.totalCostCents).toBe(125);
      expect(r.json.totalExecutionTime).toBe(a.executionTime + b.executionTime);
      expect(sim.billedCents()).toBe(125);
      expect(sim.ledger.map((l) => [l.externalId, l.integrationCode, l.costCents])).toEqual([
        ['C-003', AFIP, 45],
        ['C-003', CNPJ, 80],
      ]);
      expect(sim.balance()).toBe(1_000_000 - 125);
    });

    it('should take as long as the slowest integration (they run in parallel)', () => {
      const sim = setup();
      sim.setLatency(CNPJ, 20_000);
      const out = sim.handle(gu1Request({ key: KEY, json: { externalId: 'C-001', integrationCodes: [PEP, CNPJ] } }));
      expect(isTransportFailure(out)).toBe(false);
      const latency = (out as { latencyMs: number }).latencyMs;
      expect(latency).toBeGreaterThanOrEqual(18_000);
      expect(latency).toBeLessThan(23_000);
    });

    it('should report partial success: success true with a failed result that costs nothing', () => {
      const sim = setup();
      sim.failResult('C-004', CNPJ, { code: 'SOURCE_TIMEOUT', message: 'Receita Federal did not answer', retryable: true });
      const r = enrich(sim, { externalId: 'C-004', integrationCodes: [AFIP, CNPJ] });
      expect(r.json.success).toBe(true);
      expect(r.json.results[1]).toMatchObject({
        success: false,
        integrationCode: CNPJ,
        costCents: 0,
        error: { code: 'SOURCE_TIMEOUT', message: 'Receita Federal did not answer' },
      });
      expect(r.json.results[1].result).toBeUndefined();
      expect(r.json.totalCostCents).toBe(45);
      expect(sim.billedCents()).toBe(45);
    });

    it('should answer a 422 with success false and the partial data with partialAs422, billing its successes', () => {
      const sim = setup({ partialAs422: true });
      sim.failResult('C-004', CNPJ, { code: 'SOURCE_TIMEOUT', message: 'Receita Federal did not answer', retryable: true });
      const r = enrich(sim, { externalId: 'C-004', integrationCodes: [AFIP, CNPJ] });
      expect(r.status).toBe(422);
      expect(r.json.success).toBe(false);
      expect(r.json.results[0]).toMatchObject({ success: true, integrationCode: AFIP, costCents: 45 });
      expect(r.json.results[1]).toMatchObject({ success: false, integrationCode: CNPJ, error: { code: 'SOURCE_TIMEOUT' } });
      expect(sim.billedCents()).toBe(45);
      // Without a failed result the answer is the usual 200.
      expect(enrich(sim, { externalId: 'C-005', integrationCodes: [AFIP] }).status).toBe(200);
    });

    it('should fail an integration for another country than the entity', () => {
      const sim = setup();
      sim.addEntity('BR-1', { country: 'BR' });
      const r = enrich(sim, { externalId: 'BR-1', integrationCodes: [AFIP, CNPJ] });
      expect(r.json.results[0]).toMatchObject({ success: false, error: { code: 'COUNTRY_NOT_SUPPORTED' } });
      expect(r.json.results[1].success).toBe(true);
    });

    it('should fail about the given share of executions with failureRate, deterministically', () => {
      const run = () => {
        const sim = setup({ failureRate: 0.5 });
        return ['C-001', 'C-002', 'C-003', 'C-004', 'C-005', 'C-006'].map(
          (id) => enrich(sim, { externalId: id, integrationCodes: [PEP] }).json.results[0].success,
        );
      };
      const a = run();
      expect(a).toEqual(run());
      expect(a).toContain(true);
      expect(a).toContain(false);
    });
  });

  describe('cache', () => {
    it('should answer a repeat from the cache at no cost, with the same enrichmentId and data', () => {
      const sim = setup();
      const body = { externalId: 'C-005', integrationCodes: [AFIP, CNPJ] };
      const first = enrich(sim, body);
      const again = enrich(sim, body, KEY, 60_000);
      expect(again.json.totalCostCents).toBe(0);
      expect(again.json.results.map((x: { costCents: number }) => x.costCents)).toEqual([0, 0]);
      expect(again.json.results.map((x: { enrichmentId: string }) => x.enrichmentId)).toEqual(
        first.json.results.map((x: { enrichmentId: string }) => x.enrichmentId),
      );
      expect(again.json.results[0].result).toEqual(first.json.results[0].result);
      expect(sim.billedCents()).toBe(125);
      expect(sim.counts.cacheHits).toBe(2);
    });

    it('should run and bill again with parameters.forceRefresh', () => {
      const sim = setup();
      enrich(sim, { externalId: 'C-005', integrationCodes: [AFIP] });
      const forced = enrich(sim, { externalId: 'C-005', integrationCodes: [AFIP], parameters: { forceRefresh: true } });
      expect(forced.json.totalCostCents).toBe(45);
      expect(sim.ledger.map((l) => l.forceRefresh)).toEqual([false, true]);
      expect(sim.billedCents()).toBe(90);
    });

    it('should not take forceRefresh from the top level of the body', () => {
      const sim = setup();
      enrich(sim, { externalId: 'C-005', integrationCodes: [AFIP] });
      enrich(sim, { externalId: 'C-005', integrationCodes: [AFIP], forceRefresh: true });
      expect(sim.billedCents()).toBe(45);
    });

    it('should expire after the TTL and never cache failures', () => {
      const sim = setup({ cacheTtlMs: 1_000 });
      sim.failResult('C-006', PEP, { code: 'X', message: 'down' });
      enrich(sim, { externalId: 'C-006', integrationCodes: [AFIP, PEP] });
      sim.failResult('C-006', PEP, null);
      const second = enrich(sim, { externalId: 'C-006', integrationCodes: [AFIP, PEP] }, KEY, 500);
      expect(second.json.results.map((x: { costCents: number }) => x.costCents)).toEqual([0, 25]);
      const third = enrich(sim, { externalId: 'C-006', integrationCodes: [AFIP] }, KEY, 5_000);
      expect(third.json.totalCostCents).toBe(45);
    });
  });

  describe('balance', () => {
    it('should answer 402 INSUFFICIENT_BALANCE and bill nothing when the balance cannot pay', () => {
      const sim = setup({ balanceCents: 100 });
      expect(enrich(sim, { externalId: 'C-001', integrationCodes: [AFIP] }).status).toBe(200);
      const r = enrich(sim, { externalId: 'C-002', integrationCodes: [AFIP, PEP] });
      expect(r.status).toBe(402);
      expect(r.json).toMatchObject({ success: false, error: { code: 'INSUFFICIENT_BALANCE' } });
      expect(r.json.error.message).toMatch(/55 cents/);
      expect(sim.billedCents()).toBe(45);
      expect(sim.balance()).toBe(55);
    });

    it('should still answer cached results when the balance is spent', () => {
      const sim = setup({ balanceCents: 45 });
      enrich(sim, { externalId: 'C-001', integrationCodes: [AFIP] });
      expect(sim.balance()).toBe(0);
      expect(enrich(sim, { externalId: 'C-001', integrationCodes: [AFIP] }).status).toBe(200);
      expect(enrich(sim, { externalId: 'C-001', integrationCodes: [AFIP], parameters: { forceRefresh: true } }).status).toBe(402);
    });
  });

  describe('enrichmentData', () => {
    it('should be deterministic for a seed and differ between entities', () => {
      const a = setup().enrichmentData('C-002', AFIP);
      expect(setup().enrichmentData('C-002', AFIP)).toEqual(a);
      expect(setup().enrichmentData('C-003', AFIP)).not.toEqual(a);
      expect(enrich(setup(), { externalId: 'C-002', integrationCodes: [AFIP] }).json.results[0].result.enrichmentData).toEqual(a);
    });

    it('should hold nested objects, arrays and the hostile values of the module doc', () => {
      const sim = setup();
      const texts: string[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === 'string') texts.push(v);
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      const first = sim.enrichmentData('C-001', AFIP) as { company: { legalName: string; address: { city: string } }; officers: unknown[] };
      expect(first.company.legalName).toBe(HOSTILE_NAME);
      expect(typeof first.company.address.city).toBe('string');
      expect(Array.isArray(first.officers)).toBe(true);
      for (const id of ['C-001', 'C-002', 'C-003', 'C-007']) walk(sim.enrichmentData(id, AFIP));
      expect(texts.some((t) => /^\+54 11 /.test(t))).toBe(true);
      expect(texts.some((t) => /^00\d{9}$/.test(t))).toBe(true);
      expect(texts).toContain('-CEO');
      expect(texts.some((t) => t.length === LONG_NOTES_LENGTH)).toBe(true);
      expect(texts.some((t) => /[ñãçłó北]/i.test(t))).toBe(true);
      const person = sim.enrichmentData('C-002', 'ar_renaper_person_validation') as { person: { documentNumber: string } };
      expect(person.person.documentNumber).toMatch(/^0\d{7}$/);
    });
  });

  it('should serve the route with a trailing slash too', () => {
    const sim = setup();
    expect(send(sim, gu1Request({ path: `${ENRICH_PATH}/`, json: { externalId: 'C-001', integrationCodes: [PEP] }, key: KEY })).status).toBe(200);
  });
});
