/**
 * OpenProspect answers in shapes the guides leave open (emulator/apis/openprospect/variants.ts),
 * through the built bundle: the tabs come out exactly as with the documented shapes.
 */
import type { OpenProspectVariant } from '../../emulator/apis/openprospect';
import type { JobView } from '../../src/app/job-view';
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, tabObjects } from '../harness/scenarios';

const HOUR = 60 * 60_000;

function run(variants: OpenProspectVariant[]): { job: JobView; companies: Array<Record<string, unknown>>; prospects: Array<Record<string, unknown>> } {
  // Exact virtual times in both runs (delivered_at is compared): the script's CPU time is not charged.
  const s = givenOpenProspect({ variants, emulator: { latency: { cpuFactor: 0 } } });
  givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(60));
  const r = s.addOn.rpc<{ job: JobView }>('submitEnrichment', {
    source: { sheetName: 'Leads' },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions('Hotels'),
  });
  const order = s.sim.orders()[0]!;
  s.sim.advance(order.id, 'COMPLETED');
  s.addOn.runDueTriggers(HOUR);
  const job = s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs.find((j) => j.id === r.job.id)!;
  return { job, companies: tabObjects(s.addOn, 'Hotels - Companies'), prospects: tabObjects(s.addOn, 'Hotels - Prospects') };
}

describe('OpenProspect variant shapes (built bundle)', () => {
  it('should write the same tabs when the 202 carries only order_id, numbers come as text, postal codes as numbers, with extra keys', () => {
    const documented = run([]);
    const variant = run(['create-lean', 'numbers-as-text', 'extra-keys']);
    expect(variant.job.state).toBe('DONE');
    expect(variant.job.lastError).toBeNull();
    expect(variant.companies).toHaveLength(60);
    expect(variant.companies).toEqual(documented.companies);
    expect(variant.prospects).toEqual(documented.prospects);
    // The variant really changed the wire: some employee counts were numbers in the tab all along.
    expect(documented.companies.some((c) => typeof c['employee_count'] === 'number')).toBe(true);
  });

  it('should drop null and object items of text lists and leave a description sent as an object empty, failing no page', () => {
    const documented = run([]);
    const variant = run(['display-types']);
    expect(variant.job).toMatchObject({ state: 'DONE', lastError: null });
    expect(variant.companies).toEqual(documented.companies.map((c) => ({ ...c, description: '' })));
    expect(variant.prospects).toEqual(documented.prospects);
    expect(documented.companies.some((c) => String(c['phone_numbers'] ?? '') !== '')).toBe(true);
  });
});
