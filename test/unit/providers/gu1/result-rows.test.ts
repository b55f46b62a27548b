import { dataColumns, errorRow, GU1_COLUMNS, requestErrorRows, responseRows, resultRow } from '../../../../src/providers/gu1/result-rows';

const ok = {
  success: true,
  enrichmentId: 'en-1',
  integrationCode: 'ar_afip_enrichment',
  integrationName: 'AFIP',
  executionTime: 1800,
  costCents: 45,
  result: {
    fieldsEnriched: ['company.legalName', 'company.address'],
    dataQuality: { completeness: 0.9, confidence: 0.8 },
    summary: 'ok',
    enrichmentData: { company: { legalName: '=X()', address: { city: 'São Paulo' } }, phones: ['+54 11 1', '+54 11 2'], summary: 'clash' },
  },
};

describe('providers/gu1/result-rows', () => {
  it('should key by external_id and integration_code first', () => {
    expect(GU1_COLUMNS.slice(0, 2)).toEqual(['external_id', 'integration_code']);
  });

  describe('#resultRow()', () => {
    it('should hold the documented fields and the data as dot-path columns', () => {
      expect(resultRow('C-1', 'ent-1', ok)).toEqual({
        external_id: 'C-1',
        integration_code: 'ar_afip_enrichment',
        success: true,
        integration_name: 'AFIP',
        cost_cents: 45,
        cost: 0.45,
        execution_time_ms: 1800,
        completeness: 0.9,
        confidence: 0.8,
        summary: 'ok',
        fields_enriched: ['company.legalName', 'company.address'],
        error_code: null,
        error_message: null,
        enrichment_id: 'en-1',
        entity_id: 'ent-1',
        error_category: null,
        error_retryable: null,
        error_status_code: null,
        total_execution_time_ms: null,
        'company.legalName': '=X()',
        'company.address.city': 'São Paulo',
        phones: ['+54 11 1', '+54 11 2'],
        'data.summary': 'clash',
      });
    });

    it('should carry the error category, retryable flag and status code, and the answer total', () => {
      const row = resultRow(
        'C-1',
        null,
        { integrationCode: 'x', success: false, error: { code: 'E1', message: 'down', category: 'provider', retryable: false, statusCode: 422 } },
        2400,
      );
      expect(row).toMatchObject({ error_category: 'provider', error_retryable: false, error_status_code: 422, total_execution_time_ms: 2400 });
    });

    it('should show a failed result with its error and no data', () => {
      const row = resultRow('C-1', null, { integrationCode: 'x', success: false, costCents: 0, error: { code: 'E1', message: 'down' } });
      expect(row).toMatchObject({ success: false, error_code: 'E1', error_message: 'down', cost_cents: 0, summary: null });
    });

    it('should treat an error without a success flag as failed, with a fallback message', () => {
      expect(resultRow('C-1', null, { integrationCode: 'x', error: {} })).toMatchObject({ success: false, error_code: 'FAILED' });
    });
  });

  describe('#dataColumns()', () => {
    it('should keep non-object data under data', () => {
      expect(dataColumns(['a'])).toEqual({ data: ['a'] });
      expect(dataColumns('text')).toEqual({ data: 'text' });
      expect(dataColumns(null)).toEqual({});
    });
  });

  describe('#responseRows()', () => {
    it('should add a NO_RESULT row for a requested code gu1 left out and count results without a code', () => {
      const got = responseRows('C-1', { entityId: 'e', results: [ok, { success: true }] }, ['ar_afip_enrichment', 'br_x']);
      expect(got.unkeyed).toBe(1);
      expect(got.rows.map((r) => [r['integration_code'], r['error_code']])).toEqual([
        ['ar_afip_enrichment', null],
        ['br_x', 'NO_RESULT'],
      ]);
    });
  });

  describe('#requestErrorRows()', () => {
    it('should file one row per code and per group ref', () => {
      const rows = requestErrorRows('C-9', ['a', 'b'], ['kyb'], 'ENTITY_NOT_FOUND', 'no gu1 entity');
      expect(rows.map((r) => r['integration_code'])).toEqual(['a', 'b', 'group:kyb']);
      expect(rows[0]).toEqual(errorRow('C-9', 'a', 'ENTITY_NOT_FOUND', 'no gu1 entity'));
      expect(rows[0]).toMatchObject({ success: false, cost_cents: 0 });
    });
  });
});
