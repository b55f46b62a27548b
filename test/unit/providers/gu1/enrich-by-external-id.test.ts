import { MalformedResponseError } from '../../../../src/platform/errors';
import {
  buildEnrichRequest,
  ENRICH_BY_EXTERNAL_ID_PATH,
  readEnrichAnswer,
  totalCostCents,
  withForceRefresh,
} from '../../../../src/providers/gu1/enrich-by-external-id';

const base = { externalId: 'C-1', integrationCodes: ['ar_afip_enrichment'], enrichmentGroupRefs: [] as string[], forceRefresh: false };

describe('providers/gu1/enrich-by-external-id', () => {
  describe('#buildEnrichRequest()', () => {
    it('should POST the documented body without empty groups or parameters', () => {
      const req = buildEnrichRequest(base);
      expect(req).toEqual({ method: 'post', path: ENRICH_BY_EXTERNAL_ID_PATH, json: { externalId: 'C-1', integrationCodes: ['ar_afip_enrichment'] } });
      expect(ENRICH_BY_EXTERNAL_ID_PATH).toBe('/integration-execution/marketplace/enrichment-by-external-id');
    });

    it('should always send integrationCodes (older doc versions require it) and groups when given', () => {
      expect(buildEnrichRequest({ ...base, integrationCodes: [], enrichmentGroupRefs: ['kyb'] }).json).toEqual({
        externalId: 'C-1',
        integrationCodes: [],
        enrichmentGroupRefs: ['kyb'],
      });
    });

    it('should put forceRefresh in parameters and nowhere else', () => {
      const json = buildEnrichRequest({ ...base, forceRefresh: true, parameters: { taxId: '0123' } }).json as Record<string, unknown>;
      expect(json).toEqual({ externalId: 'C-1', integrationCodes: ['ar_afip_enrichment'], parameters: { taxId: '0123', forceRefresh: true } });
    });

    it('should never let a column named forceRefresh turn it on', () => {
      expect(buildEnrichRequest({ ...base, parameters: { forceRefresh: 'yes' } }).json).toEqual({
        externalId: 'C-1',
        integrationCodes: ['ar_afip_enrichment'],
      });
      expect(withForceRefresh({ forceRefresh: true, a: 1 }, false)).toEqual({ a: 1 });
    });

    it('should not be retried by the http layer after a lost response (the job re-sends and counts)', () => {
      expect(buildEnrichRequest({ ...base, forceRefresh: false })).not.toHaveProperty('retrySafe');
    });
  });

  describe('#readEnrichAnswer()', () => {
    const ok = (body: unknown) => ({ status: 200, headers: {}, body });

    it('should accept the documented response', () => {
      const body = {
        success: true,
        entityId: 'e-1',
        externalId: 'C-1',
        totalCostCents: 45,
        totalExecutionTime: 1800,
        results: [
          {
            success: true,
            enrichmentId: 'x',
            integrationCode: 'ar_afip_enrichment',
            integrationName: 'AFIP',
            executionTime: 1800,
            costCents: 45,
            result: { fieldsEnriched: ['a'], dataQuality: { completeness: 1, confidence: 0.9 }, summary: 's', enrichmentData: { a: 1 } },
          },
        ],
      };
      expect(readEnrichAnswer(ok(body))).toEqual(body);
    });

    it('should accept the variant without entityId / integrationName and with rulesResult, and null fields', () => {
      const body = {
        success: false,
        rulesResult: { hit: true },
        results: [
          { integrationCode: 'x', success: false, error: { code: 'E', message: 'm', category: 'provider', retryable: true, statusCode: 503 }, result: null },
        ],
      };
      const res = readEnrichAnswer(ok(body));
      expect(res.results[0]!.error).toEqual({ code: 'E', message: 'm', category: 'provider', retryable: true, statusCode: 503 });
      expect((res as Record<string, unknown>)['rulesResult']).toEqual({ hit: true });
    });

    it('should refuse a body without results as malformed, naming where', () => {
      expect(() => readEnrichAnswer(ok({ success: true }))).toThrow(MalformedResponseError);
      expect(() => readEnrichAnswer(ok({ results: 'none' }))).toThrow(
        /^POST \/integration-execution\/marketplace\/enrichment-by-external-id: results: expected array, got a string$/,
      );
      // A display field of the wrong type never fails the answer.
      expect(readEnrichAnswer(ok({ results: [{ costCents: 'free' }] })).results[0]!.costCents).toBeNull();
    });
  });

  describe('#totalCostCents()', () => {
    it('should prefer totalCostCents and fall back to the sum of the results', () => {
      expect(totalCostCents({ totalCostCents: 7, results: [{ costCents: 3 }] })).toBe(7);
      expect(totalCostCents({ results: [{ costCents: 3 }, { costCents: 4 }, {}] })).toBe(7);
    });
  });
});
