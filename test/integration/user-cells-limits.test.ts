/**
 * The user's cells (issue 18): the preview and the submit refuse a source above the job limits
 * before writing anything (no external_id column, no request), without reading the block whole
 * (built bundle).
 */
import {
  COMPANY_HEADER,
  DOMAIN_HEADER,
  companyRows,
  domainRows,
  enrichmentOptions,
  givenCompanies,
  givenGu1,
  givenOpenmart,
  givenOpenProspect,
  gu1Rows,
  GU1_HEADER,
} from '../harness/scenarios';
import { snapshot } from '../harness/user-cells';

jest.setTimeout(120_000);

describe('user cells: source limits (built bundle)', () => {
  it('should refuse 100,001 OpenProspect rows in the preview and the submit, writing nothing', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Big', COMPANY_HEADER, companyRows(100_001));
    const before = snapshot(s.addOn, 'Big');
    s.addOn.emulator.counters.reset();
    const sentence = /Sheet "Big" has 100,001 data rows; one job takes at most 100,000\. Select a range of at most 100,000 rows .* Nothing was written\./;
    expect(() => s.addOn.rpc('previewEnrichment', { source: { sheetName: 'Big' } })).toThrow(sentence);
    expect(s.addOn.emulator.counters.get('Range.getValues')).toBe(0);
    expect(() =>
      s.addOn.rpc('submitEnrichment', {
        source: { sheetName: 'Big' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: enrichmentOptions('Huge'),
      }),
    ).toThrow(sentence);
    expect(snapshot(s.addOn, 'Big')).toEqual(before);
    expect(s.addOn.emulator.http.log).toHaveLength(0);
    expect(s.addOn.rpc<{ jobs: unknown[] }>('listJobs').jobs).toHaveLength(0);
  });

  it('should refuse 25,001 rows for an Openmart batch and 10,001 for a gu1 run, writing nothing', () => {
    const om = givenOpenmart();
    om.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(25_001)]);
    const omBefore = snapshot(om.addOn, 'Leads');
    expect(() =>
      om.addOn.rpc('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'Big', role: 'CEO', max_k: 1 } }),
    ).toThrow(/25,001 data rows; one job takes at most 25,000/);
    expect(snapshot(om.addOn, 'Leads')).toEqual(omBefore);
    expect(om.addOn.emulator.http.log.filter((e) => e.method === 'POST')).toHaveLength(0);

    const g = givenGu1();
    g.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(10_001)]);
    expect(() =>
      g.addOn.rpc('previewGu1', {
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        options: { title: 'Big', integrationCodes: ['ar_afip_enrichment'] },
      }),
    ).toThrow(/10,001 data rows; one job takes at most 10,000/);
    expect(g.sim.ledger).toHaveLength(0);
  });
});
