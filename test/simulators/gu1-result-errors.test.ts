/**
 * The gu1 simulator's per-result error fields (gu1's changelog: `category`, `retryable`,
 * `statusCode` beside `code` and `message`) and the answer's `totalExecutionTime`, which the
 * add-on writes to the tab and uses to decide what "Retry failed rows" sends.
 */
import { createGu1Sim, type Gu1Sim } from '../../emulator/apis/gu1';
import { gu1Request } from '../../emulator/apis/gu1/request';
import { send } from '../../emulator/apis/openprospect/request';

const KEY = 'gk_sandbox_result_errors';
const AFIP = 'ar_afip_enrichment';
const CNPJ = 'br_cpfcnpj_complete_company_enrichment';

function setup(): Gu1Sim {
  const sim = createGu1Sim({ seed: 3 });
  sim.addKey(KEY);
  return sim;
}

const enrich = (sim: Gu1Sim, body: unknown) => send(sim, gu1Request({ key: KEY, json: body }));

describe('gu1 sim per-result errors', () => {
  it('should mark a country mismatch as a validation error that is not retryable (422)', () => {
    const sim = setup();
    sim.addEntity('BR-1', { country: 'BR' });
    const r = enrich(sim, { externalId: 'BR-1', integrationCodes: [AFIP] });
    expect(r.json.results[0].error).toEqual({
      code: 'COUNTRY_NOT_SUPPORTED',
      message: expect.stringContaining('covers AR only'),
      category: 'validation',
      retryable: false,
      statusCode: 422,
    });
  });

  it('should mark an unavailable provider as retryable (503)', () => {
    const sim = createGu1Sim({ seed: 3, failureRate: 1 });
    sim.addKey(KEY);
    sim.addEntity('AR-1', { country: 'AR' });
    const r = enrich(sim, { externalId: 'AR-1', integrationCodes: [AFIP] });
    expect(r.json.results[0]).toMatchObject({
      success: false,
      error: { code: 'PROVIDER_UNAVAILABLE', category: 'provider', retryable: true, statusCode: 503 },
    });
  });

  it('should send a scripted failure with exactly the fields given, and the total execution time of every result', () => {
    const sim = setup();
    sim.addEntity('C-1');
    sim.failResult('C-1', CNPJ, { code: 'SOURCE_DOWN', message: 'down', category: 'provider', retryable: true, statusCode: 504 });
    const r = enrich(sim, { externalId: 'C-1', integrationCodes: [AFIP, CNPJ] });
    expect(r.json.results[1].error).toEqual({ code: 'SOURCE_DOWN', message: 'down', category: 'provider', retryable: true, statusCode: 504 });
    expect(r.json.totalExecutionTime).toBe(r.json.results[0].executionTime + r.json.results[1].executionTime);
  });
});
