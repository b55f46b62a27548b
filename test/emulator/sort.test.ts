/**
 * Sorting as Sheets does (PLATFORM.md: "Sheets recalculates on reopen, sort and edits"): rows move
 * whole, formulas in moved rows keep pointing at their own row, formulas outside the sorted rows
 * are not rewritten, empty cells go last, frozen rows stay.
 */
import { createEmulator } from '../../emulator';
import { ZERO_LATENCY } from '../../emulator/costs';
import { compareValues, shiftFormulaRows, sortKeys } from '../../emulator/gas/sort';

function setup() {
  const emu = createEmulator({ latency: ZERO_LATENCY });
  const ss = emu.gas.SpreadsheetApp.getActive();
  return { emu, ss, sheet: ss.getSheetByName('Sheet1') as GoogleAppsScript.Spreadsheet.Sheet };
}

describe('emulator/gas/sort', () => {
  describe('#shiftFormulaRows()', () => {
    it('should move relative row references and keep absolute ones and quoted text', () => {
      expect(shiftFormulaRows('=ENRICHED(E2, "A1")', 3)).toBe('=ENRICHED(E5, "A1")');
      expect(shiftFormulaRows("=F(A$2, $B3, 'My tab'!C4:D9)", 2)).toBe("=F(A$2, $B5, 'My tab'!C6:D11)");
      expect(shiftFormulaRows('=LOG10(A2)', -1)).toBe('=LOG10(A1)');
    });
  });

  describe('#compareValues()', () => {
    it('should order numbers before text before booleans, text without case', () => {
      expect([true, 'b', 2, 'A', 1].sort(compareValues)).toEqual([1, 2, 'A', 'b', true]);
    });
  });

  describe('#sortKeys()', () => {
    it("should read Apps Script's sort specs and refuse others", () => {
      expect(sortKeys(2)).toEqual([{ column: 2, ascending: true }]);
      expect(sortKeys([{ column: 1, ascending: false }, 3])).toEqual([
        { column: 1, ascending: false },
        { column: 3, ascending: true },
      ]);
      expect(sortKeys('A')).toBeNull();
    });
  });

  describe('Range.sort()', () => {
    it('should move whole rows, formulas with their row, empty keys last', () => {
      const { sheet } = setup();
      sheet.getRange('A1:C4').setValues([
        ['name', 'n', 'f'],
        ['b', 2, ''],
        ['', 9, ''],
        ['a', 1, ''],
      ]);
      sheet.getRange('C2').setFormula('=X(A2)');
      sheet.getRange('C4').setNote('mine');
      sheet.getRange('A2:C4').sort(1);
      expect(sheet.getRange('A2:B4').getValues()).toEqual([
        ['a', 1],
        ['b', 2],
        ['', 9],
      ]);
      // The formula of row 2 moved to row 3 and reads its own row there.
      expect(sheet.getRange('C2:C4').getFormulas()).toEqual([[''], ['=X(A3)'], ['']]);
      expect(sheet.getRange('C2').getNote()).toBe('mine');
      expect(sheet.getRange('A1:C1').getValues()).toEqual([['name', 'n', 'f']]);
    });

    it('should sort descending and refuse a key outside the range', () => {
      const { sheet } = setup();
      sheet.getRange('A1:A3').setValues([[1], [3], [2]]);
      sheet.getRange('A1:A3').sort({ column: 1, ascending: false });
      expect(sheet.getRange('A1:A3').getValues()).toEqual([[3], [2], [1]]);
      expect(() => sheet.getRange('A1:A3').sort(2)).toThrow('Column specified in sort spec must be within the range.');
    });

    it('should leave a formula outside the sorted rows as it was: it reads the sorted values', () => {
      const { sheet } = setup();
      sheet.getRange('A1:A3').setValues([['id'], ['z'], ['y']]);
      sheet.getRange('B1').setFormula('=ENRICHED(A2:A3, "x")');
      sheet.getRange('A2:A3').sort(1);
      expect(sheet.getRange('B1').getFormula()).toBe('=ENRICHED(A2:A3, "x")');
      expect(sheet.getRange('A2:A3').getValues()).toEqual([['y'], ['z']]);
    });
  });

  describe('Sheet.sort()', () => {
    it('should sort every row below the frozen ones, all columns', () => {
      const { sheet } = setup();
      sheet.getRange('A1:B3').setValues([
        ['k', 'v'],
        ['b', 'B'],
        ['a', 'A'],
      ]);
      sheet.setFrozenRows(1);
      sheet.sort(1);
      expect(sheet.getDataRange().getValues()).toEqual([
        ['k', 'v'],
        ['a', 'A'],
        ['b', 'B'],
      ]);
      sheet.sort(2, false);
      expect(sheet.getRange('A2:A3').getValues()).toEqual([['b'], ['a']]);
    });
  });
});
