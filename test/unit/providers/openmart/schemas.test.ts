import { MalformedResponseError } from '../../../../src/platform/errors';
import { readSearchEnvelope, type SearchRow } from '../../../../src/providers/openmart/schemas';

const ROW: SearchRow = {
  id: '54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04',
  content: { business_name: 'Curls are Fun' },
  match_score: 24.26,
  match_highlights: ['hair salon'],
  cursor: [24.26, '54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04'],
};
const res = (body: unknown) => ({ status: 200, headers: {}, body });

describe('providers/openmart/schemas', () => {
  describe('#readSearchEnvelope()', () => {
    it('should read a bare array of rows', () => {
      expect(readSearchEnvelope(res([ROW]), 'search')).toEqual({ rows: [ROW], envelope: 'array' });
    });

    it('should read {data, total_count} (estimate_total)', () => {
      expect(readSearchEnvelope(res({ data: [ROW], total_count: 87 }), 'search')).toEqual({ rows: [ROW], envelope: 'data', totalCount: 87 });
    });

    it('should read {results} with flat quickstart rows (openmart_id, no content)', () => {
      const out = readSearchEnvelope(
        res({ results: [{ openmart_id: 'om_12345', name: 'Bright Smile Dental', website: 'https://brightsmiledental.com', city: 'San Jose' }] }),
        'search',
      );
      expect(out.envelope).toBe('results');
      expect(out.rows).toEqual([{ id: 'om_12345', content: { name: 'Bright Smile Dental', website: 'https://brightsmiledental.com', city: 'San Jose' } }]);
    });

    it('should fail loudly on any other shape, naming what came', () => {
      expect(() => readSearchEnvelope(res({ items: [ROW] }), 'POST /api/v1/search')).toThrow(MalformedResponseError);
      expect(() => readSearchEnvelope(res({ items: [ROW] }), 'POST /api/v1/search')).toThrow(/an object with keys items/);
      expect(() => readSearchEnvelope(res('nope'), 'search')).toThrow(/string/);
      expect(() => readSearchEnvelope(res([{ name: 'x' }]), 'search')).toThrow(/row 1 has neither/);
    });
  });
});
