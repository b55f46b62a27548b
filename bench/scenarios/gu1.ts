/** gu1: N rows x 2 integration codes, from submit to the last row written. */
import { GU1_BASE, GU1_HEADER, GU1_KEY, givenGu1, gu1Ids, gu1Rows, type Gu1Scenario } from '../../test/harness/scenarios';
import { competentGu1, naiveGu1 } from '../baseline/gu1';
import { latestJob, runUntilSettled, storedJobs } from '../drive';
import { Meter, type BaselineImpl, type Measured } from '../measure';

export const GU1_CODES = ['ar_afip_enrichment', 'br_cpfcnpj_complete_company_enrichment'];

export function world(n: number): Gu1Scenario {
  const s = givenGu1({ entities: gu1Ids(n) });
  s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(n)]);
  return s;
}

function checkBilling(s: Gu1Scenario, n: number): string | undefined {
  const keys = new Set(s.sim.ledger.map((l) => `${l.externalId}|${l.integrationCode}`));
  return keys.size === s.sim.ledger.length && s.sim.ledger.length === 2 * n
    ? undefined
    : `ledger holds ${s.sim.ledger.length} executions for ${keys.size} (row, code) pairs; expected ${2 * n}`;
}

/** gu1, add-on: the submit RPC (which sends the first waves) and the trigger runs after it. */
export function addonGu1(n: number): Measured {
  const s = world(n);
  const meter = new Meter(s.addOn.emulator);
  s.addOn.rpc('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'Bench', integrationCodes: GU1_CODES },
    confirmed: true,
  });
  const job = latestJob(s.addOn);
  runUntilSettled(s.addOn, job.id);
  const m = meter.stop('gu1', n, 'addon');
  const done = storedJobs(s.addOn).find((j) => j.id === job.id);
  const rows = s.addOn.emulator.spreadsheet.sheetValues(job.tabs['results'] ?? '').length - 1;
  m.extras.problem =
    done?.state !== 'DONE'
      ? `job ended ${done?.state}: ${done?.lastError ?? ''}`
      : rows !== 2 * n
        ? `expected ${2 * n} result rows, found ${rows}`
        : checkBilling(s, n);
  return m;
}

/** gu1, baseline: the naive script, or the competent one (issue 16). */
export function baselineGu1(n: number, impl: BaselineImpl = 'baseline'): Measured {
  const s = world(n);
  const meter = new Meter(s.addOn.emulator);
  meter.unbounded(() =>
    (impl === 'competent' ? competentGu1 : naiveGu1)({
      gas: s.addOn.emulator.gas,
      baseUrl: GU1_BASE,
      key: GU1_KEY,
      externalIds: gu1Ids(n),
      integrationCodes: GU1_CODES,
      tab: 'Baseline - gu1',
    }),
  );
  const m = meter.stop('gu1', n, impl);
  const rows = s.addOn.emulator.spreadsheet.sheetValues('Baseline - gu1').length - 1;
  m.extras.problem = rows !== 2 * n ? `expected ${2 * n} result rows, found ${rows}` : checkBilling(s, n);
  return m;
}
