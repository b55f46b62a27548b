import { firstFreeRun } from '../../../src/sheet/beside';
import { columnLetters, columnsSentence, enrichedFormula, existingColumns, placeColumns, valuesBlock } from '../../../src/sheet/result-columns';

const block = (values: unknown[][], formulas: string[][] = []) => ({
  headerRow: 1,
  lastRow: values.length,
  rightEdge: 5,
  keyColumn: 5,
  right: { values, formulas },
});

describe('sheet/result-columns', () => {
  describe('#firstFreeRun()', () => {
    it('should find the first run of adjacent free columns, past the block when needed', () => {
      const free = [true, false, true, true, false];
      expect(firstFreeRun((c) => free[c] ?? true, 5, 1)).toBe(0);
      expect(firstFreeRun((c) => free[c] ?? true, 5, 2)).toBe(2);
      expect(firstFreeRun((c) => free[c] ?? true, 5, 3)).toBe(5);
      expect(firstFreeRun(() => true, 0, 4)).toBe(0);
    });
  });

  describe('#placeColumns()', () => {
    it('should start right of the table when the columns there are empty', () => {
      expect(placeColumns(block([[], ['']]), 2)).toEqual({ column: 6, moved: false });
    });
    it('should move past a value or a formula (even one showing "")', () => {
      expect(
        placeColumns(
          block([
            ['', 'x'],
            ['', ''],
          ]),
          2,
        ),
      ).toEqual({ column: 8, moved: true });
      expect(placeColumns(block([[''], ['']], [[''], ['=""']]), 1)).toEqual({ column: 7, moved: true });
    });
  });

  describe('#enrichedFormula()', () => {
    it('should key by the id column below the header and quote the texts', () => {
      expect(enrichedFormula({ headerRow: 3, keyColumn: 28 }, 'say "hi"', 'Q1 - Companies')).toBe('=ENRICHED(AB4:AB, "say ""hi""", "Q1 - Companies", TRUE)');
      expect(enrichedFormula({ headerRow: 1, keyColumn: 1 }, 'name', 'T')).toBe('=ENRICHED(A2:A, "name", "T", TRUE)');
      expect(columnLetters(26)).toBe('Z');
    });
  });

  describe('#existingColumns()', () => {
    it("should find this tab's header-row formulas, not other tabs' nor other formulas", () => {
      const formulas = [
        [
          '',
          '=ENRICHED(E2:E, "say ""hi""", "T", TRUE)',
          '=ENRICHED(E2:E, "city", "Other", TRUE)',
          '=ENRICHED(E2, "x", "T")',
          '=ENRICHED(E2:E9, "name", "T", TRUE)',
        ],
      ];
      expect([...existingColumns(formulas[0] ?? [], 6, 'T')]).toEqual([
        ['say "hi"', 7],
        ['name', 10],
      ]);
    });
  });

  describe('#valuesBlock()', () => {
    it('should answer the fields, one row per key, empty for unknown keys, text that Sheets would parse as plain text', () => {
      const index = { header: ['external_id', 'name', 'phone'], rows: new Map<string, unknown[]>([['a', ['a', 'Alpha', '+49 30 1234']]]) };
      const out = valuesBlock(['name', 'phone'], [1, 2], ['a', '', 'zz'], index);
      expect(out.values).toEqual([
        ['name', 'phone'],
        ['Alpha', '+49 30 1234'],
        ['', ''],
        ['', ''],
      ]);
      expect(out.formats[1]).toEqual(['General', '@']);
    });
  });

  describe('#columnsSentence()', () => {
    it('should say where the columns went and why they moved', () => {
      expect(columnsSentence({ fields: ['name'], sheet: 'Leads', place: { column: 9, moved: true }, mode: 'values', tab: 'T', rows: 3 })).toMatch(
        /^Added name from "T" to "Leads" as column I \(3 row\(s\)\): values .* so the results start at I\.$/,
      );
    });
  });
});
