import { parseLocation } from '../../../src/functions/openmart-search';
import { BUSINESS_HEADER, businessOf, businessRow } from '../../../src/functions/openmart-common';
import { readSearchEnvelope } from '../../../src/providers/openmart/schemas';

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

  describe('#businessOf() / #businessRow()', () => {
    const row = { id: 'u1', content: { business_name: 'A', city: 'X', store_phones: ['+1', '+2'] } };
    it('should flatten any documented search envelope the provider reads into one business', () => {
      for (const body of [
        [row],
        { data: [row], total_count: 1 },
        { results: [{ openmart_id: 'u1', business_name: 'A', city: 'X', store_phones: ['+1', '+2'] }] },
      ]) {
        const rows = readSearchEnvelope({ status: 200, headers: {}, body }, 'search').rows;
        expect(rows.map(businessOf)).toEqual([{ openmart_id: 'u1', business_name: 'A', city: 'X', store_phones: ['+1', '+2'] }]);
      }
    });

    it('should answer one cell per column, lists joined', () => {
      const cells = businessRow(businessOf(row));
      expect(cells).toHaveLength(BUSINESS_HEADER.length);
      expect(cells[BUSINESS_HEADER.indexOf('Phone')]).toBe('+1, +2');
      expect(cells[BUSINESS_HEADER.indexOf('Openmart ID')]).toBe('u1');
    });
  });
});
