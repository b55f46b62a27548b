import { buildSearch } from '../../../../src/providers/openmart/build-search';
import { assertFlat } from '../../../../src/providers/openmart/search';

describe('providers/openmart/build-search', () => {
  describe('#buildSearch()', () => {
    it('should build the document example as flat keys', () => {
      const out = buildSearch({
        title: 'SF salons',
        query: 'hair salons',
        location: [{ country: 'USA', state: 'CA', city: 'San Francisco' }],
        has_website: true,
        has_valid_website: true,
        has_contact_info: true,
      });
      expect(out).toEqual({
        ok: true,
        title: 'SF salons',
        count: 100,
        body: {
          query: 'hair salons',
          location: [{ country: 'USA', state: 'CA', city: 'San Francisco' }],
          has_website: true,
          has_valid_website: true,
          has_contact_info: true,
        },
      });
    });

    it('should lift a nested filters object to top-level keys and never keep "filters"', () => {
      const out = buildSearch({
        title: 't',
        query: 'dentist',
        filters: { has_website: true, min_overall_rating: '4.5', include_keywords: 'implants, whitening' },
      });
      expect(out.ok && out.body).toEqual({ query: 'dentist', has_website: true, min_overall_rating: 4.5, include_keywords: ['implants', 'whitening'] });
      expect(out.ok && 'filters' in out.body).toBe(false);
    });

    it('should read lists from text, numbers from text, tri-state booleans, and zip codes as lists', () => {
      const out = buildSearch({
        title: 't',
        tags: 'cafe\nbakery',
        count: '250',
        has_website: '',
        has_contact_info: 'false',
        locations: [{ city: 'Boston', zip_code: '02115, 02116', lat: '', long: '' }],
      });
      expect(out).toEqual({
        ok: true,
        title: 't',
        count: 250,
        body: { tags: ['cafe', 'bakery'], has_contact_info: false, location: [{ city: 'Boston', zip_code: ['02115', '02116'] }] },
      });
    });

    it('should name every problem: unknown filters, ranges, limits, a missing title and no query', () => {
      const out = buildSearch({
        title: '',
        cuisine: 'thai',
        min_overall_rating: 6,
        min_total_reviews: 2.5,
        count: 20_000,
        tags: Array.from({ length: 101 }, (_, i) => `t${i}`),
        location: [{ town: 'x', lat: 1 }],
      });
      expect(out.ok).toBe(false);
      const fields = out.ok ? [] : out.problems.map((p) => p.field);
      expect(fields).toEqual(
        expect.arrayContaining(['title', 'cuisine', 'count', 'tags', 'min_overall_rating', 'min_total_reviews', 'location.0.town', 'location.0']),
      );
      expect(buildSearch({ title: 'x' }).ok).toBe(false);
      expect(buildSearch({ title: 'x', query: 'q'.repeat(501) }).ok).toBe(false);
    });
  });

  describe('#buildSearch() bounds (checked before sending)', () => {
    const problemsOf = (form: Record<string, unknown>): string[] => {
      const out = buildSearch({ title: 't', query: 'q', ...form });
      return out.ok ? [] : out.problems.map((p) => p.message);
    };

    it('should bound price tiers to whole numbers 1-4 with a sentence', () => {
      expect(problemsOf({ min_price_tier: 0 })).toEqual(['The minimum price tier must be a whole number from 1 to 4 (min_price_tier).']);
      expect(problemsOf({ max_price_tier: '5' })).toEqual(['The maximum price tier must be a whole number from 1 to 4 (max_price_tier).']);
      expect(problemsOf({ min_price_tier: 2.5 })).toHaveLength(1);
      expect(problemsOf({ min_price_tier: 1, max_price_tier: 4 })).toEqual([]);
    });

    it('should refuse an empty range (min above max) and say to swap', () => {
      expect(problemsOf({ min_price_tier: 3, max_price_tier: 2 })).toEqual([
        'The price tier range is empty: min_price_tier (3) is above max_price_tier (2); swap them.',
      ]);
      expect(problemsOf({ min_total_reviews: 50, max_total_reviews: 10 })[0]).toMatch(/reviews range is empty/);
      expect(problemsOf({ open_date_after: '2024-05-01', open_date_before: '2023-01-01' })[0]).toMatch(/opening date range is empty/);
    });

    it('should take ISO 8601 dates only', () => {
      expect(problemsOf({ info_updated_after: 'yesterday' })).toEqual(['info_updated_after must be a date like 2024-01-31 (ISO 8601), not "yesterday".']);
      const ok = buildSearch({ title: 't', query: 'q', open_date_after: '2020-01-01', info_updated_before: '2025-06-30T12:00:00Z' });
      expect(ok.ok && ok.body).toMatchObject({ open_date_after: '2020-01-01', info_updated_before: '2025-06-30T12:00:00Z' });
    });

    it('should check coordinates, the radius and ownership', () => {
      expect(problemsOf({ location: [{ lat: 95, long: 10 }] })[0]).toMatch(/latitude must be a number from -90 to 90/);
      expect(problemsOf({ location: [{ lat: 10, long: 10, geo_radius: -5 }] })[0]).toMatch(/radius is a whole number of meters/);
      expect(problemsOf({ location: [{ city: 'Austin', geo_radius: 500 }] })[0]).toMatch(/radius needs a latitude and a longitude/);
      expect(problemsOf({ ownership_type: 'cooperative' })[0]).toMatch(/Ownership is one of INDEPENDENT, FAMILY, FRANCHISE, CHAIN/);
      const ok = buildSearch({
        title: 't',
        query: 'q',
        ownership_type: 'chain',
        location: [{ lat: '37.7', long: '-122.4', geo_radius: '1500', use_geo_fuzz: 'true' }],
      });
      expect(ok.ok && ok.body).toMatchObject({ ownership_type: 'CHAIN', location: [{ lat: 37.7, long: -122.4, geo_radius: 1500, use_geo_fuzz: true }] });
    });
  });

  describe('#assertFlat()', () => {
    it('should refuse a body with a nested filters object', () => {
      expect(() => assertFlat({ query: 'x', filters: { has_website: true } })).toThrow(/top-level/);
      expect(() => assertFlat({ query: 'x', has_website: true })).not.toThrow();
    });
  });
});
