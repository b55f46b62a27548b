/** The Openmart simulator refuses every documented (and worst-case) search bound with a 422, on both search routes. */
import { send, sim } from './openmart-helpers';

const ROUTES = ['/api/v1/search', '/api/v1/search/only_ids'];

describe('emulator/apis/openmart search bounds', () => {
  describe.each(ROUTES)('POST %s', (route) => {
    const refused = (json: Record<string, unknown>): { status: number; error: string } => {
      const s = sim({ credits: 1_000 });
      const r = send(s, 'POST', route, { json: { query: 'coffee', limit: 5, ...json } });
      // A refusal bills nothing.
      expect(s.credits()).toBe(1_000);
      return { status: r.status, error: r.json?.error };
    };

    it.each([
      [{ query: '' }, /Query must be 1 to 500/],
      [{ query: 'x'.repeat(501) }, /Query must be 1 to 500/],
      [{ tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, /Tags/],
      [{ include_keywords: Array.from({ length: 65 }, (_, i) => `k${i}`) }, /Keywords/],
      [{ min_overall_rating: 5.5 }, /MinOverallRating maximum value is 5/],
      [{ max_overall_rating: -1 }, /MaxOverallRating minimum value is 0/],
      [{ min_price_tier: 0 }, /MinPriceTier minimum value is 1/],
      [{ max_price_tier: 5 }, /MaxPriceTier maximum value is 4/],
      [{ min_price_tier: 1.5 }, /MinPriceTier must be an integer/],
      [{ min_total_reviews: -3 }, /MinTotalReviews minimum value is 0/],
      [{ max_locations: 2.5 }, /MaxLocations must be an integer/],
      [{ min_price_tier: 3, max_price_tier: 2 }, /MinPriceTier must not be greater than MaxPriceTier/],
      [{ open_date_after: 'last year' }, /OpenDateAfter must be an ISO 8601 date/],
      [{ info_updated_after: '2025-06-01', info_updated_before: '2025-01-01' }, /InfoUpdatedAfter must not be greater/],
      [{ location: [{ lat: 91, long: 0 }] }, /Lat must be between -90 and 90/],
      [{ location: [{ lat: 10, long: -181 }] }, /Long must be between -180 and 180/],
      [{ location: [{ lat: 10, long: 10, geo_radius: 0 }] }, /GeoRadius must be a positive integer/],
    ])('should refuse %j with a 422', (json, message) => {
      const r = refused(json);
      expect(r.status).toBe(422);
      expect(r.error).toMatch(message);
    });

    it('should accept the bounds themselves', () => {
      const s = sim();
      const r = send(s, 'POST', route, {
        json: {
          min_price_tier: 1,
          max_price_tier: 4,
          min_overall_rating: 0,
          max_overall_rating: 5,
          open_date_after: '1990-01-01',
          open_date_before: '2025-12-31T00:00:00Z',
          location: [{ lat: 37.77, long: -122.42, geo_radius: 50_000 }],
          limit: 3,
        },
      });
      expect(r.status).toBe(200);
    });
  });

  it('should refuse enrich_company locations out of bounds (one object or a list), billing nothing', () => {
    const s = sim({ credits: 100 });
    expect(send(s, 'POST', '/api/v1/enrich_company', { json: { website: 'a.com', location: { lat: -91, long: 0 } } })).toMatchObject({
      status: 422,
      json: { error: 'Location[0].Lat must be between -90 and 90' },
    });
    expect(
      send(s, 'POST', '/api/v1/enrich_company', { json: { website: 'a.com', location: [{ country: 'US' }, { lat: 1, long: 2, geo_radius: -1 }] } }).json.error,
    ).toMatch(/Location\[1\].GeoRadius/);
    expect(s.credits()).toBe(100);
  });

  it('should filter by price tier within the bounds', () => {
    const s = sim();
    const ids = (send(s, 'POST', '/api/v1/search', { json: { min_price_tier: 3, max_price_tier: 3, limit: 1000 } }).json as Array<{ id: string }>).map(
      (r) => r.id,
    );
    expect(ids.length).toBeGreaterThan(0);
    const tiers = new Map(s.businesses().map((b) => [b.id, b.priceTier]));
    expect(ids.every((id) => tiers.get(id) === 3)).toBe(true);
  });

  it('should size a search with only_ids + estimate_total: {data, total_count} with the count of every match', () => {
    const s = sim();
    const full = send(s, 'POST', '/api/v1/search', { json: { query: 'plumber', limit: 1000 } }).json as unknown[];
    const sized = send(s, 'POST', '/api/v1/search/only_ids', { json: { query: 'plumber', limit: 1, estimate_total: true } }).json;
    expect(sized.data).toHaveLength(1);
    expect(sized.total_count).toBe(full.length);
  });
});
