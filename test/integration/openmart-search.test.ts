/** Openmart business and brand search to a tab, through the built bundle. */
import { givenOpenmart, tabObjects } from '../harness/scenarios';
import { bodiesTo, HOUR, jobById, type SubmitResult } from './openmart-helpers';

describe('Openmart search (built bundle)', () => {
  it('should page with cursor to 250 results into "<title> - Businesses" keyed by openmart id', () => {
    const s = givenOpenmart({ sim: { businesses: 3_000 } });
    const form = { title: 'Salons', query: 'hair salons', count: 250 };
    const preview = s.addOn.rpc<{ body: Record<string, unknown>; estimate: { credits: number }; problems: string[] }>('previewOpenmartSearch', { form });
    expect(preview).toMatchObject({ body: { query: 'hair salons' }, estimate: { credits: 250 }, problems: [] });
    // The preview sized the search with one only_ids call (at most 1 credit, counted below).
    const sized = bodiesTo(s.addOn, 'POST', '/api/v1/search/only_ids');
    expect(sized).toHaveLength(1);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form });
    expect(r.job.state).toBe('DONE');
    const bodies = bodiesTo(s.addOn, 'POST', '/api/v1/search').slice(sized.length) as Array<Record<string, unknown>>;
    expect(bodies.map((b) => b['limit'])).toEqual([100, 100, 50]);
    expect(bodies[0]!['cursor']).toBeUndefined();
    const rows = tabObjects(s.addOn, 'Salons - Businesses');
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((x) => x['openmart_id'])).size).toBe(250);
    // Each page starts after the last row of the one before.
    const ids = rows.map((x) => String(x['openmart_id']));
    expect((bodies[1]!['cursor'] as unknown[])[1]).toBe(ids[99]);
    expect((bodies[2]!['cursor'] as unknown[])[1]).toBe(ids[199]);
    const first = s.sim.businesses().find((b) => b.id === ids[0])!;
    expect(rows[0]).toMatchObject({
      business_name: first.content['business_name'],
      root_domain: first.content['root_domain'] ?? '',
      city: first.content['city'],
    });
    expect(s.sim.credits()).toBe(1_000_000 - 250 - 1);
    expect(jobById(s.addOn, r.job.id).counts['rowsFetched']).toBe(250);
    expect(
      s.addOn.emulator.spreadsheet
        .sheetFormulas('Salons - Businesses')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  it('should stop, never ask again, when a billed page answers 2xx unreadable (Openmart billed it; DESIGN billing rules)', () => {
    const s = givenOpenmart({ sim: { businesses: 3_000 }, faults: [{ method: 'POST', pathIncludes: '/api/v1/search', nth: 2, malformed: true }] });
    const before = s.sim.credits();
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form: { title: 'Garbled', query: 'hair salons', count: 250 }, confirmCredits: true });
    // Later runs of the trigger must not ask for the page again either.
    for (let i = 0; i < 4; i++) s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(job.warnings.join(' ')).toMatch(/may have billed it, so the search stops here/);
    const sent = bodiesTo(s.addOn, 'POST', '/api/v1/search');
    expect(sent).toHaveLength(2);
    const billed = before - s.sim.credits();
    const written = tabObjects(s.addOn, 'Garbled - Businesses').length;
    expect(written).toBe(100);
    // The unreadable page was billed once and never again: what was billed is the two pages sent.
    expect(billed).toBe(written + 100);
  });

  it('should never send a nested filters object: nested form filters go out as flat keys', () => {
    const s = givenOpenmart();
    const form = {
      title: 'SJ dentists',
      query: 'dentist',
      count: 40,
      filters: { has_website: true, location: [{ city: 'San Jose', state: 'CA', country: 'US' }] },
      min_total_reviews: '10',
    };
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form });
    expect(r.job.state).toBe('DONE');
    const bodies = bodiesTo(s.addOn, 'POST', '/api/v1/search') as Array<Record<string, unknown>>;
    expect(bodies.length).toBeGreaterThan(0);
    for (const b of bodies) {
      expect(b).not.toHaveProperty('filters');
      expect(b).toMatchObject({ query: 'dentist', has_website: true, min_total_reviews: 10, location: [{ city: 'San Jose', state: 'CA', country: 'US' }] });
    }
    expect(s.sim.counts.ignoredKeys).toBe(0);
    const rows = tabObjects(s.addOn, 'SJ dentists - Businesses');
    expect(rows.length).toBeGreaterThan(0);
    for (const x of rows) {
      expect(x['city']).toBe('San Jose');
      expect(x['website_url']).not.toBe('');
    }
  });

  it('should stop at the last page when fewer results exist than asked', () => {
    const s = givenOpenmart();
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', {
      form: { title: 'Few', query: 'plumber', location: [{ city: 'Austin', state: 'TX' }], count: 5_000 },
      confirmCredits: true,
    });
    expect(r.job.state).toBe('DONE');
    const n = tabObjects(s.addOn, 'Few - Businesses').length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(100);
    expect(bodiesTo(s.addOn, 'POST', '/api/v1/search')).toHaveLength(1);
  });

  it('should refuse a form with unknown filters or out-of-range values, sending nothing', () => {
    const s = givenOpenmart();
    expect(() => s.addOn.rpc('submitOpenmartSearch', { form: { title: 'x', query: 'q', cuisine: 'thai', min_overall_rating: 7 } })).toThrow(
      /"cuisine" is not an Openmart search filter.*The minimum rating must be a number from 0 to 5 \(min_overall_rating\)/,
    );
    expect(bodiesTo(s.addOn, 'POST', '/api/v1/search')).toHaveLength(0);
  });

  it('should page brand search with encoded_cursor into "<title> - Brands"', () => {
    const s = givenOpenmart();
    const form = { title: 'Coffee brands', search_term: 'coffee shop', location: [{ country: 'US' }], count: 150, order_by: 'num_stores' };
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBrandSearch', { form });
    s.addOn.runDueTriggers(HOUR);
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const bodies = bodiesTo(s.addOn, 'POST', '/api/v2/brands/search') as Array<{ pagination: Record<string, unknown> }>;
    expect(bodies[0]!.pagination).toEqual({ limit: 100, order_by: [{ field: 'num_stores', asc: true }] });
    expect(typeof bodies[1]!.pagination['encoded_cursor']).toBe('string');
    const rows = tabObjects(s.addOn, 'Coffee brands - Brands');
    expect(new Set(rows.map((x) => x['brand_id'])).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(() => s.addOn.rpc('submitOpenmartBrandSearch', { form: { title: 'x', location: [{ city: 'Austin' }] } })).toThrow(/needs a country/);
    expect(() => s.addOn.rpc('submitOpenmartBrandSearch', { form: { title: 'x', order_by: 'num_stores', descending: true } })).toThrow(/ascending sorts only/);
  });
});
