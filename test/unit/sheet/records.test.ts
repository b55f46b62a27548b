import type { FieldSpec } from '../../../src/sheet/headers';
import { rowsToRecords } from '../../../src/sheet/records';

const FIELDS: FieldSpec[] = [
  { key: 'external_id', label: 'external_id', aliases: [] },
  { key: 'company_name', label: 'company name', required: true, aliases: [] },
  { key: 'website', label: 'website', aliases: [], validate: (v) => (/\./.test(v) ? null : 'is not a web address') },
  { key: 'postal_code', label: 'postal code', aliases: [] },
  { key: 'founded', label: 'founded', aliases: [] },
];
const MAPPING = { external_id: 0, company_name: 1, website: 2, postal_code: 3, founded: 4 };

describe('sheet/records', () => {
  describe('#rowsToRecords()', () => {
    it('should read mapped cells as trimmed strings with 1-based sheet rows', () => {
      const values = [
        ['ID', 'Firma', 'Web', 'PLZ', 'Gegründet', 'Notiz'],
        ['A1', '  Acme GmbH ', 'acme.de', 1067, new Date(1999, 11, 31), 'ignored'],
      ];
      const out = rowsToRecords(values, 0, MAPPING, { fields: FIELDS });
      expect(out.invalid).toEqual([]);
      expect(out.records).toEqual([
        { rowNumber: 2, values: { external_id: 'A1', company_name: 'Acme GmbH', website: 'acme.de', postal_code: '1067', founded: '1999-12-31' } },
      ]);
    });

    it('should leave empty fields out of the record', () => {
      const out = rowsToRecords([['h'], ['', 'Acme', '', '  ', null]], 0, MAPPING, { fields: FIELDS });
      expect(out.records[0]?.values).toEqual({ company_name: 'Acme' });
    });

    it('should skip and count fully empty rows, and honour the header row and first row offsets', () => {
      const values = [
        ['', ''],
        ['ID', 'Firma'],
        ['A1', 'Acme'],
        ['', '  '],
        [null, ''],
        ['A2', 'Beta'],
      ];
      const out = rowsToRecords(values, 1, { external_id: 0, company_name: 1 }, { fields: FIELDS, firstRow: 10 });
      expect(out.emptyRows).toBe(2);
      expect(out.records.map((r) => r.rowNumber)).toEqual([12, 15]);
    });

    it('should mark a row with an empty required field invalid with its row number', () => {
      const values = [['h'], ['A1', 'Acme'], ['A2', '', 'beta.de']];
      const out = rowsToRecords(values, 0, MAPPING, { fields: FIELDS, firstRow: 5 });
      expect(out.records).toHaveLength(1);
      expect(out.invalid).toEqual([{ rowNumber: 7, reasons: ['Row 7: company name is empty'] }]);
    });

    it('should report an unmapped required field on every row', () => {
      const out = rowsToRecords([['h'], ['A1']], 0, { external_id: 0 }, { fields: FIELDS });
      expect(out.invalid[0]?.reasons).toEqual(['Row 2: company name is empty (no column is mapped to it)']);
    });

    it('should run the provider validators on non-empty values', () => {
      const out = rowsToRecords([['h'], ['A1', 'Acme', 'nope'], ['A2', 'Beta', '']], 0, MAPPING, { fields: FIELDS });
      expect(out.invalid).toEqual([{ rowNumber: 2, reasons: ['Row 2: website is not a web address'] }]);
      expect(out.records.map((r) => r.rowNumber)).toEqual([3]);
    });

    it('should collect every reason of a row', () => {
      const out = rowsToRecords([['h'], ['A1', '', 'nope']], 0, MAPPING, { fields: FIELDS });
      expect(out.invalid[0]?.reasons).toEqual(['Row 2: company name is empty', 'Row 2: website is not a web address']);
    });

    it('should mark a repeated external_id invalid and keep the first row', () => {
      const values = [['h'], ['x'], ['x'], ['ABC', 'Acme'], ['B', 'Beta'], ['x'], ['x'], ['x'], ['ABC', 'Acme again']];
      const out = rowsToRecords(values, 0, { external_id: 0, company_name: 1 }, { fields: FIELDS });
      expect(out.records.map((r) => r.rowNumber)).toEqual([4, 5]);
      expect(out.invalid.find((r) => r.rowNumber === 9)?.reasons).toEqual(['Row 9: external_id "ABC" is also used by row 4']);
    });

    it('should compare numeric ids as written', () => {
      const out = rowsToRecords([['h'], [1001, 'A'], ['1001', 'B']], 0, { external_id: 0, company_name: 1 }, { fields: FIELDS });
      expect(out.invalid[0]?.reasons).toEqual(['Row 3: external_id "1001" is also used by row 2']);
    });

    it('should refuse a row whose mapped cell shows a formula error, and leave unmapped ones alone', () => {
      const out = rowsToRecords(
        [['h'], ['A1', '#N/A', 'x'], ['A2', 'Beta', '#REF!'], ['A3', '#hashtag', '']],
        0,
        { external_id: 0, company_name: 1 },
        { fields: FIELDS },
      );
      expect(out.invalid).toEqual([{ rowNumber: 2, reasons: ['Row 2: company name shows the formula error #N/A; fix the formula or clear the cell'] }]);
      expect(out.records.map((r) => r.rowNumber)).toEqual([3, 4]);
    });

    it('should read mapped keys that have no field spec', () => {
      const out = rowsToRecords([['h'], ['A1', 'Acme', 'extra']], 0, { external_id: 0, company_name: 1, notes: 2 }, { fields: FIELDS });
      expect(out.records[0]?.values['notes']).toBe('extra');
    });
  });
});
