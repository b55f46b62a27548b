/**
 * gu1 fields and choices the sidebar reaches, through the built bundle: the per-result error's
 * category / retryable / statusCode and the answer's totalExecutionTime in the tab, "Retry
 * failed rows" deciding by `retryable`, the code choices, and where unknown codes come from.
 */
import { GU1_HEADER, givenGu1, gu1Ids, gu1Rows, tabObjects, type Gu1Scenario } from '../harness/scenarios';
import type { JobView } from '../../src/app/contract';

const AFIP = 'ar_afip_enrichment';
const CNPJ = 'br_cpfcnpj_complete_company_enrichment';

interface SubmitResult {
  job: JobView;
}

function sheet(s: Gu1Scenario, rows: unknown[][]): void {
  s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...rows]);
}

function submit(s: Gu1Scenario, options: Record<string, unknown>): SubmitResult {
  return s.addOn.rpc<SubmitResult>('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'KYB', ...options },
    confirmed: true,
  });
}

const enriched = (s: Gu1Scenario): string[] =>
  s.sim.requests.filter((r) => r.path.endsWith('/enrichment-by-external-id')).map((r) => (JSON.parse(r.body ?? '{}') as { externalId: string }).externalId);

describe('gu1 result details (built bundle)', () => {
  it('should write category, retryable, statusCode and totalExecutionTime beside each result', () => {
    const s = givenGu1({ entities: gu1Ids(2) });
    s.sim.failResult('CUST-0002', CNPJ, {
      code: 'SOURCE_TIMEOUT',
      message: 'Receita Federal did not answer',
      category: 'provider',
      retryable: true,
      statusCode: 504,
    });
    sheet(s, gu1Rows(2));
    const r = submit(s, { integrationCodes: [AFIP, CNPJ] });
    const rows = tabObjects(s.addOn, r.job.tabs['results']!);
    const failed = rows.find((x) => x['external_id'] === 'CUST-0002' && x['integration_code'] === CNPJ)!;
    expect(failed).toMatchObject({ success: false, error_category: 'provider', error_retryable: true, error_status_code: 504 });
    const ok = rows.find((x) => x['external_id'] === 'CUST-0002' && x['integration_code'] === AFIP)!;
    expect(ok).toMatchObject({ success: true, error_category: '', error_retryable: '', error_status_code: '' });
    // The answer's total, the same on both rows of one external_id, and the sum the simulator reported.
    const total = (x: Record<string, unknown>): unknown => x['total_execution_time_ms'];
    expect(typeof total(ok)).toBe('number');
    expect(total(ok)).toBe(total(failed));
    expect(total(ok)).toBe((ok['execution_time_ms'] as number) + (failed['execution_time_ms'] as number));
  });
});

describe('gu1 retry by retryable (built bundle)', () => {
  it('should send again only rows whose failures gu1 marked retryable, and say why the others stay', () => {
    const s = givenGu1({ entities: gu1Ids(5) });
    s.sim.failResult('CUST-0002', AFIP, { code: 'SOURCE_TIMEOUT', message: 'AFIP did not answer', category: 'provider', retryable: true, statusCode: 503 });
    s.sim.failResult('CUST-0004', AFIP, {
      code: 'INVALID_TAX_ID',
      message: 'CUIT has a bad check digit',
      category: 'validation',
      retryable: false,
      statusCode: 422,
    });
    sheet(s, gu1Rows(5));
    const r = submit(s, { integrationCodes: [AFIP] });
    // One of the two failed rows failed only in ways gu1 marked not retryable (the card offers no retry for it).
    expect(r.job.counts).toMatchObject({ rowsDone: 3, rowsFailed: 2, rowsFinal: 1 });
    s.sim.failResult('CUST-0002', AFIP, null);
    const before = enriched(s).length;

    const retry = s.addOn.rpc<SubmitResult>('retryGu1FailedRows', { jobId: r.job.id });
    expect(enriched(s).slice(before)).toEqual(['CUST-0002']);
    expect(retry.job.counts).toMatchObject({ rows: 1, rowsDone: 1 });
    expect(retry.job.warnings.join(' ')).toMatch(/1 row\(s\) failed with errors gu1 marked not retryable .*not sent again/);
    const rows = tabObjects(s.addOn, r.job.tabs['results']!);
    expect(rows.find((x) => x['external_id'] === 'CUST-0002')).toMatchObject({ success: true });
    expect(rows.find((x) => x['external_id'] === 'CUST-0004')).toMatchObject({ success: false, error_retryable: false });

    // Only the not-retryable row is left: nothing is sent, the sentence says what to do.
    const sent = enriched(s).length;
    expect(() => s.addOn.rpc('retryGu1FailedRows', { jobId: retry.job.id })).toThrow(
      /1 row\(s\) failed with errors gu1 marked not retryable .*; nothing to retry\. Fix those entities in gu1/,
    );
    expect(enriched(s)).toHaveLength(sent);
  });
});

describe('gu1 integration codes (built bundle)', () => {
  it('should offer the codes used, the group refs and the codes seen in answers', () => {
    const s = givenGu1({ entities: gu1Ids(2) });
    s.addOn.rpc('saveGu1Settings', { integrationCodes: ['zz_saved_code'] });
    sheet(s, gu1Rows(2));
    const group = s.sim.groups()[0]!;
    // A run with one group and no codes teaches what the group stands for; a second run uses a code.
    submit(s, { enrichmentGroupRefs: [group.slug] });
    submit(s, { title: 'KYB 2', integrationCodes: [AFIP] });
    const choices = s.addOn.rpc<{ used: string[]; groups: Array<{ ref: string; codes: string[] }>; seen: string[] }>('getGu1CodeChoices');
    expect(choices.used).toEqual([AFIP, 'zz_saved_code'].sort());
    expect(choices.groups.map((g) => g.ref)).toContain(group.slug);
    const expanded = choices.groups.find((g) => g.ref === group.slug)!.codes;
    expect([...expanded].sort()).toEqual([...group.codes].sort());
    expect(choices.seen).toEqual(group.codes.filter((c) => c !== AFIP).sort());
  });

  it('should say where integration codes come from when gu1 does not know one', () => {
    const s = givenGu1({ entities: gu1Ids(2) });
    sheet(s, gu1Rows(2));
    expect(() => submit(s, { integrationCodes: ['zz_unknown_code'] })).toThrow(
      /Unknown integration code: zz_unknown_code\. Integration codes come from gu1: your gu1 dashboard lists the marketplace integrations .* Pick one from the list in the gu1 form/,
    );
  });
});
