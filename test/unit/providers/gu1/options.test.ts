import { checkRunOptions, formatUnits, toCents } from '../../../../src/providers/gu1/options';

describe('providers/gu1/options', () => {
  describe('#checkRunOptions()', () => {
    it('should default the title, wave size and flags', () => {
      expect(checkRunOptions({ integrationCodes: ['a'] })).toEqual({
        ok: true,
        options: { title: 'gu1 enrichment', integrationCodes: ['a'], enrichmentGroupRefs: [], forceRefresh: false, costCapCents: null, waveSize: 10 },
      });
    });

    it('should trim, drop blanks and dedupe keeping first-seen order', () => {
      const r = checkRunOptions({ integrationCodes: [' b ', 'a', '', 'b'], enrichmentGroupRefs: ['kyb', 'kyb'] });
      expect(r).toMatchObject({ ok: true, options: { integrationCodes: ['b', 'a'], enrichmentGroupRefs: ['kyb'] } });
    });

    it('should convert the cap from currency units to cents', () => {
      expect(checkRunOptions({ integrationCodes: ['a'], costCap: 12.34 })).toMatchObject({ ok: true, options: { costCapCents: 1234 } });
      expect(checkRunOptions({ integrationCodes: ['a'], costCap: null })).toMatchObject({ ok: true, options: { costCapCents: null } });
    });

    it.each([
      [{}, /at least one integration code or enrichment group/],
      [{ integrationCodes: ['a b'] }, /contains a space, comma or semicolon/],
      [{ integrationCodes: ['a,b'] }, /one per entry/],
      [{ integrationCodes: ['a'], costCap: 0 }, /cost cap must be a positive amount/],
      [{ integrationCodes: ['a'], costCap: Number.NaN }, /cost cap/],
      [{ integrationCodes: ['a'], waveSize: 0 }, /1 to 50/],
      [{ integrationCodes: ['a'], waveSize: 51 }, /1 to 50/],
      [{ integrationCodes: ['a'], waveSize: 2.5 }, /whole number/],
      [{ integrationCodes: ['a'], title: 'x'.repeat(81) }, /longer than 80/],
      [{ integrationCodes: Array.from({ length: 51 }, (_, i) => `c${i}`) }, /At most 50/],
    ])('should refuse %j', (raw, message) => {
      const r = checkRunOptions(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.join(' ')).toMatch(message);
    });
  });

  describe('#toCents() / #formatUnits()', () => {
    it('should round float noise and print two decimals', () => {
      expect(toCents(0.1 + 0.2)).toBe(30);
      expect(formatUnits(1234)).toBe('12.34');
      expect(formatUnits(5)).toBe('0.05');
    });
  });
});
