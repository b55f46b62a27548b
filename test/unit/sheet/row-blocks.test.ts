import { exactRewrite, splitAtKeptRows } from '../../../src/sheet/row-blocks';

describe('row-blocks', () => {
  describe('#splitAtKeptRows()', () => {
    const changed = new Set([2, 5, 9]);
    it('should keep a merged block whole when every unchanged row rewrites exactly', () => {
      expect(splitAtKeptRows({ from: 2, to: 9 }, changed, () => false)).toEqual([{ from: 2, to: 9 }]);
    });
    it('should cut the block at an unchanged row holding a formula, leaving that row out', () => {
      expect(splitAtKeptRows({ from: 2, to: 9 }, changed, (r) => r === 4)).toEqual([
        { from: 2, to: 2 },
        { from: 5, to: 9 },
      ]);
    });
    it('should never end a part on an unchanged row', () => {
      expect(splitAtKeptRows({ from: 2, to: 9 }, changed, (r) => r === 7)).toEqual([
        { from: 2, to: 5 },
        { from: 9, to: 9 },
      ]);
    });
    it('should never cut a changed row, even one that holds a formula', () => {
      expect(splitAtKeptRows({ from: 2, to: 9 }, changed, () => true)).toEqual([
        { from: 2, to: 2 },
        { from: 5, to: 5 },
        { from: 9, to: 9 },
      ]);
    });
  });
  describe('#exactRewrite()', () => {
    it('should allow only plain values in the plain-text format', () => {
      expect(exactRewrite('', '@')).toBe(true);
      expect(exactRewrite('=A1', '@')).toBe(false);
      expect(exactRewrite('', 'General')).toBe(false);
      expect(exactRewrite('', '0.00%')).toBe(false);
    });
  });
});
