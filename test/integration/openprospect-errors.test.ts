/** Every documented OpenProspect error ends as a clear sentence, and nothing the user had is lost. */
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, OP_KEY } from '../harness/scenarios';
import type { JobView } from '../../src/app/job-view';

const HOUR = 60 * 60_000;
const submit = (s: ReturnType<typeof givenOpenProspect>, title = 'Errors') =>
  s.addOn.rpc<{ job: JobView }>('submitEnrichment', {
    source: { sheetName: 'Leads' },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions(title),
  });
const jobs = (s: ReturnType<typeof givenOpenProspect>): JobView[] => s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;

describe('OpenProspect errors (built bundle)', () => {
  it('should turn a refused key (401) into a sentence that points to Settings, with no job left behind', () => {
    const s = givenOpenProspect();
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    s.sim.removeKey(OP_KEY);
    let message = '';
    try {
      submit(s);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/OpenProspect refused the API key.*Check the OpenProspect key in Settings/);
    expect(message).not.toContain(OP_KEY);
    expect(jobs(s)).toHaveLength(0);
  });

  it('should name the missing scope on a 403 (when /auth/validate could not answer before the submit)', () => {
    const s = givenOpenProspect({ scopes: ['orders:read'], faults: [{ method: 'GET', pathIncludes: '/auth/validate', status: 404, body: '{}' }] });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    expect(() => submit(s)).toThrow(/not allowed.*orders:write/);
  });

  it('should name the sheet row of a company the API refuses (422)', () => {
    const detail = [{ loc: ['body', 'companies', 1, 'company_name'], msg: 'Value error, company_name looks like a placeholder', type: 'value_error' }];
    const s = givenOpenProspect({ faults: [{ method: 'POST', pathIncludes: '/orders', nth: 1, status: 422, body: JSON.stringify({ detail }) }] });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    expect(() => submit(s)).toThrow(/Row 3 \(company_name\): Value error, company_name looks like a placeholder/);
    expect(
      s.addOn.emulator.spreadsheet
        .sheetValues('Leads')
        .slice(1)
        .map((r) => r.slice(0, 4)),
    ).toEqual(companyRows(3));
  });

  it('should explain an Idempotency-Key conflict (409)', () => {
    const s = givenOpenProspect({
      faults: [
        {
          method: 'POST',
          pathIncludes: '/orders',
          nth: 1,
          status: 409,
          body: JSON.stringify({ code: 'IDEMPOTENCY_CONFLICT', message: 'Key reused with a different body' }),
        },
      ],
    });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    expect(() => submit(s)).toThrow(/Key reused with a different body.*rows changed.*submit the rows again/);
  });

  it('should pause a job on a 429 with retry_after and resume it by itself after that time', () => {
    const body = JSON.stringify({ error: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', retry_after: 3600 });
    const s = givenOpenProspect({ faults: [{ method: 'GET', pathIncludes: '/orders/', nth: 1, status: 429, body }] });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    submit(s);
    const paused = jobs(s)[0]!;
    expect(paused.state).toBe('WAITING');
    expect(paused.lastError).toMatch(/rate limit/i);
    const wait = paused.resumeAt! - s.addOn.emulator.clock.now();
    expect(wait).toBeGreaterThan(3_500_000);
    expect(wait).toBeLessThanOrEqual(3_600_000);
    expect(paused.history.map((h) => h.text).join('\n')).toMatch(/Rate limited; resuming after \d\d:\d\d UTC/);
    // Before that time the trigger leaves it alone: no request goes out.
    const before = s.addOn.emulator.http.log.length;
    s.addOn.emulator.clock.advance(30 * 60_000);
    s.addOn.call('trigger', 'tick');
    expect(s.addOn.emulator.http.log.length).toBe(before);
    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR + 60_000);
    s.addOn.runDueTriggers(HOUR);
    const done = jobs(s)[0]!;
    expect(done.state).toBe('DONE');
    expect(done.lastError).toBeNull();
  });

  it('should retry 5xx on result pages and still write every company once', () => {
    const s = givenOpenProspect({ faults: [{ method: 'GET', pathIncludes: '/results', nth: [1, 3], status: 503 }] });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(250));
    const { job } = submit(s);
    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);
    expect(jobs(s)[0]!.state).toBe('DONE');
    expect(s.faults.faultsFired).toHaveLength(2);
    const tab = (job as unknown as { tabs: Record<string, string> }).tabs['companies']!;
    expect(s.addOn.emulator.spreadsheet.sheetValues(tab).length - 1).toBe(250);
  });
});

describe('OpenProspect submissions that die midway (built bundle)', () => {
  it('should replay a POST whose response was lost after the server committed, without a second order', () => {
    const s = givenOpenProspect({ faults: [{ method: 'POST', pathIncludes: '/orders', nth: 2, lost: true }] });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(25_000));
    const { job } = submit(s, 'Lost');
    expect(job.state).toBe('WAITING');
    expect(s.sim.orders()).toHaveLength(3);
    expect(s.sim.counts.idempotentReplays).toBe(1);
  });

  it('should resume a submission killed by the 6-minute limit with the same keys and no duplicate order', () => {
    const s = givenOpenProspect();
    // A slow API: the second POST takes 5 minutes, so the execution is killed right after it.
    let posts = 0;
    const slow = {
      handle(req: Parameters<typeof s.sim.handle>[0]) {
        const out = s.faults.handle(req);
        if (req.method === 'POST' && 'status' in out) return { ...out, latencyMs: ++posts === 2 ? 300_000 : 100_000 };
        return out;
      },
    };
    s.addOn.emulator.http.register('https://api.openprospect.io', slow);
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(25_000));
    expect(() => submit(s, 'Killed')).toThrow(/longer than Apps Script allows|Exceeded maximum execution time/);
    expect(s.sim.orders()).toHaveLength(2);
    const saved = jobs(s)[0]!;
    expect(saved.state).toBe('SUBMITTING');

    s.addOn.runDueTriggers(HOUR);
    const done = jobs(s)[0]!;
    expect(done.state).toBe('WAITING');
    expect(s.sim.orders()).toHaveLength(3);
    expect(s.sim.counts.idempotentReplays).toBe(1);
    expect(new Set(s.sim.orders().flatMap((o) => o.sourceIds)).size).toBe(25_000);
  });
});
