/**
 * Long waits (issue 13), through the built bundle: every sidebar action that calls a provider,
 * answered 429 with `retry_after: 3600` on every request, answers within 30 s of virtual time
 * (never `Utilities.sleep` past 300 s, never "Invalid argument: milliseconds"): a direct action
 * says "<Provider> asks to wait until HH:MM (zone); try again then", a job pauses until then.
 */
import type { FaultRule } from '../../emulator/apis/faults';
import type { AddOn } from '../harness/addon';
import {
  COMPANY_HEADER,
  DOMAIN_HEADER,
  GU1_HEADER,
  companyRows,
  domainRows,
  enrichmentOptions,
  givenCompanies,
  givenGu1,
  givenOpenProspect,
  givenOpenmart,
  gu1Ids,
  gu1Rows,
} from '../harness/scenarios';
import type { JobView } from '../../src/app/job-view';

const HOUR_S = 3600;
const WAIT = /asks to wait until \d\d:\d\d \([A-Za-z_/+-]+\); try again then/;

function rateLimited(body: unknown): FaultRule[] {
  return [{ status: 429, retryAfter: HOUR_S, body: JSON.stringify(body) }];
}

interface Action {
  name: string;
  input: unknown;
  /** A job is started: it pauses instead of the action failing. */
  job?: boolean;
  given?: (addOn: AddOn) => void;
}

/** Run one action; what it answered and how long it took (virtual ms). */
function timed(addOn: AddOn, a: Action): { ms: number; error: string | null; result: unknown } {
  a.given?.(addOn);
  const t0 = addOn.emulator.clock.now();
  let error: string | null = null;
  let result: unknown;
  try {
    result = addOn.rpc(a.name, a.input);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return { ms: addOn.emulator.clock.now() - t0, error, result };
}

function expectAnsweredAtOnce(addOn: AddOn, a: Action): void {
  const r = timed(addOn, a);
  expect(r.ms).toBeLessThan(30_000);
  expect(r.error ?? '').not.toMatch(/milliseconds/);
  if (r.error !== null) {
    expect(r.error).toMatch(WAIT);
    return;
  }
  // Test connection answers with its sentence instead of failing.
  const said = r.result as { ok?: boolean; message?: string } | undefined;
  if (said?.ok === false) {
    expect(said.message).toMatch(WAIT);
    return;
  }
  // A started job: paused until the time the provider gave, not failed.
  expect(a.job).toBe(true);
  const job = (r.result as { job: JobView }).job;
  expect(job.state).not.toBe('FAILED');
  expect(job.resumeAt ?? 0).toBeGreaterThanOrEqual(addOn.emulator.clock.now() + (HOUR_S - 60) * 1000);
}

describe('long waits: a 429 asking for an hour (built bundle)', () => {
  const OP: Action[] = [
    { name: 'testConnection', input: { provider: 'openprospect' } },
    { name: 'listOpenProspectOrders', input: undefined },
    { name: 'listBlacklists', input: undefined },
    { name: 'createSearchProfile', input: { profile_name: 'Hotels', ideal_customer_profile: 'x', seller_offering: 'y', target_countries: ['DE'] }, job: true },
    { name: 'viewBlacklist', input: { blacklistId: '00000000-0000-4000-8000-000000000001' } },
    { name: 'renameBlacklist', input: { blacklistId: '00000000-0000-4000-8000-000000000001', name: 'Renamed' } },
    { name: 'deleteBlacklist', input: { blacklistId: '00000000-0000-4000-8000-000000000001' } },
    { name: 'importOrder', input: { orderId: '00000000-0000-4000-8000-000000000002' } },
    {
      name: 'blacklistFromRange',
      input: { name: 'Customers', source: { sheetName: 'Block' } },
      given: (a) => a.emulator.spreadsheet.givenSheet('Block', [['Company'], ['Acme GmbH']]),
    },
    {
      name: 'removeBlacklistEntriesFromRange',
      input: { blacklistId: '00000000-0000-4000-8000-000000000003', source: { sheetName: 'Unblock' } },
      given: (a) => a.emulator.spreadsheet.givenSheet('Unblock', [['Company'], ['Acme GmbH']]),
    },
    {
      name: 'submitEnrichment',
      input: { source: { sheetName: 'Leads' }, mapping: { company_name: 0, website_url: 1, city: 2, country: 3 }, options: enrichmentOptions('Wait') },
      job: true,
      given: (a) => givenCompanies(a, 'Leads', COMPANY_HEADER, companyRows(5)),
    },
    {
      name: 'submitDiscovery',
      input: {
        title: 'Hotels',
        features: ['COMPANY_DATA'],
        ideal_customer_profile: 'Independent hotels',
        seller_offering: 'Software',
        target_countries: 'DE',
        briefing_quantity: 10,
        output_language: 'en',
      },
      job: true,
    },
  ];
  it.each(OP.map((a) => [a.name, a] as const))('OpenProspect: %s answers at once', (_n, a) => {
    const s = givenOpenProspect({ faults: rateLimited({ error: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', retry_after: HOUR_S }) });
    expectAnsweredAtOnce(s.addOn, a);
  });

  const OM: Action[] = [
    { name: 'testConnection', input: { provider: 'openmart' } },
    { name: 'getOpenmartCredits', input: undefined },
    {
      name: 'addOpenmartDenyRules',
      input: { type: 'email', source: { a1: "'Block'!A1:A2" } },
      given: (a) => a.emulator.spreadsheet.givenSheet('Block', [['Email'], ['a@example.com']]),
    },
    {
      name: 'removeOpenmartDenyRules',
      input: { type: 'email', source: { a1: "'Block'!A1:A2" } },
      given: (a) => a.emulator.spreadsheet.givenSheet('Block', [['Email'], ['a@example.com']]),
    },
    {
      name: 'checkOpenmartDenyRules',
      input: { type: 'email', source: { a1: "'Block'!A1:A2" } },
      given: (a) => a.emulator.spreadsheet.givenSheet('Block', [['Email'], ['a@example.com']]),
    },
    {
      name: 'submitOpenmartBatch',
      input: { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'Wait', role: 'Owner' }, confirmCredits: true },
      job: true,
      given: (a) => a.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(5)]),
    },
    { name: 'submitOpenmartSearch', input: { form: { title: 'Wait', query: 'plumber', count: 10 }, confirmCredits: true }, job: true },
    {
      name: 'submitOpenmartBrandSearch',
      input: { form: { title: 'Wait', search_term: 'coffee', location: [{ country: 'US' }], count: 10 }, confirmCredits: true },
      job: true,
    },
    {
      name: 'submitOpenmartEnrich',
      input: { source: { sheetName: 'Sites' }, options: { title: 'Wait' }, confirmCredits: true },
      job: true,
      given: (a) => a.emulator.spreadsheet.givenSheet('Sites', [['Website'], ['https://www.shop-1.example.com/']]),
    },
  ];
  it.each(OM.map((a) => [a.name, a] as const))('Openmart: %s answers at once', (_n, a) => {
    const s = givenOpenmart({ faults: rateLimited({ detail: 'Too many requests, slow down' }) });
    expectAnsweredAtOnce(s.addOn, a);
  });

  const GU1: Action[] = [
    { name: 'testConnection', input: { provider: 'gu1' } },
    {
      name: 'submitGu1',
      input: {
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        options: { title: 'Wait', integrationCodes: ['ar_afip_enrichment'] },
        confirmed: true,
      },
      job: true,
      given: (a) => a.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(3)]),
    },
  ];
  it.each(GU1.map((a) => [a.name, a] as const))('gu1: %s answers at once', (_n, a) => {
    const s = givenGu1({ entities: gu1Ids(3), faults: rateLimited({ success: false, error: { code: 'RATE_LIMITED', message: 'slow down' } }) });
    expectAnsweredAtOnce(s.addOn, a);
  });

  it("should give the time in the spreadsheet's time zone and name it", () => {
    const s = givenOpenProspect({
      emulator: { timeZone: 'America/New_York' },
      faults: rateLimited({ error: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', retry_after: HOUR_S }),
    });
    const r = timed(s.addOn, { name: 'listOpenProspectOrders', input: undefined });
    const at = new Date(s.addOn.emulator.clock.now() + HOUR_S * 1000);
    const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    // Within a minute: the request itself took a little virtual time.
    expect(r.error).toMatch(/OpenProspect asks to wait until \d\d:\d\d \(America\/New_York\); try again then\.$/);
    const said = /until (\d\d):(\d\d)/.exec(r.error ?? '');
    const [h, m] = hhmm.split(':').map(Number);
    const diff = (Number(said?.[1]) * 60 + Number(said?.[2]) - ((h ?? 0) * 60 + (m ?? 0)) + 1440) % 1440;
    expect(diff <= 1 || diff >= 1439).toBe(true);
  });
});
