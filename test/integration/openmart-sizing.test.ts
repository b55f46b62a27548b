/**
 * Openmart business search sized before paying for rows (`POST /api/v1/search/only_ids`), the
 * sentence of a search that matches nothing, bounds refused before sending, and Test connection's
 * credit balance as a sentence: through the built bundle.
 */
import { omRequest } from '../../emulator/apis/openmart';
import { givenOpenmart, OM_SIM_KEY, tabObjects } from '../harness/scenarios';
import { bodiesTo, jobById, type SubmitResult } from './openmart-helpers';

interface Preview {
  body: Record<string, unknown>;
  count: number;
  problems: string[];
  estimate: { credits: number };
  matches?: number | null;
  sizing?: string;
}

/** Pages of rows asked for (`/api/v1/search` itself, not only_ids). */
function pagesAsked(s: ReturnType<typeof givenOpenmart>): number {
  return s.addOn.emulator.http.log.filter((e) => e.url.endsWith('/api/v1/search')).length;
}

/** Every match of a body, counted by paging the simulator directly (not through the add-on). */
function allMatches(s: ReturnType<typeof givenOpenmart>, body: Record<string, unknown>): number {
  const before = s.sim.credits();
  const out = s.sim.handle(omRequest('POST', '/api/v1/search', { json: { ...body, limit: 1000 }, key: OM_SIM_KEY }));
  const n = 'status' in out ? (JSON.parse(out.body) as unknown[]).length : -1;
  s.sim.setCredits(before);
  return n;
}

describe('Openmart search sizing (built bundle)', () => {
  it('should count the matches with only_ids (limit 1, estimate_total) and say what fetching costs, before any row is paid for', () => {
    const s = givenOpenmart({ sim: { businesses: 3_000 } });
    const form = { title: 'Plumbers', query: 'plumber', count: 40, min_price_tier: '1', max_price_tier: '4' };
    const before = s.sim.credits();
    const p = s.addOn.rpc<Preview>('previewOpenmartSearch', { form });
    expect(p.problems).toEqual([]);
    const sent = bodiesTo(s.addOn, 'POST', '/api/v1/search/only_ids') as Array<Record<string, unknown>>;
    expect(sent).toEqual([{ query: 'plumber', min_price_tier: 1, max_price_tier: 4, limit: 1, estimate_total: true }]);
    // No page of rows was asked for, and counting used at most one credit.
    expect(pagesAsked(s)).toBe(0);
    expect(before - s.sim.credits()).toBeLessThanOrEqual(1);
    const matches = allMatches(s, { query: 'plumber', min_price_tier: 1, max_price_tier: 4 });
    expect(matches).toBeGreaterThan(40);
    expect(p.matches).toBe(matches);
    expect(p.sizing).toBe(
      `About ${matches.toLocaleString('en-US')} businesses match; fetching 40 rows costs about 40 credits (1 per returned row, at most 40) (raise "Results wanted" to get more than 40). Counting used at most 1 credit.`,
    );
  });

  it('should say fewer rows cost fewer credits when fewer match than asked', () => {
    const s = givenOpenmart();
    const form = { title: 'Few', query: 'plumber', location: [{ city: 'Austin', state: 'TX' }], count: 500 };
    const p = s.addOn.rpc<Preview>('previewOpenmartSearch', { form });
    const matches = allMatches(s, { query: 'plumber', location: [{ city: 'Austin', state: 'TX' }] });
    expect(matches).toBeGreaterThan(0);
    expect(matches).toBeLessThan(500);
    expect(p.matches).toBe(matches);
    expect(p.sizing).toMatch(
      new RegExp(`^About ${matches} businesses match; fetching ${matches} rows costs about ${matches} credits \\(1 per returned row, at most 500\\)\\.`),
    );
  });

  it('should end a search that matches nothing with a sentence, not an empty tab', () => {
    const s = givenOpenmart();
    const form = { title: 'Nothing', query: 'zzqx unicorn farrier', count: 40 };
    const p = s.addOn.rpc<Preview>('previewOpenmartSearch', { form });
    expect(p.matches).toBe(0);
    expect(p.problems).toEqual([expect.stringMatching(/^No business matched this search; widen it/)]);
    // Submitted anyway (an old preview, a schedule): the job ends with the sentence and no tab.
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form });
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(job.warnings).toEqual([expect.stringMatching(/^No business matched this search; widen it: fewer filters, a larger area/)]);
    expect(job.progress).toMatchObject({ done: 0, total: 0 });
    expect(job.tabs).toEqual({});
    expect(s.addOn.emulator.spreadsheet.sheetNames().filter((n) => n.startsWith('Nothing'))).toEqual([]);
  });

  it('should answer =OPENMART_SEARCH that matches nothing with the same sentence under its header', () => {
    // The formula records its spending in document properties: opted in (the emulator's default refuses).
    const s = givenOpenmart({ emulator: { customFunctionPropertyWrites: 'shared' } });
    s.addOn.rpc('saveFormulaSettings', { spendCredits: true, dailyCap: 100 });
    const table = JSON.parse(JSON.stringify(s.addOn.call('custom-function', 'OPENMART_SEARCH', 'zzqx unicorn farrier', 'San Jose, CA', 5))) as string[][];
    expect(table).toHaveLength(2);
    expect(table[0]![0]).not.toBe('');
    expect(table[1]![0]).toMatch(/^No business matched this search; widen it/);
    expect(table[1]!.slice(1).every((c) => c === '')).toBe(true);
  });

  it('should refuse out-of-bounds filters with a sentence before sending anything (price tier 1-4, min <= max, dates)', () => {
    const s = givenOpenmart();
    const bad = [
      [{ min_price_tier: '0' }, /The minimum price tier must be a whole number from 1 to 4/],
      [{ max_price_tier: '5' }, /The maximum price tier must be a whole number from 1 to 4/],
      [{ min_overall_rating: '4', max_overall_rating: '3' }, /rating range is empty.*swap them/],
      [{ open_date_after: '31/01/2024' }, /open_date_after must be a date like 2024-01-31/],
      [{ location: [{ lat: '100', long: '0' }] }, /latitude must be a number from -90 to 90/],
    ] as const;
    for (const [extra, message] of bad) {
      const p = s.addOn.rpc<Preview>('previewOpenmartSearch', { form: { title: 't', query: 'cafe', ...extra } });
      expect(p.problems.join(' ')).toMatch(message);
      expect(() => s.addOn.rpc('submitOpenmartSearch', { form: { title: 't', query: 'cafe', ...extra } })).toThrow(message);
    }
    expect(pagesAsked(s)).toBe(0);
    expect(bodiesTo(s.addOn, 'POST', '/api/v1/search/only_ids')).toHaveLength(0);
  });

  it('should send every advanced filter flat, and the rows match them', () => {
    const s = givenOpenmart({ sim: { businesses: 3_000 } });
    const form = {
      title: 'Adv',
      query: 'restaurant',
      count: 60,
      min_price_tier: '2',
      max_price_tier: '3',
      min_overall_rating: '3',
      exclude_keywords: 'closed',
      ownership_type: 'independent',
      open_date_after: '1990-01-01',
    };
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form, confirmCredits: true });
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const bodies = s.addOn.emulator.http.log.filter((e) => e.url.endsWith('/api/v1/search')).map((e) => JSON.parse(String(e.body)) as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({
      min_price_tier: 2,
      max_price_tier: 3,
      min_overall_rating: 3,
      exclude_keywords: ['closed'],
      ownership_type: 'INDEPENDENT',
      open_date_after: '1990-01-01',
    });
    const byId = new Map(s.sim.businesses().map((b) => [b.id, b]));
    const rows = tabObjects(s.addOn, 'Adv - Businesses');
    expect(rows.length).toBeGreaterThan(0);
    for (const x of rows) {
      const b = byId.get(String(x['openmart_id']))!;
      expect(b.priceTier).toBeGreaterThanOrEqual(2);
      expect(b.priceTier).toBeLessThanOrEqual(3);
      expect(b.content['ownership_type']).toBe('INDEPENDENT');
    }
  });

  it('should count brands with a one-brand page and estimate_total, and say so when none match', () => {
    const s = givenOpenmart();
    const form = { title: 'Coffee brands', search_term: 'coffee shop', location: [{ country: 'US' }], count: 10 };
    const p = s.addOn.rpc<Preview>('previewOpenmartBrandSearch', { form });
    const sent = bodiesTo(s.addOn, 'POST', '/api/v2/brands/search') as Array<Record<string, unknown>>;
    expect(sent).toEqual([{ search_param: { search_term: 'coffee shop', location: [{ country: 'US' }] }, pagination: { limit: 1 }, estimate_total: true }]);
    const before = s.sim.credits();
    const all = s.sim.handle(
      omRequest('POST', '/api/v2/brands/search', {
        json: { search_param: { search_term: 'coffee shop', location: [{ country: 'US' }] }, pagination: { limit: 500 } },
        key: OM_SIM_KEY,
      }),
    );
    s.sim.setCredits(before);
    const total = 'status' in all ? (JSON.parse(all.body) as { data: unknown[] }).data.length : -1;
    expect(total).toBeGreaterThan(10);
    expect(total).toBeLessThan(500);
    expect(p.matches).toBe(total);
    expect(p.sizing).toMatch(new RegExp(`^About ${total} brands match; fetching 10 rows costs about 10 credits`));
    const none = s.addOn.rpc<Preview>('previewOpenmartBrandSearch', { form: { ...form, search_term: 'zzqx unicorn farrier' } });
    expect(none).toMatchObject({ matches: 0, problems: [expect.stringMatching(/^No brand matched this search; widen it/)] });
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBrandSearch', { form: { ...form, title: 'No brands', search_term: 'zzqx unicorn farrier' } });
    const job = jobById(s.addOn, r.job.id);
    expect(job).toMatchObject({ state: 'DONE', tabs: {}, progress: { done: 0, total: 0 } });
    expect(job.warnings).toEqual([expect.stringMatching(/^No brand matched this search/)]);
    expect(s.addOn.emulator.spreadsheet.sheetNames()).not.toContain('No brands - Brands');
  });

  it('should show the credit balance on Test connection as a sentence, not JSON', () => {
    const s = givenOpenmart({ sim: { credits: 1_250 } });
    const r = s.addOn.rpc<{ ok: boolean; message: string }>('testConnection', { provider: 'openmart' });
    expect(r).toEqual({ ok: true, message: 'Connected. 1,250 Openmart credits left in the billing period 2025-08-05 to 2026-08-05.' });
  });
});
