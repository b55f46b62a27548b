import { FormulaSyntaxError, parseFormula } from '../../../emulator/playground/formula';

describe('playground formula', () => {
  describe('#parseFormula()', () => {
    it('should read strings, numbers, booleans, references and array literals', () => {
      expect(parseFormula('=enriched(F2:F4, {"name","city";"a b",2}, \'My "tab\'\'s\'!$A$1, TRUE, -1.5, "say ""hi""")')).toEqual({
        name: 'ENRICHED',
        args: [
          { kind: 'ref', ref: { sheetName: undefined, startRow: 2, startCol: 6, endRow: 4, endCol: 6 }, text: 'F2:F4' },
          {
            kind: 'array',
            rows: [
              ['name', 'city'],
              ['a b', 2],
            ],
          },
          { kind: 'ref', ref: { sheetName: 'My "tab\'s', startRow: 1, startCol: 1, endRow: 1, endCol: 1 }, text: "'My \"tab''s'!$A$1" },
          { kind: 'value', value: true },
          { kind: 'value', value: -1.5 },
          { kind: 'value', value: 'say "hi"' },
        ],
      });
    });

    it('should read an open-ended range (to the bottom of the grid)', () => {
      expect(parseFormula('=ENRICHED(E2:E, "name", "T", TRUE)').args[0]).toEqual({
        kind: 'ref',
        ref: { sheetName: undefined, startRow: 2, startCol: 5, endRow: undefined, endCol: 5 },
        text: 'E2:E',
      });
    });

    it('should keep an omitted argument as empty and accept no arguments', () => {
      expect(parseFormula('=F(A1,,3)').args.map((a) => a.kind === 'value' && a.value)).toEqual([false, '', 3]);
      expect(parseFormula('=OPENMART_CREDITS()')).toEqual({ name: 'OPENMART_CREDITS', args: [] });
    });

    it('should refuse what it does not read', () => {
      expect(() => parseFormula('=SUM(A1+B1)')).toThrow(FormulaSyntaxError);
      expect(() => parseFormula('=F("open')).toThrow(/not closed/);
      expect(() => parseFormula('=F(1) + 2')).toThrow(/after the closing parenthesis/);
      expect(() => parseFormula('=1+2')).toThrow(/function name/);
    });
  });
});
