/**
 * Job kinds through the built bundle (jobs/kind.ts): a submit refused before anything was created
 * leaves none of its kind's side records behind (a discovery's kept body, a profile form, a search
 * body, a batch ledger), and a stored record whose data no longer parses fails at the next run with
 * the sentence that says what to do.
 */
import { rpcOf } from '../harness/rpc';
import { DOMAIN_HEADER, domainRows, givenOpenmart, givenOpenProspect } from '../harness/scenarios';
import type { AddOn } from '../harness/addon';

const HOUR = 3_600_000;
const REFUSAL = { error: { code: 'VALIDATION_ERROR', message: 'Invalid input', details: [{ field: 'body', message: 'refused' }] } };
const REFUSED = { status: 422, body: JSON.stringify(REFUSAL) };
const PROFILE = {
  profile_name: 'DACH hotels',
  ideal_customer_profile: 'Independent hotels with 20-200 rooms',
  seller_offering: 'Revenue management software',
  target_countries: 'Germany, Austria',
  output_language: 'de',
};
const DISCOVERY = {
  title: 'Hotels DACH',
  features: ['COMPANY_DATA'],
  ideal_customer_profile: 'Independent hotels with 20-200 rooms',
  seller_offering: 'Revenue management software',
  target_countries: 'DE, AT',
  briefing_quantity: 40,
  output_language: 'en',
};

/** Document property keys that start with `prefix`. */
function keysOf(addOn: AddOn, prefix: string): string[] {
  return Object.keys(addOn.emulator.properties.document()).filter((k) => k.startsWith(prefix));
}

describe('job kinds (built bundle)', () => {
  describe('a refused submit', () => {
    it('should leave no kept discovery body behind', () => {
      const s = givenOpenProspect({ faults: [{ method: 'POST', pathIncludes: '/orders', ...REFUSED }] });
      expect(() => rpcOf(s.addOn)('submitDiscovery', DISCOVERY)).toThrow(/refused|Invalid input/);
      expect(keysOf(s.addOn, 'job:')).toEqual([]);
      expect(keysOf(s.addOn, 'jobbody:')).toEqual([]);
    });

    it('should leave no kept profile form behind', () => {
      const refuse = { method: 'POST', pathIncludes: '/search-profile-creations', ...REFUSED } as const;
      const s = givenOpenProspect({ faults: [refuse] });
      expect(() => rpcOf(s.addOn)('createSearchProfile', PROFILE)).toThrow(/refused|Invalid input/);
      expect(keysOf(s.addOn, 'job:')).toEqual([]);
      expect(keysOf(s.addOn, 'opprofile:')).toEqual([]);
    });

    it('should leave no kept search body and no batch ledger behind', () => {
      const s = givenOpenmart({ saveKey: false });
      s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
      rpcOf(s.addOn)('saveApiKey', { provider: 'openmart', key: 'om_wrong_key_123456' });
      const rpc = rpcOf(s.addOn);
      expect(() => rpc('submitOpenmartSearch', { form: { title: 'S', query: 'q', count: 5 }, confirmCredits: true })).toThrow(/refused the API key/);
      const batch = {
        operation: 'find_people',
        source: { sheetName: 'Leads' },
        options: { title: 'B', role: 'Owner', max_k: 1 },
        confirmCredits: true,
      } as const;
      expect(() => rpc('submitOpenmartBatch', batch)).toThrow(/refused the API key/);
      expect(keysOf(s.addOn, 'job:')).toEqual([]);
      expect(keysOf(s.addOn, 'oms:')).toEqual([]);
      expect(keysOf(s.addOn, 'omb:')).toEqual([]);
    });
  });

  it('should forget the side records of jobs that are gone, and the search body of a finished search, at the next submit', () => {
    const s = givenOpenmart();
    const rpc = rpcOf(s.addOn);
    const doc = s.addOn.emulator.properties.document();
    doc['omb:gone:0'] = '[]';
    doc['oms:gone'] = '{}';
    const first = rpc('submitOpenmartSearch', { form: { title: 'First', query: 'q', count: 5 }, confirmCredits: true });
    expect(first.job.state).toBe('DONE');
    expect(keysOf(s.addOn, 'oms:')).toEqual([`oms:${first.job.id}`]);
    expect(keysOf(s.addOn, 'omb:')).toEqual([]);
    const second = rpc('submitOpenmartSearch', { form: { title: 'Second', query: 'q', count: 5 }, confirmCredits: true });
    expect(keysOf(s.addOn, 'oms:')).toEqual([`oms:${second.job.id}`]);
  });

  it('should fail a job whose stored data no longer parses at the next run, saying what to do', () => {
    const s = givenOpenProspect();
    const rpc = rpcOf(s.addOn);
    const { job } = rpc('createSearchProfile', PROFILE);
    expect(job.state).toBe('WAITING');
    const doc = s.addOn.emulator.properties.document();
    const record = JSON.parse(doc[`job:${job.id}`] as string);
    doc[`job:${job.id}`] = JSON.stringify({ ...record, data: { ...record.data, key: 42 } });
    s.addOn.runDueTriggers(HOUR);
    const after = rpc('listJobs').jobs.find((j) => j.id === job.id)!;
    expect(after.state).toBe('FAILED');
    expect(after.lastError).toBe('Job "DACH hotels" has damaged saved state; create the profile again from the Discover section.');
  });
});
