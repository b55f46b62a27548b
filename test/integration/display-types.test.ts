/**
 * Display fields of unexpected types through the built bundle (the simulators' `display-types`
 * variants): a score sent as text, highlights as an object, a cursor as text, a numeric
 * tracking_id, a gu1 cost as text and an error as a bare message never fail a whole answer.
 */
import type { JobView } from '../../src/app/job-view';
import { GU1_HEADER, givenGu1, givenOpenmart, gu1Ids, gu1Rows, tabObjects } from '../harness/scenarios';
import { HOUR, jobById, type SubmitResult } from './openmart-helpers';

describe('display fields of unexpected types (built bundle)', () => {
  it('should write an Openmart search page whose scores are text, highlights objects and last cursor text, and say why paging stopped', () => {
    const s = givenOpenmart({ sim: { variants: ['display-types'] } });
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form: { title: 'Salons', query: 'hair salons', count: 250 } });
    const job = jobById(s.addOn, r.job.id);
    expect(job).toMatchObject({ state: 'DONE', lastError: null });
    expect(job.warnings).toContain('Openmart returned 100 of the 250 rows asked; no further page was offered (the last row carried no usable cursor).');
    const rows = tabObjects(s.addOn, 'Salons - Businesses');
    expect(rows).toHaveLength(100);
    for (const row of rows) expect(typeof row['match_score']).toBe('number');
  });

  it('should enrich from a column when the rows carry highlights as an object', () => {
    const s = givenOpenmart({ sim: { variants: ['display-types'] } });
    const stores = s.sim
      .businesses()
      .filter((b) => typeof b.content['root_domain'] === 'string')
      .slice(0, 3);
    s.addOn.emulator.spreadsheet.givenSheet('Sites', [['Ref', 'Website'], ...stores.map((b, i) => [`R${i}`, `https://${String(b.content['root_domain'])}/`])]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartEnrich', { source: { sheetName: 'Sites' }, options: { title: 'Sites', limit: 1 } });
    expect(jobById(s.addOn, r.job.id)).toMatchObject({ state: 'DONE', lastError: null });
    const found = tabObjects(s.addOn, 'Sites - Businesses').filter((x) => x['status'] === 'FOUND');
    expect(found.map((x) => x['openmart_id']).sort()).toEqual(stores.map((b) => b.id).sort());
  });

  it('should key find_people rows by a tracking_id Openmart sends back as a number', () => {
    const s = givenOpenmart({ sim: { variants: ['display-types'] } });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [
      ['ID', 'Company', 'Website', 'Country'],
      ...[1001, 1002, 1003].map((id, i) => [String(id), `Shop ${i}`, `https://www.shop-${i}.example.com/`, 'US']),
    ]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      mapping: { external_id: 0, company_name: 1, domain: 2, country: 3 },
      options: { title: 'Numeric', role: 'CEO', max_k: 1 },
    });
    s.sim.completeTasks();
    for (let i = 0; i < 3 && jobById(s.addOn, r.job.id).state !== 'DONE'; i++) s.addOn.runDueTriggers(HOUR);
    expect(jobById(s.addOn, r.job.id)).toMatchObject({ state: 'DONE', lastError: null, warnings: [] });
    const keys = new Set(tabObjects(s.addOn, 'Numeric - People').map((x) => String(x['external_id'])));
    expect([...keys].sort()).toEqual(['1001', '1002', '1003']);
  });

  it('should read gu1 costs sent as text and an error sent as its bare message', () => {
    const CNPJ = 'br_cpfcnpj_complete_company_enrichment';
    const s = givenGu1({ entities: gu1Ids(4), sim: { variants: ['display-types'] } });
    s.sim.failResult('CUST-0003', CNPJ, { code: 'SOURCE_TIMEOUT', message: 'Receita Federal did not answer', retryable: true });
    s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(4)]);
    const r = s.addOn.rpc<{ job: JobView }>('submitGu1', {
      source: { sheetName: 'Clients' },
      mapping: { external_id: 0 },
      options: { title: 'KYB', integrationCodes: ['ar_afip_enrichment', CNPJ], forceRefresh: true },
      confirmed: true,
    });
    expect(r.job).toMatchObject({ state: 'DONE', lastError: null });
    expect(r.job.counts).toMatchObject({ rowsDone: 3, rowsFailed: 1, resultsOk: 7, resultsFailed: 1, costCents: s.sim.billedCents() });
    const rows = tabObjects(s.addOn, r.job.tabs['results']!);
    expect(rows.reduce((n, x) => n + Number(x['cost_cents']), 0)).toBe(s.sim.billedCents());
    expect(rows.find((x) => x['external_id'] === 'CUST-0003' && x['integration_code'] === CNPJ)).toMatchObject({
      success: false,
      error_message: 'Receita Federal did not answer',
    });
  });
});
