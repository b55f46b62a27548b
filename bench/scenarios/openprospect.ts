/**
 * OpenProspect scenarios: sync a COMPLETED enrichment order of N companies (3 prospects each) into
 * the two tabs; then re-sync the same N into the existing tabs, unchanged and with 10 % changed.
 */
import {
  COMPANY_HEADER,
  OP_BASE,
  OP_KEY,
  companyRows,
  enrichmentOptions,
  givenCompanies,
  givenOpenProspect,
  type OpScenario,
} from '../../test/harness/scenarios';
import { competentSync, naiveSync, naiveUpsert, type NaiveOpenProspect } from '../baseline/openprospect';
import { latestJob, rewriteJob, runUntilSettled, storedJobs } from '../drive';
import { resultsFixture, type ResultsFixture } from '../fixtures';
import { Meter, type BaselineImpl, type Measured } from '../measure';

interface OpWorld extends OpScenario {
  fixture: ResultsFixture;
  orderId: string;
}

/** An add-on with N companies submitted as one enrichment (unmeasured), the order COMPLETED. */
function world(n: number): OpWorld {
  const s = givenOpenProspect();
  const fixture = resultsFixture(s.faults);
  s.addOn.emulator.http.register(OP_BASE, fixture);
  givenCompanies(s.addOn, 'Companies', COMPANY_HEADER, companyRows(n));
  s.addOn.rpc('submitEnrichment', {
    source: { sheetName: 'Companies' },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions('Bench'),
  });
  const order = s.sim.orders()[0];
  if (!order) throw new Error('the enrichment created no order');
  s.sim.advance(order.id, 'COMPLETED');
  return { ...s, fixture, orderId: order.id };
}

function rowsIn(s: OpScenario, tab: string | undefined): number {
  if (tab === undefined) return -1;
  return Math.max(0, s.addOn.emulator.spreadsheet.sheetValues(tab).length - 1);
}

/** Problem text when the tabs do not hold N companies and 3N prospects. */
function checkTabs(s: OpScenario, n: number, tabs: { companies?: string | undefined; prospects?: string | undefined }): string | undefined {
  const c = rowsIn(s, tabs.companies);
  const p = rowsIn(s, tabs.prospects);
  return c === n && p === 3 * n ? undefined : `expected ${n} companies and ${3 * n} prospects, found ${c} and ${p}`;
}

function naive(s: OpWorld): NaiveOpenProspect {
  return { gas: s.addOn.emulator.gas, baseUrl: `${OP_BASE}/api/v1`, key: OP_KEY, orderId: s.orderId };
}

const BASELINE_TABS = { companies: 'Baseline - Companies', prospects: 'Baseline - Prospects' };

/** openprospect-sync, add-on: trigger runs from COMPLETED to the last row written. */
export function addonSync(n: number): Measured {
  const s = world(n);
  const job = latestJob(s.addOn);
  const meter = new Meter(s.addOn.emulator);
  runUntilSettled(s.addOn, job.id);
  const m = meter.stop('openprospect-sync', n, 'addon');
  const done = storedJobs(s.addOn).find((j) => j.id === job.id);
  m.extras.problem = done?.state !== 'DONE' ? `job ended ${done?.state}: ${done?.lastError ?? ''}` : checkTabs(s, n, job.tabs);
  return m;
}

/** openprospect-sync, baseline: the naive script, or the competent one (issue 16). */
export function baselineSync(n: number, impl: BaselineImpl = 'baseline'): Measured {
  const s = world(n);
  const meter = new Meter(s.addOn.emulator);
  meter.unbounded(() => (impl === 'competent' ? competentSync : naiveSync)(naive(s), BASELINE_TABS));
  const m = meter.stop('openprospect-sync', n, impl);
  m.extras.problem = checkTabs(s, n, BASELINE_TABS);
  return m;
}

/**
 * upsert-unchanged and upsert-10pct, add-on. A refresh normally asks only for deliveries after the
 * job's watermark (one request when nothing is new); to measure writing N rows into tabs that
 * already hold them, the bench drops the watermark so the refresh re-reads all N.
 */
export function addonUpsert(n: number): Measured[] {
  const s = world(n);
  const job = latestJob(s.addOn);
  runUntilSettled(s.addOn, job.id);
  const pass = (scenario: 'upsert-unchanged' | 'upsert-10pct'): Measured => {
    rewriteJob(s.addOn, job.id, (j) => {
      const data = j.data as { parts: Array<Record<string, unknown>> };
      return { ...j, data: { ...data, parts: data.parts.map(({ watermark: _w, ...p }) => p) } };
    });
    const meter = new Meter(s.addOn.emulator);
    s.addOn.rpc('refreshJobResults', { jobId: job.id });
    runUntilSettled(s.addOn, job.id);
    const m = meter.stop(scenario, n, 'addon');
    const done = storedJobs(s.addOn).find((j) => j.id === job.id);
    m.extras.problem = done?.state !== 'DONE' ? `job ended ${done?.state}: ${done?.lastError ?? ''}` : checkTabs(s, n, job.tabs);
    return m;
  };
  const unchanged = pass('upsert-unchanged');
  s.fixture.changeEvery = 10;
  const changed = pass('upsert-10pct');
  const renamed = s.addOn.emulator.spreadsheet.sheetValues(job.tabs['companies'] ?? '').filter((r) => String(r[2]).endsWith('(renamed)')).length;
  if (renamed !== Math.ceil(n / 10)) changed.extras.problem = `expected ${Math.ceil(n / 10)} renamed companies, found ${renamed}`;
  return [unchanged, changed];
}

/** upsert-unchanged and upsert-10pct, baseline: its own first sync (unmeasured), then re-syncs. */
export function baselineUpsert(n: number): Measured[] {
  const s = world(n);
  naiveSync(naive(s), BASELINE_TABS);
  const pass = (scenario: 'upsert-unchanged' | 'upsert-10pct'): Measured => {
    const meter = new Meter(s.addOn.emulator);
    meter.unbounded(() => naiveUpsert(naive(s), BASELINE_TABS));
    const m = meter.stop(scenario, n, 'baseline');
    m.extras.problem = checkTabs(s, n, BASELINE_TABS);
    return m;
  };
  const unchanged = pass('upsert-unchanged');
  s.fixture.changeEvery = 10;
  return [unchanged, pass('upsert-10pct')];
}
