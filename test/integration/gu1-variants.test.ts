/** gu1's second documented response shape through the built bundle (NOTES.md; emulator/apis/gu1/variants.ts). */
import type { JobView } from '../../src/app/job-view';
import { GU1_HEADER, givenGu1, gu1Ids, gu1Rows, tabObjects } from '../harness/scenarios';

const CODES = ['ar_afip_enrichment', 'br_cpfcnpj_complete_company_enrichment'];

describe('gu1 variant shapes (built bundle)', () => {
  it('should write every result of answers with rulesResult / rulesExecutionSummary and without entityId / integrationName', () => {
    const s = givenGu1({ entities: gu1Ids(12), sim: { variants: ['second-shape', 'extra-keys'] } });
    s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(12)]);
    const r = s.addOn.rpc<{ job: JobView }>('submitGu1', {
      source: { sheetName: 'Clients' },
      mapping: { external_id: 0 },
      options: { title: 'KYB', integrationCodes: CODES },
      confirmed: true,
    });
    expect(r.job.state).toBe('DONE');
    expect(r.job.lastError).toBeNull();
    const rows = tabObjects(s.addOn, r.job.tabs['results']!);
    expect(rows).toHaveLength(24);
    for (const row of rows) {
      expect(row).toMatchObject({ entity_id: '', integration_name: '', 'rulesResult.decision': 'REVIEW', 'rulesExecutionSummary.rulesEvaluated': 4 });
      expect(CODES).toContain(row['integration_code']);
    }
    // The data and the cost come through as with the first shape.
    const one = rows.find((x) => x['external_id'] === 'CUST-0001' && x['integration_code'] === CODES[0])!;
    const data = s.sim.enrichmentData('CUST-0001', CODES[0]!) as Record<string, unknown>;
    const firstKey = Object.keys(data)[0]!;
    expect(Object.keys(one).some((k) => k === firstKey || k.startsWith(`${firstKey}.`))).toBe(true);
    expect(rows.reduce((n, x) => n + Number(x['cost_cents']), 0)).toBe(s.sim.billedCents());
  });
});
