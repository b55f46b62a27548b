/** Sizing a search before paying: what is sent, the three answers read, and the sentences shown. */
import type { ApiRequest, Http } from '../../../../src/platform/http-types';
import { noMatchSentence, sizeBrands, sizeSearch, sizingSentence } from '../../../../src/providers/openmart/size-search';

function fakeHttp(body: unknown): Http & { sent: ApiRequest[] } {
  const sent: ApiRequest[] = [];
  return {
    provider: 'openmart',
    sent,
    request: <T>(req: ApiRequest) => {
      sent.push(req);
      return { status: 200, headers: {}, body: body as T };
    },
    requestAll: () => {
      throw new Error('not used');
    },
  };
}

describe('providers/openmart/size-search', () => {
  describe('#sizeSearch()', () => {
    it('should ask only_ids for one id with estimate_total and read total_count', () => {
      const http = fakeHttp({ data: [{ id: 'a', match_score: 1, cursor: [1, 'a'] }], total_count: 1234 });
      expect(sizeSearch(http, { query: 'cafe', min_price_tier: 2 })).toEqual({ matches: 1234 });
      expect(http.sent).toEqual([
        { method: 'post', path: '/api/v1/search/only_ids', json: { query: 'cafe', min_price_tier: 2, limit: 1, estimate_total: true } },
      ]);
    });

    it('should answer null for a bare array with rows (no count given) and 0 for an empty one', () => {
      expect(sizeSearch(fakeHttp([{ id: 'a' }]), { query: 'x' })).toEqual({ matches: null });
      expect(sizeSearch(fakeHttp([]), { query: 'x' })).toEqual({ matches: 0 });
      expect(sizeSearch(fakeHttp({ data: [], total_count: 0 }), { query: 'x' })).toEqual({ matches: 0 });
    });

    it('should fail loudly on an undocumented shape and refuse nested filters', () => {
      expect(() => sizeSearch(fakeHttp({ hits: 3 }), { query: 'x' })).toThrow(/only_ids: \(body\): matches none of the accepted shapes/);
      expect(() => sizeSearch(fakeHttp([]), { filters: { has_website: true } })).toThrow(/top-level/);
    });
  });

  describe('#sizeBrands()', () => {
    it('should ask for one brand with estimate_total and read total', () => {
      const http = fakeHttp({ total: 87, encoded_cursor: 'ab', data: [{ brand_id: 'b1' }] });
      expect(sizeBrands(http, { search_term: 'coffee' })).toEqual({ matches: 87 });
      expect(http.sent[0]).toMatchObject({
        path: '/api/v2/brands/search',
        json: { search_param: { search_term: 'coffee' }, pagination: { limit: 1 }, estimate_total: true },
      });
      expect(sizeBrands(fakeHttp({ encoded_cursor: '', data: [] }), {})).toEqual({ matches: 0 });
    });
  });

  describe('#sizingSentence()', () => {
    it('should say how many match, what fetching costs, and when to raise the count', () => {
      expect(sizingSentence(1234, 100)).toBe(
        'About 1,234 businesses match; fetching 100 rows costs about 100 credits (1 per returned row, at most 100) (raise "Results wanted" to get more than 100). Counting used at most 1 credit.',
      );
      expect(sizingSentence(37, 100, 'brands')).toBe(
        'About 37 brands match; fetching 37 rows costs about 37 credits (1 per returned row, at most 100). Counting used at most 1 credit.',
      );
      expect(sizingSentence(null, 50)).toMatch(/^Openmart gave no count of the matches; fetching up to 50 rows costs up to 50 credits/);
      expect(sizingSentence(0, 50, 'brands')).toBe(noMatchSentence('brands'));
    });
  });
});
