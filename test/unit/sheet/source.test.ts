import { givenLeadsSheet as givenSheet } from '../../harness/fixtures';
import { isSheetError, type SheetErrorCode } from '../../../src/sheet/errors';
import { ALIASES, EXTERNAL_ID_FIELD, guessMapping, type FieldSpec } from '../../../src/sheet/headers';
import { rowsToRecords } from '../../../src/sheet/records';
import { readSource, splitA1, type SourceSpec } from '../../../src/sheet/source';

function codeOf(fn: () => unknown): SheetErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    if (isSheetError(e)) return e.code;
    throw e;
  }
  return undefined;
}

const FIELDS: FieldSpec[] = [
  EXTERNAL_ID_FIELD,
  { key: 'company_name', label: 'company name', required: true, aliases: [...ALIASES.companyName] },
  { key: 'postal_code', label: 'postal code', aliases: [...ALIASES.postalCode] },
  { key: 'city', label: 'city', aliases: [...ALIASES.city] },
];

describe('sheet/source', () => {
  describe('#splitA1()', () => {
    it('should split sheet names, quoted or not', () => {
      expect(splitA1('Sheet1!A1:F30')).toEqual({ sheetName: 'Sheet1', range: 'A1:F30' });
      expect(splitA1("'It''s mine'!B2:C3")).toEqual({ sheetName: "It's mine", range: 'B2:C3' });
      expect(splitA1('A1:B2')).toEqual({ sheetName: undefined, range: 'A1:B2' });
    });
  });

  describe('#readSource()', () => {
    it('should read a sheet with one getValues and find the header below empty rows', () => {
      const { ss, calls } = givenSheet([[], ['Firma', 'PLZ', 'Ort'], ['Acme', '01067', 'Dresden'], [], ['Beta', '10115', 'Berlin'], []]);
      const src = readSource(ss, { sheetName: 'Leads' });
      expect(calls('Range.getValues')).toBe(1);
      expect(src.headerRowIndex).toBe(1);
      expect(src.headerRow).toBe(2);
      expect(src.firstDataRow).toBe(3);
      expect(src.headers).toEqual(['Firma', 'PLZ', 'Ort']);
      expect(src.values).toHaveLength(5);
      const mapping = guessMapping(src.headers, FIELDS);
      const out = rowsToRecords(src.values, src.headerRowIndex, mapping, { fields: FIELDS, firstRow: src.firstRow, timeZone: src.timeZone });
      expect(out.emptyRows).toBe(1);
      // 01067 typed into a number cell became 1067: it reads as written.
      expect(out.records).toEqual([
        { rowNumber: 3, values: { company_name: 'Acme', postal_code: '1067', city: 'Dresden' } },
        { rowNumber: 5, values: { company_name: 'Beta', postal_code: '10115', city: 'Berlin' } },
      ]);
    });

    it('should read a date cell as yyyy-mm-dd in the spreadsheet time zone', () => {
      const { ss } = givenSheet([
        ['Firma', 'Seit'],
        ['Acme', '2024-03-01'],
      ]);
      const src = readSource(ss, { sheetName: 'Leads' });
      const out = rowsToRecords(src.values, src.headerRowIndex, { company_name: 0, since: 1 }, { fields: FIELDS, timeZone: src.timeZone });
      expect(out.records[0]?.values['since']).toBe('2024-03-01');
    });

    it('should read an A1 range with its offsets', () => {
      const { ss } = givenSheet([
        ['x', 'x', 'x', 'x'],
        ['x', 'Firma', 'Ort', 'x'],
        ['x', 'Acme', 'Dresden', 'x'],
        ['x', 'Beta', 'Berlin', 'x'],
      ]);
      const src = readSource(ss, { a1: 'Leads!B2:C4' });
      expect(src).toMatchObject({ firstRow: 2, firstColumn: 2, headerRow: 2, firstDataRow: 3, headers: ['Firma', 'Ort'] });
      expect(src.values).toEqual([
        ['Firma', 'Ort'],
        ['Acme', 'Dresden'],
        ['Beta', 'Berlin'],
      ]);
    });

    it('should read the selection with its first row as the header', () => {
      const { ss } = givenSheet([
        ['Firma', 'Ort'],
        ['Acme', 'Dresden'],
        ['Beta', 'Berlin'],
      ]);
      ss.getSheetByName('Leads')?.getRange('A2:B3').activate();
      const src = readSource(ss, 'selection');
      expect(src.headers).toEqual(['Acme', 'Dresden']);
      expect(src.firstDataRow).toBe(3);
    });

    it('should explain a missing sheet, an empty sheet, a bad range and a one-row selection', () => {
      const { ss } = givenSheet([['Firma'], ['Acme']]);
      expect(codeOf(() => readSource(ss, { sheetName: 'Nope' }))).toBe('SHEET_NOT_FOUND');
      ss.insertSheet('Empty');
      expect(codeOf(() => readSource(ss, { sheetName: 'Empty' }))).toBe('SHEET_EMPTY');
      expect(codeOf(() => readSource(ss, { a1: 'Leads!ZZ' }))).toBe('BAD_RANGE');
      expect(codeOf(() => readSource(ss, { a1: 'Nope!A1:B2' }))).toBe('SHEET_NOT_FOUND');
      expect(codeOf(() => readSource(ss, { a1: 'Leads!A1:B1' }))).toBe('SELECTION_ONE_ROW');
      ss.getSheetByName('Leads')?.getRange('A1:B1').activate();
      expect(codeOf(() => readSource(ss, 'selection'))).toBe('SELECTION_ONE_ROW');
      ss.getSheetByName('Leads')?.getRange('C5:D9').activate();
      expect(codeOf(() => readSource(ss, 'selection' as SourceSpec))).toBe('SHEET_EMPTY');
    });
  });
});
