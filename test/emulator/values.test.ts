import { displayValue, sheetsToSimplePattern } from '../../emulator/gas/format';
import { coerce, evaluateFormula, exceedsCellLimit, typedNumber, type CoerceOptions } from '../../emulator/gas/values';

const TZ = 'Europe/Berlin';
const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const opts: CoerceOptions = { timeZone: TZ, now: NOW };
const value = (input: unknown, o: Partial<CoerceOptions> = {}) => coerce(input, { ...opts, ...o }).value;

describe('emulator/gas/values', () => {
  describe('#coerce()', () => {
    it.each([
      ['01067', 1067],
      ['42', 42],
      ['3.25', 3.25],
      ['1e3', 1000],
      ['1,234.5', 1234.5],
      ['+5', 5],
      ['-5', -5],
      ['  7 ', 7],
      ['5%', 0.05],
      ['12.5%', 0.125],
    ])('should turn the numeric-looking string %p into the number %p', (input, expected) => {
      expect(value(input)).toBe(expected);
    });

    it('should keep only 15 significant digits of a 16+ digit string', () => {
      expect(value('12345678901234567')).toBe(12345678901234600);
      expect(value('4006381333931')).toBe(4006381333931);
    });

    it.each([
      ['TRUE', true],
      ['false', false],
      ['True', true],
    ])('should turn %p into the boolean %p', (input, expected) => {
      expect(value(input)).toBe(expected);
    });

    it.each([
      ['2026-09', Date.UTC(2026, 7, 31, 22)],
      ['2026-09-01', Date.UTC(2026, 7, 31, 22)],
      ['2026-09-01 10:00', Date.UTC(2026, 8, 1, 8)],
      ['9/1/2026', Date.UTC(2026, 7, 31, 22)],
      ['1/2', Date.UTC(2026, 0, 1, 23)],
    ])('should turn the date-looking string %p into a Date in the spreadsheet time zone', (input, epoch) => {
      const v = value(input);
      expect(v).toBeInstanceOf(Date);
      expect((v as Date).getTime()).toBe(epoch);
    });

    it('should leave impossible dates as text', () => {
      expect(value('2026-13-01')).toBe('2026-13-01');
      expect(value('2/30/2026')).toBe('2/30/2026');
    });

    it('should make a formula of a string starting with =', () => {
      expect(coerce('=SUM(A1:A3)', opts)).toEqual({ value: '#ERROR!', formula: '=SUM(A1:A3)' });
      expect(coerce('=HYPERLINK("https://x.io","X")', opts)).toEqual({ value: 'X', formula: '=HYPERLINK("https://x.io","X")' });
    });

    it.each([
      ['-CEO', '#NAME?'],
      ['- Head of Sales', '#NAME?'],
      ['+49 30 1234', '#ERROR!'],
    ])('should read %p as a broken formula', (input, shown) => {
      expect(coerce(input, opts)).toEqual({ value: shown, formula: `=${input}` });
    });

    it('should keep a lone - or + as text', () => {
      expect(coerce('-', opts)).toEqual({ value: '-' });
      expect(coerce('+', opts)).toEqual({ value: '+' });
    });

    it('should keep the text after a leading apostrophe literally', () => {
      expect(coerce("'-CEO", opts)).toEqual({ value: '-CEO' });
      expect(coerce("'01067", opts)).toEqual({ value: '01067' });
    });

    it('should keep every string literally when the cell format is @', () => {
      for (const s of ['01067', '=SUM(1)', '-CEO', '+49 30 1234', 'TRUE', '2026-09', '5%', "'x"]) {
        expect(coerce(s, { ...opts, format: '@' })).toEqual({ value: s });
      }
    });

    it('should turn null and undefined into an empty cell', () => {
      expect(value(null)).toBe('');
      expect(value(undefined)).toBe('');
    });

    it('should write an object as [object Object]', () => {
      expect(value({ a: 1 })).toBe('[object Object]');
    });

    it('should keep numbers, booleans and Dates (copied)', () => {
      const d = new Date(NOW);
      expect(value(12.5)).toBe(12.5);
      expect(value(false)).toBe(false);
      const out = value(d);
      expect(out).not.toBe(d);
      expect((out as Date).getTime()).toBe(NOW);
    });

    it('should keep plain text as it is', () => {
      expect(value('Acme GmbH')).toBe('Acme GmbH');
      expect(value('030 1234')).toBe('030 1234');
      expect(value('')).toBe('');
    });

    it('should pick a percent format for percent input', () => {
      expect(coerce('5%', opts).autoFormat).toBe('0%');
      expect(coerce('12.5%', opts).autoFormat).toBe('0.0%');
    });
  });

  describe('#exceedsCellLimit()', () => {
    it('should flag strings over 50,000 characters only', () => {
      expect(exceedsCellLimit('x'.repeat(50_000))).toBe(false);
      expect(exceedsCellLimit('x'.repeat(50_001))).toBe(true);
      expect(exceedsCellLimit(1)).toBe(false);
    });
  });

  describe('#typedNumber()', () => {
    it('should drop thousands separators', () => {
      expect(typedNumber('1,234,567')).toBe(1234567);
    });
  });

  describe('#evaluateFormula()', () => {
    it('should evaluate trivial constants', () => {
      expect(evaluateFormula('="a""b"')).toBe('a"b');
      expect(evaluateFormula('=12')).toBe(12);
      expect(evaluateFormula('=TRUE')).toBe(true);
      expect(evaluateFormula('=HYPERLINK("https://x.io")')).toBe('https://x.io');
    });

    it('should show #NAME? for bare words and #ERROR! otherwise', () => {
      expect(evaluateFormula('=CEO')).toBe('#NAME?');
      expect(evaluateFormula('=1 2')).toBe('#ERROR!');
    });
  });

  describe('#displayValue()', () => {
    it('should show numbers, booleans and percent formats', () => {
      expect(displayValue(1067, undefined, TZ)).toBe('1067');
      expect(displayValue(0.1 + 0.2, undefined, TZ)).toBe('0.3');
      expect(displayValue(true, undefined, TZ)).toBe('TRUE');
      expect(displayValue(0.05, '0%', TZ)).toBe('5%');
      expect(displayValue(1234.5, '#,##0.00', TZ)).toBe('1,234.50');
    });

    it('should show dates with their format in the spreadsheet time zone', () => {
      const d = new Date(Date.UTC(2026, 7, 31, 22));
      expect(displayValue(d, 'yyyy-mm-dd', TZ)).toBe('2026-09-01');
      expect(displayValue(d, 'M/d/yyyy', TZ)).toBe('9/1/2026');
      expect(displayValue(d, undefined, TZ)).toBe('9/1/2026');
      expect(displayValue(new Date(Date.UTC(2026, 8, 1, 8, 5)), 'yyyy-mm-dd hh:mm', TZ)).toBe('2026-09-01 10:05');
    });
  });

  describe('#sheetsToSimplePattern()', () => {
    it('should read m as minutes after h and as months otherwise', () => {
      expect(sheetsToSimplePattern('yyyy-mm-dd hh:mm:ss')).toBe('yyyy-MM-dd HH:mm:ss');
    });
  });
});
