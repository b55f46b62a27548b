import { buildSearch } from '../../../../src/providers/openmart/build-search';
import { assertFlat } from '../../../../src/providers/openmart/search';

describe('providers/openmart/build-search', () => {
  describe('#buildSearch()', () => {
    it('should build the document example as flat keys', () => {
      const out = buildSearch({ title: 'SF salons', query: 'hair salons', location: [{ country: 'USA', state: 'CA', city: 'San Francisco' }], has_website: true, has_valid_website: true, has_contact_info: true });
      expect(out).toEqual({
        ok: true,
        title: 'SF salons',
        count: 100,
        body: { query: 'hair salons', location: [{ country: 'USA', state: 'CA', city: 'San Francisco' }], has_website: true, has_valid_website: true, has_contact_info: true },
      });
    });

    it('should lift a nested filters object to top-level keys and never keep "filters"', () => {
      const out = buildSearch({ title: 't', query: 'dentist', filters: { has_website: true, min_overall_rating: '4.5', include_keywords: 'implants, whitening' } });
      expect(out.ok && out.body).toEqual({ query: 'dentist', has_website: true, min_overall_rating: 4.5, include_keywords: ['implants', 'whitening'] });
      expect(out.ok && 'filters' in out.body).toBe(false);
    });

    it('should read lists from text, numbers from text, tri-state booleans, and zip codes as lists', () => {
      const out = buildSearch({ title: 't', tags: 'cafe\nbakery', count: '250', has_website: '', has_contact_info: 'false', locations: [{ city: 'Boston', zip_code: '02115, 02116', lat: '', long: '' }] });
      expect(out).toEqual({ ok: true, title: 't', count: 250, body: { tags: ['cafe', 'bakery'], has_contact_info: false, location: [{ city: 'Boston', zip_code: ['02115', '02116'] }] } });
    });

    it('should name every problem: unknown filters, ranges, limits, a missing title and no query', () => {
      const out = buildSearch({ title: '', cuisine: 'thai', min_overall_rating: 6, min_total_reviews: 2.5, count: 20_000, tags: Array.from({ length: 101 }, (_, i) => `t${i}`), location: [{ town: 'x', lat: 1 }] });
      expect(out.ok).toBe(false);
      const fields = out.ok ? [] : out.problems.map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['title', 'cuisine', 'count', 'tags', 'min_overall_rating', 'min_total_reviews', 'location.0.town', 'location.0']));
      expect(buildSearch({ title: 'x' }).ok).toBe(false);
      expect(buildSearch({ title: 'x', query: 'q'.repeat(501) }).ok).toBe(false);
    });
  });

  describe('#assertFlat()', () => {
    it('should refuse a body with a nested filters object', () => {
      expect(() => assertFlat({ query: 'x', filters: { has_website: true } })).toThrow(/top-level/);
      expect(() => assertFlat({ query: 'x', has_website: true })).not.toThrow();
    });
  });
});
