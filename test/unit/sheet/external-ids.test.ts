import { givenLeadsSheet as givenSheet } from '../../harness/fixtures';
import { ensureExternalIds, fillExternalIds, generateExternalId, isGeneratedId, planIdWrites } from '../../../src/sheet/external-ids';
import { ALIASES, EXTERNAL_ID_FIELD, guessMapping, type FieldSpec } from '../../../src/sheet/headers';
import { rowsToRecords } from '../../../src/sheet/records';
import { readSource } from '../../../src/sheet/source';

const FIELDS: FieldSpec[] = [
  EXTERNAL_ID_FIELD,
  { key: 'company_name', label: 'company name', required: true, aliases: [...ALIASES.companyName] },
  { key: 'postal_code', label: 'postal code', aliases: [...ALIASES.postalCode] },
  { key: 'city', label: 'city', aliases: [...ALIASES.city] },
];

const noFormulas = (start: number, end: number): string[] => Array.from({ length: end - start + 1 }, () => '');

describe('sheet/external-ids', () => {
  describe('#generateExternalId()', () => {
    it('should be stable for the same sheet, row and content', () => {
      const a = generateExternalId(7, 12, ['Acme', 'Dresden']);
      expect(generateExternalId(7, 12, ['Acme', 'Dresden'])).toBe(a);
      expect(a).toMatch(/^row-7-12-[0-9a-z]{6}$/);
      expect(isGeneratedId(a)).toBe(true);
    });

    it('should differ for other content at the same row, and ignore the id cell', () => {
      expect(generateExternalId(0, 5, ['Acme'])).not.toBe(generateExternalId(0, 5, ['Beta']));
      expect(generateExternalId(0, 5, ['Acme', ''], 1)).toBe(generateExternalId(0, 5, ['Acme', 'old-id'], 1));
    });

    it('should make ids Sheets keeps as literal text', () => {
      expect(isGeneratedId('row-0-5-abc123-2')).toBe(true);
      expect(isGeneratedId('C-1001')).toBe(false);
    });
  });

  describe('#fillExternalIds()', () => {
    it('should fill only blank ids of non-empty rows', () => {
      const rows = [
        ['A', 'x1'],
        ['B', ''],
        ['', ''],
        ['C', null],
      ];
      const out = fillExternalIds(['x1', '', '', null], rows, 3, 2, 1);
      expect(out.changed).toEqual([1, 3]);
      expect(out.column[0]).toBe('x1');
      expect(out.column[2]).toBe('');
      expect(out.column[1]).toBe(generateExternalId(3, 3, ['B', ''], 1));
      expect(out.column[3]).toBe(generateExternalId(3, 5, ['C', null], 1));
    });

    it('should add a suffix when a generated id is already in the column', () => {
      const clash = generateExternalId(0, 2, ['A']);
      const out = fillExternalIds(['', clash], [['A'], ['B']], 0, 2);
      expect(out.column[0]).toBe(`${clash}-2`);
    });
  });

  describe('#planIdWrites()', () => {
    it('should write nothing when nothing changed', () => {
      expect(planIdWrites(['a'], ['a'], [], noFormulas)).toEqual([]);
    });

    it('should write one run of blanks exactly', () => {
      expect(planIdWrites(['a', '', ''], ['a', 'i1', 'i2'], [1, 2], noFormulas)).toEqual([{ start: 1, values: ['i1', 'i2'] }]);
    });

    it('should write one span over our own ids between runs without reading formulas', () => {
      const own = 'row-0-3-abcdef';
      const formulas = jest.fn(noFormulas);
      expect(planIdWrites(['', own, ''], ['i1', own, 'i2'], [0, 2], formulas)).toEqual([{ start: 0, values: ['i1', own, 'i2'] }]);
      expect(formulas).not.toHaveBeenCalled();
    });

    it('should write one span over plain user values when none is a formula', () => {
      const formulas = jest.fn(noFormulas);
      expect(planIdWrites(['', 1001, 'C-7', ''], ['i1', 1001, 'C-7', 'i2'], [0, 3], formulas)).toEqual([{ start: 0, values: ['i1', 1001, 'C-7', 'i2'] }]);
      expect(formulas).toHaveBeenCalledTimes(1);
    });

    it('should write each run alone when a user cell between them is a formula or re-parsable text', () => {
      const formula = (): string[] => ['', '=ROW()', ''];
      expect(planIdWrites(['', 2, ''], ['i1', 2, 'i2'], [0, 2], formula)).toEqual([
        { start: 0, values: ['i1'] },
        { start: 2, values: ['i2'] },
      ]);
      expect(planIdWrites(['', '01067', ''], ['i1', '01067', 'i2'], [0, 2], noFormulas)).toHaveLength(2);
    });
  });

  describe('#ensureExternalIds()', () => {
    it('should create an external_id column after the last used one with one setValues', () => {
      const { ss, calls } = givenSheet([
        ['Firma', 'Ort'],
        ['Acme', 'Dresden'],
        ['', ''],
        ['Beta', 'Berlin'],
      ]);
      const src = readSource(ss, { sheetName: 'Leads' });
      const out = ensureExternalIds(src, guessMapping(src.headers, FIELDS));
      expect(out.created).toBe(true);
      expect(out.column).toBe(3);
      expect(calls('Range.setValues')).toBe(1);
      const sheet = src.sheet;
      const col = sheet
        .getRange(1, 3, 4, 1)
        .getValues()
        .map((r) => r[0]);
      expect(col[0]).toBe('external_id');
      expect(col[1]).toMatch(/^row-\d+-2-[0-9a-z]{6}$/);
      expect(col[2]).toBe('');
      expect(col[3]).toMatch(/^row-\d+-4-[0-9a-z]{6}$/);
      expect(sheet.getRange(50, 3).getNumberFormat()).toBe('@');
      expect(out.generated.map((g) => g.rowNumber)).toEqual([2, 4]);
      const records = rowsToRecords(out.values, src.headerRowIndex, out.mapping, { fields: FIELDS });
      expect(records.records.map((r) => r.values['external_id'])).toEqual([col[1], col[3]]);
    });

    it('should make the same ids on a re-run and write nothing the second time', () => {
      const rows = [['Firma'], ['Acme'], ['Beta']];
      const a = givenSheet(rows);
      const b = givenSheet(rows);
      const first = ensureExternalIds(readSource(a.ss, { sheetName: 'Leads' }), {});
      const preview = ensureExternalIds(readSource(b.ss, { sheetName: 'Leads' }), {});
      expect(first.generated).toEqual(preview.generated);
      a.reset();
      const again = ensureExternalIds(readSource(a.ss, { sheetName: 'Leads' }), {});
      expect(again.created).toBe(false);
      expect(again.generated).toEqual([]);
      expect(a.calls('Range.setValues')).toBe(0);
      expect(again.mapping['external_id']).toBe(1);
    });

    it('should fill only the blanks of the user id column, never overwriting, in one setValues', () => {
      const { ss, calls } = givenSheet([
        ['Kunden-Nr', 'Firma'],
        ['K-1', 'Acme'],
        ['', 'Beta'],
        [1003, 'Gamma'],
        ['', 'Delta'],
        ['00042', 'Eps'],
      ]);
      const src = readSource(ss, { sheetName: 'Leads' });
      const out = ensureExternalIds(src, guessMapping(src.headers, FIELDS));
      expect(out.created).toBe(false);
      expect(out.column).toBe(1);
      expect(calls('Range.setValues')).toBe(1);
      const col = src.sheet
        .getRange(2, 1, 5, 1)
        .getValues()
        .map((r) => r[0]);
      expect(col[0]).toBe('K-1');
      expect(col[1]).toMatch(/^row-/);
      expect(col[2]).toBe(1003);
      expect(col[3]).toMatch(/^row-/);
      expect(col[4]).toBe(42);
    });

    it('should not rewrite a formula between the blanks', () => {
      const { ss, calls } = givenSheet([
        ['ID', 'Firma'],
        ['', 'Acme'],
        ['=7', 'Beta'],
        ['', 'Gamma'],
      ]);
      const src = readSource(ss, { sheetName: 'Leads' });
      ensureExternalIds(src, guessMapping(src.headers, FIELDS));
      expect(calls('Range.setValues')).toBe(2);
      expect(src.sheet.getRange(3, 1).getFormulas()).toEqual([['=7']]);
    });

    it('should grow the grid when the sheet has no free column', () => {
      const header = Array.from({ length: 26 }, (_, i) => `c${i}`);
      header[0] = 'Firma';
      const { ss, calls } = givenSheet([header, header.map((h) => `${h}-v`)]);
      const src = readSource(ss, { sheetName: 'Leads' });
      const out = ensureExternalIds(src, {});
      expect(out.column).toBe(27);
      expect(calls('Sheet.insertColumnsAfter')).toBe(1);
      expect(src.sheet.getRange(1, 27, 2, 1).getValues()[0]).toEqual(['external_id']);
    });

    it('should find an external_id column outside a narrower selection instead of adding another', () => {
      const { ss } = givenSheet([
        ['Firma', 'Ort'],
        ['Acme', 'Dresden'],
        ['Beta', 'Berlin'],
      ]);
      ensureExternalIds(readSource(ss, { a1: 'Leads!A1:B3' }), {});
      const sheet = ss.getSheetByName('Leads');
      sheet?.getRange(4, 1, 1, 2).setValues([['Gamma', 'Graz']]);
      const again = ensureExternalIds(readSource(ss, { a1: 'Leads!A1:B4' }), {});
      expect(again.column).toBe(3);
      expect(again.created).toBe(false);
      expect(again.generated.map((g) => g.rowNumber)).toEqual([4]);
      expect(sheet?.getLastColumn()).toBe(3);
      expect(again.values[3]).toEqual(['Gamma', 'Graz', again.generated[0]?.id]);
    });
  });
});
