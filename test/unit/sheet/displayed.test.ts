import { asDisplayed, needsDisplay } from '../../../src/sheet/displayed';

describe('sheet/displayed', () => {
  describe('#needsDisplay()', () => {
    it('should ask for display values only when a boolean or number is in the block', () => {
      expect(
        needsDisplay([
          ['a', ''],
          ['b', new Date(0)],
        ]),
      ).toBe(false);
      expect(needsDisplay([['a', true]])).toBe(true);
      expect(needsDisplay([['a'], [3]])).toBe(true);
    });
  });
  describe('#asDisplayed()', () => {
    it('should replace booleans and numbers by their displayed text and leave the rest', () => {
      const d = new Date(0);
      expect(asDisplayed([[true, 1234, 0.5, 'x', d]], [['TRUE', '0001234', '50%', 'x', '1970-01-01']])).toEqual([['TRUE', '0001234', '50%', 'x', d]]);
    });
    it('should keep the digits of a number Sheets shows in E notation', () => {
      expect(asDisplayed([[12345678901234600]], [['1.23457E+16']])).toEqual([[12345678901234600]]);
    });
  });
});
