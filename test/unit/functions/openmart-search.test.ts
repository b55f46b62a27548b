import { parseLocation } from '../../../src/functions/openmart-search';
import { BUSINESS_HEADER, businessRow, searchRows } from '../../../src/functions/openmart-common';

describe('functions/openmart-search', () => {
  describe('#parseLocation()', () => {
    it.each([
      ['San Jose, CA', { city: 'San Jose', state: 'CA', country: 'US' }],
      ['san jose, ca', { city: 'san jose', state: 'CA', country: 'US' }],
      ['Berlin, Germany', { city: 'Berlin', country: 'Germany' }],
      ['San Jose, CA, US', { city: 'San Jose', state: 'CA', country: 'US' }],
      ['US', { country: 'US' }],
      ['Austin', { city: 'Austin' }],
      ['  ', undefined],
    ])('should read %j', (text, expected) => {
      expect(parseLocation(text)).toEqual(expected);
    });
  });

  describe('#searchRows()', () => {
    const row = { id: 'u1', content: { business_name: 'A', city: 'X', store_phones: ['+1', '+2'] } };
    it('should accept a bare array, {data} and {results}', () => {
      for (const body of [[row], { data: [row], total_count: 1 }, { results: [row] }]) {
        expect(searchRows({ status: 200, headers: {}, body }, 'search')).toEqual([{ openmart_id: 'u1', business_name: 'A', city: 'X', store_phones: ['+1', '+2'] }]);
      }
    });

    it('should fail loudly on another shape', () => {
      expect(() => searchRows({ status: 200, headers: {}, body: { items: [] } }, 'POST /api/v1/search')).toThrow(/POST \/api\/v1\/search: expected a list of businesses/);
    });

    it('should answer one cell per column, lists joined', () => {
      const cells = businessRow(searchRows({ status: 200, headers: {}, body: [row] }, 's')[0]!);
      expect(cells).toHaveLength(BUSINESS_HEADER.length);
      expect(cells[BUSINESS_HEADER.indexOf('Phone')]).toBe('+1, +2');
      expect(cells[BUSINESS_HEADER.indexOf('Openmart ID')]).toBe('u1');
    });
  });
});
