/** @jest-environment node */
import { parameterColumns } from '../../../sidebar/gu1-extras';

describe('sidebar/gu1-extras', () => {
  describe('#parameterColumns()', () => {
    const headers = ['Customer ID', 'Name', 'Tax ID', ''];

    it('should find each "name = header" line by its header, case and spaces ignored', () => {
      expect(parameterColumns('taxId = tax id\n\n  legalName=Name  ', headers)).toEqual({ columns: { taxId: 2, legalName: 1 }, problems: [] });
    });

    it('should name a line without "=" and a header the source lacks', () => {
      const r = parameterColumns('taxId\ncuit = CUIT', headers);
      expect(r.columns).toEqual({});
      expect(r.problems).toEqual([
        '"taxId": write a parameter as name = column header (e.g. taxId = CUIT).',
        'Parameter cuit: no column "CUIT" in the source (columns: Customer ID, Name, Tax ID).',
      ]);
    });
  });
});
