/**
 * Search profile creation as a job, through the built bundle: all ten fields sent, followed by
 * the trigger to SUCCEEDED (the profile then offered to the order forms), the same
 * Idempotency-Key on every re-send, FAILED with its reason, a bad form refused before sending.
 */
import type { JobView } from '../../src/app/contract';
import { COMPANY_HEADER, companyRows, givenCompanies, givenOpenProspect, type OpScenario } from '../harness/scenarios';

const HOUR = 60 * 60_000;
const jobs = (s: OpScenario): JobView[] => s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
const posts = (s: OpScenario) => s.sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/search-profile-creations'));

const FORM = {
  profile_name: 'DACH hotels',
  ideal_customer_profile: 'Independent hotels with 20-200 rooms',
  seller_offering: 'Revenue management software',
  seller_industry: 'Software',
  target_countries: 'Germany, Austria',
  target_cities: 'Berlin\nVienna',
  target_industries: 'Hospitality',
  excluded_industries: 'Government',
  contact_roles: 'CEO\nRevenue Manager',
  output_language: 'de',
};

describe('OpenProspect search profile creation (built bundle)', () => {
  it('should send all ten fields, follow the creation to SUCCEEDED and offer the profile to orders', () => {
    const s = givenOpenProspect();
    const r = s.addOn.rpc<{ job: JobView }>('createSearchProfile', FORM);
    expect(r.job).toMatchObject({ kind: 'openprospect.profile', title: 'DACH hotels', state: 'WAITING' });
    expect(JSON.parse(posts(s)[0]!.body!)).toEqual({
      profile_name: 'DACH hotels',
      ideal_customer_profile: 'Independent hotels with 20-200 rooms',
      seller_offering: 'Revenue management software',
      seller_industry: 'Software',
      target_countries: ['Germany', 'Austria'],
      target_cities: ['Berlin', 'Vienna'],
      target_industries: ['Hospitality'],
      excluded_industries: ['Government'],
      contact_roles: ['CEO', 'Revenue Manager'],
      output_language: 'de',
    });
    expect(s.addOn.rpc('listSearchProfiles')).toEqual([]);
    // The trigger polls it; no "create it again" after any number of minutes.
    for (let i = 0; i < 4 && jobs(s)[0]!.state !== 'DONE'; i++) s.addOn.runDueTriggers(HOUR);
    const job = jobs(s)[0]!;
    expect(job.state).toBe('DONE');
    const creation = s.sim.profileCreations()[0]!;
    expect(creation.status).toBe('SUCCEEDED');
    expect(job.history.map((h) => h.text).join(' ')).toContain(`Profile ready: ${creation.profileId}`);
    expect(s.addOn.rpc('listSearchProfiles')).toEqual([{ profileId: creation.profileId, name: 'DACH hotels' }]);
    expect(s.sim.profileCreations()).toHaveLength(1);

    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(2));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0 },
      options: { title: 'With profile', features: ['COMPANY_DATA'], profile_id: creation.profileId },
    });
    expect(s.sim.orders()[0]!.profileId).toBe(creation.profileId);
  });

  it('should re-send with the same Idempotency-Key after a lost answer and make one profile', () => {
    const s = givenOpenProspect({ faults: [{ method: 'POST', pathIncludes: '/search-profile-creations', nth: [1, 2, 3, 4, 5], committed: 502 }] });
    s.addOn.rpc('createSearchProfile', FORM);
    for (let i = 0; i < 6 && jobs(s)[0]!.state !== 'DONE'; i++) s.addOn.runDueTriggers(HOUR);
    expect(jobs(s)[0]!.state).toBe('DONE');
    const keys = posts(s).map((r) => r.headers['idempotency-key']);
    expect(keys.length).toBeGreaterThan(1);
    expect(new Set(keys).size).toBe(1);
    expect(new Set(posts(s).map((r) => r.body)).size).toBe(1);
    expect(s.sim.profileCreations()).toHaveLength(1);
  });

  it('should end FAILED with the reason, and offer no profile', () => {
    const s = givenOpenProspect();
    s.sim.setProfileOutcome('FAILED', 'The ICP is too vague');
    s.addOn.rpc('createSearchProfile', FORM);
    for (let i = 0; i < 4 && jobs(s)[0]!.open; i++) s.addOn.runDueTriggers(HOUR);
    const job = jobs(s)[0]!;
    expect(job.state).toBe('FAILED');
    expect(job.lastError).toMatch(/Profile creation FAILED: The ICP is too vague\. Change the form and create a new profile/);
    expect(s.addOn.rpc('listSearchProfiles')).toEqual([]);
  });

  it('should refuse a form without name or ICP before sending anything', () => {
    const s = givenOpenProspect();
    expect(() => s.addOn.rpc('createSearchProfile', { profile_name: ' ', output_language: 'deutsch-de-at' })).toThrow(
      /Profile name is required\. Ideal customer profile is required\. Output language is longer than 10 characters/,
    );
    expect(posts(s)).toHaveLength(0);
    expect(jobs(s)).toHaveLength(0);
  });
});
