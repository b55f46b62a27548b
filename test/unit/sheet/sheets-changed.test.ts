import { brokenPhoneIndexes, lostZeros, readPhonesBack, typedPhone, withoutBrokenPhones } from '../../../src/sheet/sheets-changed';

describe('sheet/sheets-changed', () => {
  describe('#withoutBrokenPhones()', () => {
    const block = {
      headerRowIndex: 0,
      values: [
        ['Name', 'Phone'],
        ['A', '#ERROR!'],
        ['B', '+49 1'],
        ['#ERROR!', '#ERROR!'],
      ],
    };
    it('should find the data rows whose phone cell shows #ERROR!', () => {
      expect(brokenPhoneIndexes(block, 1)).toEqual([1, 3]);
      expect(brokenPhoneIndexes(block, undefined)).toEqual([]);
    });
    it('should empty only those phone cells and keep every other cell', () => {
      expect(withoutBrokenPhones(block, 1).values).toEqual([
        ['Name', 'Phone'],
        ['A', ''],
        ['B', '+49 1'],
        ['#ERROR!', ''],
      ]);
      expect(withoutBrokenPhones(block, undefined)).toBe(block);
      expect(block.values[1]).toEqual(['A', '#ERROR!']);
    });
  });

  describe('#typedPhone()', () => {
    it('should read a phone number back from the formula Sheets made of it, and nothing else', () => {
      expect(typedPhone('=+49 30 1234567')).toBe('+49 30 1234567');
      expect(typedPhone('=+1 (555) 010-9999')).toBe('+1 (555) 010-9999');
      expect(typedPhone('=+5')).toBeNull();
      expect(typedPhone('=A1+B1')).toBeNull();
      expect(typedPhone('=SUM(1,2)')).toBeNull();
    });
  });
  describe('#readPhonesBack()', () => {
    it('should replace only #ERROR! cells whose formula is a typed phone', () => {
      const r = readPhonesBack([['#ERROR!', '#ERROR!', 'x']], [['=+49 30 1234567', '=C1+', '']]);
      expect(r.values).toEqual([['+49 30 1234567', '#ERROR!', 'x']]);
      expect(r.typedBack).toEqual([{ row: 0, col: 0, typed: '+49 30 1234567' }]);
    });
  });
  describe('#lostZeros()', () => {
    it('should name numbers shorter than the zero-led text ids of the column', () => {
      expect(lostZeros([['id'], ['0001233'], [1234], ['D-9'], [12345678]], 0, 1)).toEqual([{ row: 2, stored: '1234', typed: '0001234' }]);
    });
    it('should name nothing when the column has no zero-led text ids to judge by', () => {
      expect(lostZeros([['id'], [1003], [1004]], 0, 1)).toEqual([]);
    });
  });
});
