import { clampDepth, MAX_VALUE_DEPTH, TOO_DEEP_TEXT } from '../../../src/platform/depth';

function nested(levels: number): unknown {
  return JSON.parse(`${'['.repeat(levels)}1${']'.repeat(levels)}`);
}

function depthOf(v: unknown): number {
  let d = 0;
  let cur = v;
  while (Array.isArray(cur)) {
    d++;
    cur = cur[0];
  }
  return d;
}

describe('platform/depth', () => {
  describe('#clampDepth()', () => {
    it('should leave scalars and values within the limit untouched', () => {
      expect(clampDepth('x')).toEqual({ value: 'x', cut: 0 });
      const v = { a: [1, { b: null }], c: 'd' };
      expect(clampDepth(v)).toEqual({ value: { a: [1, { b: null }], c: 'd' }, cut: 0 });
      expect(clampDepth(nested(MAX_VALUE_DEPTH)).cut).toBe(0);
    });

    it('should replace what lies deeper than the limit by a sentence, at any depth, without recursion', () => {
      const { value, cut } = clampDepth(nested(200_000));
      expect(cut).toBe(1);
      expect(depthOf(value)).toBe(MAX_VALUE_DEPTH);
      expect(JSON.stringify(value)).toContain(TOO_DEEP_TEXT);
      const wide = clampDepth({ a: nested(70), b: nested(70), c: nested(3) }, 10);
      expect(wide.cut).toBe(2);
      expect((wide.value as { c: unknown }).c).toEqual([[[1]]]);
    });
  });
});
