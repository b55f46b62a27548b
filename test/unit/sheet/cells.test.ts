import { cellText, dateText, flattenObject, isFormulaLike, MAX_CELL_CHARS, needsTextFormat, socialLinks, toCell, truncateCell } from '../../../src/sheet/cells';

describe('sheet/cells', () => {
  describe('#toCell()', () => {
    it('should turn null and undefined into an empty cell', () => {
      expect(toCell(null)).toBe('');
      expect(toCell(undefined)).toBe('');
    });

    it('should keep strings, numbers, booleans and dates as they are', () => {
      expect(toCell('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
      expect(toCell('01067')).toBe('01067');
      expect(toCell(42.5)).toBe(42.5);
      expect(toCell(0)).toBe(0);
      expect(toCell(false)).toBe(false);
      const d = new Date(2026, 0, 5);
      expect(toCell(d)).toBe(d);
    });

    it('should give an empty cell for NaN, Infinity and an invalid date', () => {
      expect(toCell(Number.NaN)).toBe('');
      expect(toCell(Number.POSITIVE_INFINITY)).toBe('');
      expect(toCell(new Date('nope'))).toBe('');
    });

    it('should cut a 60,000-char string to the cell limit with a visible marker', () => {
      const cell = toCell('a'.repeat(60_000));
      expect(typeof cell).toBe('string');
      const s = cell as string;
      expect(s.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
      expect(s.endsWith(' …[truncated, 60000 chars]')).toBe(true);
      expect(s.startsWith('a'.repeat(49_000))).toBe(true);
    });

    it('should join arrays of scalars with a comma', () => {
      expect(toCell(['a', 'b', 3, null, true])).toBe('a, b, 3, true');
      expect(toCell([])).toBe('');
    });

    it('should join with newlines when an element is long or holds a comma', () => {
      expect(toCell(['Berlin, DE', 'Paris'])).toBe('Berlin, DE\nParis');
      const long = 'x'.repeat(61);
      expect(toCell([long, 'y'])).toBe(`${long}\ny`);
    });

    it('should write one line per object in an array of objects', () => {
      const people = [
        { name: 'Ann', title: 'CEO', email: null },
        { name: 'Bob', phones: ['1', '2'] },
      ];
      expect(toCell(people)).toBe('name: Ann; title: CEO\nname: Bob; phones: 1, 2');
    });

    it('should write objects as key: value lines, nesting in parentheses', () => {
      expect(toCell({ city: 'Dresden', zip: '01067', geo: { lat: 51, lng: 13.7 }, empty: {}, none: null })).toBe(
        'city: Dresden\nzip: 01067\ngeo: (lat: 51; lng: 13.7)',
      );
    });

    it('should render dates inside structures as ISO text', () => {
      expect(toCell({ founded: new Date(1999, 11, 31) })).toBe('founded: 1999-12-31');
    });

    it('should truncate a long rendered object too', () => {
      const s = toCell({ text: 'z'.repeat(70_000) }) as string;
      expect(s.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
      expect(s).toMatch(/ …\[truncated, 70006 chars\]$/);
    });
  });

  describe('#truncateCell()', () => {
    it('should leave a string at the limit alone', () => {
      const s = 'b'.repeat(MAX_CELL_CHARS);
      expect(truncateCell(s)).toBe(s);
    });

    it('should not split a surrogate pair', () => {
      const s = '😀'.repeat(30_000);
      const cut = truncateCell(s);
      const body = cut.slice(0, cut.indexOf(' …['));
      expect(body.length % 2).toBe(0);
      expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    });
  });

  describe('#socialLinks()', () => {
    it('should write a platform map as platform: url lines', () => {
      expect(socialLinks({ linkedin: 'https://linkedin.com/company/x', twitter: null, facebook: '' })).toBe('linkedin: https://linkedin.com/company/x');
    });

    it('should read a list of objects with platform and url', () => {
      expect(
        socialLinks([
          { platform: 'LinkedIn', url: 'https://www.linkedin.com/in/ann' },
          { type: 'twitter', link: 'https://x.com/ann' },
          { url: 'https://www.instagram.com/ann' },
        ]),
      ).toBe('LinkedIn: https://www.linkedin.com/in/ann\ntwitter: https://x.com/ann\ninstagram: https://www.instagram.com/ann');
    });

    it('should guess the platform of bare urls from the host', () => {
      expect(socialLinks(['https://www.facebook.com/acme', 'https://example.org/acme'])).toBe(
        'facebook: https://www.facebook.com/acme\nexample.org: https://example.org/acme',
      );
    });

    it('should give an empty string for nothing', () => {
      expect(socialLinks(null)).toBe('');
      expect(socialLinks([])).toBe('');
    });
  });

  describe('#isFormulaLike()', () => {
    it('should flag strings Sheets would parse as formulas or signed values', () => {
      for (const s of ['=HYPERLINK("x")', '+49 30 1234', '-CEO', '- Head of Sales', '+5', '-5']) expect(isFormulaLike(s)).toBe(true);
    });

    it('should not flag plain text or a lone dash', () => {
      for (const s of ['-', 'CEO', '01067', 'a=b', '']) expect(isFormulaLike(s)).toBe(false);
    });
  });

  describe('#needsTextFormat()', () => {
    it('should flag anything Sheets may re-parse', () => {
      for (const s of ['01067', '2026-09', '=1', '-CEO', '+49 30', 'TRUE', 'March 2020', '$5', '(030) 1234', "'x"]) expect(needsTextFormat(s)).toBe(true);
    });

    it('should pass plain words and letter-led ids', () => {
      for (const s of ['', 'Dresden', 'C-1001', 'row-0-7-abc123', 'March']) expect(needsTextFormat(s)).toBe(false);
    });
  });

  describe('#cellText()', () => {
    it('should read numbers as written, dates as ISO and trim strings', () => {
      expect(cellText(1067)).toBe('1067');
      expect(cellText(2.5)).toBe('2.5');
      expect(cellText('  Acme  ')).toBe('Acme');
      expect(cellText(new Date(2026, 8, 1))).toBe('2026-09-01');
      expect(cellText(true)).toBe('true');
      expect(cellText('')).toBe('');
      expect(cellText(null)).toBe('');
    });
  });

  describe('#dateText()', () => {
    it('should include the time when it is not midnight', () => {
      expect(dateText(new Date(2026, 0, 2, 13, 4, 5))).toBe('2026-01-02T13:04:05');
    });

    it('should read the day in the given time zone', () => {
      // Midnight in Berlin is 23:00 UTC the day before.
      const d = new Date(Date.UTC(2026, 8, 30, 22, 0, 0));
      expect(dateText(d, 'Europe/Berlin')).toBe('2026-10-01');
      expect(dateText(d, 'UTC')).toBe('2026-09-30T22:00:00');
      expect(cellText(d, 'Europe/Berlin')).toBe('2026-10-01');
    });
  });

  describe('#flattenObject()', () => {
    it('should make dot paths of nested objects', () => {
      expect(flattenObject({ company: { name: 'Acme', address: { city: 'Dresden', zip: '01067' } }, score: 3 })).toEqual({
        'company.name': 'Acme',
        'company.address.city': 'Dresden',
        'company.address.zip': '01067',
        score: 3,
      });
    });

    it('should keep arrays whole under their path', () => {
      const officers = [{ name: 'Ann' }, { name: 'Bob' }];
      const flat = flattenObject({ tags: ['a', 'b'], officers });
      expect(flat).toEqual({ tags: ['a', 'b'], officers });
      expect(toCell(flat['officers'])).toBe('name: Ann\nname: Bob');
    });

    it('should prefix keys and drop empty objects', () => {
      expect(flattenObject({ a: {}, b: { c: null } }, 'data')).toEqual({ 'data.b.c': null });
    });

    it('should stop at maxDepth and keep the rest whole', () => {
      expect(flattenObject({ a: { b: { c: 1 } } }, '', { maxDepth: 2 })).toEqual({ 'a.b': { c: 1 } });
    });

    it('should put a scalar under its prefix', () => {
      expect(flattenObject('x', 'note')).toEqual({ note: 'x' });
      expect(flattenObject(5)).toEqual({ value: 5 });
    });
  });
});
