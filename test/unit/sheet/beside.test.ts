import { freeCell, pickBesideColumn } from '../../../src/sheet/beside';

const NOTE = 'ours';
const MARKS = new Set(['', 'denied']);

describe('sheet/beside', () => {
  describe('#freeCell()', () => {
    it("should treat a formula as the user's whatever it shows", () => {
      expect(freeCell('', '=""', '', NOTE, MARKS)).toBe(false);
      expect(freeCell('denied', '="denied"', NOTE, NOTE, MARKS)).toBe(false);
    });
    it('should free only empty cells and its own marks', () => {
      expect(freeCell('', '', '', NOTE, MARKS)).toBe(true);
      expect(freeCell('denied', '', '', NOTE, MARKS)).toBe(false);
      expect(freeCell('denied', '', NOTE, NOTE, MARKS)).toBe(true);
      expect(freeCell('mine', '', NOTE, NOTE, MARKS)).toBe(false);
      expect(freeCell('', '', 'a note of the user', NOTE, MARKS)).toBe(false);
    });
  });
  describe('#pickBesideColumn()', () => {
    it('should pick the first column whose cells are all free, else the column after the block', () => {
      const block = {
        values: [
          ['', 'x', ''],
          ['', '', ''],
        ],
        formulas: [
          ['=""', '', ''],
          ['', '', ''],
        ],
        notes: [
          ['', '', ''],
          ['', '', ''],
        ],
      };
      expect(pickBesideColumn(block, 3, NOTE, MARKS)).toBe(2);
      expect(pickBesideColumn({ values: [['x']], formulas: [['']], notes: [['']] }, 1, NOTE, MARKS)).toBe(1);
      expect(pickBesideColumn({ values: [], formulas: [], notes: [] }, 0, NOTE, MARKS)).toBe(0);
    });
  });
});
